// A PDF page as the layout sees it: text runs with their boxes, and the ruling segments
// table borders are drawn with, all in page coordinates (points, origin top left, y down,
// the page's /Rotate applied). The PDF reader makes it; the PDF layout reads it.

/** pt: A4's short side — the page a scan or page image is taken for when its size says nothing usable. */
export const A4_SHORT_PT = 595.28;

export interface TextItem {
  text: string;
  x0: number;
  x1: number;
  /** Top and bottom of the glyph box. */
  y0: number;
  y1: number;
  size: number;
  /** Recognised by OCR: the recogniser's lowest confidence over its words, 0–100. */
  conf?: number;
}

/**
 * The lowest of some OCR confidences, those a reading has (text read as text has none);
 * null when none has one. What a cell, a task and a line report: the weakest word is
 * where a reviewer looks.
 */
export function lowestConfidence(values: Iterable<number | null | undefined>): number | null {
  let low: number | null = null;
  for (const v of values) if (v != null && (low == null || v < low)) low = v;
  return low;
}

export interface Segment {
  /** "h": a horizontal ruling at y from x0 to x1; "v": vertical at x from y0 to y1. */
  dir: "h" | "v";
  at: number;
  from: number;
  to: number;
}

export interface PageGeometry {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
  /** Why the page's text was not read, when it was not (too many objects). */
  unread?: string;
  /** Read by OCR: the resolution and the skew corrected (degrees). */
  ocr?: { dpi: number; skew: number };
  /** The page's largest image: the share of the page it covers and its pixels per inch (a scan's resolution). */
  image?: { share: number; dpi: number };
}
