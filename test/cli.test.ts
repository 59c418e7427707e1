// The CLI as a user meets it: encodings, output formats, the schema, and bad input.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const SEED = "fixtures/seeds/000_992a28b6471132da.txt";

function tasksOf(stdout: string): unknown {
  return (JSON.parse(stdout) as { tasks: unknown }).tasks;
}

describe("encodings", () => {
  const utf8 = tasksOf(run(["convert", SEED]).stdout);
  it.each(["000-gbk.txt", "000-utf16le-bom.txt", "000-utf8-bom.txt"])("%s gives the same tasks as the UTF-8 seed", (f) => {
    const r = run(["convert", `fixtures/encodings/${f}`]);
    expect(r.code).toBe(0);
    expect(tasksOf(r.stdout)).toEqual(utf8);
  });

  it("reports the detected encoding", () => {
    const r = run(["convert", "fixtures/encodings/000-gbk.txt"]);
    expect((JSON.parse(r.stdout) as { source: { encoding: string } }).source.encoding).toBe("gb18030");
  });

  it("reads traditional characters in Big5 as their UTF-8 original", () => {
    const r = run(["convert", "fixtures/encodings/traditional-big5.txt"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { source: { encoding: string } }).source.encoding).toBe("big5");
    expect(tasksOf(r.stdout)).toEqual(tasksOf(run(["convert", "fixtures/layouts/traditional.txt"]).stdout));
  });

  it.each(["not-chinese-sjis.txt", "not-chinese-euckr.txt", "not-chinese-cp1251.txt"])("refuses %s as an unknown encoding", (f) => {
    const r = run(["convert", `fixtures/encodings/${f}`]);
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toMatch(new RegExp(`${f.replace(".", "\\.")}: unknown text encoding`, "u"));
  });
});

describe("output", () => {
  it("is deterministic: same input, same bytes", () => {
    expect(run(["convert", SEED]).stdout).toBe(run(["convert", SEED]).stdout);
  });

  it("--compact prints one line", () => {
    const r = run(["convert", SEED, "--compact"]);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("CSV has a BOM by default, a fixed header, and one row per task", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wp-"));
    const out = path.join(dir, "tasks.csv");
    const r = run(["convert", SEED, "--format", "csv", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const csv = readFileSync(out, "utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    const lines = csv.slice(1).trim().split("\n");
    expect(lines[0]).toBe("number,level1,level2,title,text,unitsText,units,deadlineText,deadlineKind,deadlineDate,status,remarks,extra,lines");
    expect(lines).toHaveLength(45);
    expect(lines[1]).toContain("市政府办公室；市数据资源局；市政府各部门");
    expect(lines[1]).toContain(",全年,year-round,2019-12-31,");
  });

  it("--no-bom leaves the BOM out; --by-unit gives one row per (task, unit)", () => {
    const r = run(["convert", SEED, "--format", "csv", "--by-unit", "--no-bom"]);
    expect(r.stdout.startsWith("number,")).toBe(true);
    const rows = r.stdout.trim().split("\n");
    expect(rows[0]).toContain(",unit,role,");
    expect(rows[1]).toContain(",市政府办公室,responsible,");
    expect(rows[2]).toContain(",市数据资源局,responsible,");
  });

  it("schema prints the JSON Schema derived from the zod schema", () => {
    const r = run(["schema"]);
    const s = JSON.parse(r.stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(s.required).toEqual(expect.arrayContaining(["schemaVersion", "source", "title", "year", "columns", "tasks", "warnings"]));
    expect(Object.keys(s.properties)).toContain("tasks");
  });

  it("inspect shows encoding, layout, column mapping and sections", () => {
    const r = run(["inspect", "fixtures/seeds/001_29682c494441ef65.txt"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/layout:\s+tabbed-scrambled/u);
    expect(r.stdout).toMatch(/牵头落实单位 → units/u);
    expect(r.stdout).toMatch(/以政务公开\s?助力稳增长 {2}\[17\]/u);
  });

  it("inspect shows a Word table's cell grid with its merged cells", () => {
    const r = run(["inspect", "fixtures/docx/003_ef27fd673396f65e.docx", "--rows", "3"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/layout:\s+docx-table/u);
    expect(r.stdout).toMatch(/\[r9\]一、围绕/u);
    expect(r.stdout).toMatch(/\| 2 +\|↑ +\|↑ +\|各行政机关/u);
    expect(r.stdout).toMatch(/45 more rows/u);
    expect(run(["inspect", "fixtures/docx/003_ef27fd673396f65e.docx", "--rows", "x"]).code).toBe(2);
  });

  it("every command has --help with examples", () => {
    for (const cmd of [[], ["convert"], ["schema"], ["inspect"]]) {
      const r = run([...cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:/u);
    }
  });
});

describe("bad input: one line on stderr naming the file, a documented exit code, no output file", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wp-bad-"));
  const empty = path.join(dir, "empty.txt");
  writeFileSync(empty, "");
  const blank = path.join(dir, "blank.txt");
  writeFileSync(blank, "  \n\n\u3000\n");
  const noTable = path.join(dir, "letter.txt");
  writeFileSync(noTable, "关于召开会议的通知\n各单位：\n定于下周一召开全体会议，请准时参加。\n办公室\n");
  const fakePdf = path.join(dir, "notice.pdf");
  writeFileSync(fakePdf, "这不是PDF");
  const locked = path.join(dir, "locked.txt");
  writeFileSync(locked, "x");
  chmodSync(locked, 0o000);

  const cases: Array<[string, string, number, RegExp]> = [
    ["a missing file", path.join(dir, "missing.txt"), 3, /no such file/u],
    ["an empty file", empty, 4, /empty file/u],
    ["a file of white space", blank, 4, /empty file/u],
    ["a binary file named .txt", "fixtures/encodings/binary.txt", 4, /binary data/u],
    ["a text with no task table", noTable, 5, /no task table/u],
    ["a wrong extension", fakePdf, 4, /extension says PDF/u],
  ];
  if (process.getuid?.() !== 0) cases.push(["an unreadable file", locked, 3, /permission denied/u]);

  it.each(cases)("%s", (_label, file, code, reason) => {
    const out = path.join(dir, `out-${code}.json`);
    const r = run(["convert", file, "-o", out]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path.basename(file));
    expect(lines[0]).toMatch(reason);
    expect(existsSync(out)).toBe(false);
  });

  it("an output that cannot be written exits 6 and leaves no temporary file", () => {
    const out = path.join(empty, "tasks.json"); // below a regular file: ENOTDIR even for root
    const r = run(["convert", SEED, "-o", out]);
    expect(r.code).toBe(6);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/tasks\.json: cannot write the output \(a part of the path is a file, not a folder\)/u);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a usage error exits 2", () => {
    expect(run(["convert"]).code).toBe(2);
    expect(run(["convert", SEED, "--format", "xml"]).code).toBe(2);
  });
});
