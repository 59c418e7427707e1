// Tables with explicit merges (HTML rowspan/colspan, Word vMerge/gridSpan) as a
// uniform grid: every position a merged cell covers gets a copy (down) or an empty
// placeholder (across), so that a merged category, unit or deadline cell applies to
// every row it spans and columns line up for the plan stage.

import type { Cell } from "../model/document.js";
import { WorkplanError } from "../model/errors.js";
import { MAX_CELLS, MAX_COLUMNS } from "../model/limits.js";

export function expandSpans(rows: Cell[][]): Cell[][] {
  const grid: Cell[][] = [];
  let cells = 0;
  // Cells still spanning down into later rows: column → [cell, rows left].
  const pending = new Map<number, { cell: Cell; left: number }>();
  for (let r = 0; r < rows.length; r++) {
    const out: Cell[] = [];
    let col = 0;
    const take = () => {
      // Fill positions held by cells spanning down from above.
      for (;;) {
        const p = pending.get(col);
        if (!p) return;
        out[col] = { ...p.cell, rowSpan: 1, colSpan: 1, from: p.cell.from ?? "above" };
        p.left--;
        if (p.left === 0) pending.delete(col);
        col++;
      }
    };
    for (const c of rows[r]!) {
      take();
      const rowSpan = Math.max(1, c.rowSpan);
      const colSpan = Math.max(1, c.colSpan);
      out[col] = { ...c, rowSpan, colSpan };
      for (let k = 1; k < colSpan; k++) out[col + k] = { text: "", lines: c.lines, rowSpan: 1, colSpan: 1, from: "left" };
      if (rowSpan > 1) {
        for (let k = 0; k < colSpan; k++) {
          const copy: Cell = k === 0 ? c : { text: "", lines: c.lines, rowSpan: 1, colSpan: 1 };
          pending.set(col + k, { cell: k === 0 ? copy : { ...copy, from: "left" }, left: rowSpan - 1 });
        }
      }
      col += colSpan;
    }
    take();
    cells += out.length;
    if (out.length > MAX_COLUMNS || cells > MAX_CELLS) {
      throw new WorkplanError("invalidInput", `table too large (${out.length > MAX_COLUMNS ? `${out.length} columns, limit ${MAX_COLUMNS}` : `over ${MAX_CELLS} cells`})`);
    }
    grid.push(out.map((c) => c ?? { text: "", lines: [], rowSpan: 1, colSpan: 1 }));
  }
  // A span reaching past the last row has nothing left to cover.
  // A loop, not Math.max(...): a spread of 200,000 rows overflows the call stack.
  let width = 0;
  for (const r of grid) if (r.length > width) width = r.length;
  return grid.map((r) => (r.length < width ? [...r, ...Array.from({ length: width - r.length }, () => ({ text: "", lines: [], rowSpan: 1, colSpan: 1 }))] : r));
}
