// A command line users can trust: outputs never overwrite each other, names are names,
// closed pipes end quietly, LibreOffice leaves nothing behind, destinations are checked
// first, and every message names the right thing.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { fitWidth, progressLine } from "../src/batch/progress.js";
import { BIN, ROOT, run } from "./helpers.js";

const SEED = path.join(ROOT, "fixtures/seeds/000_992a28b6471132da.txt");
const SEED4 = path.join(ROOT, "fixtures/seeds/004_091f97d7362963d8.txt");
const DOC = path.join(ROOT, "fixtures/doc/003_ef27fd673396f65e.doc");
const hasSoffice = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"]).status === 0;
const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

/** A minimal OLE compound file holding streams of these names (how .doc, .xls, .et are stored). */
function oleFile(names: string[]): Buffer {
  const buf = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(9, 0x1e); // 512-byte sectors
  buf.writeUInt32LE(1, 0x2c); // one FAT sector
  buf.writeUInt32LE(1, 0x30); // directory at sector 1
  buf.writeUInt32LE(0, 0x4c); // FAT at sector 0
  const fat = 512;
  buf.writeUInt32LE(0xfffffffd, fat); // sector 0: the FAT itself
  buf.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: end of the directory chain
  const dir = 1024;
  ["Root Entry", ...names].forEach((n, i) => {
    const at = dir + i * 128;
    buf.write(n, at, "utf16le");
    buf.writeUInt16LE((n.length + 1) * 2, at + 0x40);
    buf[at + 0x42] = i === 0 ? 5 : 2;
  });
  return buf;
}

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [n, c] of Object.entries(files)) z.file(n, c);
  return Buffer.from(await z.generateAsync({ type: "nodebuffer" }));
}

describe("outputs never overwrite each other", () => {
  it("a glob keeps the folders after its first wildcard; CSV and NDJSON name each source by its path", () => {
    const dir = tmp("wp-years-");
    for (const y of ["2019", "2020"]) {
      mkdirSync(path.join(dir, y, "附件"), { recursive: true });
      copyFileSync(y === "2019" ? SEED : SEED4, path.join(dir, y, "附件", "notice.txt"));
    }
    const out = `${dir}-out/`;
    const r = run(["convert", `${dir}/*/附件/*.txt`, "-o", out, "--quiet"]);
    expect(r.code).toBe(0);
    expect(readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith(".json")).sort()).toEqual([
      path.join("2019", "附件", "notice.txt.json"),
      path.join("2020", "附件", "notice.txt.json"),
    ]);
    const nd = run(["convert", `${dir}/*/附件/*.txt`, "--format", "ndjson", "--quiet"]);
    const sources = [...new Set(nd.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { source: string }).source))];
    expect(sources).toEqual(["2019/附件/notice.txt", "2020/附件/notice.txt"]);
  });

  it("two inputs that would write one output are a usage error naming both, before anything is written", () => {
    const dir = tmp("wp-same-");
    mkdirSync(path.join(dir, "a"));
    mkdirSync(path.join(dir, "b"));
    copyFileSync(SEED, path.join(dir, "a", "notice.txt"));
    copyFileSync(SEED4, path.join(dir, "b", "notice.txt"));
    const out = `${dir}-out/`;
    const r = run(["convert", path.join(dir, "a", "notice.txt"), path.join(dir, "b", "notice.txt"), "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join(dir, "a", "notice.txt"));
    expect(r.stderr).toContain(path.join(dir, "b", "notice.txt"));
    expect(existsSync(path.join(out, "notice.txt.json"))).toBe(false);
  });
});

describe("a path that exists is a file, whatever its characters", () => {
  it("附件1 2019年任务分工[1].txt converts as one document, in JSON and in CSV", () => {
    const dir = tmp("wp-brackets-");
    const f = path.join(dir, "附件1 2019年任务分工[1].txt");
    copyFileSync(SEED, f);
    const json = run(["convert", f]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { tasks: unknown[] }).tasks).toHaveLength(44);
    const csv = run(["convert", f, "-f", "csv", "--no-bom"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith("number,")).toBe(true);
    for (const name of ["{a,b}.txt", "*.txt", "a?.txt"]) {
      copyFileSync(SEED4, path.join(dir, name));
      expect(run(["convert", path.join(dir, name)]).code, name).toBe(0);
    }
  });
});

/** Runs the CLI into a real pipe whose reader stops after `bytes` bytes, as `| head -c` does. */
function closedEarly(args: string[], bytes: number): { code: number; stderr: string } {
  const dir = tmp("wp-head-");
  const quoted = args.map((a) => `'${a.replace(/'/gu, "'\\''")}'`).join(" ");
  spawnSync("sh", ["-c", `("${process.execPath}" "${BIN}" ${quoted} 2>"${dir}/err"; echo $? >"${dir}/code") | head -c ${bytes} >/dev/null`], { cwd: ROOT });
  return { code: Number(readFileSync(path.join(dir, "code"), "utf8")), stderr: readFileSync(path.join(dir, "err"), "utf8") };
}

describe("a closed pipe ends the run quietly", () => {
  it("one big document, a batch to NDJSON, and --help: no stack trace, exit 141", () => {
    const dir = tmp("wp-pipe-");
    for (let i = 0; i < 30; i++) copyFileSync(SEED, path.join(dir, `n${i}.txt`));
    for (const args of [["convert", "fixtures/seeds/001_29682c494441ef65.txt"], ["convert", dir, "-f", "ndjson", "--quiet"]]) {
      const r = closedEarly(args, 100);
      expect(r.stderr, args.join(" ")).toBe("");
      expect(r.code, args.join(" ")).toBe(141);
    }
    const help = closedEarly(["convert", "--help"], 1);
    expect(help.stderr).toBe("");
    expect([0, 141]).toContain(help.code);
  });
});

describe.runIf(hasSoffice || process.env.CI === "true")("LibreOffice leaves nothing behind", () => {
  const officeLeft = (tmpdir: string) => ({
    folders: readdirSync(tmpdir).filter((f) => f.startsWith("workplan-office-")),
    processes: spawnSync("pgrep", ["-f", tmpdir]).stdout.toString().trim(),
  });

  it("a --timeout kills its process group and removes its folder", () => {
    const t = tmp("wp-office-t-");
    const r = run(["convert", DOC, "--timeout", "0.5"], { env: { TMPDIR: t } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/timed out after 0\.5 s/u);
    spawnSync("sleep", ["0.5"]);
    expect(officeLeft(t)).toEqual({ folders: [], processes: "" });
  }, 60_000);

  it("Ctrl-C while LibreOffice converts: exit 130, no folder, no process", async () => {
    const t = tmp("wp-office-i-");
    const child = spawn(process.execPath, [BIN, "convert", DOC], { cwd: ROOT, env: { ...process.env, TMPDIR: t }, stdio: "ignore" });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (officeLeft(t).processes !== "") {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(130);
    spawnSync("sleep", ["0.5"]);
    expect(officeLeft(t)).toEqual({ folders: [], processes: "" });
  }, 60_000);
});

describe("destinations are checked before the first conversion", () => {
  it("an output folder or a report that cannot be written fails at once, exit 6", () => {
    const dir = tmp("wp-dest-");
    copyFileSync(SEED, path.join(dir, "a.txt"));
    copyFileSync(SEED4, path.join(dir, "b.txt"));
    const file = path.join(dir, "a-file");
    writeFileSync(file, "x");
    const r = run(["convert", dir, "-o", `${file}/out/`]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/cannot write outputs here \(a part of the path is a file, not a folder\)/u);
    expect(r.stderr).not.toMatch(/ok |converted/u);
    const out = `${dir}-out/`;
    const rep = run(["convert", dir, "-o", out, "--report", `${file}/report.json`]);
    expect(rep.code).toBe(6);
    expect(rep.stderr).toMatch(/report\.json: cannot write the report/u);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("a folder walk says what it leaves out", () => {
  it("spreadsheet exports, presentations and lock files are listed as skipped with the reason; .docm and .wps are read", async () => {
    const dir = tmp("wp-walk-");
    copyFileSync(SEED, path.join(dir, "notice.txt"));
    copyFileSync(path.join(ROOT, "fixtures/docx/000_992a28b6471132da.docx"), path.join(dir, "macro.docm"));
    writeFileSync(path.join(dir, "~$notice.docx"), "lock");
    writeFileSync(path.join(dir, "table.csv"), "序号,工作任务\n1,x\n");
    writeFileSync(path.join(dir, "slides.pptx"), "x");
    const report = `${dir}-report.json`;
    const r = run(["convert", dir, "-o", `${dir}-out/`, "--report", report]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 converted, 3 skipped, 0 failed of 5 files/u);
    const rep = JSON.parse(readFileSync(report, "utf8")) as { files: Array<{ source: string; status: string; reason?: string }> };
    const why = (f: string) => rep.files.find((x) => x.source.endsWith(f));
    expect(why("~$notice.docx")).toMatchObject({ status: "skipped", reason: expect.stringMatching(/lock file/u) });
    expect(why("table.csv")).toMatchObject({ status: "skipped", reason: expect.stringMatching(/spreadsheet export/u) });
    expect(why("slides.pptx")).toMatchObject({ status: "skipped", reason: expect.stringMatching(/presentation/u) });
    expect(why("macro.docm")).toMatchObject({ status: "converted" });
  });
});

describe("messages name the right thing", () => {
  it("a spreadsheet, a presentation, an OpenDocument text and an RTF are named as what they are", async () => {
    const dir = tmp("wp-kinds-");
    const cases: Array<[string, Buffer, RegExp]> = [
      ["budget.xls", oleFile(["Workbook"]), /budget\.xls: a legacy \.xls \(or WPS \.et\) workbook needs LibreOffice/u],
      ["budget.et", oleFile(["Workbook"]), /budget\.et: a legacy \.xls \(or WPS \.et\) workbook needs LibreOffice/u],
      ["talk.ppt", oleFile(["PowerPoint Document"]), /talk\.ppt: a PowerPoint \.ppt/u],
      ["notice.odt", await zipOf({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }), /notice\.odt: an OpenDocument text \(\.odt\) needs LibreOffice/u],
      ["notice.rtf", Buffer.from("{\\rtf1\\ansi 1 公开预算}"), /notice\.rtf: an RTF file needs LibreOffice/u],
    ];
    for (const [name, bytes, reason] of cases) {
      const f = path.join(dir, name);
      writeFileSync(f, bytes);
      const r = run(["convert", f], { env: { WORKPLAN_SOFFICE: "/nonexistent/soffice" } });
      expect(r.code, name).toBe(4);
      expect(r.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(r.stderr, name).toMatch(reason);
    }
    // A workbook is read (issue 19); one without sheets holds no task table.
    const empty = path.join(dir, "budget.xlsx");
    writeFileSync(empty, await zipOf({ "[Content_Types].xml": "<x/>", "xl/workbook.xml": "<workbook/>" }));
    const r = run(["convert", empty]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/budget\.xlsx: no task table/u);
  });

  it("file-system failures are words, not errno codes", () => {
    const dir = tmp("wp-words-");
    writeFileSync(path.join(dir, "file"), "x");
    for (const args of [["convert", SEED, "-o", path.join(dir, "file", "x.json")], ["convert", path.join(dir, "file", "in.txt")], ["convert", dir + "/"]]) {
      const r = run(args);
      expect(r.stderr, args.join(" ")).not.toMatch(/\(E[A-Z]+\)|\bE[A-Z]{3,}\b/u);
    }
  });

  it("a usage error is the error and one line saying where help is", () => {
    for (const args of [["convert", SEED, "--bogus"], ["convert"], ["convert", SEED, "--format", "xml"], ["convert", SEED, "--jobs", "x"], ["frobnicate"]]) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines, args.join(" ")).toHaveLength(2);
      expect(lines[1], args.join(" ")).toMatch(/^\(see: workplan (?:convert )?--help\)$/u);
    }
  });
});

describe("-o: a folder ends with / or exists; anything else is a file", () => {
  it("one document into a new folder, into an existing folder, and a JSON batch refused a file", () => {
    const dir = tmp("wp-o-");
    const newDir = path.join(dir, "new") + "/";
    expect(run(["convert", SEED, "-o", newDir]).code).toBe(0);
    expect(readdirSync(newDir)).toEqual(["000_992a28b6471132da.txt.json"]);
    const existing = path.join(dir, "existing");
    mkdirSync(existing);
    expect(run(["convert", SEED, "-f", "csv", "-o", existing]).code).toBe(0);
    expect(readdirSync(existing)).toEqual(["000_992a28b6471132da.txt.csv"]);
    const batch = run(["convert", `${ROOT}/fixtures/seeds/`, "-o", path.join(dir, "all.json")]);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toMatch(/all\.json: a batch in JSON writes one file per document/u);
    expect(existsSync(path.join(dir, "all.json"))).toBe(false);
    expect(run(["convert", `${ROOT}/fixtures/seeds/`, "-f", "csv", "-o", path.join(dir, "all.csv"), "--quiet"]).code).toBe(0);
    expect(readFileSync(path.join(dir, "all.csv"), "utf8").startsWith("\ufeffsource,planTitle,planYear,")).toBe(true);
  });
});

describe("versions", () => {
  it("--version, a generator in every output and report, and --resume redoes another version's outputs", () => {
    const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(run(["--version"]).stdout.trim()).toBe(version);
    expect((JSON.parse(run(["convert", SEED]).stdout) as { generator: unknown }).generator).toEqual({ name: "workplan", version });
    const dir = tmp("wp-ver-");
    copyFileSync(SEED, path.join(dir, "a.txt"));
    copyFileSync(SEED4, path.join(dir, "b.txt"));
    const out = `${dir}-out/`;
    expect(run(["convert", dir, "-o", out, "--quiet"]).code).toBe(0);
    const a = path.join(out, "a.txt.json");
    writeFileSync(a, readFileSync(a, "utf8").replace(`"version": "${version}"`, `"version": "0.0.1"`));
    const report = `${dir}-r.json`;
    expect(run(["convert", dir, "-o", out, "--resume", "--quiet", "--report", report]).code).toBe(0);
    const rep = JSON.parse(readFileSync(report, "utf8")) as { generator: unknown; summary: { converted: number; skipped: number } };
    expect(rep.generator).toEqual({ name: "workplan", version });
    expect(rep.summary).toMatchObject({ converted: 1, skipped: 1 });
    writeFileSync(a, readFileSync(a, "utf8").replace(`"version": "${version}"`, `"version": "0.0.1"`));
    expect(run(["convert", dir, "-o", out, "--resume", "--any-version", "--quiet", "--report", report]).code).toBe(0);
    expect((JSON.parse(readFileSync(report, "utf8")) as { summary: { skipped: number } }).summary.skipped).toBe(2);
  });
});

describe("standard input", () => {
  it("convert - and convert /dev/stdin read the piped document, told by its content", () => {
    const want = (JSON.parse(run(["convert", SEED]).stdout) as { tasks: unknown }).tasks;
    const html = readFileSync(path.join(ROOT, "fixtures/html/003_ef27fd673396f65e.html"));
    for (const arg of ["-", "/dev/stdin"]) {
      const r = spawnSync(process.execPath, [BIN, "convert", arg], { cwd: ROOT, input: readFileSync(SEED), encoding: "utf8" });
      expect(r.status, arg).toBe(0);
      expect((JSON.parse(r.stdout) as { tasks: unknown }).tasks, arg).toEqual(want);
    }
    const h = spawnSync(process.execPath, [BIN, "convert", "-"], { cwd: ROOT, input: html, encoding: "utf8" });
    expect((JSON.parse(h.stdout) as { source: { format: string; file: string } }).source).toMatchObject({ format: "html", file: "stdin" });
    const empty = spawnSync(process.execPath, [BIN, "convert", "-"], { cwd: ROOT, input: "", encoding: "utf8" });
    expect(empty.status).toBe(4);
    expect(empty.stderr).toMatch(/^workplan: stdin: empty file$/mu);
  });
});

describe("progress fits the terminal", () => {
  it("the line is never wider than the terminal, CJK counted double", () => {
    const state = { done: 1234, total: 50000, tasks: 987654, failed: 12, seconds: 61.5 };
    for (const columns of [20, 40, 60, 80, 120, 200]) {
      const line = progressLine(state, columns);
      expect([...line].length, String(columns)).toBeLessThanOrEqual(columns - 1);
    }
    expect(progressLine(state, 120)).toMatch(/^\[#*\.+\] 1234\/50000 files/u);
    expect(fitWidth("政务公开工作要点", 9)).toBe("政务公开…");
  });
});

describe("CSV for spreadsheets", () => {
  it("--roles gives lead, support and responsible columns; --lang zh Chinese titles", () => {
    const r = run(["convert", "fixtures/layouts/labelled-lines.txt", "-f", "csv", "--roles", "--lang", "zh", "--no-bom"]);
    expect(r.code).toBe(0);
    const [head, first] = r.stdout.split("\n");
    expect(head).toBe("序号,第1级分类,名称,具体要求,责任单位原文,牵头单位,配合单位,负责单位,完成时限,时限类型,截止日期,完成情况,备注,其他列,源文件行号");
    expect(first).toContain(",市政府办公室,市融媒体中心,市发展改革委；市财政局,");
    expect(run(["convert", SEED, "-f", "csv", "--roles", "--by-unit"]).code).toBe(2);
  });
});
