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

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
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
    let x0 = w, y0 = h, x1 = -1, y1 = -1, edge = false;
    label[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
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
    boxes.push(edge ? { x0: -1, y0: -1, x1: -1, y1: -1 } : { x0: x0 * g, y0: y0 * g, x1: (x1 + 1) * g, y1: (y1 + 1) * g });
  }
  return boxes.filter((b) => b.x0 >= 0 && b.x1 - b.x0 >= minPx && b.y1 - b.y0 >= minPx);
}
