// Source lines with their numbers, minus the artefacts that converters leave in text
// extractions (markdown heading marks, Word bookmarks), which are never content.

export interface SourceLine {
  /** 1-based line number in the source. */
  n: number;
  text: string;
}

const ARTEFACTS = [/\[bookmark:[^\]]*\]/gu, /\{#[^}]*\}/gu];

// Running page numbers printed by Word and WPS: "— 3 —", "- 3 -", "第3页 共10页", "3/10".
// A bare number is not among them: in a one-cell-per-line table it is a row number.
const PAGE_NUMBER = /^[\s\u3000]*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})[\s\u3000]*$/u;

export function sourceLines(text: string): SourceLine[] {
  const raw = text.replace(/^\ufeff/u, "").split(/\r\n|\r|\n/u);
  return raw.map((line, i) => {
    let t = line;
    for (const re of ARTEFACTS) t = t.replace(re, "");
    t = t.replace(/^#{1,6}\s+/u, "");
    t = t.replace(/\f/gu, "");
    // A page number is a page break, not content.
    if (PAGE_NUMBER.test(t)) t = "";
    return { n: i + 1, text: t };
  });
}

export function isBlank(line: SourceLine): boolean {
  return /^[\s\u3000]*$/u.test(line.text);
}
