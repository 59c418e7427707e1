// A page rendered to grey pixels by PDFium, for OCR: only a page that has no text layer
// (or all pages, with --ocr always) is ever rendered.

import type { Gray } from "../ocr/image.js";
import { OCR_SETTINGS } from "../ocr/settings.js";
import type { Pdfium } from "./pdfium.js";

/** FPDF_ANNOT | FPDF_PRINTING from fpdfview.h: annotations (stamps) drawn, as printed. */
const FLAGS = 0x01 | 0x800;

/**
 * The resolution to render a page of `width` × `height` points at: OCR_SETTINGS.dpi (less
 * for a page past maxPixels) — or `scan`, the resolution of the scan the page is, where
 * that is near it (within OCR_SETTINGS.nativeBand), pixel for pixel: a scan resampled by
 * a few per cent (a Letter scan fitted to A4 is drawn at 97%) reads far worse (measured
 * on a web table's Letter scan fitted to A4: 4 of 44 tasks perfect at 300 dpi, 23 at its
 * own 308).
 */
export function renderDpi(width: number, height: number, scan?: number): number {
  let dpi: number = scan != null && Math.abs(scan / OCR_SETTINGS.dpi - 1) <= OCR_SETTINGS.nativeBand ? scan : OCR_SETTINGS.dpi;
  const pixels = (width * dpi * height * dpi) / (72 * 72);
  if (pixels > OCR_SETTINGS.maxPixels) dpi = Math.floor(dpi * Math.sqrt(OCR_SETTINGS.maxPixels / pixels));
  return dpi;
}

/** The page at `index`, `width` × `height` points as shown, rendered at renderDpi. */
export function renderGray(engine: Pdfium, doc: number, index: number, width: number, height: number, scan?: number): { gray: Gray; dpi: number } | null {
  const dpi = renderDpi(width, height, scan);
  const w = Math.max(1, Math.round((width * dpi) / 72));
  const h = Math.max(1, Math.round((height * dpi) / 72));
  const page = engine.FPDF_LoadPage(doc, index);
  if (!page) return null;
  const bitmap = engine.FPDFBitmap_Create(w, h, 0);
  try {
    if (!bitmap) return null;
    engine.FPDFBitmap_FillRect(bitmap, 0, 0, w, h, 0xffffffff);
    engine.FPDF_RenderPageBitmap(bitmap, page, 0, 0, w, h, 0, FLAGS);
    const buf = engine.FPDFBitmap_GetBuffer(bitmap);
    const stride = engine.FPDFBitmap_GetStride(bitmap);
    const heap = engine.heap.HEAPU8;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      let p = buf + y * stride;
      for (let x = 0; x < w; x++, p += 4) data[y * w + x] = (heap[p + 2]! * 299 + heap[p + 1]! * 587 + heap[p]! * 114) / 1000; // BGRx
    }
    return { gray: { width: w, height: h, data }, dpi };
  } finally {
    if (bitmap) engine.FPDFBitmap_Destroy(bitmap);
    engine.FPDF_ClosePage(page);
  }
}
