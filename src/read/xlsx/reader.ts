// Excel workbooks (.xlsx, and .xls/.et/.ods once LibreOffice made them .xlsx) read as
// the web page they would be: each visible sheet one <table>, the sheet's merge ranges
// as rowspan/colspan, hidden rows and columns left out, a formula's cached value, a
// number or a date as the cell shows it (a date cell as 2024年6月30日, so a deadline
// typed as a date reads as that date), rich text runs joined, line breaks kept. The HTML
// layout then finds the task table on whichever sheet holds it, with the rows above its
// header (a merged title row, 填报单位：…) as front matter.
//
// Read with our own zip reader and a streaming XML tokenizer rather than a spreadsheet
// package: the `xlsx` package on npm is an old SheetJS release with known advisories
// (prototype pollution, ReDoS), exceljs pulls a large dependency tree, and the parts
// needed here (workbook, shared strings, styles' number formats, sheet cells, merges)
// are a few hundred lines over code that is already hardened against hostile archives.

import { WorkplanError } from "../../model/errors.js";
import { MAX_CELLS, MAX_UNZIPPED, MAX_ZIP_ENTRIES } from "../../model/limits.js";
import type { SheetPlace, Source } from "../../model/source.js";
import { cellMarkup } from "../../text/text.js";
import { parseXml, xmlStream } from "../docx/xml.js";
import { ownPlan } from "./own.js";
import { numberStyles, sharedStrings, sheetReader, type Sheet } from "./sheet.js";
import { listZip, readEntry, streamEntry, ZipError, type ZipEntry } from "../zip.js";

/** Sheets read, at most: a workbook of more is a database export, not a notice. */
const MAX_SHEETS = 64;

interface SheetRef {
  name: string;
  path: string;
  hidden: boolean;
}

const part = (entries: Map<string, ZipEntry>, buf: Buffer, name: string): string | null => {
  const e = entries.get(name);
  return e ? readEntry(buf, e).toString("utf8") : null;
};

function resolveTarget(target: string): string {
  // Targets are relative to xl/ (or absolute from the package root).
  const t = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const out: string[] = [];
  for (const seg of t.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  return out.join("/");
}

function sheetsOf(workbook: string, rels: string | null): SheetRef[] {
  const targets = new Map<string, string>();
  if (rels) parseXml(rels, { open: (n, a) => { if (n === "Relationship" && a["Id"] && a["Target"]) targets.set(a["Id"], a["Target"]); }, close: () => undefined });
  const out: SheetRef[] = [];
  parseXml(workbook, {
    open: (n, a) => {
      if (n !== "sheet" || out.length >= MAX_SHEETS) return;
      const id = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      const target = id ? targets.get(id) : undefined;
      if (target) out.push({ name: a["name"] ?? "", path: resolveTarget(target), hidden: a["state"] === "hidden" || a["state"] === "veryHidden" });
    },
    close: () => undefined,
  });
  return out;
}

function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The workbook's title and subject (docProps/core.xml), where workplan's writer keeps the plan's title and year. */
function coreProperties(xml: string | null): { title: string | null; subject: string | null } {
  const out: { title: string | null; subject: string | null } = { title: null, subject: null };
  if (!xml) return out;
  let at: "title" | "subject" | null = null;
  parseXml(xml, {
    open: (n) => {
      at = n === "dc:title" ? "title" : n === "dc:subject" ? "subject" : null;
    },
    text: (d) => {
      if (at) out[at] = (out[at] ?? "") + d;
    },
    close: () => {
      at = null;
    },
  });
  return out;
}

/** A cell's text as HTML: markup escaped, line breaks kept. */

/** A sheet as an HTML table, one line per row: merges as spans, hidden rows and columns left out. */
function sheetHtml(name: string, s: Sheet): Array<[string, number | null]> {
  if (s.maxRow < 0) return [];
  // Rows and columns that hold a cell: a sheet's empty rows and columns show nothing, and
  // a stray cell at row 1,048,576 does not make a million-row table.
  const used = new Set<number>();
  for (const row of s.cells.values()) for (const c of row.keys()) used.add(c);
  const rows = [...s.cells.keys()].filter((r) => !s.hiddenRows.has(r)).sort((a, b) => a - b);
  const cols = [...used].filter((c) => !s.hiddenCols.has(c)).sort((a, b) => a - b);
  // Checked before the grid is built: a sheet whose last cell is XFD1048576 would be
  // 17 billion positions.
  if (rows.length * cols.length > MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (sheet ${name}: ${rows.length} rows × ${cols.length} columns, over ${MAX_CELLS} cells)`);
  const covered = new Set<string>();
  const spanAt = new Map<string, { rows: number; cols: number }>();
  // The visible rows and columns a range covers, by binary search in the sorted lists:
  // many merges over a long sheet cost n log n, not n × rows.
  const within = (xs: number[], lo: number, hi: number) => xs.slice(lowerBound(xs, lo), lowerBound(xs, hi + 1));
  for (const m of s.merges) {
    const rs = within(rows, m.r0, m.r1);
    const cs = within(cols, m.c0, m.c1);
    if (rs.length * cs.length > MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (a merged range of sheet ${name} covers over ${MAX_CELLS} cells)`);
    if (rs.length === 0 || cs.length === 0) continue;
    spanAt.set(`${rs[0]},${cs[0]}`, { rows: rs.length, cols: cs.length });
    for (const r of rs) for (const c of cs) if (r !== rs[0] || c !== cs[0]) covered.add(`${r},${c}`);
  }
  // Each line with the sheet row it prints (1-based, as Excel numbers rows).
  // The sheet's name and the table itself stand at the sheet's first row.
  const top = rows[0] == null ? null : rows[0] + 1;
  const out: Array<[string, number | null]> = [[`<p>${cellMarkup(name)}</p>`, top], ["<table>", top]];
  for (const r of rows) {
    const cells: string[] = [];
    for (const c of cols) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spanAt.get(`${r},${c}`);
      const attrs = span ? `${span.rows > 1 ? ` rowspan="${span.rows}"` : ""}${span.cols > 1 ? ` colspan="${span.cols}"` : ""}` : "";
      cells.push(`<td${attrs}>${cellMarkup(s.cells.get(r)?.get(c) ?? "")}</td>`);
    }
    out.push([`<tr>${cells.join("")}</tr>`, r + 1]);
  }
  out.push(["</table>", null]);
  return out;
}

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Source> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entries: Map<string, ZipEntry>;
  let count: number;
  try {
    ({ entries, count } = listZip(buf, MAX_ZIP_ENTRIES));
  } catch (e) {
    damaged(file, e);
  }
  // Before anything is inflated, the archive's own account of its sizes (inflating stops
  // one byte past what an entry declares, so a lying size cannot go further).
  if (count > MAX_ZIP_ENTRIES) throw new WorkplanError("invalidInput", `${file}: ${count} entries in the archive (limit ${MAX_ZIP_ENTRIES}): not a plausible workbook`);
  let declared = 0;
  for (const e of entries.values()) declared += e.size;
  if (declared > MAX_UNZIPPED) throw new WorkplanError("invalidInput", `${file}: would inflate to ${(declared / 1048576).toFixed(0)} MB (limit ${MAX_UNZIPPED / 1048576} MB): a zip bomb?`);
  try {
    return await readBook(buf, entries, file);
  } catch (e) {
    damaged(file, e);
  }
}

function damaged(file: string, e: unknown): never {
  if (e instanceof ZipError) throw new WorkplanError("invalidInput", `${file}: a damaged spreadsheet (${e.message})`, { cause: e });
  throw e;
}

/** A sheet's part streamed through its reader as it inflates: no string of the whole part. */
async function streamSheet(buf: Buffer, e: ZipEntry, strings: string[], formats: ReadonlyMap<number, string>): Promise<Sheet> {
  const r = sheetReader(strings, formats);
  const xml = xmlStream(r.handler);
  const utf8 = new TextDecoder("utf-8");
  await streamEntry(buf, e, (chunk) => xml.write(utf8.decode(chunk, { stream: true })));
  xml.write(utf8.decode());
  xml.end();
  return r.sheet;
}

async function readBook(buf: Buffer, entries: Map<string, ZipEntry>, file: string): Promise<Source> {
  const workbook = part(entries, buf, "xl/workbook.xml");
  if (!workbook) throw new WorkplanError("invalidInput", `${file}: a zip without xl/workbook.xml is not an Excel workbook`);
  const strings = sharedStrings(part(entries, buf, "xl/sharedStrings.xml"));
  const formats = numberStyles(part(entries, buf, "xl/styles.xml"));
  const sheets = new Map<string, Sheet>();
  for (const s of sheetsOf(workbook, part(entries, buf, "xl/_rels/workbook.xml.rels"))) {
    if (s.hidden || sheets.has(s.name)) continue;
    const e = entries.get(s.path);
    if (e) sheets.set(s.name, await streamSheet(buf, e, strings, formats));
  }
  const own = ownPlan(sheets, coreProperties(part(entries, buf, "docProps/core.xml")));
  if (own) return own;
  // The page's lines, and for each the sheet and row it came from: provenance names rows
  // of sheets, not lines of a page the user never sees.
  const lines: string[] = ["<!doctype html><html><body>"];
  const places: Array<SheetPlace | null> = [null];
  [...sheets].forEach(([name, sheet], k) => {
    for (const [line, row] of sheetHtml(name, sheet)) {
      lines.push(line);
      places.push(row == null ? null : { sheet: name, sheetNo: k + 1, row });
    }
  });
  lines.push("</body></html>");
  const { parseHtml } = await import("../html/parse.js");
  return { kind: "dom", doc: parseHtml(lines.join("\n")), origin: "xlsx", encoding: null, places };
}
