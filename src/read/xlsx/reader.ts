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
import { MAX_CELLS } from "../../model/limits.js";
import type { Source } from "../../model/source.js";
import { escapeMarkup } from "../../text/text.js";
import { parseXml } from "../docx/xml.js";
import { listZip, readEntry, ZipError, type ZipEntry } from "../zip.js";

/** Entries an .xlsx may hold: sheets, styles, drawings … far below this. */
const MAX_ENTRIES = 65_535;
/** Sheets read, at most: a workbook of more is a database export, not a notice. */
const MAX_SHEETS = 64;

interface SheetRef {
  name: string;
  path: string;
  hidden: boolean;
}

/** Excel's built-in date formats (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

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

function sharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let cur: string[] | null = null;
  let inT = false;
  let inPhonetic = false;
  parseXml(xml, {
    open: (n) => {
      if (n === "si") cur = [];
      else if (n === "rPh") inPhonetic = true; // ruby (phonetic) text is not the cell's
      else if (n === "t") inT = true;
    },
    text: (d) => {
      if (inT && !inPhonetic && cur) cur.push(d);
    },
    close: (n) => {
      if (n === "t") inT = false;
      else if (n === "rPh") inPhonetic = false;
      else if (n === "si" && cur) {
        out.push(cur.join(""));
        cur = null;
      }
    },
  });
  return out;
}

/** Which cell styles (cellXfs indexes) format numbers as dates. */
function dateStyles(xml: string | null): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  let inXfs = false;
  let k = 0;
  parseXml(xml, {
    open: (n, a) => {
      if (n === "numFmt") custom.set(Number(a["numFmtId"]), a["formatCode"] ?? "");
      else if (n === "cellXfs") inXfs = true;
      else if (n === "xf" && inXfs) {
        const id = Number(a["numFmtId"] ?? 0);
        const code = custom.get(id);
        // A custom format is a date when it has day, month or year parts outside quotes and brackets.
        const isDate = BUILTIN_DATE_FORMATS.has(id) || (code != null && /[ymd年月日]/iu.test(code.replace(/"[^"]*"|\[[^\]]*\]/gu, "")));
        if (isDate) out.add(k);
        k++;
      }
    },
    close: (n) => {
      if (n === "cellXfs") inXfs = false;
    },
  });
  return out;
}

/** An Excel serial day (1900 system) as the date it shows. */
function serialDate(v: number): string {
  const ms = Math.round((v - 25569) * 86400 * 1000);
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return String(v);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** "B12" → [row 11, col 1]. */
function ref(a1: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/u.exec(a1);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

interface Sheet {
  cells: Map<number, Map<number, string>>;
  merges: Array<{ r0: number; c0: number; r1: number; c1: number }>;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  maxRow: number;
  maxCol: number;
}

function readSheet(xml: string, strings: string[], dates: Set<number>): Sheet {
  const sheet: Sheet = { cells: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set(), maxRow: -1, maxCol: -1 };
  let at: [number, number] | null = null;
  let type = "";
  let style = 0;
  let inV = false;
  let inIs = false;
  let inT = false;
  let value: string[] = [];
  let count = 0;
  let nextRow = 0;
  let nextCol = 0;
  parseXml(xml, {
    open: (n, a) => {
      if (n === "row") {
        const r = a["r"] ? Number(a["r"]) - 1 : nextRow;
        nextRow = r + 1;
        nextCol = 0;
        if (a["hidden"] === "1" || a["hidden"] === "true") sheet.hiddenRows.add(r);
      } else if (n === "c") {
        at = a["r"] ? ref(a["r"]) : [nextRow - 1, nextCol];
        if (at) nextCol = at[1] + 1;
        type = a["t"] ?? "n";
        style = Number(a["s"] ?? 0);
        value = [];
      } else if (n === "v") inV = true;
      else if (n === "is") inIs = true;
      else if (n === "t" && inIs) inT = true;
      else if (n === "mergeCell" && a["ref"]) {
        if (sheet.merges.length >= MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (over ${MAX_CELLS} merged ranges)`);
        const [p, q] = a["ref"].split(":");
        const s = p ? ref(p) : null;
        const e = q ? ref(q) : s;
        if (s && e) sheet.merges.push({ r0: s[0], c0: s[1], r1: e[0], c1: e[1] });
      } else if (n === "col" && (a["hidden"] === "1" || a["hidden"] === "true")) {
        for (let c = Number(a["min"]) - 1; c <= Number(a["max"]) - 1 && c < 16_384; c++) sheet.hiddenCols.add(c);
      }
    },
    text: (d) => {
      if (inV || inT) value.push(d);
    },
    close: (n) => {
      if (n === "v") inV = false;
      else if (n === "t") inT = false;
      else if (n === "is") inIs = false;
      else if (n === "c" && at) {
        const raw = value.join("");
        let text = raw;
        if (type === "s") text = strings[Number(raw)] ?? "";
        else if (type === "b") text = raw === "1" ? "TRUE" : "FALSE";
        else if ((type === "n" || type === "") && raw !== "" && dates.has(style)) text = serialDate(Number(raw));
        if (text !== "") {
          if (++count > MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (over ${MAX_CELLS} cells)`);
          const [r, c] = at;
          let row = sheet.cells.get(r);
          if (!row) sheet.cells.set(r, (row = new Map()));
          row.set(c, text);
          sheet.maxRow = Math.max(sheet.maxRow, r);
          sheet.maxCol = Math.max(sheet.maxCol, c);
        }
        at = null;
      }
    },
  });
  return sheet;
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

/** A cell's text as HTML: markup escaped, line breaks kept. */
const escape = (s: string) => escapeMarkup(s).replace(/\r?\n/gu, "<br>");

/** A sheet as an HTML table: merges as spans, hidden rows and columns left out. */
function sheetHtml(name: string, s: Sheet): string {
  if (s.maxRow < 0) return "";
  const rows: number[] = [];
  for (let r = 0; r <= s.maxRow; r++) if (!s.hiddenRows.has(r)) rows.push(r);
  const cols: number[] = [];
  for (let c = 0; c <= s.maxCol; c++) if (!s.hiddenCols.has(c)) cols.push(c);
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
  const out: string[] = [`<p>${escape(name)}</p>`, "<table>"];
  for (const r of rows) {
    const cells: string[] = [];
    for (const c of cols) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spanAt.get(`${r},${c}`);
      const attrs = span ? `${span.rows > 1 ? ` rowspan="${span.rows}"` : ""}${span.cols > 1 ? ` colspan="${span.cols}"` : ""}` : "";
      cells.push(`<td${attrs}>${escape(s.cells.get(r)?.get(c) ?? "")}</td>`);
    }
    out.push(`<tr>${cells.join("")}</tr>`);
  }
  out.push("</table>");
  return out.join("\n");
}

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Source> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entries: Map<string, ZipEntry>;
  try {
    entries = listZip(buf, MAX_ENTRIES).entries;
  } catch (e) {
    if (e instanceof ZipError) throw new WorkplanError("invalidInput", `${file}: a damaged spreadsheet (${e.message})`);
    throw e;
  }
  const workbook = part(entries, buf, "xl/workbook.xml");
  if (!workbook) throw new WorkplanError("invalidInput", `${file}: a zip without xl/workbook.xml is not an Excel workbook`);
  const strings = sharedStrings(part(entries, buf, "xl/sharedStrings.xml"));
  const dates = dateStyles(part(entries, buf, "xl/styles.xml"));
  const html: string[] = [];
  for (const s of sheetsOf(workbook, part(entries, buf, "xl/_rels/workbook.xml.rels"))) {
    if (s.hidden) continue;
    const xml = part(entries, buf, s.path);
    if (xml) html.push(sheetHtml(s.name, readSheet(xml, strings, dates)));
  }
  const { parseHtml } = await import("../html/parse.js");
  return { kind: "dom", doc: parseHtml(`<!doctype html><html><body>${html.join("\n")}</body></html>`), origin: "xlsx", encoding: null };
}
