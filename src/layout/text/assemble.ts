// Shared by the tabular text layouts: given raw rows of cells, find the header, drop
// its repetitions (one per printed page), and split the rows into front matter, table
// rows and back matter.

import { cell, type Cell, type Paragraph, type Row, type Table } from "../../model/document.js";
import { WorkplanError } from "../../model/errors.js";
import { MAX_COLUMNS } from "../../model/limits.js";
import { fieldOfHeader, isHeaderWord } from "../../lexicon/headers.js";
import { clean, compact, trimEndOf } from "../../text/text.js";
import { isBlank, type SourceLine } from "./lines.js";

export interface RawRow {
  cells: Cell[];
  lines: number[];
  /** A blank line (or page marker) came before this row. */
  afterBreak: boolean;
}

/** A row is a header when most of its cells are header words, including text or units. */
export function isHeaderRow(cells: Cell[]): boolean {
  const filled = cells.filter((c) => clean(c.text));
  if (filled.length < 2) return false;
  const words = filled.filter((c) => isHeaderWord(c.text));
  if (words.length < Math.max(2, filled.length - 1)) return false;
  const fields = new Set(words.map((c) => fieldOfHeader(c.text)));
  return fields.has("text") || fields.has("units") || (fields.has("task") && fields.has("deadline"));
}

export function paragraphOf(r: RawRow): Paragraph {
  return { text: r.cells.map((c) => clean(c.text)).filter(Boolean).join(" "), lines: r.lines };
}

export interface Assembled {
  table: Table;
  front: Paragraph[];
  back: Paragraph[];
  headerRepeats: number;
}

/**
 * `isTableRow` says whether a row after the table could still belong to it; the first
 * run of rows at the end that fails it is back matter (signatures, site footers).
 */
export function assemble(rows: RawRow[], isTableRow: (r: RawRow) => boolean): Assembled | null {
  // Checked before anything is done with the rows: a line of 100,000 tabs is no table.
  for (const r of rows) {
    if (r.cells.length > MAX_COLUMNS) throw new WorkplanError("invalidInput", `table too large (line ${r.lines[0] ?? "?"} holds ${r.cells.length} cells, limit ${MAX_COLUMNS} columns)`);
  }
  const h = rows.findIndex((r) => isHeaderRow(r.cells));
  if (h < 0) return null;
  // A two-row header (责任单位 over 牵头单位 | 配合单位): the lower row names the columns
  // its cells sit under; the upper row names the rest.
  const upper = rows[h]!.cells;
  const below = rows[h + 1];
  const twoRows = below != null && isSubHeader(below.cells);
  const headerCells = twoRows ? mergeHeaderRows(upper, below.cells) : upper;
  const signatures = new Set([signature(upper), ...(twoRows ? [signature(below.cells)] : [])]);
  const front = rows.slice(0, h).map(paragraphOf).filter((p) => p.text);
  let end = rows.length;
  while (end > h + 1 && !isTableRow(rows[end - 1]!)) end--;
  const back = rows.slice(end).map(paragraphOf).filter((p) => p.text);
  const out: Row[] = [];
  let page = 1;
  let pageStart = false;
  let repeats = 0;
  for (const r of rows.slice(h + (twoRows ? 2 : 1), end)) {
    if (signatures.has(signature(r.cells)) || (isHeaderRow(r.cells) && sameHeaderish(upper, r.cells))) {
      // A repeated header starts a printed page; its second row is part of it.
      if (!(twoRows && signature(r.cells) === signature(below.cells))) {
        page++;
        repeats++;
      }
      pageStart = true;
      continue;
    }
    if (r.afterBreak && out.length > 0) pageStart = true;
    if (r.cells.every((c) => !clean(c.text))) continue;
    out.push({ cells: r.cells, lines: r.lines, page, pageStart });
    pageStart = false;
  }
  const header = headerCells.map((c) => clean(c.text));
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  return { table: { header, rows: out, emptyMeansMerged: true }, front, back, headerRepeats: repeats };
}

function signature(cells: Cell[]): string {
  return trimEndOf(cells.map((c) => compact(c.text)).join("|"), "|");
}

/** Only header words, fewer than the columns: the second row of a two-row header. */
function isSubHeader(cells: Cell[]): boolean {
  const filled = cells.filter((c) => clean(c.text));
  return filled.length >= 1 && filled.length < cells.length && filled.every((c) => isHeaderWord(c.text));
}

function mergeHeaderRows(upper: Cell[], lower: Cell[]): Cell[] {
  const n = Math.max(upper.length, lower.length);
  return Array.from({ length: n }, (_, i) => {
    const lo = lower[i];
    return lo && clean(lo.text) ? lo : (upper[i] ?? cell("", []));
  });
}

function sameHeaderish(a: Cell[], b: Cell[]): boolean {
  // A repeated header may differ in spacing or an empty cell; compare its words.
  return signature(a) === signature(b) || a.filter((c) => isHeaderWord(c.text)).length === b.filter((c) => isHeaderWord(c.text)).length;
}

/**
 * One row per source line, its cells cut by `split` (null: the line is drawing, not
 * data). Blank lines mark page breaks.
 */
export function lineRows(lines: SourceLine[], split: (text: string) => string[] | null): RawRow[] {
  const rows: RawRow[] = [];
  let afterBreak = false;
  for (const l of lines) {
    if (isBlank(l)) {
      afterBreak = true;
      continue;
    }
    const cells = split(l.text);
    if (!cells) continue;
    rows.push({ cells: cells.map((c) => cell(clean(c), [l.n])), lines: [l.n], afterBreak });
    afterBreak = false;
  }
  return rows;
}

/** A row with two or more filled cells: still part of a table. */
export function hasTwoCells(r: RawRow): boolean {
  return r.cells.filter((c) => clean(c.text)).length >= 2;
}

/** The longest unknown header cell a header run steps over (是否达序, 序次): a short label. */
const UNKNOWN_HEADER_MAX_CHARS = 8;

/**
 * Where a run of header cells that starts at `h` ends (exclusive): header words, and
 * short cells of no known field between them (a 是否达序 column before 说明) — an
 * unknown cell counts only when a header word follows it.
 */
export function headerRunEnd(texts: readonly string[], h: number): number {
  let e = h;
  while (e < texts.length) {
    if (isHeaderWord(texts[e]!)) e++;
    // A header cell's qualifier wrapped onto a line of its own: 完成目标 / (%).
    else if (e > h && HEADER_QUALIFIER.test(compact(texts[e]!))) e++;
    else if (e > h && isUnknownLabel(texts[e]!) && isHeaderWord(texts[e + 1] ?? "")) e += 2;
    // An unknown label with its qualifier (完成比例 / (%)): a header cell, whatever its words.
    else if (e > h && isUnknownLabel(texts[e]!) && HEADER_QUALIFIER.test(compact(texts[e + 1] ?? ""))) e += 2;
    else break;
  }
  return e;
}

/** A bracketed qualifier of a header cell, on a line of its own: (%), （万元）, (人). */
export const HEADER_QUALIFIER = /^[（(][^（）()]{1,6}[）)]$/u;

/** Header cells with their wrapped qualifiers joined to the cell they qualify. */
export function joinQualifiers(cells: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (out.length > 0 && HEADER_QUALIFIER.test(compact(c))) out[out.length - 1] += c;
    else out.push(c);
  }
  return out;
}

/** A short cell of no known field that can stand in a header (是否达序, 名称). */
export function isUnknownLabel(t: string): boolean {
  const c = compact(t);
  return c.length > 0 && c.length <= UNKNOWN_HEADER_MAX_CHARS && !/[，,。；;：:、\d]/u.test(c);
}
