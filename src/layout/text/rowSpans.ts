// Which rows a merged cell covers, when the text shows only where its lines stand. A ruled
// table centres a merged cell's text over the rows it covers (or sets it at their top), and the cells of one column
// cover the rows one after another without a gap (but in a column a notice seldom merges,
// whose rows may be empty); so the rows each cell starts are the ones that put every cell
// nearest the middle (or the top) of its run of rows.

export interface Extent {
  /** First and last line. */
  top: number;
  bottom: number;
  /** A row's first and last line with the lines between it and its neighbours (halfway to each): where its cells may stand. */
  tileTop?: number;
  tileBottom?: number;
}

/** Cost, in lines, of each line of a cell standing outside the rows it is said to cover. */
const OUTSIDE_COST = 4;
/**
 * Cost, in lines, of each row at a page's top left to a cell of the page before (a merged
 * cell cut by the break goes on there). Less than a line: a cell at the top of a later row
 * is otherwise explained as well by a span reaching up to the page's top and down past
 * its rows (its centre can be any span's), and a merged cell cut by a page break is the
 * commoner reading of rows without a cell of their own at a page's top.
 */
const CARRIED_ROW_COST = 0.1;

/** How a table sets a merged cell's text: at its rows' top, or centred over them. */
export type Alignment = "top" | "middle";

/** Cost, in lines, of reading a page's last cell in the alignment its column's other cells do not show: a tie-break only. */
const OTHER_ALIGNMENT_COST = 0.05;
/**
 * Cost, in lines, of reading any other cell so. A table aligns its merged cells one way
 * (Chromium centres them, LibreOffice sets them at the top), but a cell the page break
 * cuts is set at its top on the page where it starts: only the page's last cell may be
 * such a cell. Two lines: more than the line by which a centred span can be slid up or
 * down over rows of unequal height (measured 0.5: 891, 1: 896, 2: 897, 4: 892 of 1463).
 */
const BOUND_ALIGNMENT_COST = 2;
/**
 * Cost, in lines, of starting a cell at a page's first row when that row goes on from the
 * page before (its number stands there) and the cell stands wholly below the row: the
 * row's own cells started on the page before, and the rest of one cut by the break stands
 * at the row's top. A line, not a bar: a cut cell's rest may be printed lower (measured
 * 1: 907, 100: 902 of 1463).
 */
const CUT_ROW_START_COST = 1;
/** How much better, in lines, one alignment must explain a cell for the cell to show it. */
const SHOWS_ALIGNMENT = 1;

/**
 * For each cell (in order, top to bottom), the index of the first row it covers: strictly
 * increasing; each cell covers the rows up to the next cell's first, the last as many as
 * suit it best. `carried`: rows at the page's top may go on a cell of the page before.
 * `prefer`: the alignment the table's other merged cells of the column show. `cut`: the
 * first row goes on from the page before (a row the break cut). `gap`: the cost, in lines,
 * of each row left without a cell between two cells (a column whose rows may be empty);
 * without it the cells cover the rows one after another.
 */
export function spanStarts(cells: readonly Extent[], rows: readonly Extent[], carried = true, prefer?: Alignment, cut = false, gap?: number): number[] {
  const k = cells.length;
  const n = rows.length;
  if (k === 0) return [];
  if (n === 0 || k > n) return cells.map((_, j) => Math.min(j, Math.max(0, n - 1)));
  const cost = (j: number, a: number, e: number) => {
    const c = cells[j]!;
    const top = rows[a]!.top;
    const bottom = rows[e]!.bottom;
    // Centred over its rows, or at their top (a table whose cells align to the top).
    const mid = Math.abs((c.top + c.bottom) / 2 - (top + bottom) / 2);
    const head = Math.abs(c.top - top);
    const other = j + 1 < k ? BOUND_ALIGNMENT_COST : OTHER_ALIGNMENT_COST;
    const off = Math.min(mid + (prefer === "top" ? other : 0), head + (prefer === "middle" ? other : 0));
    // A cell of a column with empty rows (gap) stands within its rows' tiles, the lines up to
    // halfway to the rows around them: its row is as tall as its tallest cell, not its text.
    const [lo, hi] = gap != null ? [rows[a]!.tileTop ?? top - 1, rows[e]!.tileBottom ?? bottom + 1] : [top - 1, bottom + 1];
    const outside = Math.max(0, lo - c.top) + Math.max(0, c.bottom - hi);
    const below = cut && a === 0 && c.top > rows[0]!.bottom + 1 ? CUT_ROW_START_COST : 0;
    return off + OUTSIDE_COST * outside + below;
  };
  // f[j][a]: the least cost of cells j.. when cell j starts at row a.
  const f: number[][] = Array.from({ length: k }, () => new Array<number>(n).fill(Infinity));
  const next: number[][] = Array.from({ length: k }, () => new Array<number>(n).fill(-1));
  for (let a = k - 1; a < n; a++) {
    let best = Infinity;
    for (let e = a; e < n; e++) best = Math.min(best, cost(k - 1, a, e));
    f[k - 1]![a] = best;
  }
  for (let j = k - 2; j >= 0; j--) {
    for (let a = j; a < n - (k - 1 - j); a++) {
      // With `gap`: the best of the cell ending at a row e before b - 1, the rows e+1..b-1 left empty at `gap` each (grown a row per b).
      let early = Infinity;
      for (let b = a + 1; b < n - (k - 2 - j); b++) {
        if (gap != null && b - 1 > a) early = Math.min(early, cost(j, a, b - 2)) + gap;
        const v = Math.min(cost(j, a, b - 1), early) + f[j + 1]![b]!;
        if (v < f[j]![a]!) {
          f[j]![a] = v;
          next[j]![a] = b;
        }
      }
    }
  }
  let a0 = 0;
  // On the table's first page no cell of a page before goes on: the first cell covers the first row.
  if (carried) for (let a = 0; a < n; a++) if (f[0]![a]! + a * CARRIED_ROW_COST < f[0]![a0]! + a0 * CARRIED_ROW_COST) a0 = a;
  const out = [a0];
  for (let j = 0; j + 1 < k; j++) out.push(next[j]![out[j]!]!);
  return out;
}

/** How many of a column's cells each alignment explains clearly better than the other, where spanStarts put them. */
export interface AlignmentVotes {
  top: number;
  middle: number;
}

export function alignmentVotes(cells: readonly Extent[], rows: readonly Extent[], starts: readonly number[], into: AlignmentVotes): void {
  cells.forEach((c, j) => {
    // A page's last cell may go on past the break: where its rows end is not seen.
    if (j + 1 >= starts.length) return;
    const a = starts[j]!;
    const e = starts[j + 1]! - 1;
    if (a < 0 || a >= rows.length || e < a) return;
    const mid = Math.abs((c.top + c.bottom) / 2 - (rows[a]!.top + rows[e]!.bottom) / 2);
    const head = Math.abs(c.top - rows[a]!.top);
    if (head + SHOWS_ALIGNMENT <= mid) into.top++;
    else if (mid + SHOWS_ALIGNMENT <= head) into.middle++;
  });
}

/** The alignment more of a column's cells show; none where they do not say. */
export function shownAlignment(v: AlignmentVotes | undefined): Alignment | undefined {
  if (!v) return undefined;
  return v.top > v.middle ? "top" : v.middle > v.top ? "middle" : undefined;
}
