// What issue 17 asks of the command line on real notices and on documents that are not
// work plans: warnings reach the user, --strict fails on them, and a budget, a report or
// a standard gives exit 5 with its reason. The ../shared files are other people's
// documents, read in place; where ../shared is absent these tests say so and skip.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run } from "./helpers.js";

const SHARED = path.resolve(ROOT, "..", "shared");
const REAL_FILES = path.join(SHARED, "real-files");
const haveShared = existsSync(REAL_FILES);
if (!haveShared) console.warn(`skipping the real-files tests: ${REAL_FILES} is absent (CI has ../shared beside the clone)`);

describe("warnings reach the user", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wp-warn-"));
  // A table whose second row has a number and no requirement: converted, with a warning.
  const file = path.join(dir, "notice.txt");
  writeFileSync(file, "2021年某县重点工作任务清单\n序号 | 工作任务 | 责任单位 | 完成时限 |\n1 | 完善公开目录。 | 县政府办 | 6月底前 |\n2 |  | 县财政局 | 年底前 |\n");

  it("a conversion with warnings says how many and of which kinds, in one line on stderr, and exits 0", () => {
    const r = run(["convert", file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks).toHaveLength(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/notice\.txt: 1 warning: 1 no-text/u);
  });

  it("-q keeps it quiet", () => {
    const r = run(["convert", file, "-q"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("--strict fails on warnings: exit 8, nothing written", () => {
    const out = path.join(dir, "out.json");
    const r = run(["convert", file, "--strict", "-o", out]);
    expect(r.code).toBe(8);
    expect(r.stderr).toMatch(/--strict/u);
    expect(existsSync(out)).toBe(false);
  });

  it("a batch with --strict counts such files as failed and writes the others", () => {
    const clean = path.join(dir, "clean");
    writeFileSync(path.join(dir, "ok.txt"), "2021年某县重点工作任务清单\n序号 | 工作任务 | 责任单位 | 完成时限 |\n1 | 完善公开目录。 | 县政府办 | 6月底前 |\n2 | 更新年报。 | 县财政局 | 年底前 |\n");
    const r = run(["convert", path.join(dir, "ok.txt"), file, "--strict", "-o", clean + "/", "-q"]);
    expect(r.code).toBe(7);
    expect(readdirSync(clean)).toEqual(["ok.txt.json"]);
  });
});

describe.skipIf(!haveShared)("documents that are not work plans (../shared/real-files)", () => {
  // Their SOURCES.md too: a text about notices, mentioning 责任单位 and 完成时限 in brackets, is none.
  const files = haveShared ? readdirSync(REAL_FILES) : [];
  it.each(files)("%s: exit 5 with a one-line reason", (f) => {
    const r = run(["convert", path.join(REAL_FILES, f)]);
    expect(r.code).toBe(5);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/no task table|not read as a work plan/u);
  });
});

describe("inspect explains a document that gave no tasks", () => {
  it("shows the layouts tried with the reason each was not taken, and the lines that hold structure", () => {
    const r = run(["inspect", path.join(ROOT, "fixtures/families/not-a-plan.txt")]);
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(/^result: +no tasks — not read as a work plan/mu);
    expect(r.stdout).toMatch(/^ +pipe-rows +0 lines of two or more/mu);
    // The candidate lines, with their line numbers.
    expect(r.stdout).toMatch(/^ +11 +header +序号 单位名称 备注/mu);
    expect(r.stdout).toMatch(/^ +7 +item +1\.负责本级财政预算/mu);
  });

  it("--layout reads a text as told; an unknown name is a usage error", () => {
    const f = path.join(ROOT, "fixtures/families/pipe-rows-short.txt");
    const forced = run(["inspect", f, "--layout", "spaced"]);
    expect(forced.code).toBe(5);
    expect(forced.stderr).toMatch(/spaced layout finds no table/u);
    expect(run(["convert", f, "--layout", "grid"]).code).toBe(2);
    const asked = run(["inspect", f, "--layout", "pipe-rows"]);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/as asked \(--layout pipe-rows\)/u);
  });

  it("--encoding decodes as told; a wrong one fails on bytes it cannot decode, an unknown one is a usage error", () => {
    const gbk = path.join(ROOT, "fixtures/encodings/000-gbk.txt");
    expect(run(["convert", gbk, "--encoding", "gb18030"]).code).toBe(0);
    expect(run(["convert", gbk, "--encoding", "utf-8"]).code).toBe(4);
    expect(run(["convert", gbk, "--encoding", "klingon"]).code).toBe(2);
  });
});

describe.skipIf(!haveShared)("tables on real producers' files (../shared/real-files)", () => {
  it("one budget template exported by WPS 表格 and by WPS Office gives the same grid: 本年收入 | 本年支出 over 项目 | 预算数, 16 rows × 4 columns", () => {
    const first = (f: string) => {
      const r = run(["tables", path.join(REAL_FILES, f)]);
      expect(r.code, f).toBe(0);
      const j = JSON.parse(r.stdout) as { tables: Array<{ kind: string; rows: Array<{ cells: Array<{ text: string; colSpan: number }> }> }> };
      return j.tables.filter((t) => t.kind === "page")[0]!;
    };
    for (const f of ["putuo-qzfb-2025-yusuan.pdf", "putuo-wanli-2025-yusuan.pdf"]) {
      const t = first(f);
      expect(t.rows, f).toHaveLength(16);
      expect(t.rows.every((r) => r.cells.length === 4), f).toBe(true);
      expect(t.rows[0]!.cells.map((c) => c.text), f).toEqual(["本年收入", "", "本年支出", ""]);
      expect(t.rows[0]!.cells[0]!.colSpan, f).toBe(2);
      expect(t.rows[1]!.cells.map((c) => c.text), f).toEqual(["项目", "预算数", "项目", "预算数"]);
    }
  });

  it("the template's summary table from all four producers (WPS 表格, WPS Office, ONLYOFFICE, Word 2010) has one shape: two spanning headers over 项目 | amount, four columns", () => {
    for (const f of ["putuo-qzfb-2025-yusuan.pdf", "putuo-wanli-2025-yusuan.pdf", "putuo-czj-2024-juesuan.pdf", "putuo-ghzy-2024-juesuan.pdf"]) {
      const r = run(["tables", path.join(REAL_FILES, f)]);
      expect(r.code, f).toBe(0);
      const j = JSON.parse(r.stdout) as { tables: Array<{ kind: string; rows: Array<{ cells: Array<{ text: string; colSpan: number; merged?: string }> }> }> };
      const t = j.tables.find((x) => x.kind === "page" && x.rows[1]?.cells[0]?.text === "项目");
      expect(t, f).toBeDefined();
      expect(t!.rows.every((row) => row.cells.length === 4), f).toBe(true);
      const top = t!.rows[0]!.cells;
      expect([top[0]!.colSpan, top[2]!.colSpan, top[1]!.merged, top[3]!.merged], f).toEqual([2, 2, "left", "left"]);
      expect(top[0]!.text, f).toMatch(/收入$/u);
      expect(top[2]!.text, f).toMatch(/支出$/u);
      const sub = t!.rows[1]!.cells.map((c) => c.text);
      expect([sub[0], sub[2]], f).toEqual(["项目", "项目"]);
      expect(sub[1], f).toMatch(/^(?:预算|决算)数$/u);
      expect(sub[3], f).toBe(sub[1]);
    }
  });

  it("a document that is no plan still shows its tables (exit 0), though convert gives exit 5", () => {
    const r = run(["tables", path.join(REAL_FILES, "putuo-czj-2024-juesuan.pdf")]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { tables: unknown[] }).tables.length).toBeGreaterThan(10);
  });
});
