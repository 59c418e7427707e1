// One PDF page as geometry: text runs with their boxes, and the ruling segments the
// table borders are drawn with, all in page coordinates (origin top left, y down, the
// page's /Rotate applied), the way a reader sees the page.

import type { PageGeometry } from "../../model/geometry.js";
import type { Pdfium } from "./pdfium.js";
import { READ_SETTINGS } from "./settings.js";
import { readRulings } from "./rulings.js";
import { readRuns } from "./runs.js";

export type Matrix = [number, number, number, number, number, number];

export function mul(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

/** The x of point (x, y) under `m` (apart from y, so that no pair is made per point). */
export function mapX(m: Matrix, x: number, y: number): number {
  return m[0] * x + m[2] * y + m[4];
}

/** The y of point (x, y) under `m`. */
export function mapY(m: Matrix, x: number, y: number): number {
  return m[1] * x + m[3] * y + m[5];
}

/**
 * A few bytes of WebAssembly memory that PDFium writes its out-parameters into (boxes,
 * matrices, points). Read through the engine's current views: they are replaced when
 * the memory grows.
 */
export class Scratch {
  readonly at: number;
  constructor(private readonly engine: Pdfium) {
    this.at = engine.malloc(64);
  }
  f32(i: number): number {
    return this.engine.heap.HEAPF32[(this.at >> 2) + i]!;
  }
  i32(i: number): number {
    return this.engine.heap.HEAP32[(this.at >> 2) + i]!;
  }
  f64(i: number): number {
    return this.engine.heap.HEAPF64[(this.at >> 3) + i]!;
  }
  free(): void {
    this.engine.free(this.at);
  }
}

/**
 * From PDF user space to the page as shown: the crop box's top left at the origin, y
 * down, turned by /Rotate — the same transform as pdf.js's viewport at scale 1.
 */
export function viewOf(box: [number, number, number, number], rotate: number): { t: Matrix; width: number; height: number } {
  const [x0, y0, x1, y1] = box;
  const r = ((rotate % 360) + 360) % 360;
  const [a, b, c, d] = r === 90 ? [0, 1, 1, 0] : r === 180 ? [-1, 0, 0, 1] : r === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const turned = a === 0;
  const width = turned ? y1 - y0 : x1 - x0;
  const height = turned ? x1 - x0 : y1 - y0;
  const ox = turned ? cy - y0 : cx - x0;
  const oy = turned ? cx - x0 : cy - y0;
  return { t: [a, b, c, d, ox - a * cx - c * cy, oy - b * cx - d * cy], width, height };
}

function pageBox(engine: Pdfium, page: number, s: Scratch): [number, number, number, number] {
  const at = s.at;
  const found = engine.FPDFPage_GetCropBox(page, at, at + 4, at + 8, at + 12) || engine.FPDFPage_GetMediaBox(page, at, at + 4, at + 8, at + 12);
  const box: [number, number, number, number] = found ? [s.f32(0), s.f32(1), s.f32(2), s.f32(3)] : [0, 0, engine.FPDF_GetPageWidthF(page), engine.FPDF_GetPageHeightF(page)];
  return [Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.max(box[0], box[2]), Math.max(box[1], box[3])];
}


/** Reads page `index` (0-based) of an open document. */
export function readPage(engine: Pdfium, doc: number, index: number, s: Scratch): PageGeometry {
  const page = engine.FPDF_LoadPage(doc, index);
  if (!page) throw new Error(`page ${index + 1} could not be loaded`);
  try {
    const view = viewOf(pageBox(engine, page, s), engine.FPDFPage_GetRotation(page) * 90);
    // Rulings first: a run of text never crosses a cell border.
    const { segments, texts, image } = readRulings(engine, page, view.t, view.width, view.height, s);
    const tooMany = texts > READ_SETTINGS.maxTextObjects;
    const items = tooMany ? [] : readRuns(engine, page, view.t, segments, s);
    const geometry: PageGeometry = { number: index + 1, width: view.width, height: view.height, items, segments };
    if (image) geometry.image = { share: image.area / (view.width * view.height), dpi: image.dpi };
    if (tooMany) geometry.unread = `${texts} text objects (more than ${READ_SETTINGS.maxTextObjects}): its text was not read`;
    return geometry;
  } finally {
    engine.FPDF_ClosePage(page);
  }
}
