// `inspect --draw DIR`: one picture per PDF page of what the layout read, as pdfplumber's
// table-finder debug image and camelot's plot show it — the rulings found, each table's
// grid, each cell with its span, the text placed in cells and the text left outside.
//
// SVG, not PNG: it is text (a test reads its cells; a diff shows what changed), it scales
// without blur on any screen, any browser opens it, and it needs no image encoder. The
// page itself is not rendered underneath: the drawing is the geometry PDFium gave the
// reader, which is what the layout saw.

import type { PageDrawing, PageReport } from "../model/document.js";
import { escapeMarkup } from "../text/text.js";

const COLOURS = {
  ruling: "#1f5fd6",
  grid: "#9aa5b1",
  cell: "#1c9c4a",
  placed: "#b7e4c7",
  free: "#e03131",
} as const;

const esc = escapeMarkup;
const n = (x: number) => (Math.round(x * 10) / 10).toString();

function legend(width: number): string {
  const items: Array<[string, string]> = [
    [COLOURS.ruling, "ruling found"],
    [COLOURS.grid, "table grid line"],
    [COLOURS.cell, "cell (span in brackets)"],
    [COLOURS.placed, "text placed in a cell"],
    [COLOURS.free, "text outside tables"],
  ];
  const parts = items.map(([c, label], i) => `<g transform="translate(${n(8 + i * Math.max(90, width / 5.2))},8)"><rect width="10" height="10" fill="${c}"/><text x="14" y="9" font-size="9">${esc(label)}</text></g>`);
  return `<g class="legend">${parts.join("")}</g>`;
}

/** One page as SVG (points, origin top left, as the reader's geometry). */
export function drawPage(page: number, g: PageDrawing): string {
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${n(g.width)}pt" height="${n(g.height + 24)}pt" viewBox="0 -24 ${n(g.width)} ${n(g.height + 24)}" font-family="sans-serif">`);
  out.push(`<title>page ${page}: ${g.tables.length} table(s), ${g.segments.length} rulings, ${g.placed.length} text runs placed, ${g.free.length} outside</title>`);
  out.push(`<rect class="page" x="0" y="0" width="${n(g.width)}" height="${n(g.height)}" fill="white" stroke="#ccc"/>`);
  out.push(`<g transform="translate(0,-24)">${legend(g.width)}</g>`);
  out.push(`<g class="placed" fill="${COLOURS.placed}">`);
  for (const b of g.placed) out.push(`<rect x="${n(b.x0)}" y="${n(b.y0)}" width="${n(b.x1 - b.x0)}" height="${n(b.y1 - b.y0)}"/>`);
  out.push(`</g><g class="free" fill="none" stroke="${COLOURS.free}" stroke-width="0.6">`);
  for (const b of g.free) out.push(`<rect x="${n(b.x0)}" y="${n(b.y0)}" width="${n(b.x1 - b.x0)}" height="${n(b.y1 - b.y0)}"><title>${esc(b.text)}</title></rect>`);
  out.push(`</g>`);
  g.tables.forEach((t, k) => {
    out.push(`<g class="table" data-table="${k + 1}" data-rows="${t.ys.length - 1}" data-cols="${t.xs.length - 1}">`);
    const [x0, x1, y0, y1] = [t.xs[0]!, t.xs[t.xs.length - 1]!, t.ys[0]!, t.ys[t.ys.length - 1]!];
    for (const x of t.xs) out.push(`<line class="grid" x1="${n(x)}" y1="${n(y0)}" x2="${n(x)}" y2="${n(y1)}" stroke="${COLOURS.grid}" stroke-width="0.5" stroke-dasharray="3 2"/>`);
    for (const y of t.ys) out.push(`<line class="grid" x1="${n(x0)}" y1="${n(y)}" x2="${n(x1)}" y2="${n(y)}" stroke="${COLOURS.grid}" stroke-width="0.5" stroke-dasharray="3 2"/>`);
    for (const b of t.boxes) {
      const span = b.rowSpan > 1 || b.colSpan > 1 ? `[${b.rowSpan}×${b.colSpan}]` : "";
      out.push(`<rect class="cell" data-span="${b.rowSpan}x${b.colSpan}" x="${n(b.x0 + 1)}" y="${n(b.y0 + 1)}" width="${n(Math.max(0, b.x1 - b.x0 - 2))}" height="${n(Math.max(0, b.y1 - b.y0 - 2))}" fill="none" stroke="${COLOURS.cell}" stroke-width="0.8"/>`);
      if (span) out.push(`<text x="${n(b.x0 + 3)}" y="${n(b.y0 + 9)}" font-size="7" fill="${COLOURS.cell}">${span}</text>`);
    }
    out.push(`</g>`);
  });
  out.push(`<g class="rulings" stroke="${COLOURS.ruling}" stroke-width="1.2">`);
  for (const s of g.segments) {
    if (s.dir === "h") out.push(`<line x1="${n(s.from)}" y1="${n(s.at)}" x2="${n(s.to)}" y2="${n(s.at)}"/>`);
    else out.push(`<line x1="${n(s.at)}" y1="${n(s.from)}" x2="${n(s.at)}" y2="${n(s.to)}"/>`);
  }
  out.push(`</g></svg>`);
  return out.join("\n") + "\n";
}

/** The pictures of a PDF's pages, in page order; none for other formats. */
export function drawPages(pages: readonly PageReport[] | undefined): Array<{ page: number; svg: string }> {
  return (pages ?? []).filter((p) => p.geometry).map((p) => ({ page: p.page, svg: drawPage(p.page, p.geometry!) }));
}
