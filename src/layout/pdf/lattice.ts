// Ruled tables from page geometry: rulings are merged and grouped into tables; the
// distinct ruling positions give the grid; a missing border between two grid cells
// merges them (a rowspan or colspan); each text item goes to the cell holding its
// centre, and a cell's lines are joined in reading order.

import type { Cell } from "../../model/document.js";
import { maxOf, minOf } from "./extent.js";
import { isCjk } from "../../normalize/text.js";
import type { PageGeometry, Segment, TextItem } from "../../read/pdf/page.js";

const TOL = 1.5;
const UNIT_END_CHAR = /[局委办辦厅廳室心门門府位院行司所站队隊会會区區县縣市镇鎮乡鄉处處科股团團园園厂廠馆館校社]$/u;

function mergeCollinear(segs: Segment[]): Segment[] {
  const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out.find((o) => o.dir === s.dir && Math.abs(o.at - s.at) <= TOL && s.from <= o.to + TOL && s.to >= o.from - TOL);
    if (last) {
      last.from = Math.min(last.from, s.from);
      last.to = Math.max(last.to, s.to);
    } else out.push({ ...s });
  }
  return out;
}

/**
 * Ruling positions closer than this are one grid line: double borders (a table frame
 * and each cell's own box, as browsers draw border="1" with cell spacing) lie 1–3 pt
 * apart, and no real column or row is that narrow.
 */
const SAME_LINE = 4;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= SAME_LINE) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function crosses(h: Segment, v: Segment): boolean {
  return v.at >= h.from - 2 && v.at <= h.to + 2 && h.at >= v.from - 2 && h.at <= v.to + 2;
}

export interface LatticeTable {
  /** Rows of the cells that start in them, with their spans (the HTML shape). */
  rows: Cell[][];
  cols: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Whether the last line of these items reaches `right` (the text may run on). */
export function lastLineFull(items: TextItem[], right: number): boolean {
  if (items.length === 0) return false;
  const bottom = maxOf(items, (i) => (i.y0 + i.y1) / 2);
  const last = items.filter((i) => Math.abs((i.y0 + i.y1) / 2 - bottom) < Math.max(2, i.size * 0.5));
  const end = maxOf(last, (i) => i.x1);
  return right - end < (last[0]?.size ?? 10) * 2.2;
}

/** Text items → visual lines, top to bottom, each left to right: items whose vertical centres lie within half a glyph. */
export function groupLines(items: TextItem[]): TextItem[][] {
  const lines: TextItem[][] = [];
  const centre = (it: TextItem) => (it.y0 + it.y1) / 2;
  for (const it of [...items].sort((a, b) => centre(a) - centre(b) || a.x0 - b.x0)) {
    const line = lines.find((l) => Math.abs(centre(l[0]!) - centre(it)) < Math.max(2, it.size * 0.5));
    if (line) line.push(it);
    else lines.push([it]);
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
      if (text && gap > it.size * 0.25 && !isCjk(text.at(-1)) && !isCjk(it.text[0])) text += " ";
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
      const wrapped = right == null || gap < size * 2.2 || (gap < size * 4.5 && (!UNIT_END_CHAR.test(out.at(-1) ?? "") || /^[（(]/u.test(text)));
      out += wrapped ? (isCjk(out.at(-1)) || isCjk(text[0]) ? "" : " ") : "\n";
    }
    out += text;
    prevEnd = x;
  }
  return out;
}

function buildTable(gh: Segment[], gv: Segment[], items: TextItem[], used: Set<TextItem>): LatticeTable | null {
  const xs = cluster(gv.map((s) => s.at));
  const ys = cluster(gh.map((s) => s.at));
  // A cell open at the page foot (or head) has no ruling there: close it at the end
  // of the vertical rulings.
  const vTop = minOf(gv, (s) => s.from);
  const vBottom = maxOf(gv, (s) => s.to);
  if (vTop < ys[0]! - 3) ys.unshift(vTop);
  if (vBottom > ys[ys.length - 1]! + 3) ys.push(vBottom);
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const covers = (lines: Segment[], at: number, mid: number) => lines.some((s) => Math.abs(s.at - at) <= 2 && s.from - TOL <= mid && s.to + TOL >= mid);
  const id = (r: number, c: number) => r * nc + c;
  const up = Array.from({ length: nr * nc }, (_, i) => i);
  const root = (i: number): number => (up[i] === i ? i : (up[i] = root(up[i]!)));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const ym = (ys[r]! + ys[r + 1]!) / 2;
      const xm = (xs[c]! + xs[c + 1]!) / 2;
      if (c < nc - 1 && !covers(gv, xs[c + 1]!, ym)) up[root(id(r, c + 1))] = root(id(r, c));
      if (r < nr - 1 && !covers(gh, ys[r + 1]!, xm)) up[root(id(r + 1, c))] = root(id(r, c));
    }
  }
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number; items: TextItem[] }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const k = root(id(r, c));
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
    const c = xs.findIndex((x, j) => j < nc && cx >= x && cx < xs[j + 1]!);
    const r = ys.findIndex((y, j) => j < nr && cy >= y && cy < ys[j + 1]!);
    if (c < 0 || r < 0) continue;
    box.get(root(id(r, c)))!.items.push(it);
    used.add(it);
  }
  const rows: Cell[][] = Array.from({ length: nr }, () => []);
  const cells = [...box.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const b of cells) {
    const edge = xs[b.c1 + 1]! - 2;
    rows[b.r0]!.push({ text: joinItems(b.items, edge), lines: [], rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1, runsOn: lastLineFull(b.items, edge) });
  }
  return { rows, cols: nc, top, bottom, left, right };
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
    return new Set(gv.filter((s) => s.from - TOL <= mid && s.to + TOL >= mid).map((s) => Math.round(s.at / 3)));
  };
  const cuts: number[] = [];
  let prev = inner(ys[0]!, ys[1]!);
  for (let i = 1; i + 1 < ys.length; i++) {
    const cur = inner(ys[i]!, ys[i + 1]!);
    const near = (set: Set<number>, x: number) => set.has(x) || set.has(x - 1) || set.has(x + 1);
    const onlyCur = [...cur].filter((x) => !near(prev, x)).length;
    const onlyPrev = [...prev].filter((x) => !near(cur, x)).length;
    if (onlyCur >= 2 && onlyPrev >= 2) cuts.push(ys[i]!);
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

export function findTables(page: PageGeometry): { tables: LatticeTable[]; free: TextItem[]; rulings: number } {
  const segs = mergeCollinear(page.segments);
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  const hs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === "h");
  const vs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === "v");
  // Rulings that cross each other belong to one table.
  for (const [h, i] of hs) for (const [v, j] of vs) if (crosses(h, v)) join(i, j);
  // Column rulings of one band of rows start and end together, even where no ruling
  // crosses them (a table continued from the page before has no top border, and a cell
  // merged down the whole page none inside).
  for (let a = 0; a < vs.length; a++) {
    const [va, i] = vs[a]!;
    if (va.to - va.from <= 10) continue;
    for (let b = a + 1; b < vs.length; b++) {
      const [vb, j] = vs[b]!;
      if (Math.abs(va.from - vb.from) <= 2 && Math.abs(va.to - vb.to) <= 2) join(i, j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));

  const tables: LatticeTable[] = [];
  const used = new Set<TextItem>();
  const regions = [...groups.values()]
    .filter((g) => g.filter((s) => s.dir === "h").length >= 1 && g.filter((s) => s.dir === "v").length >= 2)
    .sort((a, b) => minOf(a, (s) => (s.dir === "h" ? s.at : s.from)) - minOf(b, (s) => (s.dir === "h" ? s.at : s.from)));
  for (const g of regions) {
    for (const part of splitStacked(g.filter((s) => s.dir === "h"), g.filter((s) => s.dir === "v"))) {
      const t = buildTable(part.h, part.v, page.items, used);
      if (t) tables.push(t);
    }
  }
  return { tables, free: page.items.filter((it) => !used.has(it)), rulings: segs.length };
}
