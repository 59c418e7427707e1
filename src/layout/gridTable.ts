// Headers of tables read as grids (web pages, Word, PDF): where the header is, how a
// two-row header names its columns, and whether a row prints the header again.

import type { Cell } from "../model/document.js";
import { compact } from "../text/text.js";
import { isHeaderWord } from "../lexicon/headers.js";
import { isHeaderRow } from "./text/assemble.js";

/** Only header words (a copy from above counts as its word): a further header row. */
export function isMoreHeader(cells: Cell[]): boolean {
  const own = cells.filter((c) => c.text && c.from !== "left");
  return own.length > 0 && own.every((c) => isHeaderWord(c.text));
}

export function findHeader(grid: Cell[][]): { at: number; rows: number } | null {
  for (let i = 0; i < Math.min(grid.length, 6); i++) {
    if (!isHeaderRow(grid[i]!)) continue;
    let n = 1;
    while (i + n < grid.length && isMoreHeader(grid[i + n]!) && grid[i + n]!.some((c) => c.text && !c.from)) n++;
    return { at: i, rows: n };
  }
  return null;
}

/** Header cells of a one- or two-row header: a lower row's own word names its column. */
export function mergeHeader(rows: Cell[][]): string[] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return Array.from({ length: width }, (_, i) => {
    for (let r = rows.length - 1; r >= 0; r--) {
      const c = rows[r]![i];
      if (c && c.text && !c.from) return c.text;
    }
    return "";
  });
}

export const signature = (header: string[]) => header.map(compact).join("|");

/** The header printed again: each of the row's own words is the header's word there. */
export function repeatsHeader(cells: Cell[], header: string[]): boolean {
  const own = cells.map((c, i) => [c, i] as const).filter(([c]) => c.text && !c.from);
  return own.length >= 2 && own.every(([c, i]) => compact(c.text) === compact(header[i] ?? "") || (isHeaderWord(c.text) && header.some((h) => compact(h) === compact(c.text))));
}

