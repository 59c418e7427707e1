// Which columns the cells of a short row belong to. A flattened table (web text, PDF
// text) prints a merged cell once and leaves it out of the rows it covers, and a page
// break can cut a row; the cells that remain keep their order, and their contents say
// which columns they fill.

import type { Column } from "../model/document.js";
import { fitsField } from "../lexicon/cells.js";

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

