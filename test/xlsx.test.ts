// Issue 19: spreadsheets out. `--format xlsx` writes a workbook whose tasks sheet holds
// the CSV's rows (checked by LibreOffice reading it back as CSV, where it is installed),
// with the categories merged down (or filled: --fill), deterministic bytes, and a batch
// as one workbook with a source column.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";
// @ts-expect-error -- plain ESM script shared with scripts/fuzz.mjs, no types
import * as h from "../scripts/hostile-inputs.mjs";

const HTML = "fixtures/html/000_992a28b6471132da.html";
const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();

/** A zip entry's text (our own writer stores every entry deflated). */
function entry(zip: Buffer, name: string): string {
  for (let at = 0; at + 30 < zip.length && zip.readUInt32LE(at) === 0x04034b50; ) {
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const n = zip.subarray(at + 30, at + 30 + nameLen).toString("utf8");
    const data = zip.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
    if (n === name) return inflateRawSync(data).toString("utf8");
    at += 30 + nameLen + extra + size;
  }
  throw new Error(`no ${name}`);
}

describe("--format xlsx", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wp-xlsx-"));
  const out = path.join(dir, "tasks.xlsx");
  const r = run(["convert", HTML, "-f", "xlsx", "-o", out, "-q"]);

  it("writes a workbook with tasks, units and warnings sheets, the categories merged down, a frozen filtered header", () => {
    expect(r.code).toBe(0);
    const zip = readFileSync(out);
    const wb = entry(zip, "xl/workbook.xml");
    expect(wb).toMatch(/<sheet name="tasks"[^>]*\/><sheet name="units"[^>]*\/><sheet name="warnings"/u);
    const tasks = entry(zip, "xl/worksheets/sheet1.xml");
    expect(tasks).toContain('state="frozen"');
    expect(tasks).toMatch(/<autoFilter ref="A1:[A-Z]+45"\/>/u);
    // 一、 covers tasks 1–7: rows 2–8 of column B.
    expect(tasks).toContain('<mergeCell ref="B2:B8"/>');
    expect(entry(zip, "docProps/core.xml")).toContain("2019 年政务公开重点工作任务分工");
  });

  it("the same input gives the same bytes; --fill merges nothing", () => {
    const again = path.join(dir, "again.xlsx");
    expect(run(["convert", HTML, "-f", "xlsx", "-o", again, "-q"]).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
    const filled = path.join(dir, "filled.xlsx");
    expect(run(["convert", HTML, "-f", "xlsx", "--fill", "-o", filled, "-q"]).code).toBe(0);
    expect(entry(readFileSync(filled), "xl/worksheets/sheet1.xml")).not.toContain("<mergeCell ");
  });

  it.skipIf(!soffice)("LibreOffice reads it back: the tasks sheet holds the CSV's rows", () => {
    const filled = path.join(dir, "filled.xlsx");
    const conv = spawnSync(soffice, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, filled], { encoding: "utf8", timeout: 120_000 });
    expect(conv.status).toBe(0);
    const back = readFileSync(path.join(dir, "filled.csv"), "utf8").trim().split("\n");
    const csv = run(["convert", HTML, "-f", "csv", "--lang", "zh", "--no-bom", "-q"]).stdout.trim().split("\n");
    expect(back).toHaveLength(csv.length);
    // Same first cells (序号) and the same header; quoting differs between the two writers.
    const first = (l: string) => l.split(",")[0]!.replace(/"/gu, "");
    expect(back.map(first)).toEqual(csv.map(first));
  });

  it("a batch is one workbook with a source column", () => {
    const all = path.join(dir, "all.xlsx");
    const b = run(["convert", "fixtures/html/", "-f", "xlsx", "-o", all, "-q"]);
    expect(b.code).toBe(0);
    const tasks = entry(readFileSync(all), "xl/worksheets/sheet1.xml");
    expect(tasks).toContain("来源文件");
    expect(tasks).toContain("004_091f97d7362963d8.html");
  });
});

describe("reading workbooks", () => {
  it("provenance names the sheet and its rows as Excel numbers them; a table not read names its sheet", () => {
    const r = run(["convert", "fixtures/xlsx/openpyxl-ledger.xlsx", "-q"]);
    const p = JSON.parse(r.stdout) as { tasks: Array<{ provenance: unknown }>; warnings: Array<{ code: string; message: string; page?: number }> };
    expect(p.tasks.map((t) => t.provenance)).toEqual([5, 6, 7, 8, 9].map((row) => ({ lines: [row], page: 2, sheet: "任务台账" })));
    const other = p.warnings.find((w) => w.code === "other-table");
    expect(other?.message).toMatch(/单位名称, 任务数, 备注\) was not read \(sheet 汇总\)$/u);
    expect(other?.page).toBe(3);
  });
});

describe("our own workbook read back", () => {
  // Between them: two path levels merged down, lead/support roles, status, remarks,
  // titles, extra columns, labelled lines, prose; a document with warnings.
  const inputs = [HTML, "fixtures/html/001_29682c494441ef65.html", "fixtures/html/002_4354457bd10285a1.html", "fixtures/families/labelled-below.txt", "fixtures/families/pipe-cells-numbered.txt", "fixtures/families/run-on.txt", "fixtures/families/prose-group.txt"];
  const dir = mkdtempSync(path.join(tmpdir(), "wp-xlsx-back-"));
  const fields = (p: { tasks: Array<Record<string, unknown>> }) => p.tasks.map(({ provenance: _p, ...rest }) => rest);

  it.each(inputs)("%s: the workbook gives the JSON's tasks, title and year", (input) => {
    const json = JSON.parse(run(["convert", input, "-q"]).stdout) as { title: string | null; year: number | null; tasks: Array<Record<string, unknown>>; warnings: unknown[] };
    const book = path.join(dir, `${path.basename(input)}.xlsx`);
    expect(run(["convert", input, "-f", "xlsx", "-o", book, "-q"]).code).toBe(0);
    const back = run(["convert", book, "-q"]);
    expect(back.code).toBe(0);
    const again = JSON.parse(back.stdout) as typeof json & { source: { layout: string } };
    expect(again.source.layout).toBe("workplan-xlsx");
    expect(fields(again)).toEqual(fields(json));
    expect([again.title, again.year]).toEqual([json.title, json.year]);
    expect(again.warnings).toHaveLength(json.warnings.length);
  });

  it.skipIf(!soffice)("after LibreOffice saved it again (shared strings, its own properties) it is still read as ours", () => {
    const book = path.join(dir, "001.xlsx");
    expect(run(["convert", "fixtures/html/001_29682c494441ef65.html", "-f", "xlsx", "-o", book, "-q"]).code).toBe(0);
    const out = path.join(dir, "resaved");
    const conv = spawnSync(soffice, ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, book], { encoding: "utf8", timeout: 120_000 });
    expect(conv.status).toBe(0);
    const a = JSON.parse(run(["convert", book, "-q"]).stdout) as { tasks: Array<Record<string, unknown>> };
    const b = JSON.parse(run(["convert", path.join(out, "001.xlsx"), "-q"]).stdout) as typeof a;
    expect(fields(b)).toEqual(fields(a));
  });

  it("a batch's workbook gives every document's tasks, each naming its source", () => {
    const all = path.join(dir, "all.xlsx");
    expect(run(["convert", "fixtures/html/", "-f", "xlsx", "-o", all, "-q"]).code).toBe(0);
    const p = JSON.parse(run(["convert", all, "-q"]).stdout) as { title: string | null; tasks: Array<{ extra: Record<string, string> }> };
    expect(p.tasks).toHaveLength(44 + 133 + 46 + 48 + 16);
    expect(p.title).toBeNull();
    expect(p.tasks[0]!.extra["来源文件"]).toBe("000_992a28b6471132da.html");
    expect(p.tasks.at(-1)!.extra["来源文件"]).toBe("004_091f97d7362963d8.html");
  });
});

describe("hostile workbooks", () => {
  const sheetZip = async (sheet: string) => {
    const { default: JSZip } = await import("jszip");
    const z = new JSZip();
    z.file("[Content_Types].xml", "<Types/>");
    z.file("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>');
    z.file("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
    z.file("xl/worksheets/sheet1.xml", sheet);
    return Buffer.from(await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  };

  const write = (name: string, data: Buffer) => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), "wp-xlsx-")), name);
    writeFileSync(f, data);
    return f;
  };

  it("a sheet whose last cell is XFD1048576 is read as the rows and columns it holds, not 17 billion positions", async () => {
    const f = write("far.xlsx", await sheetZip('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>具体要求</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>做好解读。</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells><mergeCell ref="C2:XFD1048576"/></mergeCells></worksheet>'));
    const t0 = Date.now();
    const r = run(["convert", f, "-q"]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { tasks: Array<{ text: string }> }).tasks[0]!.text).toBe("做好解读。");
  });

  it("a sheet declaring 1,048,576 rows with a cell on the last converts in the limits", () => {
    const r = run(["convert", write("million.xlsx", h.xlsxMillionRows()), "-q"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { tasks: unknown[] }).tasks.length).toBeGreaterThanOrEqual(1);
  });

  it("a zip bomb (a sheet inflating to 700 MB) is refused before anything is inflated", () => {
    const f = write("bomb.xlsx", h.xlsxBomb(700));
    const t0 = Date.now();
    const r = run(["convert", f]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/bomb\.xlsx: would inflate to 700 MB \(limit 512 MB\): a zip bomb\?\n$/u);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("merge ranges past the sheet, overlapping, reversed or unreadable end cleanly", () => {
    const r = run(["convert", write("merges.xlsx", h.xlsxBadMerges(600))]);
    expect([0, 5]).toContain(r.code);
    expect(r.stderr).not.toMatch(/internal|at .*\.js/u);
  });

  it.each(["99999", "-1", "1e400", "NaN", "4294967296"])("a shared-string index %s out of range is an empty cell, not a crash", (index) => {
    const r = run(["convert", write("sst.xlsx", h.xlsxBadStrings(index)), "-q"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { tasks: Array<{ unitsText: string | null }> }).tasks[0]!.unitsText).toBeNull();
  });

  it("300,000 merged ranges cost seconds, not minutes", async () => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), "wp-xlsx-")), "merges.xlsx");
    const { writeFileSync } = await import("node:fs");
    const merges = Array.from({ length: 300_000 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("");
    writeFileSync(f, await sheetZip(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row></sheetData><mergeCells>${merges}</mergeCells></worksheet>`));
    const t0 = Date.now();
    const r = run(["convert", f]);
    expect([4, 5]).toContain(r.code);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});
