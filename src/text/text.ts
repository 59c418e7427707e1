// Text helpers shared by every stage. Sources mix full- and half-width forms and PDF
// extraction inserts spaces inside words; comparisons go through `compact`.

/** Text for HTML, SVG or XML: the five characters markup gives a meaning to, escaped. */
export function escapeMarkup(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A spreadsheet cell's text as the markup of a table cell: escaped, its line breaks kept as <br>. */
export function cellMarkup(s: string): string {
  return escapeMarkup(s).replace(/\r?\n/gu, "<br>");
}

/** NFKC with all white space removed: the form in which texts are compared. */
export function compact(s: string): string {
  return s.normalize("NFKC").replace(/\s+/gu, "");
}

/**
 * Trims a cell: outer white space, including the ideographic space U+3000, the no-break
 * space and a stray BOM (String.prototype.trim removes exactly what \s matches). Not a
 * regex: `\s+$` is tried from every start in a long run of spaces, quadratic in it.
 */
export function clean(s: string): string {
  return s.trim();
}

/** `s` without the characters of `chars` (and white space, with `spaces`) at its end: a loop, for the same reason as clean. */
export function trimEndOf(s: string, chars: string, spaces = false): string {
  let end = s.length;
  while (end > 0 && (chars.includes(s[end - 1]!) || (spaces && /\s/u.test(s[end - 1]!)))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * Each `|` of a flattened table, with the white space around it, as one space (a | b →
 * a b). By splitting, not by a global regex of a pipe between two runs of white space:
 * that pattern is tried from every position of a long run of spaces, quadratic in it.
 */
export function pipesToSpaces(s: string): string {
  if (!s.includes("|")) return s;
  const parts = s.split("|");
  return parts.map((p, i) => (i === 0 ? p.trimEnd() : i === parts.length - 1 ? p.trimStart() : p.trim())).join(" ");
}

/** The last character of `s` (a whole surrogate pair), or "". */
export function lastChar(s: string): string {
  if (s.length === 0) return "";
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}

const WRAP_AFTER = /^[\p{Script=Han}，。；：、）」』”]$/u;
const WRAP_BEFORE = /^[\p{Script=Han}（「『“]/u;

/**
 * Joins the lines of one logical cell: a line break between CJK characters is a wrap, not
 * a space. The test looks at the previous part's last character: a regex ending in `$`
 * scans the whole text joined so far (and reading the end of a string built by += makes
 * V8 flatten it), so a paragraph of n lines cost n².
 */
export function joinWrapped(parts: string[]): string {
  const out: string[] = [];
  let last = "";
  for (const raw of parts) {
    const p = clean(raw);
    if (!p) continue;
    if (out.length > 0 && !WRAP_AFTER.test(last) && !WRAP_BEFORE.test(p)) out.push(" ");
    out.push(p);
    last = lastChar(p);
  }
  return out.join("");
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

/**
 * The value that occurs most often (how wide most rows of a table are); on a tie the
 * smaller, or the larger with `preferLarger`. Null for no values.
 */
export function mostCommon(values: Iterable<number>, preferLarger = false): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n || (c === n && best != null && (preferLarger ? v > best : v < best))) [best, n] = [v, c];
  return best;
}
