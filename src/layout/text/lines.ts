// Source lines with their numbers, minus the artefacts that converters leave in text
// extractions (markdown heading marks, Word bookmarks), which are never content.

import { PAGE_NUMBER } from "../../lexicon/furniture.js";

export interface SourceLine {
  /** 1-based line number in the source. */
  n: number;
  text: string;
  /** A form feed stood at this line: a new printed page starts here (pdftotext). */
  pageBreak?: boolean;
}

const ARTEFACTS = [/\[bookmark:[^\]]*\]/gu, /\{#[^}]*\}/gu];

export function sourceLines(text: string): SourceLine[] {
  const raw = text.replace(/^\ufeff/u, "").split(/\r\n|\r|\n/u);
  return raw.map((line, i) => {
    let t = line;
    for (const re of ARTEFACTS) t = t.replace(re, "");
    t = t.replace(/^#{1,6}\s+/u, "");
    const pageBreak = t.includes("\f");
    t = t.replace(/\f/gu, "");
    // A page number is a page break, not content.
    if (PAGE_NUMBER.test(t)) t = "";
    return pageBreak ? { n: i + 1, text: t, pageBreak } : { n: i + 1, text: t };
  });
}

export function isBlank(line: SourceLine): boolean {
  return /^[\s\u3000]*$/u.test(line.text);
}
