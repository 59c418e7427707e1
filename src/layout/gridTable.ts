// Headers of tables read as grids (web pages, Word, PDF): where the header is, how a
// two-row header names its columns, and whether a row prints the header again.

import type { Cell } from "../model/document.js";
import { compact } from "../text/text.js";
import { fieldOfHeader, isHeaderWord, misreadHeader } from "../lexicon/headers.js";
import { isHeaderRow } from "./text/assemble.js";

/** Only header words (a copy from above counts as its word): a further header row. */
export function isMoreHeader(cells: Cell[]): boolean {
  const own = cells.filter((c) => c.text && c.from !== "left");
  return own.length > 0 && own.every((c) => isHeaderWord(c.text));
}

/**
 * How many rows a header that starts with `cells` takes: as many as its tallest cell
 * spans (序号 | 工作任务 | 具体要求 spanning two rows over 类别 | 子项). The rows inside the
 * header's spans are header by their place, whatever words they hold.
 */
export function headerDepth(cells: Cell[]): number {
  // The shortest span: a header cell whose bottom border was not drawn (Chromium prints
  // a merged body cell continued on a new page without its top border) reaches into the
  // body, the others end with the header.
  const spans = cells.filter((c) => !c.from && c.rowSpan > 1).map((c) => c.rowSpan);
  return spans.length > 0 ? Math.min(...spans) : 1;
}

/**
 * After the header's `depth` rows are cut off, cells of the rows below that are copies of
 * a header cell (it reached into the body for want of a border) are empty cells: what
 * they hold is the merged cell continued from the page before, which an empty cell of a
 * PDF table means.
 */
export function detachFromHeader(grid: Cell[][], depth: number): void {
  const first = grid[depth];
  if (!first) return;
  first.forEach((c, j) => {
    if (c.from !== "above") return;
    for (let r = depth; r < grid.length && grid[r]![j]?.from === "above"; r++) grid[r]![j] = { text: "", lines: [], rowSpan: 1, colSpan: 1 };
  });
}

/** Rows from a table's top in which its header is looked for (a caption or a note may come first). */
const HEADER_SEARCH_ROWS = 6;

export function findHeader(grid: Cell[][]): { at: number; rows: number } | null {
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    if (!isHeaderRow(grid[i]!)) continue;
    let n = Math.min(headerDepth(grid[i]!), grid.length - i);
    while (i + n < grid.length && isMoreHeader(grid[i + n]!) && grid[i + n]!.some((c) => c.text && !c.from)) n++;
    return { at: i, rows: n };
  }
  return null;
}

/** A recognised header cell taken for the printed header it is one misread character from. */
export interface MisreadHeader {
  row: number;
  column: number;
  read: string;
  as: string;
}

/**
 * A scanned table's grid with its header row's misread words (序县) taken for the printed
 * headers they are one character from (序号), where that makes the row a header row and
 * none was one; null where no row becomes one. Only the first such row is changed: the
 * body's cells keep what was read.
 */
export function withMisreadHeader(grid: Cell[][]): { grid: Cell[][]; misread: MisreadHeader[] } | null {
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const misread: MisreadHeader[] = [];
    const row = grid[i]!.map((c, j) => {
      const as = c.text && !isHeaderWord(c.text) ? misreadHeader(c.text) : null;
      if (!as) return c;
      if (!c.from) misread.push({ row: i, column: j, read: compact(c.text), as });
      return { ...c, text: as };
    });
    if (misread.length === 0 || !isHeaderRow(row)) continue;
    return { grid: grid.map((r, k) => (k === i ? row : r)), misread };
  }
  return null;
}

/**
 * Header cells of a one- or two-row header: a lower row's own header word names its
 * column (责任单位 over 牵头单位 | 配合单位); a lower word that is no header word (类别 | 子项
 * under 工作任务) leaves the column to the word above, a span's further columns "".
 */
export function mergeHeader(rows: Cell[][]): string[] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const out = Array.from({ length: width }, (_, i) => {
    for (let r = rows.length - 1; r >= 0; r--) {
      const c = rows[r]![i];
      if (c && c.text && !c.from && (r === 0 || isHeaderWord(c.text))) return c.text;
    }
    return "";
  });
  // Where a lower row's unknown words split a spanning word, the word stands over its first column only.
  for (let i = 1; i < width; i++) if (out[i] === out[i - 1] && out[i] !== "" && rows[0]![i]?.from === "left") out[i] = "";
  nameSplitColumns(rows, out);
  return out;
}

/** Fields whose columns hold one value each: two of them under one word would overwrite each other. */
const ONE_VALUE_FIELDS = new Set(["status", "deadline", "remarks", "people", null]);

/**
 * A spanning word over columns that each print a word of their own which is no header
 * word (进展情况 over 1月 | 2月, 目标任务 over 数量 | 单位): each column is the word above
 * and its own ("进展情况 1月"), so that each keeps its cells — one per month, the last of
 * them the status. Categories (工作任务 over 类别 | 子项) stay one word over levels, and
 * requirement or unit words keep their own rules.
 */
function nameSplitColumns(rows: Cell[][], out: string[]): void {
  const top = rows[0];
  if (!top || rows.length < 2) return;
  for (let i = 0; i < top.length; i++) {
    const c = top[i]!;
    if (c.from || c.colSpan < 2 || !c.text || !ONE_VALUE_FIELDS.has(fieldOfHeader(c.text))) continue;
    const own = (k: number) => rows.slice(1).map((r) => r[k]).find((x) => x && x.text && !x.from && !isHeaderWord(x.text))?.text;
    const span = Array.from({ length: c.colSpan }, (_, k) => i + k);
    if (!span.every((k) => own(k) != null)) continue;
    for (const k of span) out[k] = `${c.text} ${own(k)!}`;
  }
}

/**
 * The first row of a page that continues a row split by the break (no number of its
 * own): a fragment whose borders were not all drawn can span columns its text is not
 * in (Chromium); the text goes to the one column it lies in (Cell.textIn), by position.
 */
export function placeFragmentsByText(grid: Cell[][], numberCol: number): void {
  const first = grid[0];
  if (!first || (numberCol >= 0 && first[numberCol]?.text && !first[numberCol]!.from)) return;
  first.forEach((cell, j) => {
    if (cell.from || !cell.textIn || cell.colSpan < 2) return;
    const to = j + cell.textIn;
    const span = cell.colSpan;
    for (let r = 0; r < grid.length && (r === 0 || grid[r]![j]?.from === "above"); r++) {
      const moved: Cell = { ...grid[r]![j]!, colSpan: 1 };
      delete moved.textIn;
      for (let k = j; k < j + span; k++) grid[r]![k] = { text: "", lines: [], rowSpan: 1, colSpan: 1 };
      grid[r]![to] = moved;
    }
  });
}

/** The words a row prints itself (not copies of a merged cell), by column. */
const ownWords = (cells: Cell[]) => cells.map((c) => (c.text && !c.from ? compact(c.text) : "")).join("|");

/**
 * Rows at the top of a grid that print the header again, spans included: the first row
 * repeats the header's words, or prints the same words as the first row of the header
 * as first read (`top`).
 */
export function repeatedHeaderRows(grid: Cell[][], header: string[], top?: Cell[]): number {
  const first = grid[0];
  if (!first || !(repeatsHeader(first, header) || (top != null && ownWords(first) === ownWords(top)))) return 0;
  return Math.min(grid.length, headerDepth(first));
}

export const signature = (header: string[]) => header.map(compact).join("|");

/** The header printed again: each of the row's own words is the header's word there. */
export function repeatsHeader(cells: Cell[], header: string[]): boolean {
  const own = cells.map((c, i) => [c, i] as const).filter(([c]) => c.text && !c.from);
  // (A scanned page's reprint may misread a word its first print did not: 序县 for 序号.)
  const same = (text: string, i: number) => compact(text) === compact(header[i] ?? "") || (isHeaderWord(text) && header.some((h) => compact(h) === compact(text)));
  return own.length >= 2 && own.every(([c, i]) => same(c.text, i) || same(misreadHeader(c.text) ?? "", i));
}

