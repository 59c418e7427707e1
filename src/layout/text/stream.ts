// Rows of a table whose cells arrive one after another with nothing marking where a row
// ends (one cell per line, as copying a web table often gives), and whose merged cells
// were printed once and left out of the rows they cover, so that the rows that remain
// are shorter than the header. What still marks a row is its 序号: rows are cut where
// the next number of the sequence stands, and the cells of a short row are placed under
// the columns their contents fit, in their printed order.

import { cell, type Cell, type Column, type Row } from "../../model/document.js";
import { fitsField, NUMBER_CELL } from "../../lexicon/cells.js";
import { isPartHeading } from "../../lexicon/markers.js";

export interface StreamCell {
  text: string;
  lines: number[];
}

/**
 * Preference, in fit points, for placing a cell under a column whose cells are seldom
 * merged (number, requirement, status, remarks, unknown columns) when its content fits
 * several: the columns a notice merges are the category, unit, deadline and person ones,
 * so those are the ones a short row has lost. Smaller than any content fit (≥ 1).
 */
const UNMERGED_BIAS = 0.25;
const MERGING: ReadonlySet<Column["field"]> = new Set(["task", "units", "deadline", "people"]);

/**
 * The columns (indexes into `cols`, strictly increasing) that the cells fit best, in
 * their order: a row that lost merged cells keeps the order of the ones it prints.
 */
export function placeCells(texts: string[], cols: Column[]): number[] {
  const n = texts.length;
  const w = cols.length;
  if (n === 0) return [];
  if (n >= w) return texts.map((_, i) => i);
  const score = (i: number, j: number) => fitsField(cols[j]!.field, texts[i]!) + (MERGING.has(cols[j]!.field) ? 0 : UNMERGED_BIAS);
  // best[i][j]: the best total for cells i.. when cell i may go under columns j..
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(w + 1).fill(-Infinity));
  for (let j = 0; j <= w; j++) best[n]![j] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = w - (n - i); j >= 0; j--) {
      const take = score(i, j) + best[i + 1]![j + 1]!;
      const skip = best[i]![j + 1]!;
      best[i]![j] = Math.max(take, skip);
    }
  }
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j < w - (n - i) && best[i]![j + 1]! > score(i, j) + best[i + 1]![j + 1]!) j++;
    out.push(j);
    j++;
  }
  return out;
}

export interface NumberedRows {
  rows: Row[];
  /** How many cells of the stream the rows took; the rest is back matter. */
  used: number;
}

/**
 * Cuts `cells` (the cells after the header) into the rows of a table whose first column
 * is a 序号 column, or null when the cells do not start with a number. A row holding
 * more cells than the header has columns carries sub-rows: the cells past the first
 * full row are a row of their own under the same merged number (FORMAT.md: each sub-row
 * is a task; the first carries the number).
 */
export function rowsByNumber(cells: StreamCell[], cols: Column[]): NumberedRows | null {
  const first = NUMBER_CELL.exec(cells[0]?.text ?? "");
  if (!first || cols[0]?.field !== "number") return null;
  const width = cols.length;
  // Where each numbered row starts: the next number of the sequence, or a part heading
  // (一、…) standing just before it (a heading row spanning the table).
  const starts: Array<{ at: number; heading: boolean }> = [{ at: 0, heading: false }];
  let expected = Number(first[1]) + 1;
  for (let i = 1; i < cells.length; i++) {
    const t = cells[i]!.text;
    const m = NUMBER_CELL.exec(t);
    if (m && Number(m[1]) === expected) {
      starts.push({ at: i, heading: false });
      expected++;
    } else if (isPartHeading(t) && NUMBER_CELL.exec(cells[i + 1]?.text ?? "")?.[1] === String(expected)) {
      starts.push({ at: i, heading: true });
    }
  }
  const rows: Row[] = [];
  let used = 0;
  for (let k = 0; k < starts.length; k++) {
    const { at, heading } = starts[k]!;
    if (heading) {
      const c = cells[at]!;
      rows.push({ cells: [{ ...cell(c.text, c.lines), colSpan: width }], lines: c.lines, page: null, pageStart: false });
      used = at + 1;
      continue;
    }
    // The last row ends where the header says it does; what follows is back matter.
    const end = k + 1 < starts.length ? starts[k + 1]!.at : Math.min(cells.length, at + width);
    const group = cells.slice(at, end);
    used = end;
    const own = group.slice(1, width);
    rows.push(placedRow(group[0]!, own, cols, false));
    // Cells beyond a full row: sub-rows under the same number, each as wide as the
    // columns after the number.
    for (let s = width; s < group.length; s += width - 1) rows.push(placedRow(null, group.slice(s, s + width - 1), cols, true));
  }
  return { rows, used };
}

function placedRow(number: StreamCell | null, own: StreamCell[], cols: Column[], subRow: boolean): Row {
  const out: Cell[] = cols.map(() => cell("", []));
  if (number) out[0] = cell(number.text, number.lines);
  // A row that prints its own number prints its own requirement beside it when that
  // column comes next: only a sub-row shares its requirement with the row above.
  const pinned = !subRow && cols[1]?.field === "text" && own.length > 0 ? 1 : 0;
  const at = [
    ...(pinned ? [0] : []),
    ...placeCells(
      own.slice(pinned).map((c) => c.text),
      cols.slice(1 + pinned),
    ).map((j) => j + pinned),
  ];
  own.forEach((c, i) => {
    out[at[i]! + 1] = cell(c.text, c.lines);
  });
  const lines = [...(number?.lines ?? []), ...own.flatMap((c) => c.lines)];
  return { cells: out, lines, page: null, pageStart: false, ...(subRow ? { subRow: true } : {}) };
}
