// The ruling segments of a page: table borders, from its path objects (and those inside
// form XObjects, through their matrices). Word, WPS and LibreOffice draw borders as thin
// filled rectangles, others as stroked lines; curves and clipping paths draw no border.

import type { Segment } from "../../model/geometry.js";
import { mapX, mapY, mul, type Matrix, type Scratch } from "./page.js";
import type { Pdfium } from "./pdfium.js";
import { READ_SETTINGS as R } from "./settings.js";

/** FPDF_PAGEOBJ_* and FPDF_SEGMENT_* from fpdf_edit.h. */
const TEXT = 1;
const PATH = 2;
const FORM = 5;
const IMAGE = 3;
const LINETO = 0;
const MOVETO = 2;
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

interface Subpath {
  /** Points as x, y, x, y, … (no pair made per point). */
  xy: number[];
  closed: boolean;
  curved: boolean;
}

function strokedSegments(points: number[], closed: boolean, out: Segment[]): void {
  const xy = closed && points.length > 4 ? [...points, points[0]!, points[1]!] : points;
  for (let i = 2; i + 1 < xy.length; i += 2) {
    const ax = xy[i - 2]!;
    const ay = xy[i - 1]!;
    const bx = xy[i]!;
    const by = xy[i + 1]!;
    if (Math.abs(ay - by) < R.levelSlack && Math.abs(ax - bx) >= R.rulingMin) out.push({ dir: "h", at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < R.levelSlack && Math.abs(ay - by) >= R.rulingMin) out.push({ dir: "v", at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  }
}

function filledSegment(xy: number[], out: Segment[]): void {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    x0 = Math.min(x0, xy[i]!); x1 = Math.max(x1, xy[i]!);
    y0 = Math.min(y0, xy[i + 1]!); y1 = Math.max(y1, xy[i + 1]!);
  }
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= R.thinRule && w > R.thinRule) out.push({ dir: "h", at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= R.thinRule && h > R.thinRule) out.push({ dir: "v", at: (x0 + x1) / 2, from: y0, to: y1 });
}

function subpathsOf(engine: Pdfium, obj: number, m: Matrix, s: Scratch): Subpath[] {
  const subs: Subpath[] = [];
  let cur: Subpath | null = null;
  const n = engine.FPDFPath_CountSegments(obj);
  for (let k = 0; k < n; k++) {
    const seg = engine.FPDFPath_GetPathSegment(obj, k);
    const type = engine.FPDFPathSegment_GetType(seg);
    engine.FPDFPathSegment_GetPoint(seg, s.at, s.at + 4);
    const x = mapX(m, s.f32(0), s.f32(1));
    const y = mapY(m, s.f32(0), s.f32(1));
    if (type === MOVETO) {
      cur = { xy: [x, y], closed: false, curved: false };
      subs.push(cur);
    } else if (type === LINETO) cur?.xy.push(x, y);
    else if (cur) cur.curved = true;
    if (cur && engine.FPDFPathSegment_GetClose(seg)) cur.closed = true;
  }
  return subs;
}

/** What a page's objects hold that the reader counts: its rulings, its text objects, its largest image. */
interface Found {
  segments: Segment[];
  texts: number;
  /** The largest image as shown: its area (pt²) and its pixels per inch across. */
  image: { area: number; dpi: number } | null;
}

function visit(engine: Pdfium, obj: number, outer: Matrix, view: Matrix, s: Scratch, out: Found): void {
  const type = engine.FPDFPageObj_GetType(obj);
  if (type === TEXT) out.texts++;
  if (type !== PATH && type !== FORM && type !== IMAGE) return;
  const own: Matrix = engine.FPDFPageObj_GetMatrix(obj, s.at) ? [s.f32(0), s.f32(1), s.f32(2), s.f32(3), s.f32(4), s.f32(5)] : IDENTITY;
  const m = mul(outer, own);
  if (type === IMAGE) {
    // An image is the unit square through its matrix: its sides as shown are the matrix's columns.
    const [a, b, c, d] = mul(view, m);
    const [across, down] = [Math.hypot(a, b), Math.hypot(c, d)];
    if (across > 0 && down > 0 && engine.FPDFImageObj_GetImagePixelSize(obj, s.at, s.at + 4)) {
      // Pixels across the image's own width, over that width as shown (turned or not).
      const dpi = (s.i32(0) * 72) / across;
      if (!out.image || across * down > out.image.area) out.image = { area: across * down, dpi };
    }
    return;
  }
  if (type === FORM) {
    const n = engine.FPDFFormObj_CountObjects(obj);
    for (let k = 0; k < n; k++) visit(engine, engine.FPDFFormObj_GetObject(obj, k), m, view, s, out);
    return;
  }
  if (!engine.FPDFPath_GetDrawMode(obj, s.at, s.at + 4)) return;
  const fill = s.i32(0) !== 0;
  const stroke = s.i32(1) !== 0;
  if (!fill && !stroke) return;
  for (const sp of subpathsOf(engine, obj, mul(view, m), s)) {
    if (sp.curved || sp.xy.length < 4) continue;
    if (stroke) strokedSegments(sp.xy, sp.closed || fill, out.segments);
    else filledSegment(sp.xy, out.segments);
  }
}

/**
 * The part of a ruling on the page as shown. Some producers draw a whole table on every
 * page it covers and let the page box cut it (wkhtmltopdf: the rulings of the rows before
 * and after the page lie at negative y and beyond the foot); nothing outside the page is
 * printed, so nothing outside it is a border.
 */
function onPage(seg: Segment, width: number, height: number): Segment | null {
  const [across, along] = seg.dir === "h" ? [height, width] : [width, height];
  if (seg.at < 0 || seg.at > across) return null;
  const from = Math.max(seg.from, 0);
  const to = Math.min(seg.to, along);
  if (to - from < R.rulingMin) return null;
  return from === seg.from && to === seg.to ? seg : { ...seg, from, to };
}

/**
 * `view`: user space to the page as shown (see viewOf), `width` × `height` its size. The
 * page's rulings, and how many text objects it holds.
 */
export function readRulings(engine: Pdfium, page: number, view: Matrix, width: number, height: number, s: Scratch): Found {
  const out: Found = { segments: [], texts: 0, image: null };
  const n = engine.FPDFPage_CountObjects(page);
  for (let k = 0; k < n; k++) visit(engine, engine.FPDFPage_GetObject(page, k), IDENTITY, view, s, out);
  out.segments = out.segments.map((seg) => onPage(seg, width, height)).filter((seg): seg is Segment => seg !== null);
  return out;
}
