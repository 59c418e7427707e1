// Ruled tables from page geometry: rulings are merged and grouped into tables; the
// distinct ruling positions give the grid; a missing border between two grid cells
// merges them (a rowspan or colspan); each text item goes to the cell holding its
// centre, and a cell's lines are joined in reading order.

import type { Cell } from "../../model/document.js";
import { WorkplanError } from "../../model/errors.js";
import { MAX_CELLS, MAX_COLUMNS } from "../../model/limits.js";
import { maxOf, minOf } from "./extent.js";
import { PDF_SETTINGS } from "./settings.js";
import { UNIT_LAST_CHAR } from "../../lexicon/units.js";
import { toSimplified } from "../../text/hant.js";
import { isCjk } from "../../text/text.js";
import { lowestConfidence, type PageGeometry, type Segment, type TextItem } from "../../model/geometry.js";

const TOL = PDF_SETTINGS.collinearTolerance;
const S = PDF_SETTINGS;

/**
 * Pieces of one ruling (a dashed border, a line drawn cell by cell) → one segment:
 * segments of a direction whose positions lie within TOL of a band's first, and whose
 * spans touch within TOL. Sorted, then swept band by band: one pass, where comparing each
 * segment with every merged one made a page of 200,000 dashes take a minute and a half.
 */
function mergeCollinear(segs: Segment[]): Segment[] {
  const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (const dir of ["h", "v"] as const) {
    const ofDir = sorted.filter((s) => s.dir === dir);
    for (let i = 0; i < ofDir.length; ) {
      let j = i;
      while (j < ofDir.length && ofDir[j]!.at - ofDir[i]!.at <= TOL) j++;
      const band = ofDir.slice(i, j).sort((a, b) => a.from - b.from || a.at - b.at);
      let cur: Segment = { ...band[0]! };
      for (const s of band.slice(1)) {
        if (s.from <= cur.to + PDF_SETTINGS.collinearGap) cur.to = Math.max(cur.to, s.to);
        else {
          out.push(cur);
          cur = { ...s };
        }
      }
      out.push(cur);
      i = j;
    }
  }
  return out.sort((a, b) => a.at - b.at || a.from - b.from);
}


/**
 * Ruling positions within S.sameGridLine of their neighbour are one grid line (the mean
 * of its positions); each ruling is told which line it drew, so that a border is looked
 * for among that line's own rulings. A tolerance around the mean would miss the box of a
 * merged cell that Chromium ends 2–4 pt short of its row's line (separated borders).
 */
function clusterLines(segs: Segment[]): { at: number[]; drawn: Segment[][] } {
  const sorted = [...segs].sort((a, b) => a.at - b.at);
  const groups: Segment[][] = [];
  for (const s of sorted) {
    const last = groups[groups.length - 1];
    if (last && s.at - last[last.length - 1]!.at <= S.sameGridLine) last.push(s);
    else groups.push([s]);
  }
  return { at: groups.map((g) => g.reduce((sum, s) => sum + s.at, 0) / g.length), drawn: groups };
}

/**
 * Grid lines closer than S.thinBand with no text between them are one boundary drawn
 * twice: with separated borders the table's frame stands a few points outside the cells'
 * boxes, and at a page break (wkhtmltopdf) or under a merged cell's box ended short
 * (Chromium) that makes a band no text can stand in. The line drawn the shorter total
 * length joins the other, its rulings with it.
 */
function snapThinBands(lines: { at: number[]; drawn: Segment[][] }, centres: number[]): { at: number[]; drawn: Segment[][] } {
  const sorted = [...centres].sort((a, b) => a - b);
  const textBetween = (a: number, b: number) => {
    const k = upperBound(sorted, a);
    return k < sorted.length && sorted[k]! < b;
  };
  const length = (g: Segment[]) => g.reduce((sum, s) => sum + s.to - s.from, 0);
  const at: number[] = [];
  const drawn: Segment[][] = [];
  lines.at.forEach((v, k) => {
    const g = lines.drawn[k]!;
    const prev = at.length - 1;
    if (prev >= 0 && v - at[prev]! < S.thinBand && !textBetween(at[prev]!, v)) {
      if (length(g) > length(drawn[prev]!)) at[prev] = v;
      drawn[prev] = [...drawn[prev]!, ...g];
    } else {
      at.push(v);
      drawn.push(g);
    }
  });
  return { at, drawn };
}

function cluster(values: number[]): number[] {
  return clusterLines(values.map((at) => ({ dir: "h", at, from: 0, to: 0 }))).at;
}

function crosses(h: Segment, v: Segment): boolean {
  const r = S.crossingReach;
  return v.at >= h.from - r && v.at <= h.to + r && h.at >= v.from - r && h.at <= v.to + r;
}

export interface LatticeTable {
  /** Rows of the cells that start in them, with their spans (the HTML shape). */
  rows: Cell[][];
  cols: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The grid: column and row lines, in points. */
  xs: number[];
  ys: number[];
  /** Each cell's box and span, in the order of `rows` (for drawing and inspecting). */
  boxes: CellBox[];
  /** What it was built from, so that it can be built again with more columns (withColumns). */
  rulings: { h: Segment[]; v: Segment[] };
  placed: TextItem[];
}

/**
 * The table built again with the column positions `xs` (a table continued from the page
 * before): a merged cell continued over a page break draws no ruling between the columns
 * it spans, and a page holding only such cells would lose a column the header has.
 */
export function withColumns(t: LatticeTable, xs: readonly number[]): LatticeTable | null {
  return buildTable(t.rulings.h, t.rulings.v, t.placed, new Set(), xs);
}

/** A cell of a lattice table on the page: its grid span and its box in points. */
export interface CellBox {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** What the table finder saw on a page: what the tables were built from, and the text left outside them. */
export interface FoundTables {
  tables: LatticeTable[];
  free: TextItem[];
  /** The rulings after joining collinear pieces (none when the page had more than maxRulings). */
  segments: Segment[];
  rulings: number;
}

/**
 * Whether the last line of these items reaches `right` and, where the cell's `foot` is
 * given, stands at the foot: text a page break cut fills its part to the bottom, while a
 * cell whose text ends higher (centred or set at the top of its rows) ended there.
 */
export function lastLineFull(items: TextItem[], right: number, foot?: number): boolean {
  if (items.length === 0) return false;
  const bottom = maxOf(items, (i) => (i.y0 + i.y1) / 2);
  const last = items.filter((i) => Math.abs((i.y0 + i.y1) / 2 - bottom) < Math.max(S.sameLineMinPt, i.size * S.sameLineCentre));
  const end = maxOf(last, (i) => i.x1);
  const size = last[0]?.size ?? 10;
  if (foot != null && foot - maxOf(last, (i) => i.y1) > size * S.cutTextFoot) return false;
  return right - end < size * S.filledLineGap;
}

/** Text items → visual lines, top to bottom, each left to right: items whose vertical centres lie within half a glyph. */
export function groupLines(items: TextItem[]): TextItem[][] {
  const lines: TextItem[][] = [];
  // Each line's first centre, in the order lines were made: ascending, since items come
  // sorted by centre. The line an item joins is the first whose first centre lies within
  // the item's tolerance: found by binary search, not by trying every line.
  const firsts: number[] = [];
  const centre = (it: TextItem) => (it.y0 + it.y1) / 2;
  for (const it of [...items].sort((a, b) => centre(a) - centre(b) || a.x0 - b.x0)) {
    const c = centre(it);
    const tol = Math.max(S.sameLineMinPt, it.size * S.sameLineCentre);
    const k = upperBound(firsts, c - tol);
    if (k < firsts.length && firsts[k]! - c < tol && c - firsts[k]! < tol) lines[k]!.push(it);
    else {
      lines.push([it]);
      firsts.push(c);
    }
  }
  for (const l of lines) l.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** Items → lines in reading order; a line that ends short of `right` ends a paragraph. */
export function joinItems(items: TextItem[], right: number | null): string {
  const lines = groupLines(items);
  let out = "";
  let prevEnd = -1;
  for (const line of lines) {
    let text = "";
    let x = -1;
    for (const it of line) {
      const gap = x < 0 ? 0 : it.x0 - x;
      if (text && gap > it.size * S.wordGap && !isCjk(text.at(-1)) && !isCjk(it.text[0])) text += " ";
      text += it.text;
      x = it.x1;
    }
    text = text.trim();
    if (!text) continue;
    if (out) {
      // A line that filled the cell wrapped; one that stopped well short was broken on
      // purpose — unless it stops on no unit's last character (a name or bracket that
      // did not fit went to the next line: 各县 | （区）人民政府).
      const gap = right == null ? 0 : right - prevEnd;
      const size = line[0]!.size;
      const wrapped = right == null || gap < size * S.filledLineGap || (gap < size * S.wrappedLineGap && (!UNIT_LAST_CHAR.test(toSimplified(out.at(-1) ?? "")) || /^[（(]/u.test(text)));
      out += wrapped ? (isCjk(out.at(-1)) || isCjk(text[0]) ? "" : " ") : "\n";
    }
    out += text;
    prevEnd = x;
  }
  return out;
}

/** The first index of the sorted numbers `xs` that is greater than `v`. */
function upperBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Column positions of `columns` that this table's lines lack, as lines no ruling draws (inside its edges only). */
function addColumns(lines: { at: number[]; drawn: Segment[][] }, columns: readonly number[]): { at: number[]; drawn: Segment[][] } {
  const at = [...lines.at];
  const drawn = [...lines.drawn];
  for (const x of columns) {
    if (x <= at[0]! + S.sameGridLine || x >= at[at.length - 1]! - S.sameGridLine || at.some((v) => Math.abs(v - x) <= S.sameGridLine)) continue;
    const k = upperBound(at, x);
    at.splice(k, 0, x);
    drawn.splice(k, 0, []);
  }
  return { at, drawn };
}

function buildTable(gh: Segment[], gv: Segment[], items: TextItem[], used: Set<TextItem>, columns: readonly number[] = []): LatticeTable | null {
  const free = items.filter((it) => !used.has(it));
  const colLines = addColumns(snapThinBands(clusterLines(gv), free.map((it) => (it.x0 + it.x1) / 2)), columns);
  const rowLines = snapThinBands(clusterLines(gh), free.map((it) => (it.y0 + it.y1) / 2));
  const xs = colLines.at;
  const ys = rowLines.at;
  const nearV = colLines.drawn;
  const nearH = rowLines.drawn;
  // A cell open at the page foot (or head) has no ruling there: close it at the end
  // of the vertical rulings.
  const vTop = minOf(gv, (s) => s.from);
  const vBottom = maxOf(gv, (s) => s.to);
  if (vTop < ys[0]! - S.openCellReach) {
    ys.unshift(vTop);
    nearH.unshift([]);
  }
  if (vBottom > ys[ys.length - 1]! + S.openCellReach) {
    ys.push(vBottom);
    nearH.push([]);
  }
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // The grid's size is known before it is built: a table too large fails here, not
  // after building four million cells of a page ruled 2000 × 2000.
  if (nc > MAX_COLUMNS) throw new WorkplanError("invalidInput", `table too large (${nc} columns, limit ${MAX_COLUMNS})`);
  if (nr * nc > MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (over ${MAX_CELLS} cells)`);
  const covers = (lines: Segment[], mid: number) => lines.some((s) => s.from - TOL <= mid && s.to + TOL >= mid);
  const id = (r: number, c: number) => r * nc + c;
  const up = Array.from({ length: nr * nc }, (_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (up[r] !== r) r = up[r]!;
    while (up[i] !== r) [up[i], i] = [r, up[i]!];
    return r;
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const ym = (ys[r]! + ys[r + 1]!) / 2;
      const xm = (xs[c]! + xs[c + 1]!) / 2;
      if (c < nc - 1 && !covers(nearV[c + 1]!, ym)) up[root(id(r, c + 1))] = root(id(r, c));
      if (r < nr - 1 && !covers(nearH[r + 1]!, xm)) up[root(id(r + 1, c))] = root(id(r, c));
    }
  }
  // A region whose rulings leave it no rectangle (an L: Chromium ends the cells of a row
  // split by a page break at different heights) is cut into rectangles, row by row where
  // its columns change: cells are boxes, and no two may cover one position.
  const cellOf = new Int32Array(nr * nc);
  const shape = new Map<number, { row: number; c0: number; c1: number; key: number }>();
  for (let r = 0; r < nr; r++) {
    let c = 0;
    while (c < nc) {
      const k = root(id(r, c));
      let e = c;
      while (e + 1 < nc && root(id(r, e + 1)) === k) e++;
      const prev = shape.get(k);
      // The same columns as the region's row above: the same rectangle, one row taller.
      const key = prev && prev.row === r - 1 && prev.c0 === c && prev.c1 === e ? prev.key : id(r, c);
      shape.set(k, { row: r, c0: c, c1: e, key });
      for (let x = c; x <= e; x++) cellOf[id(r, x)] = key;
      c = e + 1;
    }
  }
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number; items: TextItem[] }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const k = cellOf[id(r, c)]!;
      const b = box.get(k);
      if (b) Object.assign(b, { r0: Math.min(b.r0, r), r1: Math.max(b.r1, r), c0: Math.min(b.c0, c), c1: Math.max(b.c1, c) });
      else box.set(k, { r0: r, r1: r, c0: c, c1: c, items: [] });
    }
  }
  const left = xs[0]!;
  const right = xs[nc]!;
  const top = ys[0]!;
  const bottom = ys[nr]!;
  for (const it of items) {
    const cx = (it.x0 + it.x1) / 2;
    const cy = (it.y0 + it.y1) / 2;
    if (cx < left || cx > right || cy < top || cy > bottom || used.has(it)) continue;
    // The column and row whose span holds the centre (the grid lines are sorted).
    const c = upperBound(xs, cx) - 1;
    let r = upperBound(ys, cy) - 1;
    if (c < 0 || c >= nc || r < 0 || r >= nr) continue;
    // A border drawn through a line of glyphs is no border of their cell: the text ran out
    // of the cell it starts in, over the cell's lower edge (Chromium boxes a split merged
    // cell shorter than its text). It belongs to the cell above. The glyphs' top is the
    // item's foot less one em: the boxes producers give (loose, ascent to descent) reach
    // well above the glyphs, and over a cell's top border in LibreOffice's PDFs. The em is
    // the smaller of the font size and the box height: WPS gives size 240 scaled by 0.05.
    const xm = (xs[c]! + xs[c + 1]!) / 2;
    const em = Math.min(it.size, it.y1 - it.y0);
    while (r > 0 && ys[r]! > it.y1 - em + S.crossingReach && covers(nearH[r]!, xm)) r--;
    box.get(cellOf[id(r, c)]!)!.items.push(it);
    used.add(it);
  }
  const rows: Cell[][] = Array.from({ length: nr }, () => []);
  const cells = [...box.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const boxes: CellBox[] = [];
  for (const b of cells) {
    const edge = xs[b.c1 + 1]! - S.cellPadding;
    const cell: Cell = { text: joinItems(b.items, edge), lines: [], rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1, runsOn: lastLineFull(b.items, edge, ys[b.r1 + 1]) };
    const conf = lowestConfidence(b.items.map((i) => i.conf));
    if (conf != null) cell.conf = conf;
    if (b.c1 > b.c0 && b.items.length > 0) {
      // Which column of the span holds all the text (by the items' extents), if one does.
      const lo = upperBound(xs, minOf(b.items, (i) => i.x0) + S.cellPadding) - 1;
      const hi = upperBound(xs, maxOf(b.items, (i) => i.x1) - S.cellPadding) - 1;
      if (lo === hi && lo > b.c0 && lo <= b.c1) cell.textIn = lo - b.c0;
    }
    rows[b.r0]!.push(cell);
    boxes.push({ r0: b.r0, r1: b.r1, c0: b.c0, c1: b.c1, x0: xs[b.c0]!, x1: xs[b.c1 + 1]!, y0: ys[b.r0]!, y1: ys[b.r1 + 1]! });
  }
  return { rows, cols: nc, top, bottom, left, right, xs, ys, boxes, rulings: { h: gh, v: gv }, placed: [...box.values()].flatMap((b) => b.items) };
}

/**
 * Tables printed one right under the other touch, so their rulings connect; they are
 * told apart where each of two adjacent bands of rows has column rulings the other
 * lacks (a merged cell only removes rulings, so it never splits a table).
 */
function splitStacked(gh: Segment[], gv: Segment[]): Array<{ h: Segment[]; v: Segment[] }> {
  const ys = cluster(gh.map((s) => s.at));
  if (ys.length < 3) return [{ h: gh, v: gv }];
  const inner = (y0: number, y1: number) => {
    const mid = (y0 + y1) / 2;
    return new Set(gv.filter((s) => s.from - TOL <= mid && s.to + TOL >= mid).map((s) => Math.round(s.at / S.columnBucket)));
  };
  const cuts: number[] = [];
  let prev = inner(ys[0]!, ys[1]!);
  for (let i = 1; i + 1 < ys.length; i++) {
    const cur = inner(ys[i]!, ys[i + 1]!);
    const near = (set: Set<number>, x: number) => set.has(x) || set.has(x - 1) || set.has(x + 1);
    const onlyCur = [...cur].filter((x) => !near(prev, x)).length;
    const onlyPrev = [...prev].filter((x) => !near(cur, x)).length;
    if (onlyCur >= S.stackedColumnsMin && onlyPrev >= S.stackedColumnsMin) cuts.push(ys[i]!);
    prev = cur;
  }
  if (cuts.length === 0) return [{ h: gh, v: gv }];
  const bounds = [-Infinity, ...cuts, Infinity];
  return bounds.slice(1).map((hi, k) => {
    const lo = bounds[k]!;
    return {
      h: gh.filter((s) => s.at >= lo - TOL && s.at <= hi + TOL),
      v: gv
        .filter((s) => s.to > lo + TOL && s.from < hi - TOL)
        .map((s) => ({ ...s, from: Math.max(s.from, lo), to: Math.min(s.to, hi) })),
    };
  });
}


export function findTables(page: PageGeometry): FoundTables {
  const merged = mergeCollinear(page.segments);
  // A page of more distinct rulings than any table has (a pattern, a chart, a hostile
  // file): read as text, before any pairwise step.
  const segs = merged.length > S.maxRulings ? [] : merged;
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) [parent[i], i] = [r, parent[i]!];
    return r;
  };
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  const hs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === "h");
  const vs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === "v");
  // Rulings that cross each other belong to one table: each horizontal meets the
  // verticals whose x lies within its span (found by binary search over their x).
  const byX = [...vs].sort((a, b) => a[0].at - b[0].at);
  for (const [h, i] of hs) {
    let lo = 0;
    let hi = byX.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byX[mid]![0].at < h.from - S.crossingReach) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < byX.length && byX[k]![0].at <= h.to + S.crossingReach; k++) if (crosses(h, byX[k]![0])) join(i, byX[k]![1]);
  }
  // Column rulings of one band of rows start and end together, even where no ruling
  // crosses them (a table continued from the page before has no top border, and a cell
  // merged down the whole page none inside): pairs whose starts lie within 2 pt, found in
  // order of their start; the earlier of the two (in x order) must be longer than 10 pt.
  const order = new Map(vs.map(([, i], k) => [i, k]));
  const byStart = [...vs].sort((a, b) => a[0].from - b[0].from);
  for (let a = 0; a < byStart.length; a++) {
    const [va, i] = byStart[a]!;
    for (let b = a + 1; b < byStart.length && byStart[b]![0].from - va.from <= S.bandEdge; b++) {
      const [vb, j] = byStart[b]!;
      const first = order.get(i)! < order.get(j)! ? va : vb;
      if (first.to - first.from > S.bandRulingMin && Math.abs(va.to - vb.to) <= S.bandEdge) join(i, j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(s);
    else groups.set(r, [s]);
  });

  const tables: LatticeTable[] = [];
  const used = new Set<TextItem>();
  const boxOf = (g: Segment[]) => ({
    x0: minOf(g, (s) => (s.dir === "h" ? s.from : s.at)),
    x1: maxOf(g, (s) => (s.dir === "h" ? s.to : s.at)),
    y0: minOf(g, (s) => (s.dir === "h" ? s.at : s.from)),
    y1: maxOf(g, (s) => (s.dir === "h" ? s.at : s.to)),
  });
  const all = [...groups.values()];
  const boxes = all.map(boxOf);
  // A plain rectangle drawn around a table (separated borders: the table's own frame,
  // a few points outside its cells' boxes, crossing none of them) is no table of its own:
  // read as one, it would take every word of the table inside it.
  const isFrameAround = (k: number) =>
    all[k]!.length <= 4 &&
    boxes.some((b, j) => j !== k && all[j]!.length > 4 && b.x0 >= boxes[k]!.x0 - S.sameGridLine && b.x1 <= boxes[k]!.x1 + S.sameGridLine && b.y0 >= boxes[k]!.y0 - S.sameGridLine && b.y1 <= boxes[k]!.y1 + S.sameGridLine);
  const regions = all
    .filter((_, k) => !isFrameAround(k))
    .filter((g) => g.filter((s) => s.dir === "h").length >= 1 && g.filter((s) => s.dir === "v").length >= 2)
    .sort((a, b) => minOf(a, (s) => (s.dir === "h" ? s.at : s.from)) - minOf(b, (s) => (s.dir === "h" ? s.at : s.from)));
  for (const g of regions) {
    for (const part of splitStacked(g.filter((s) => s.dir === "h"), g.filter((s) => s.dir === "v"))) {
      const t = buildTable(part.h, part.v, page.items, used);
      if (t) tables.push(t);
    }
  }
  return { tables, free: page.items.filter((it) => !used.has(it)), segments: segs, rulings: segs.length };
}
