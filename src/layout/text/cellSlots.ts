// A table saved as plain text by a word processor (LibreOffice's or Word's "text" export):
// every cell on a line of its own, in row order, and an empty cell — one a merged cell
// covers — as an empty line. So every row is as many lines as the table has columns, and
// the lines from one 序号 to the next are a row's cells by position: the empty ones are
// merged cells, which the plan fills from above.

import { cell, type Cell, type Row } from "../../model/document.js";
import { MAX_COLUMNS } from "../../model/limits.js";
import { MAX_SKIPPED_NUMBERS, NUMBER_CELL } from "../../lexicon/cells.js";
import { fieldOfHeader, isHeaderWord } from "../../lexicon/headers.js";
import { clean, mostCommon } from "../../text/text.js";
import { HEADER_QUALIFIER } from "./assemble.js";
import { isBlank, type SourceLine } from "./lines.js";

/** Fewest columns a table of this shape has. */
const MIN_COLUMNS = 3;
/** Share of the gaps between numbers that are the row width, at least: a row with a cell of two paragraphs is longer. */
const REGULAR_SHARE = 0.75;

export interface SlotTable {
  header: string[];
  rows: Row[];
  /** Index into `lines` of the first line after the table. */
  end: number;
}

/**
 * The table read by position, or null where the lines from one 序号 to the next are not
 * mostly one width (then they are no slots). `start`: index into `lines` of the header's
 * first line.
 */
export function slotTable(lines: readonly SourceLine[], start: number): SlotTable | null {
  const at: number[] = [];
  let want = 1;
  for (let i = start; i < lines.length; i++) {
    const m = NUMBER_CELL.exec(clean(lines[i]!.text));
    if (m && Number(m[1]) === want) {
      at.push(i);
      want++;
    }
  }
  if (at.length < 2) return null;
  const gaps = at.slice(1).map((a, k) => a - at[k]!);
  const width = mostCommon(gaps) ?? 0;
  // No table has more columns than MAX_COLUMNS: a wider "row" is lines of prose between numbers.
  if (width < MIN_COLUMNS || width > MAX_COLUMNS || gaps.filter((g) => g === width).length < gaps.length * REGULAR_SHARE) return null;
  // The rows again, walking a row's width at a time: a number the notice skipped (122,
  // 124) or a count that starts again at 1 (a new part of the table) a row's width on
  // still starts a row, and a row with a cell of several paragraphs (more lines) ends at
  // the next number within another row's width.
  at.length = 1;
  want = Number(NUMBER_CELL.exec(clean(lines[at[0]!]!.text))![1]) + 1;
  const startsRow = (i: number, exact: boolean) => {
    const m = NUMBER_CELL.exec(clean(lines[i]?.text ?? ""));
    const n = m ? Number(m[1]) : NaN;
    return n === want || (exact && ((n > want && n <= want + MAX_SKIPPED_NUMBERS) || n === 1)) ? n : null;
  };
  for (;;) {
    const p = at[at.length - 1]!;
    let next = -1;
    let n: number | null = startsRow(p + width, true);
    if (n != null) next = p + width;
    else {
      for (let i = p + 1; i < Math.min(lines.length, p + 2 * width); i++) {
        n = startsRow(i, false);
        if (n != null) {
          next = i;
          break;
        }
      }
    }
    if (next < 0 || n == null) break;
    at.push(next);
    want = n + 1;
  }
  if (at.length < 2) return null;
  // Empty lines inside rows: else every line is a cell and the rows need no slots.
  const rowsOf = at.map((a, k) => lines.slice(a, k + 1 < at.length ? at[k + 1]! : Math.min(lines.length, a + width)));
  if (!rowsOf.some((r) => r.some(isBlank))) return null;
  // The header's lines run up to the first row's number, and the row starts with it
  // under a 序号 header: a row whose merged cells are printed before its number is no
  // row of slots.
  const headLines = lines.slice(start, at[0]!).map((l) => clean(l.text));
  if (!headLines.every((t) => !t || isHeaderWord(t) || HEADER_QUALIFIER.test(t))) return null;
  const header = slotHeader(headLines, width);
  if (!header || fieldOfHeader(header[0]!) !== "number") return null;
  const rows: Row[] = rowsOf.map((r) => {
    const cells = fitWidth(r.map((l) => (isBlank(l) ? cell("", []) : cell(clean(l.text), [l.n]))), width);
    return { cells, lines: r.filter((l) => !isBlank(l)).map((l) => l.n), page: 1, pageStart: false };
  });
  const last = at[at.length - 1]!;
  return { header, rows, end: Math.min(lines.length, last + width) };
}

/**
 * The header from its lines: one row as wide as the rows; or two rows, the upper with a
 * cell spanning the lower's sub-headers (工作任务 over 重点领域 | 重点任务), the lower
 * empty under the cells that span both rows; or one row narrower than the rows, a
 * category header over several category columns (each one more column to its right).
 */
function slotHeader(texts: string[], width: number): string[] | null {
  while (texts.length > 0 && !texts[0]) texts.shift();
  // Every header cell of a one-row header, and of the upper row of two, is named: empty
  // lines between them are no cells but separators (a blank line after every cell).
  if (texts.length === width) return texts.every(Boolean) ? texts : null;
  if (texts.length > width && texts.length < 2 * width) {
    const upper = texts.slice(0, texts.length - width);
    if (!upper.every(Boolean)) return null;
    const lower = texts.slice(texts.length - width);
    const out: string[] = [];
    let u = 0;
    for (let j = 0; j < width; j++) {
      if (!lower[j]) out.push(upper[u++] ?? "");
      else {
        // A run of sub-headers stands under one upper cell.
        if (j === 0 || !lower[j - 1]) u++;
        out.push(lower[j]!);
      }
    }
    return u === upper.length ? out : null;
  }
  const filled = texts.filter(Boolean);
  if (filled.length !== texts.length || filled.length >= width || !filled.every(isHeaderWord)) return null;
  const task = filled.findIndex((h) => fieldOfHeader(h) === "task");
  if (task < 0) return null;
  return [...filled.slice(0, task + 1), ...new Array<string>(width - filled.length).fill(""), ...filled.slice(task + 1)];
}

/**
 * A row's cells made as many as the columns: a cell of several paragraphs (more lines)
 * joined where two filled lines stand together, longest pair first; a row cut short at
 * the end of the text padded with empty cells.
 */
function fitWidth(cells: Cell[], width: number): Cell[] {
  const out = [...cells];
  while (out.length > width) {
    let best = -1;
    const size = (i: number) => out[i]!.text.length + out[i + 1]!.text.length;
    for (let i = 1; i + 1 < out.length; i++) {
      if (!out[i]!.text || !out[i + 1]!.text) continue;
      if (best < 0 || size(i) > size(best)) best = i;
    }
    // No two filled lines together: the empty lines are too many to be cells; keep the filled ones.
    if (best < 0) {
      const filled = out.filter((c) => c.text).slice(0, width);
      return [...filled, ...Array.from({ length: width - filled.length }, () => cell("", []))];
    }
    const [a, b] = [out[best]!, out[best + 1]!];
    out.splice(best, 2, cell(`${a.text}\n${b.text}`, [...a.lines, ...b.lines]));
  }
  while (out.length < width) out.push(cell("", []));
  return out;
}
