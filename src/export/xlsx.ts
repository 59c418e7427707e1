// `--format xlsx`: a workbook an analyst can use at once. A `tasks` sheet with the CSV's
// columns under Chinese titles, the path levels in their own columns with the cells of
// one category merged down as the source printed them (or filled on every row: fill), a
// frozen header row with a filter, column widths to fit, wrapped text; a `units` sheet,
// one row per (task, unit, role); a `warnings` sheet; the title, year, source and the
// tool's version in the workbook's properties. Bytes are the same for the same input:
// fixed timestamps in the zip and the properties, entries in a fixed order.
//
// Written by hand (OOXML is a zip of a few XML parts): no writer package, and the zip is
// stored with deflate from node:zlib.

import * as zlib from "node:zlib";
import stringWidth from "string-width";
import { columnTitle, SHEETS, UNIT_COLUMNS, WARNING_COLUMNS } from "../schema/columns.js";
import type { Plan } from "../schema/plan.js";
import { escapeMarkup } from "../text/text.js";
import { csvHeaderRow, csvKeys, csvRecords, type CsvOptions } from "./csv.js";

export interface XlsxDocument {
  plan: Plan;
  /** The input, for a batch's `source` column; absent for one document. */
  source?: string;
}

export interface XlsxOptions {
  /** Path levels on every row instead of merged down. */
  fill: boolean;
}

const ZH_CSV: CsvOptions = { byUnit: false, roles: false, lang: "zh", bom: false };
/** Path columns in a batch's workbook (as in the batch CSV). */
const BATCH_LEVELS = 4;
/** A column is this wide at most, in characters (a requirement wraps inside it). */
const MAX_WIDTH = 60;
/** The zip entries' and the properties' fixed time: bytes depend on the input only. */
const FIXED_DOS_TIME = { time: 0, date: (2020 - 1980) << 9 | 1 << 5 | 1 };
const FIXED_ISO = "2020-01-01T00:00:00Z";

// Characters XML 1.0 cannot hold at all are left out.
const esc = (s: string) => escapeMarkup(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, ""));

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Display width (a CJK character is two columns, as Excel sizes them): string-width, as the progress line measures. */
const width = stringWidth;

interface SheetData {
  name: string;
  rows: string[][];
  merges?: string[];
  /** Columns whose text wraps (long text). */
  wrap?: Set<number>;
}

function sheetXml(s: SheetData): string {
  const cols = s.rows.reduce((n, r) => Math.max(n, r.length), 0);
  const widths = Array.from({ length: cols }, (_, c) => Math.min(MAX_WIDTH, Math.max(6, ...s.rows.slice(0, 200).map((r) => width(r[c] ?? "") + 2))));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
    "<sheetData>",
  ];
  s.rows.forEach((r, i) => {
    const cells = r.map((v, c) => {
      if (v === "") return "";
      const style = i === 0 ? 1 : s.wrap?.has(c) ? 2 : 0;
      return `<c r="${colName(c)}${i + 1}" t="inlineStr"${style ? ` s="${style}"` : ""}><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
    });
    out.push(`<row r="${i + 1}">${cells.join("")}</row>`);
  });
  out.push("</sheetData>");
  if (s.rows.length > 1 && cols > 0) out.push(`<autoFilter ref="A1:${colName(cols - 1)}${s.rows.length}"/>`);
  if (s.merges && s.merges.length > 0) out.push(`<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
  out.push("</worksheet>");
  return out.join("");
}

/** Merges down the level columns: a run of rows under one category (and the same outer levels) is one cell. */
function mergeLevels(rows: string[][], levelCols: number[], groupCols: number[]): string[] {
  const merges: string[] = [];
  // Compared on the values as written, before any merge blanks a cell.
  const orig = rows.map((r) => [...r]);
  for (const c of levelCols) {
    let start = 1;
    for (let r = 2; r <= rows.length; r++) {
      const same = r < rows.length && orig[r]![c] !== "" && [...groupCols, ...levelCols.filter((k) => k <= c)].every((k) => orig[r]![k] === orig[start]![k]);
      if (same) continue;
      if (r - 1 > start && orig[start]![c] !== "") {
        merges.push(`${colName(c)}${start + 1}:${colName(c)}${r}`);
        for (let k = start + 1; k < r; k++) rows[k]![c] = "";
      }
      start = r;
    }
  }
  return merges;
}

function tasksSheet(docs: readonly XlsxDocument[], o: XlsxOptions): SheetData {
  const batch = docs.length !== 1 || docs[0]!.source != null;
  const levels = batch ? BATCH_LEVELS : docs[0]!.plan.tasks.reduce((m, t) => Math.max(m, t.path.length), 0);
  const keys = csvKeys(levels, ZH_CSV, batch);
  const rows = [csvHeaderRow(levels, ZH_CSV, batch), ...docs.flatMap((d) => csvRecords(d.plan, levels, ZH_CSV, batch ? (d.source ?? d.plan.source.file) : undefined))];
  const levelCols = keys.map((k, i) => (/^level\d+$/u.test(k) ? i : -1)).filter((i) => i >= 0);
  const wrap = new Set(keys.map((k, i) => (["text", "unitsText", "status", "remarks", "extra"].includes(k) ? i : -1)).filter((i) => i >= 0));
  // Categories merge within a document only: rows of two sources never share a cell.
  const merges = o.fill ? [] : mergeLevels(rows, levelCols, batch ? [0] : []);
  return { name: SHEETS.tasks, rows, merges, wrap };
}

function unitsSheet(docs: readonly XlsxDocument[]): SheetData {
  const batch = docs.length !== 1 || docs[0]!.source != null;
  const rows: string[][] = [[...(batch ? [columnTitle("source", "zh")] : []), ...UNIT_COLUMNS]];
  for (const d of docs) for (const t of d.plan.tasks) for (const u of t.units) rows.push([...(batch ? [d.source ?? d.plan.source.file] : []), t.number ?? "", t.text ?? "", u.name, u.role]);
  return { name: SHEETS.units, rows, wrap: new Set([batch ? 2 : 1]) };
}

function warningsSheet(docs: readonly XlsxDocument[]): SheetData {
  const rows: string[][] = [[...WARNING_COLUMNS]];
  for (const d of docs) for (const w of d.plan.warnings) rows.push([d.source ?? d.plan.source.file, w.code, w.message, (w.lines ?? []).join(" "), w.page == null ? "" : String(w.page)]);
  return { name: SHEETS.warnings, rows, wrap: new Set([2]) };
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>' +
  "</styleSheet>";

/** CRC-32 of the zip format: node:zlib's where it has one (Node ≥ 20.15), else a table. */
let table: Uint32Array | null = null;
function crc32(data: Buffer): number {
  const native = (zlib as { crc32?: (d: Buffer) => number }).crc32;
  if (native) return native(data);
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of data) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function zip(files: Array<[string, string]>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, "utf8");
    const packed = zlib.deflateRawSync(data, { level: 6 });
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    // The fields a local header and its central directory entry share, from flags to
    // the name's length, in the same order: at 6 in the one, at 8 in the other.
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(0x0800, at); // UTF-8 names
      b.writeUInt16LE(8, at + 2); // deflate
      b.writeUInt16LE(FIXED_DOS_TIME.time, at + 4);
      b.writeUInt16LE(FIXED_DOS_TIME.date, at + 6);
      b.writeUInt32LE(crc, at + 8);
      b.writeUInt32LE(packed.length, at + 12);
      b.writeUInt32LE(data.length, at + 16);
      b.writeUInt16LE(nameBytes.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 6);
    parts.push(local, nameBytes, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    fields(dir, 8);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

/** A workbook of one document's tasks, or of a batch's (with a source column). */
export function toXlsx(docs: readonly XlsxDocument[], o: XlsxOptions, generator: { name: string; version: string }): Buffer {
  const sheets = [tasksSheet(docs, o), unitsSheet(docs), warningsSheet(docs)];
  const one = docs.length === 1 ? docs[0]!.plan : null;
  const props =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(one ? (one.title ?? "") : "workplan tasks")}</dc:title>` +
    `<dc:subject>${esc(one ? `${one.year ?? ""}` : `${docs.length} documents`)}</dc:subject>` +
    `<dc:description>${esc(one ? `source: ${one.source.file} (sha256 ${one.source.sha256})` : docs.map((d) => d.source ?? d.plan.source.file).join("; "))}</dc:description>` +
    `<dc:creator>${esc(`${generator.name} ${generator.version}`)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_ISO}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_ISO}</dcterms:modified></cp:coreProperties>`;
  const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${esc(`${generator.name} ${generator.version}`)}</Application></Properties>`;
  const workbook =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    "</sheets>" +
    // The filter ranges, as Excel records them.
    `<definedNames>${sheets
      .map((s, i) => (s.rows.length > 1 ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${s.name}!$A$1:$${colName(Math.max(0, (s.rows[0]?.length ?? 1) - 1))}$${s.rows.length}</definedName>` : ""))
      .join("")}</definedNames></workbook>`;
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
  const rootRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';
  return zip([
    ["[Content_Types].xml", types],
    ["_rels/.rels", rootRels],
    ["docProps/core.xml", props],
    ["docProps/app.xml", app],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", rels],
    ["xl/styles.xml", STYLES],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ]);
}
