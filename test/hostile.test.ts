// Hostile input, second round: every file the review found (scripts/hostile-inputs.mjs)
// ends in an output or a one-line error, fast and within its memory; one bad file fails
// alone in a batch; LibreOffice fetches nothing; names are names.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript shared with scripts/hostile.mjs
import * as h from "../scripts/hostile-inputs.mjs";
import { BIN, ROOT, run } from "./helpers.js";

const make = h as Record<string, (...a: unknown[]) => Buffer>;
const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));
const SEED = path.join(ROOT, "fixtures/seeds/004_091f97d7362963d8.txt");

/** Converts `bytes` as one file; its exit code, first stderr line and seconds. */
function convert(bytes: Buffer, ext: string, args: string[] = []): { code: number; message: string; seconds: number; stdout: string } {
  const dir = tmp("wp-hostile-");
  const file = path.join(dir, `case.${ext}`);
  writeFileSync(file, bytes);
  const t0 = performance.now();
  const r = run(["convert", file, ...args]);
  return { code: r.code, message: r.stderr.trim().split("\n")[0] ?? "", seconds: (performance.now() - t0) / 1000, stdout: r.stdout };
}

describe("linear time on inputs that were quadratic", () => {
  // Each took 15 s to over a minute before (scripts/hostile.mjs measures them).
  const cases: Array<[string, () => Buffer, string, number]> = [
    ["80,000 spaces in a line", () => make.spaces!(80000), "txt", 5],
    ["100,000 局 in a unit cell", () => make.unitCell!("局".repeat(100000)), "txt", 0],
    ["100,000 等 in a unit cell", () => make.unitCell!("等".repeat(100000)), "txt", 0],
    ["100,000 牵头 in a unit cell", () => make.unitCell!("牵头".repeat(100000)), "txt", 0],
    ["a line of 100,000 tabs", () => make.tabs!(100000), "txt", 5],
    ["a line of 100,000 cells", () => make.cells!(100000), "txt", 4],
    ["one paragraph of 80,000 lines", () => make.proseLines!(80000), "txt", 0],
    ["a web page nested 100,000 deep", () => make.htmlDeep!(100000), "html", 4],
    ["a web table of 200,000 rows", () => make.htmlRows!(200000), "html", 4],
    ["a PDF page of 200,000 ruling dashes", () => make.pdfDashes!(200000), "pdf", 5],
    ["a PDF ruled 2000 × 2000", () => make.pdfGrid!(2000), "pdf", 4],
    ["a PDF listing one page a million times", () => make.pdfManyPages!(1000000), "pdf", 4],
    ["a Word table row of 20,000 cells", () => make.docxWide!(20000), "docx", 4],
    // Found by the fuzzer: a site-name pattern tried from every position of such a line took 25 s.
    ["a title broken by 100,000 ideographic spaces", () => Buffer.from("某市20" + "\u3000".repeat(100000) + "21年政务公开工作任务清单\n\n| 序号 | 工作任务 | 具体要求 | 责任单位 |\n| 1 | 一、决策公开 | 推进重大行政决策预公开。 | 市司法局 |\n| 2 | | 做好意见征集。 | 市政府各部门 |\n"), "txt", 0],
  ];
  it.each(cases)("%s: seconds, not minutes", (_label, bytes, ext, code) => {
    const r = convert(bytes(), ext);
    expect(r.code, r.message).toBe(code);
    expect(r.seconds).toBeLessThan(10);
    if (code !== 0) expect(r.message).toMatch(/^workplan: .*case\.\w+: /u);
  });
});

describe("no crash from kilobyte files", () => {
  const cases: Array<[string, () => Buffer, number, RegExp]> = [
    ["Word tables nested 1,000 deep", () => make.docxNestedTables!(1000), 4, /nested over 1000 deep/u],
    ["10,000 nested w:ins", () => make.docxNestedWrappers!(10000, "ins"), 4, /nested over 1000 deep/u],
    ["10,000 nested content controls", () => make.docxNestedWrappers!(10000, "sdt"), 4, /nested over 1000 deep/u],
    ["10,000 nested text boxes", () => make.docxNestedWrappers!(10000, "box"), 4, /nested over 1000 deep/u],
    ["numbering with w:ilvl 1.5", () => make.docxNumbering!("1.5", 1), 0, /^$/u],
    ["numbering with w:ilvl 1e9", () => make.docxNumbering!("1e9", 1), 0, /^$/u],
    ["numbering starting at 1e15 in roman numerals", () => make.docxNumbering!("0", "1e15"), 0, /^$/u],
    ["a zip64 extra field running past the end of the file", () => make.zip64ExtraAtEnd!(), 4, /not a valid \.docx/u],
  ];
  it.each(cases)("%s", (_label, bytes, code, message) => {
    const r = convert(bytes(), "docx");
    expect(r.code, r.message).toBe(code);
    expect(r.message).toMatch(message);
    expect(r.seconds).toBeLessThan(10);
  });

  it("a web page nested 10,000 deep is a clean error, not a stack overflow", () => {
    const r = convert(make.htmlDeep!(10000), "html");
    expect(r.code).toBe(4);
    expect(r.message).toMatch(/nested over 1000 deep/u);
  });

  it("a numbered Word paragraph with a bad level still reads, without its number", () => {
    const r = convert(make.docxNumbering!("1e9", 1), "docx");
    const plan = JSON.parse(r.stdout) as { tasks: Array<{ text: string; unitsText: string }> };
    expect(plan.tasks.map((t) => t.unitsText)).toEqual(["市政府办公室负责"]);
  });
});

describe("one bad file fails alone", () => {
  it("a batch holding a 100 MB document.xml, a 90,000-row table and a file over the memory limit: the rest converts, the report is written, --resume finishes", () => {
    const dir = tmp("wp-iso-");
    writeFileSync(path.join(dir, "a-empty-paragraphs.docx"), make.docxEmptyParagraphs!(100));
    writeFileSync(path.join(dir, "b-rows.docx"), make.docxRows!(90000));
    copyFileSync(SEED, path.join(dir, "c.txt"));
    const out = `${dir}-out/`;
    const report = `${dir}-report.json`;
    const r = run(["convert", dir, "-o", out, "--jobs", "2", "--report", report]);
    expect(r.code, r.stderr).toBe(0);
    const tasks = (f: string) => (JSON.parse(readFileSync(path.join(out, f), "utf8")) as { tasks: unknown[] }).tasks.length;
    expect(tasks("a-empty-paragraphs.docx.json")).toBe(1);
    expect(tasks("b-rows.docx.json")).toBe(90000);
    expect(tasks("c.txt.json")).toBe(16);
    // Over the memory limit: the big table fails alone, in a batch and alone, with the same reason.
    const small = run(["convert", dir, "-o", `${dir}-small/`, "--max-memory", "64", "--report", `${dir}-small.json`]);
    expect(small.code).toBe(7);
    expect(small.stderr).toMatch(/b-rows\.docx: out of memory/u);
    const rep = JSON.parse(readFileSync(`${dir}-small.json`, "utf8")) as { summary: { converted: number; failed: number } };
    expect(rep.summary.failed).toBeGreaterThanOrEqual(1);
    expect(existsSync(path.join(`${dir}-small`, "c.txt.json"))).toBe(true);
    const alone = run(["convert", path.join(dir, "b-rows.docx"), "--max-memory", "64"]);
    expect(alone.code).toBe(4);
    expect(alone.stderr).toMatch(/b-rows\.docx: out of memory/u);
    const again = run(["convert", dir, "-o", `${dir}-small/`, "--max-memory", "64", "--resume", "--report", `${dir}-small.json`]);
    expect(again.code).toBe(7);
    expect((JSON.parse(readFileSync(`${dir}-small.json`, "utf8")) as { summary: { skipped: number } }).summary.skipped).toBeGreaterThanOrEqual(1);
  }, 180_000);
});

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"]).status === 0;

describe.runIf(hasSoffice || process.env.CI === "true")("LibreOffice fetches nothing", () => {
  it("a .doc whose picture links to a web address is converted without a request reaching it", async () => {
    // fixtures/hostile/remote-link.doc links http://127.0.0.1:47811/logo.png (scripts/make-remote-link.py).
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(47811, "127.0.0.1", resolve));
    try {
      const code = await new Promise<number | null>((resolve) => {
        const c = spawn(process.execPath, [BIN, "convert", "fixtures/hostile/remote-link.doc"], { cwd: ROOT, stdio: "ignore" });
        c.on("exit", resolve);
      });
      expect(code).toBe(0);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  }, 120_000);
});

describe("names are names", () => {
  it("names that are not UTF-8 are distinct inputs and outputs; control characters are escaped", () => {
    const dir = tmp("wp-names-");
    const names = [Buffer.from("b8bdbcfe312e747874", "hex"), Buffer.from("b8bdbcfe322e747874", "hex"), Buffer.from("bad\xff.txt", "latin1"), Buffer.from("esc\x1b[31mred.txt"), Buffer.from("line\nbreak.txt")];
    for (const n of names) copyFileSync(SEED, Buffer.concat([Buffer.from(dir + "/"), n]));
    writeFileSync(Buffer.concat([Buffer.from(dir + "/"), Buffer.from("empty\x1b.txt")]), "");
    const out = `${dir}-out/`;
    const r = run(["convert", dir, "-o", out]);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/5 converted, 0 skipped, 1 failed of 6 files/u);
    expect(readdirSync(out, { encoding: "buffer" })).toHaveLength(5);
    expect(r.stderr).toContain("附件1.txt");
    expect(r.stderr).toContain("附件2.txt");
    expect(r.stderr).not.toContain("\x1b");
    expect(r.stderr).toContain("esc\\e[31mred.txt");
    expect(r.stderr).toContain("line\\nbreak.txt");
    expect(r.stderr).toMatch(/^workplan: .*empty\\e\.txt: empty file$/mu);
  });
});

describe("temporary files", () => {
  it("--resume removes what a killed run (kill -9) left", () => {
    const dir = tmp("wp-left-");
    copyFileSync(SEED, path.join(dir, "a.txt"));
    const out = `${dir}-out`;
    mkdirSync(out);
    const leftover = path.join(out, ".a.txt.json.999999.0123abcd.tmp"); // no process 999999
    writeFileSync(leftover, "{");
    expect(run(["convert", dir, "-o", `${out}/`, "--resume", "--quiet"]).code).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(path.join(out, "a.txt.json"))).toBe(true);
  });

  it("--max-size 0.5 says the limit is 0.5 MB", () => {
    const big = path.join(tmp("wp-size-"), "big.txt");
    writeFileSync(big, "公开".repeat(120000));
    const r = run(["convert", big, "--max-size", "0.5"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/big\.txt: too large \(0\.69 MB; the limit is 0\.5 MB, see --max-size\)/u);
  });
});

const canMount = process.getuid?.() === 0 && spawnSync("sh", ["-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d"]).status === 0;

describe.runIf(canMount)("a full disk", () => {
  it("files that failed are still listed, and the exit code says some failed", () => {
    const disk = tmp("wp-full-");
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=48k", "tmpfs", disk]).status).toBe(0);
    try {
      const dir = tmp("wp-full-in-");
      for (let i = 0; i < 6; i++) copyFileSync(path.join(ROOT, "fixtures/seeds/000_992a28b6471132da.txt"), path.join(dir, `n${i}.txt`));
      const r = run(["convert", dir, "-o", `${disk}/out/`, "--jobs", "1"]);
      expect(r.code).toBe(7);
      expect(r.stderr).toMatch(/no space left on the device/u);
      expect(r.stderr).toMatch(/\d+ converted, 0 skipped, [1-9]\d* failed of 6 files/u);
    } finally {
      spawnSync("umount", [disk]);
    }
  });
});
