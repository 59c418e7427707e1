// The ruled grid of a scanned page, from its pixels: long runs of ink along rows and
// columns are rulings (what the vector reader gets from path objects), and the white
// regions they enclose are the cells, cropped one by one for the recogniser.

import type { Segment } from "../../model/geometry.js";
import type { Gray } from "./image.js";
import { OCR_SETTINGS as O } from "./settings.js";

/**
 * Runs of ink at least `minPx` long along each row ("h") or column ("v"), gaps of up to
 * `gapPx` bridged; in pixels. A ruling 3 px thick gives three runs; the layout joins
 * runs that lie within its collinear tolerance, as it does a border drawn in pieces.
 */
export function inkRuns(img: Gray, ink: number, dir: "h" | "v", minPx: number, gapPx: number): Segment[] {
  const out: Segment[] = [];
  const [lines, along] = dir === "h" ? [img.height, img.width] : [img.width, img.height];
  const at = dir === "h" ? (line: number, k: number) => img.data[line * img.width + k]! : (line: number, k: number) => img.data[k * img.width + line]!;
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let lastInk = -1;
    for (let k = 0; k <= along; k++) {
      const dark = k < along && at(line, k) < ink;
      if (dark) {
        if (start < 0) start = k;
        lastInk = k;
      } else if (start >= 0 && (k === along || k - lastInk > gapPx)) {
        if (lastInk - start + 1 >= minPx) out.push({ dir, at: line + 0.5, from: start, to: lastInk + 1 });
        start = -1;
      }
    }
  }
  return out;
}

/**
 * Runs of light ink (darker than `light`; lighter than text) that are rulings: runs at
 * `light` not along a dark run (`dark`: the dark rulings; a dark ruling's grey edge rows
 * are the same line), kept where the pixels `offPx` to both sides are paper along most of
 * their length (O.lightClear), as a border drawn alone has. A row through text, whose
 * antialiased edges and a scan's noise join up at a light threshold, has glyphs above and below.
 */
export function lightRuns(img: Gray, light: number, dir: "h" | "v", minPx: number, offPx: number, dark: readonly Segment[]): Segment[] {
  const lines = dir === "h" ? img.height : img.width;
  const px = dir === "h" ? (line: number, k: number) => img.data[line * img.width + k]! : (line: number, k: number) => img.data[k * img.width + line]!;
  const paper = (line: number, k: number) => line < 0 || line >= lines || px(line, k) >= light;
  const along = dark.filter((d) => d.dir === dir);
  return inkRuns(img, light, dir, minPx, 0).filter((s) => {
    if (along.some((d) => Math.abs(d.at - s.at) <= offPx && d.from < s.to && s.from < d.to)) return false;
    const line = s.at - 0.5;
    let clear = 0;
    for (let k = s.from; k < s.to; k++) if (paper(line - offPx, k) && paper(line + offPx, k)) clear++;
    return clear >= O.lightClear * (s.to - s.from);
  });
}

/**
 * The rulings that belong to a table: each one at least `longPx` long, and every one
 * within `tolPx` of one of those, and so on. A large title's strokes (a bold 22 pt 一 is
 * a run of ink 20 pt long) make runs as long as a narrow cell's side, and close boxes
 * (口, 国); but no glyph is as long as a table's frame or a row's ruling, and a table's
 * short sides (a 序号 cell's top) touch its long ones, or stand a cell spacing from them.
 */
export function tableRulings(rulings: readonly Segment[], longPx: number, tolPx: number): Segment[] {
  const box = (s: Segment) => (s.dir === "h" ? { x0: s.from, x1: s.to, y0: s.at, y1: s.at } : { x0: s.at, x1: s.at, y0: s.from, y1: s.to });
  const boxes = rulings.map(box);
  const near = (a: number, b: number) => {
    const [p, q] = [boxes[a]!, boxes[b]!];
    return p.x0 - tolPx <= q.x1 && q.x0 - tolPx <= p.x1 && p.y0 - tolPx <= q.y1 && q.y0 - tolPx <= p.y1;
  };
  const kept = new Uint8Array(rulings.length);
  const queue: number[] = [];
  rulings.forEach((s, i) => {
    if (s.to - s.from >= longPx) {
      kept[i] = 1;
      queue.push(i);
    }
  });
  // Rulings sorted by their left edge, so that each search looks only at those that can be near.
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.x0 - boxes[b]!.x0);
  while (queue.length > 0) {
    const a = queue.pop()!;
    const right = boxes[a]!.x1 + tolPx;
    for (const b of order) {
      if (boxes[b]!.x0 > right) break;
      if (!kept[b] && near(a, b)) {
        kept[b] = 1;
        queue.push(b);
      }
    }
  }
  return rulings.filter((_, i) => kept[i]);
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Cells inside this region's box (it is L-shaped): left out of its crop, which would read them again. */
  holes?: Box[];
}

/**
 * Column rulings as whole lines: the runs of one line (a ruling 3 px thick gives three,
 * a scan's noise breaks one into pieces) joined where they lie within `tolPx` across and
 * `joinPx` along, so that a break in a ruling is not taken for its end.
 */
function joined(v: readonly Segment[], tolPx: number, joinPx: number): Segment[] {
  const byX = [...v].sort((a, b) => a.at - b.at);
  const out: Segment[] = [];
  for (let i = 0; i < byX.length; ) {
    let j = i;
    while (j + 1 < byX.length && byX[j + 1]!.at - byX[j]!.at <= tolPx) j++;
    const line = byX.slice(i, j + 1).sort((a, b) => a.from - b.from);
    const at = line.reduce((s, x) => s + x.at, 0) / line.length;
    i = j + 1;
    let cur: Segment | null = null;
    for (const s of line) {
      if (cur && s.from <= cur.to + joinPx) cur.to = Math.max(cur.to, s.to);
      else {
        if (cur) out.push(cur);
        cur = { dir: "v", at, from: s.from, to: s.to };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/**
 * Lines that close boxes a page break left open: a table continued from the page before
 * (or on the next) prints its cells' sides down from (or up to) the cut with no border
 * there, so two or more column rulings end at one height with no row ruling across them.
 * A line joining their ends closes those cells, as the row ruling above the first row
 * would; only for finding cells (the layout reads the rulings as drawn).
 */
export function openEnds(rulings: readonly Segment[], tolPx: number, joinPx: number): Segment[] {
  const v = joined(rulings.filter((s) => s.dir === "v"), tolPx, joinPx);
  const h = rulings.filter((s) => s.dir === "h");
  const out: Segment[] = [];
  for (const end of ["from", "to"] as const) {
    const ys = [...v].sort((a, b) => a[end] - b[end]);
    for (let i = 0; i < ys.length; ) {
      let j = i;
      while (j + 1 < ys.length && ys[j + 1]![end] - ys[i]![end] <= tolPx) j++;
      const group = ys.slice(i, j + 1);
      i = j + 1;
      if (group.length < 2) continue;
      const y = group[0]![end];
      const at = end === "from" ? y + tolPx : y - tolPx;
      const xs = group.map((s) => s.at).sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k++) {
        const [a, b] = [xs[k]!, xs[k + 1]!];
        // Only between two neighbouring sides: a column ruling running on through this
        // height between them is a cell merged across it (not to be cut), and a row
        // ruling across them closes the cells already (a table's own top or foot).
        if (v.some((r) => r.at > a + tolPx && r.at < b - tolPx && r.from < y - tolPx && r.to > y + tolPx)) continue;
        if (h.some((r) => Math.abs(r.at - y) <= tolPx && r.from <= a + tolPx && r.to >= b - tolPx)) continue;
        out.push({ dir: "h", at, from: a, to: b + 1 });
      }
    }
  }
  return out;
}

/**
 * The regions the rulings enclose, in pixels: connected white areas of a coarse grid
 * (O.cellGrid px a side) on which every ruling blocks the squares it crosses. An area
 * that reaches the page edge is outside every table.
 */
export function enclosed(width: number, height: number, rulings: Segment[], minPx: number): Box[] {
  const g = O.cellGrid;
  const w = Math.ceil(width / g);
  const h = Math.ceil(height / g);
  const blocked = new Uint8Array(w * h);
  for (const s of rulings) {
    const a = Math.floor(s.at / g);
    for (let k = Math.floor(s.from / g); k <= Math.floor((s.to - 1) / g); k++) {
      if (s.dir === "h" && a < h && k < w) blocked[a * w + k] = 1;
      if (s.dir === "v" && a < w && k < h) blocked[k * w + a] = 1;
    }
  }
  const label = new Int32Array(w * h).fill(-1);
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (blocked[start] || label[start]! >= 0) continue;
    const id = boxes.length;
    let x0 = w, y0 = h, x1 = -1, y1 = -1, edge = false, n = 0;
    label[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      n++;
      const x = p % w;
      const y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) edge = true;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
        if (q >= 0 && !blocked[q] && label[q]! < 0) {
          label[q] = id;
          stack.push(q);
        }
      }
    }
    // A cell is a rectangle of white: a region filling little of its bounding box is the
    // white between cells instead (the cell spacing of separated borders, a frame's gap).
    const fills = n >= O.cellFill * (x1 - x0 + 1) * (y1 - y0 + 1);
    boxes.push(edge || !fills ? { x0: -1, y0: -1, x1: -1, y1: -1 } : { x0: x0 * g, y0: y0 * g, x1: (x1 + 1) * g, y1: (y1 + 1) * g });
  }
  const found = boxes.filter((b) => b.x0 >= 0 && b.x1 - b.x0 >= minPx && b.y1 - b.y0 >= minPx);
  // A region whose box holds other cells is L-shaped: two cells run together through a gap
  // in a ruling (an empty merged cell and the box a page break left open beside it), or a
  // merged cell beside shorter ones. Its crop leaves those cells out, else it reads them again.
  const area = (b: Box) => (b.x1 - b.x0) * (b.y1 - b.y0);
  const shared = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  return found.map((a) => {
    const holes = found.filter((b) => b !== a && area(b) < area(a) && shared(a, b) > O.cellOverlap * area(b));
    return holes.length > 0 ? { ...a, holes } : a;
  });
}
