// Which row an outer category cell starts, read from the inner headings' numbers. Space-
// aligned text does not show where a merged category cell begins, only where its text
// stands (rowSpans.ts guesses from that); but the inner headings of a table number
// afresh under each outer heading — （一） opens a new outer category, （三） goes on
// under the one of （二）. Where the guess contradicts that, the numbers decide.

import type { Cell, Column, Row } from "../../model/document.js";
import { cell } from "../../model/document.js";
import { parseMarker } from "../../lexicon/markers.js";
import { compact } from "../../text/text.js";

/** The cell's own text (not a merged cell's copy), if any. */
function own(c: Cell | undefined): string {
  return c && c.text && c.from !== "above" ? c.text : "";
}

/**
 * Moves each marked outer category cell to the row whose inner heading numbers from one:
 * down, where the rows it was put at still number on the inner headings of the outer
 * cell before (（二）, （三） after （一）); up, where an inner heading restarted at one
 * above it (the rows from there are its). Only between two marked category columns side
 * by side, and never past another outer cell.
 */
export function outerCellsByNumbering(rows: Row[], cols: readonly Column[]): void {
  const task = cols.flatMap((c, j) => (c.field === "task" ? [j] : []));
  for (let k = 0; k + 1 < task.length; k++) {
    const [o, i] = [task[k]!, task[k + 1]!];
    const marker = (r: number, j: number) => parseMarker(compact(own(rows[r]!.cells[j])));
    const outer = rows.flatMap((_, r) => (marker(r, o) ? [r] : []));
    // Inner headings of one style other than the outer ones', by row (read once: only outer cells move).
    const outerStyle = outer.length > 0 ? marker(outer[0]!, o)!.style : null;
    const ordinals = rows.map((_, r) => {
      const m = marker(r, i);
      return m && m.style !== outerStyle ? m.ordinal : null;
    });
    const ordinal = (r: number) => ordinals[r] ?? null;
    const moveTo = (n: number, to: number) => {
      const from = outer[n]!;
      if (own(rows[to]!.cells[o])) return;
      rows[to]!.cells[o] = rows[from]!.cells[o]!;
      rows[from]!.cells[o] = cell("", []);
      outer[n] = to;
    };
    outer.forEach((_, n) => {
      const r = outer[n]!;
      const before = n > 0 ? outer[n - 1]! : -1;
      const after = n + 1 < outer.length ? outer[n + 1]! : rows.length;
      // Up first: an inner heading restarted at one between the outer cell before and
      // this one (the outer cell before's own row counts: its first inner heading is there).
      if (ordinal(r) !== 1) {
        let seen = false;
        for (let x = Math.max(before, 0); x < r; x++) {
          const v = ordinal(x);
          if (v == null) continue;
          if (v === 1 && seen) return moveTo(n, x);
          seen = true;
        }
      }
      // Down: the first inner heading from its row on numbers on; a later one restarts.
      const firstAt = rows.findIndex((_, x) => x >= r && x < after && ordinal(x) != null);
      if (firstAt >= 0 && ordinal(firstAt)! > 1) {
        const restart = rows.findIndex((_, x) => x > firstAt && x < after && ordinal(x) === 1);
        if (restart >= 0) moveTo(n, restart);
        return;
      }
      // Down, too, where the rows from its row to an inner restart have no inner heading
      // while one stood before them: they go on under that heading, the restart opens it.
      if (firstAt > r && ordinal(firstAt) === 1 && ordinals.slice(Math.max(before, 0), r).some((v) => v != null)) moveTo(n, firstAt);
    });
  }
}
