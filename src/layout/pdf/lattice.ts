// Ruled tables from page geometry: rulings are merged and grouped into tables; the
// distinct ruling positions give the grid; a missing border between two grid cells
// merges them (a rowspan or colspan); each text item goes to the cell holding its
// centre, and a cell's lines are joined in reading order.

import type { Cell } from "../../model/document.js";
import type { PageGeometry, Segment, TextItem } from "../../read/pdf/page.js";

const TOL = 1.5;

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

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= 2) last.push(v);
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
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function isCjk(ch: string | undefined): boolean {
  return ch != null && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch);
}

/** Items → lines in reading order; a line that ends short of `right` ends a paragraph. */
export function joinItems(items: TextItem[], right: number | null): string {
  const lines: TextItem[][] = [];
  for (const it of [...items].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0)) {
    const cy = (it.y0 + it.y1) / 2;
    const line = lines.find((l) => Math.abs((l[0]!.y0 + l[0]!.y1) / 2 - cy) < Math.max(2, it.size * 0.5));
    if (line) line.push(it);
    else lines.push([it]);
  }
  let out = "";
  let prevEnd = -1;
  for (const line of lines) {
    line.sort((a, b) => a.x0 - b.x0);
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
      // A line that filled the cell wrapped; one that stopped short was broken on purpose.
      const wrapped = right == null || right - prevEnd < line[0]!.size * 2.2;
      out += wrapped ? (isCjk(out.at(-1)) || isCjk(text[0]) ? "" : " ") : "\n";
    }
    out += text;
    prevEnd = x;
  }
  return out;
}

export function findTables(page: PageGeometry): { tables: LatticeTable[]; free: TextItem[] } {
  const segs = mergeCollinear(page.segments);
  const hs = segs.filter((s) => s.dir === "h");
  const vs = segs.filter((s) => s.dir === "v");
  // Rulings that cross each other belong to one table.
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h) => vs.forEach((v) => crosses(h, v) && (parent[find(segs.indexOf(h))] = find(segs.indexOf(v)))));
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));

  const tables: LatticeTable[] = [];
  const used = new Set<TextItem>();
  const regions = [...groups.values()]
    .filter((g) => g.filter((s) => s.dir === "h").length >= 1 && g.filter((s) => s.dir === "v").length >= 2)
    .sort((a, b) => Math.min(...a.map((s) => (s.dir === "h" ? s.at : s.from))) - Math.min(...b.map((s) => (s.dir === "h" ? s.at : s.from))));
  for (const g of regions) {
    const gh = g.filter((s) => s.dir === "h");
    const gv = g.filter((s) => s.dir === "v");
    const xs = cluster(gv.map((s) => s.at));
    const ys = cluster(gh.map((s) => s.at));
    // A cell open at the page foot (or head) has no ruling there: close it at the end
    // of the vertical rulings.
    const vTop = Math.min(...gv.map((s) => s.from));
    const vBottom = Math.max(...gv.map((s) => s.to));
    if (vTop < ys[0]! - 3) ys.unshift(vTop);
    if (vBottom > ys[ys.length - 1]! + 3) ys.push(vBottom);
    if (xs.length < 2 || ys.length < 2) continue;
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
    for (const it of page.items) {
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
      rows[b.r0]!.push({ text: joinItems(b.items, xs[b.c1 + 1]! - 2), lines: [], rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1 });
    }
    tables.push({ rows, top, bottom, left, right });
  }
  return { tables, free: page.items.filter((it) => !used.has(it)) };
}
