// The text of a page as runs: characters that sit together on one line, in the order
// the PDF draws them. PDFium gives each character its own box; a run ends where PDFium
// marks a line break, where the next character leaves the line, jumps back, stands
// further off than its own width, or lies across a vertical ruling (the next cell).

import { unradical } from "../../text/radicals.js";
import { isCjk } from "../../text/text.js";
import type { Segment, TextItem } from "../../model/geometry.js";
import { mapX, mapY, type Matrix, type Scratch } from "./page.js";
import type { Pdfium } from "./pdfium.js";
import { READ_SETTINGS as R } from "./settings.js";

/** A character's box on the page: one object, filled again for each character. */
interface CharBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

/** Code points PDFium puts between lines: CR, LF, and STX for a hyphen at a line end. */
const BREAK = new Set([13, 10, 2]);

/** Fills `c` with character `k`'s box in page coordinates; false when PDFium has none. */
function readBox(engine: Pdfium, text: number, k: number, view: Matrix, s: Scratch, c: CharBox): boolean {
  // The loose box is the font's full height, the same for every character of a line
  // whatever its shape; the tight box is the fallback.
  let l: number, t: number, r: number, b: number;
  if (engine.FPDFText_GetLooseCharBox(text, k, s.at)) {
    l = s.f32(0);
    t = s.f32(1);
    r = s.f32(2);
    b = s.f32(3);
  } else if (engine.FPDFText_GetCharBox(text, k, s.at, s.at + 8, s.at + 16, s.at + 24)) {
    l = s.f64(0);
    r = s.f64(1);
    b = s.f64(2);
    t = s.f64(3);
  } else return false;
  c.size = engine.FPDFText_GetFontSize(text, k) || Math.abs(t - b);
  const px = mapX(view, l, b);
  const py = mapY(view, l, b);
  const qx = mapX(view, r, t);
  const qy = mapY(view, r, t);
  c.x0 = Math.min(px, qx);
  c.x1 = Math.max(px, qx);
  c.y0 = Math.min(py, qy);
  c.y1 = Math.max(py, qy);
  return true;
}

/** Whether a vertical ruling stands between x0 and x1 at height y. */
function ruledBetween(verticals: Segment[], x0: number, x1: number, y: number): boolean {
  for (const g of verticals) if (g.at >= x0 - R.ruledGap && g.at <= x1 + R.ruledGap && g.from <= y && g.to >= y) return true;
  return false;
}

/** Code points to a string, in slices (a spread of a huge array would overflow the stack). */
export function stringOf(codes: number[]): string {
  if (codes.length <= 4096) return String.fromCodePoint(...codes);
  let out = "";
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCodePoint(...codes.slice(i, i + 4096));
  return out;
}

/**
 * The page's characters, one pass, to runs. Nothing is made per character: the box is
 * one reused object and a run's text is built from its code points at its end (a page
 * has thousands of characters, and per-character objects and strings were a fifth of
 * all a batch allocated).
 */
export function readRuns(engine: Pdfium, page: number, view: Matrix, segments: Segment[], s: Scratch): TextItem[] {
  const verticals = segments.filter((g) => g.dir === "v");
  const items: TextItem[] = [];
  const text = engine.FPDFText_LoadPage(page);
  if (!text) return items;
  const c: CharBox = { x0: 0, x1: 0, y0: 0, y1: 0, size: 0 };
  let run: TextItem | null = null;
  const codes: number[] = [];
  // A space PDFium inferred from a gap, kept only if neither neighbour is CJK: next to
  // one it is the typesetter's spacing (围绕 2019 年), not a space in the text.
  let inferredSpace = false;
  let last = 0;
  const flush = () => {
    if (run) {
      const t = stringOf(codes);
      if (t.trim()) items.push({ ...run, text: unradical(t) });
    }
    run = null;
    codes.length = 0;
    inferredSpace = false;
  };
  try {
    const n = engine.FPDFText_CountChars(text);
    for (let k = 0; k < n; k++) {
      // A broken ToUnicode map can give a value past Unicode's last code point, which
      // String.fromCodePoint refuses: it stands for a character that cannot be read.
      const got = engine.FPDFText_GetUnicode(text, k);
      const u = got > 0x10ffff ? 0xfffd : got;
      if (BREAK.has(u)) {
        flush();
        continue;
      }
      if (!readBox(engine, text, k, view, s, c)) continue;
      if (run) {
        const r: TextItem = run;
        const mid = (c.y0 + c.y1) / 2;
        const sameLine = Math.abs(mid - (r.y0 + r.y1) / 2) < Math.max(r.size, c.size) * R.sameLine;
        const apart = c.x0 - r.x1 > c.size * R.runGap || c.x0 < r.x0 - c.size * R.runGap;
        if (!sameLine || apart || ruledBetween(verticals, r.x1, c.x0, mid)) flush();
      }
      // PDFium puts its inferred space where the gap begins: a gap wide enough to end
      // the run has ended it above.
      if (engine.FPDFText_IsGenerated(text, k) === 1 && !String.fromCodePoint(u).trim()) {
        inferredSpace = run !== null;
        continue;
      }
      if (!run) {
        run = { text: "", x0: c.x0, x1: c.x1, y0: c.y0, y1: c.y1, size: c.size };
      } else {
        if (inferredSpace && !isCjk(String.fromCodePoint(u)) && !isCjk(String.fromCodePoint(last))) codes.push(32);
        inferredSpace = false;
        run.x0 = Math.min(run.x0, c.x0);
        run.x1 = Math.max(run.x1, c.x1);
        run.y0 = Math.min(run.y0, c.y0);
        run.y1 = Math.max(run.y1, c.y1);
      }
      codes.push(u);
      last = u;
    }
    flush();
  } finally {
    engine.FPDFText_ClosePage(text);
  }
  return items;
}
