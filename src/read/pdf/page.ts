// One PDF page as geometry: text items with their boxes, and the ruling segments the
// table borders are drawn with, all in page coordinates (origin top left, y down).
// Word, WPS and LibreOffice draw borders as thin filled rectangles, others as stroked
// lines; both are read from the operator list, following the current transform
// through save/restore, cm and form XObjects.

import { unradical } from "../../normalize/radicals.js";

export interface TextItem {
  text: string;
  x0: number;
  x1: number;
  /** Top and bottom of the glyph box. */
  y0: number;
  y1: number;
  size: number;
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
}

type Matrix = [number, number, number, number, number, number];

function mul(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The pdfjs objects this module reads, typed to what it uses. */
export interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(o?: { disableNormalization?: boolean }): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
  getOperatorList(o?: { annotationMode?: number }): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
}

export interface Ops {
  save: number; restore: number; transform: number; constructPath: number;
  paintFormXObjectBegin: number; paintFormXObjectEnd: number;
  stroke: number; closeStroke: number; fill: number; eoFill: number;
  fillStroke: number; eoFillStroke: number; closeFillStroke: number; closeEOFillStroke: number;
}

const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 3;
/** A filled rectangle this thin (in points) is a ruling, not a shaded area. */
const THIN = 2.5;

function segmentsOf(points: Array<[number, number]>, closed: boolean, out: Segment[]): void {
  const pts = closed && points.length > 2 ? [...points, points[0]!] : points;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!;
    const [bx, by] = pts[i]!;
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= 1) out.push({ dir: "h", at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= 1) out.push({ dir: "v", at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  }
}

export async function readPage(page: PdfPage, number: number, OPS: Ops): Promise<PageGeometry> {
  const vp = page.getViewport({ scale: 1 });
  const view = vp.transform as Matrix;
  const items: TextItem[] = [];
  // pdf.js's own normalization costs 40% of text extraction; texts are compared under
  // NFKC anyway, radicals are mapped here, and the output keeps characters as printed.
  for (const it of (await page.getTextContent({ disableNormalization: true })).items) {
    const str = it.str ?? "";
    if (!str.trim() || !it.transform) continue;
    const t = it.transform as Matrix;
    const size = Math.hypot(t[2], t[3]) || it.height || 10;
    const len = Math.hypot(t[0], t[1]) || 1;
    const dx = (t[0] / len) * (it.width ?? 0);
    const dy = (t[1] / len) * (it.width ?? 0);
    // Baseline start and end, and the top of the glyphs, through the viewport.
    const ux = t[2];
    const uy = t[3];
    const corners = [apply(view, t[4], t[5]), apply(view, t[4] + dx, t[5] + dy), apply(view, t[4] + ux, t[5] + uy), apply(view, t[4] + dx + ux, t[5] + dy + uy)];
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    items.push({ text: unradical(str), x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys), size });
  }

  // Annotations (form fields, links) draw no table borders.
  const { fnArray, argsArray } = await page.getOperatorList({ annotationMode: 0 });
  const segments: Segment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) && args[0].length === 6) ctm = mul(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const stroke = [OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(op);
      const fill = [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(op);
      if (!stroke && !fill) continue; // a clipping path or an ended path draws nothing
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const m = mul(view, ctm);
      const subpaths: Array<{ pts: Array<[number, number]>; closed: boolean; curved: boolean }> = [];
      let cur: { pts: Array<[number, number]>; closed: boolean; curved: boolean } | null = null;
      for (let k = 0; k < data.length; ) {
        const code = data[k++];
        if (code === MOVE) {
          cur = { pts: [apply(m, data[k++]!, data[k++]!)], closed: false, curved: false };
          subpaths.push(cur);
        } else if (code === LINE) cur?.pts.push(apply(m, data[k++]!, data[k++]!));
        else if (code === CURVE) {
          k += 6;
          if (cur) cur.curved = true;
        } else if (code === CLOSE) {
          if (cur) cur.closed = true;
        } else break;
      }
      for (const sp of subpaths) {
        if (sp.curved || sp.pts.length < 2) continue;
        if (stroke) segmentsOf(sp.pts, sp.closed || fill, segments);
        else {
          // A filled shape is a ruling only if it is a thin rectangle.
          const xs = sp.pts.map((p) => p[0]);
          const ys = sp.pts.map((p) => p[1]);
          const w = Math.max(...xs) - Math.min(...xs);
          const h = Math.max(...ys) - Math.min(...ys);
          if (h <= THIN && w > THIN) segments.push({ dir: "h", at: (Math.max(...ys) + Math.min(...ys)) / 2, from: Math.min(...xs), to: Math.max(...xs) });
          else if (w <= THIN && h > THIN) segments.push({ dir: "v", at: (Math.max(...xs) + Math.min(...xs)) / 2, from: Math.min(...ys), to: Math.max(...ys) });
        }
      }
    }
  }
  return { number, width: vp.width, height: vp.height, items, segments };
}
