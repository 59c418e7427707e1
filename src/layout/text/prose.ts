// Notices written as prose: headings 一、/（一）/1. and paragraphs, units in a trailing
// parenthesis or on labelled lines (牵头单位：…). Hard-wrapped paragraphs are rejoined.

import type { Laid, Paragraph } from "../../model/document.js";
import { isLabelLine } from "../../lexicon/labels.js";
import { parseMarker } from "../../lexicon/markers.js";
import { endsAsTitleLine, METADATA_LINE } from "../../lexicon/titles.js";
import { toSimplified } from "../../text/hant.js";
import { clean, joinWrapped } from "../../text/text.js";
import { isBlank, type SourceLine } from "./lines.js";


export function countLabelled(lines: SourceLine[]): number {
  return lines.filter((l) => isLabelLine(l.text)).length;
}

function endsSentence(s: string): boolean {
  return /[。；;！？!?：:）)」”]$/u.test(s);
}

/**
 * The width a hard-wrapped text (prose extracted from a PDF) is wrapped at, or null.
 * Such text has many lines of one length, give or take a character or two.
 */
export function wrapWidth(lines: SourceLine[]): number | null {
  const lens = lines.map((l) => [...clean(l.text)].length).filter((n) => n >= 15);
  if (lens.length < 6) return null;
  const counts = new Map<number, number>();
  for (const n of lens) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [n] of counts) {
    const near = (counts.get(n - 1) ?? 0) + (counts.get(n) ?? 0) + (counts.get(n + 1) ?? 0);
    if (near > bestCount || (near === bestCount && n > best)) [best, bestCount] = [n, near];
  }
  return bestCount >= lens.length * 0.4 && bestCount >= 4 ? best : null;
}

interface Building {
  parts: string[];
  lines: number[];
  lastLen: number;
  length: number;
  last: string;
}

export function paragraphs(lines: SourceLine[]): Paragraph[] {
  const width = wrapWidth(lines);
  const out: Paragraph[] = [];
  // The paragraph being built: its lines, and what the run-on test needs of its text so
  // far (its length and whether it ends a sentence), kept as it grows: joining the parts
  // again for every line made a paragraph of n lines cost n².
  let cur: Building | null = null;
  const flush = () => {
    if (cur) out.push({ text: joinWrapped(cur.parts), lines: cur.lines });
    cur = null;
  };
  for (const l of lines) {
    if (isBlank(l)) {
      flush();
      continue;
    }
    const t = clean(l.text);
    const prev = cur as Building | null;
    const startsAnew = parseMarker(t) != null || isLabelLine(t) || METADATA_LINE.test(t);
    // In hard-wrapped text a full-width line runs on, whatever it ends with; otherwise
    // a long line that does not end a sentence runs on.
    // A title line ends its paragraph, though it ends in no punctuation.
    const afterTitle = prev != null && prev.parts.length === 1 && (endsAsTitleLine(toSimplified(prev.last.replace(/\s+/gu, ""))) || METADATA_LINE.test(prev.last));
    const continues = prev != null && !startsAnew && !afterTitle && (width != null ? prev.lastLen >= width - 2 : prev.length >= 30 && !endsSentence(prev.last));
    if (continues && prev) {
      prev.parts.push(t);
      prev.lines.push(l.n);
      prev.lastLen = [...t].length;
      prev.length += t.length;
      if (t) prev.last = t;
    } else {
      flush();
      cur = { parts: [t], lines: [l.n], lastLen: [...t].length, length: t.length, last: t };
    }
  }
  flush();
  return out;
}

/** An item number inside a line, after a space or a sentence's end: where a run-on list's next item starts. */
const INLINE_ITEM = /(?<=[\s\u3000。；;!！?？])(\d{1,3})[.、．﹒](?!\d)/gu;

/**
 * A numbered list run into one line (a page flattened to a single paragraph: `…公示。
 * 1.… 牵头领导:… 2.…`) is cut before each number of the sequence 1, 2, 3 …; a line
 * holding fewer than two of them is left as it is (a number inside a sentence).
 */
export function splitRunOnItems(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    const cuts: number[] = [];
    let expected = 1;
    for (const m of l.text.matchAll(INLINE_ITEM)) {
      if (Number(m[1]) !== expected) continue;
      cuts.push(m.index);
      expected++;
    }
    if (cuts.length < 2) {
      out.push(l);
      continue;
    }
    let from = 0;
    for (const c of [...cuts, l.text.length]) {
      const piece = l.text.slice(from, c).trim();
      if (piece) out.push({ n: l.n, text: piece });
      from = c;
    }
  }
  return out;
}

export function layProse(source: SourceLine[]): Laid {
  const lines = splitRunOnItems(source);
  const ps = paragraphs(lines);
  const labelled = countLabelled(lines);
  return {
    layout: labelled >= 2 ? "labelled" : "prose",
    reason: labelled >= 2 ? `${labelled} labelled lines (牵头单位：…)` : `${ps.length} paragraphs, no table found`,
    table: null,
    paragraphs: ps,
    front: [],
    back: [],
    warnings: [],
  };
}
