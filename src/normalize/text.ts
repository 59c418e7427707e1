// Text helpers shared by every stage. Sources mix full- and half-width forms and PDF
// extraction inserts spaces inside words; comparisons go through `compact`.

/** NFKC with all white space removed: the form in which texts are compared. */
export function compact(s: string): string {
  return s.normalize("NFKC").replace(/\s+/gu, "");
}

/** Trims a cell: outer white space, including the ideographic space U+3000. */
export function clean(s: string): string {
  return s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/gu, "");
}

/** Joins the lines of one logical cell: a line break between CJK characters is a wrap, not a space. */
export function joinWrapped(parts: string[]): string {
  let out = "";
  for (const raw of parts) {
    const p = clean(raw);
    if (!p) continue;
    if (!out) out = p;
    else if (/[\p{Script=Han}，。；：、）」』”]$/u.test(out) || /^[\p{Script=Han}（「『“]/u.test(p)) out += p;
    else out += " " + p;
  }
  return out;
}

const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * An ideograph or CJK punctuation (full-width forms included). Next to one, a gap in a
 * PDF line is the typesetter's spacing, not a space in the text.
 */
export function isCjk(ch: string | undefined): boolean {
  return ch != null && CJK_CHAR.test(ch);
}

/**
 * Joins the two parts of one cell split by a page break. A part that is already the end
 * of the first adds nothing: the line at a split is often drawn on both pages, clipped
 * on one, and clipped text stays in the text layer.
 */
export function joinParts(a: string, b: string): string {
  return compact(a).endsWith(compact(b)) ? a : joinWrapped([a, b]);
}
