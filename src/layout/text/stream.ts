// Rows of a table whose cells arrive one after another with nothing marking where a row
// ends (one cell per line, as copying a web table often gives), and whose merged cells
// were printed once and left out of the rows they cover, so that the rows that remain
// are shorter than the header. What still marks a row is its 序号: rows are cut where
// the next number of the sequence stands, and the cells of a short row are placed under
// the columns their contents fit, in their printed order.

import { cell, type Cell, type Column, type Row } from "../../model/document.js";
import { NUMBER_CELL, placeCells } from "../../lexicon/cells.js";
import { isPartHeading } from "../../lexicon/markers.js";

export interface StreamCell {
  text: string;
  lines: number[];
}

/**
 * The cells without the header printed again (a table copied from several pages repeats
 * its header at each page top): a run of cells equal to the header's, in order.
 */
export function dropRepeatedHeaders<C extends StreamCell>(cells: C[], header: readonly string[]): C[] {
  const key = (t: string) => t.replace(/\s+/gu, "");
  const h = header.map(key);
  if (h.length < 2) return cells;
  const out: C[] = [];
  for (let i = 0; i < cells.length; i++) {
    let k = 0;
    while (k < h.length && i + k < cells.length && key(cells[i + k]!.text) === h[k]) k++;
    if (k === h.length) {
      i += k - 1;
      continue;
    }
    out.push(cells[i]!);
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
      rows.push({ cells: [{ ...cell(c.text, c.lines), colSpan: width }], lines: c.lines, page: 1, pageStart: false });
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
  return { cells: out, lines, page: 1, pageStart: false, ...(subRow ? { subRow: true } : {}) };
}
