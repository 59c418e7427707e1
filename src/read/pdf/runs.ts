// The text of a page as runs: characters that sit together on one line, in the order
// the PDF draws them. PDFium gives each character its own box; a run ends where PDFium
// marks a line break, where the next character leaves the line, jumps back, stands
// further off than its own width, or lies across a vertical ruling (the next cell).

import { unradical } from "../../normalize/radicals.js";
import { isCjk } from "../../normalize/text.js";
import { apply, type Matrix, type Scratch, type Segment, type TextItem } from "./page.js";
import type { Pdfium } from "./pdfium.js";

interface Char {
  ch: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
  /** Inserted by PDFium (a space between text objects), not drawn by the PDF. */
  generated: boolean;
}

/** Code points PDFium puts between lines: CR, LF, and STX for a hyphen at a line end. */
const BREAK = new Set([13, 10, 2]);

function charsOf(engine: Pdfium, page: number, view: Matrix, s: Scratch): Array<Char | null> {
  const out: Array<Char | null> = [];
  const text = engine.FPDFText_LoadPage(page);
  if (!text) return out;
  try {
    const n = engine.FPDFText_CountChars(text);
    for (let k = 0; k < n; k++) {
      const u = engine.FPDFText_GetUnicode(text, k);
      if (BREAK.has(u)) {
        out.push(null);
        continue;
      }
      // The loose box is the font's full height, the same for every character of a
      // line whatever its shape; the tight box is the fallback.
      let l: number, t: number, r: number, b: number;
      if (engine.FPDFText_GetLooseCharBox(text, k, s.at)) [l, t, r, b] = [s.f32(0), s.f32(1), s.f32(2), s.f32(3)];
      else if (engine.FPDFText_GetCharBox(text, k, s.at, s.at + 8, s.at + 16, s.at + 24)) [l, r, b, t] = [s.f64(0), s.f64(1), s.f64(2), s.f64(3)];
      else continue;
      const size = engine.FPDFText_GetFontSize(text, k) || Math.abs(t - b);
      const p = apply(view, l, b);
      const q = apply(view, r, t);
      out.push({
        ch: String.fromCodePoint(u),
        x0: Math.min(p[0], q[0]),
        x1: Math.max(p[0], q[0]),
        y0: Math.min(p[1], q[1]),
        y1: Math.max(p[1], q[1]),
        size,
        generated: engine.FPDFText_IsGenerated(text, k) === 1,
      });
    }
  } finally {
    engine.FPDFText_ClosePage(text);
  }
  return out;
}

export function readRuns(engine: Pdfium, page: number, view: Matrix, segments: Segment[], s: Scratch): TextItem[] {
  const verticals = segments.filter((g) => g.dir === "v");
  const items: TextItem[] = [];
  let run: TextItem | null = null;
  // A space PDFium inferred from a gap, kept only if neither neighbour is CJK: next to
  // one it is the typesetter's spacing (围绕 2019 年), not a space in the text.
  let inferredSpace = false;
  let last = "";
  const flush = () => {
    if (run && run.text.trim()) items.push({ ...run, text: unradical(run.text) });
    run = null;
    inferredSpace = false;
  };
  for (const c of charsOf(engine, page, view, s)) {
    if (!c) {
      flush();
      continue;
    }
    if (run) {
      const r: TextItem = run;
      const mid = (c.y0 + c.y1) / 2;
      const sameLine = Math.abs(mid - (r.y0 + r.y1) / 2) < Math.max(r.size, c.size) * 0.5;
      const apart = c.x0 - r.x1 > c.size || c.x0 < r.x0 - c.size;
      const ruled = verticals.some((g) => g.at >= r.x1 - 1 && g.at <= c.x0 + 1 && g.from <= mid && g.to >= mid);
      if (!sameLine || apart || ruled) flush();
    }
    // PDFium puts its inferred space where the gap begins: a gap wide enough to end
    // the run has ended it above.
    if (c.generated && !c.ch.trim()) {
      inferredSpace = run !== null;
      continue;
    }
    if (!run) {
      run = { text: c.ch, x0: c.x0, x1: c.x1, y0: c.y0, y1: c.y1, size: c.size };
    } else {
      if (inferredSpace && !isCjk(c.ch) && !isCjk(last)) run.text += " ";
      inferredSpace = false;
      run.text += c.ch;
      run.x0 = Math.min(run.x0, c.x0);
      run.x1 = Math.max(run.x1, c.x1);
      run.y0 = Math.min(run.y0, c.y0);
      run.y1 = Math.max(run.y1, c.y1);
    }
    last = c.ch;
  }
  flush();
  return items;
}
