// Text whose table columns are aligned with spaces, as `pdftotext -layout` prints a ruled
// table. pdftotext places each line's text near the x of its glyphs but packs every line
// on its own: a column starts further right on a line whose earlier cell overflowed, so
// no character position is a column boundary for the whole page. What holds is smaller:
// a row is a run of lines between blank lines (a ruled table's cell padding prints as a
// blank line), and inside one row a column's lines start at one position. So each row's
// columns are the token starts that recur on its lines; the cells found are placed
// under the header's columns by what they hold and in their order (lexicon/cells.ts
// placeCells), as the cells of a row that lost some are placed anywhere else.

import { cell, type Column, type Laid, type Paragraph, type Row } from "../../model/document.js";
import { NUMBER_CELL, placeCells } from "../../lexicon/cells.js";
import { columnsOf, fieldOfHeader, isHeaderWord } from "../../lexicon/headers.js";
import { clean } from "../../text/text.js";
import { parseMarker } from "../../lexicon/markers.js";
import { isBlank, type SourceLine } from "./lines.js";

/** Fewest header words on the header line. */
const MIN_HEADER_WORDS = 3;
/** Spaces between two header words, at least (single spaces separate words inside one). */
const HEADER_GAP = 2;
/** Lines with a wide gap (3+ spaces between text), as a share of the non-blank ones: many lines of such a table hold one column only. */
const ALIGNED_SHARE = 0.1;
/** Character positions within which two lines' tokens start "at the same place". */
const SAME_START = 1;

interface Token {
  at: number;
  text: string;
}

function tokens(line: string, minGap: number): Token[] {
  const re = minGap > 1 ? new RegExp(`\\S(?:\\S| (?! {${minGap - 1}}))*`, "gu") : /\S+/gu;
  return [...line.matchAll(re)].map((m) => ({ at: m.index, text: m[0].trimEnd() }));
}

export function looksAligned(lines: readonly SourceLine[]): boolean {
  const filled = lines.filter((l) => !isBlank(l));
  const wide = filled.filter((l) => /\S {3,}\S/u.test(l.text)).length;
  return filled.length > 0 && wide >= Math.max(5, filled.length * ALIGNED_SHARE);
}

function headerAt(lines: readonly SourceLine[]): { index: number; words: Token[] } | null {
  for (let i = 0; i < lines.length; i++) {
    const ts = tokens(lines[i]!.text, HEADER_GAP);
    const words = ts.filter((t) => isHeaderWord(t.text));
    if (words.length < MIN_HEADER_WORDS || words.length < ts.length - 1) continue;
    const fields = new Set(words.map((w) => fieldOfHeader(w.text)));
    if (fields.has("text") || fields.has("units")) return { index: i, words };
  }
  return null;
}

/** The cells of one row (a band of lines): its columns are the token starts that recur. */
function bandCells(band: readonly SourceLine[]): Array<{ at: number; text: string; lines: number[] }> {
  const perLine = band.map((l) => ({ n: l.n, ts: tokens(l.text, 1) }));
  const seen = new Map<number, number>();
  for (const { ts } of perLine) for (const t of new Set(ts.map((x) => x.at))) seen.set(t, (seen.get(t) ?? 0) + 1);
  // A row of one line shows no recurring starts: there, only a wide gap separates cells.
  const recurs = (at: number) => [at - SAME_START, at, at + SAME_START].some((p) => (seen.get(p) ?? 0) >= 2);
  const cols: Array<{ at: number; parts: string[]; lines: number[] }> = [];
  // Columns by start position, found in constant time (a long band has many lines).
  const byStart = new Map<number, (typeof cols)[number]>();
  const colFor = (at: number) => {
    let c: (typeof cols)[number] | undefined;
    for (let d = -SAME_START; d <= SAME_START && !c; d++) c = byStart.get(at + d);
    if (!c) {
      c = { at, parts: [], lines: [] };
      cols.push(c);
      byStart.set(at, c);
    }
    return c;
  };
  for (const { n, ts } of perLine) {
    let cur: { at: number; text: string } | null = null;
    const flush = () => {
      if (!cur) return;
      const c = colFor(cur.at);
      c.parts.push(cur.text);
      c.lines.push(n);
      cur = null;
    };
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k]!;
      const prev = ts[k - 1];
      const gap = prev ? t.at - (prev.at + prev.text.length) : Infinity;
      // A token one space after the previous, at a start no other line of the row shares,
      // is a word of the same cell (围绕 2019 年经济…).
      if (cur && gap <= 1 && (band.length === 1 || !recurs(t.at))) cur.text += ` ${t.text}`;
      else {
        flush();
        cur = { at: t.at, text: t.text };
      }
    }
    flush();
  }
  return cols.sort((a, b) => a.at - b.at).map((c) => ({ at: c.at, text: joinCellLines(c.parts), lines: [...new Set(c.lines)] }));
}

/**
 * A cell's lines as printed: a line as long as the cell's longest (within a character)
 * filled the column and wrapped, and runs on without a break; a shorter one ended there
 * (a list of units one per line keeps its breaks).
 */
function joinCellLines(parts: readonly string[]): string {
  // A loop, not Math.max(...): a spread of a long column's lines overflows the stack.
  let longest = 0;
  for (const p of parts) longest = Math.max(longest, [...p].length);
  let out = parts[0] ?? "";
  for (let k = 1; k < parts.length; k++) out += ([...parts[k - 1]!].length >= longest - 1 ? "" : "\n") + parts[k];
  return out;
}

export function layAligned(lines: SourceLine[]): Laid | null {
  const h = headerAt(lines);
  if (!h) return null;
  // A 工作任务 header may stand over two category columns (一、 | （一）): each task column
  // is offered twice, and the second stays empty where the row has one.
  const printed = h.words.map((w) => w.text);
  const header: string[] = printed.flatMap((w) => (fieldOfHeader(w) === "task" ? [w, ""] : [w]));
  const cols: Column[] = columnsOf(header);
  const key = (t: string) => t.replace(/\s+/gu, "");
  const headerKey = key(lines[h.index]!.text);
  const rows: Row[] = [];
  const columnStyle = new Map<number, string>();
  let band: SourceLine[] = [];
  let page = 1;
  let pageStart = false;
  const flush = () => {
    if (band.length === 0) return;
    const found = bandCells(band);
    const out = cols.map(() => cell("", []));
    // A row's own number is its 序号 cell; the rest are placed by content, in order.
    const numberAt = cols.findIndex((c) => c.field === "number");
    let rest = found;
    const num = found.find((c) => NUMBER_CELL.test(c.text));
    if (numberAt >= 0 && num && found.indexOf(num) === 0) {
      out[numberAt] = cell(num.text, num.lines);
      rest = found.slice(1);
    }
    const free = cols.map((c, i) => ({ c, i })).filter(({ i }) => i !== numberAt || !out[numberAt]!.text);
    // More columns in the row than the header has: the two that start nearest each other
    // are one (a cell whose lines start a character or two apart).
    while (rest.length > free.length && rest.length > 1) {
      let k = 0;
      for (let j = 1; j + 1 < rest.length; j++) if (rest[j + 1]!.at - rest[j]!.at < rest[k + 1]!.at - rest[k]!.at) k = j;
      const a = rest[k]!;
      const b = rest[k + 1]!;
      rest = [...rest.slice(0, k), { at: a.at, text: `${a.text}\n${b.text}`, lines: [...new Set([...a.lines, ...b.lines])] }, ...rest.slice(k + 2)];
    }
    const at = placeCells(
      rest.map((c) => c.text),
      free.map((f) => f.c),
    );
    rest.forEach((c, k) => {
      const target = free[at[k]!]!.i;
      const o = out[target]!;
      out[target] = o.text ? cell(`${o.text}\n${c.text}`, [...o.lines, ...c.lines]) : cell(c.text, c.lines);
    });
    // Each category column holds one level of headings: a cell whose marker is of
    // another style than the column's goes to the next category column (一、 | （一）).
    for (let k = 0; k + 1 < cols.length; k++) {
      if (cols[k]!.field !== "task" || cols[k + 1]!.field !== "task") continue;
      const [a, b] = [parseMarker(out[k]!.text), parseMarker(out[k + 1]!.text)];
      const [sa, sb] = [columnStyle.get(k), columnStyle.get(k + 1)];
      if (a && !out[k + 1]!.text && sa && a.style !== sa && (!sb || sb === a.style)) [out[k], out[k + 1]] = [out[k + 1]!, out[k]!];
      else if (b && !out[k]!.text && sb && b.style !== sb && (!sa || sa === b.style)) [out[k], out[k + 1]] = [out[k + 1]!, out[k]!];
      for (const j of [k, k + 1]) {
        const m = parseMarker(out[j]!.text);
        if (m && !columnStyle.has(j)) columnStyle.set(j, m.style);
      }
    }
    rows.push({ cells: out, lines: band.map((l) => l.n), page, pageStart });
    pageStart = false;
    band = [];
  };
  for (const l of lines.slice(h.index + 1)) {
    if (l.pageBreak) {
      flush();
      page++;
      pageStart = true;
    }
    if (key(l.text) === headerKey) {
      flush();
      pageStart = true;
      continue;
    }
    if (isBlank(l)) {
      flush();
      continue;
    }
    band.push(l);
  }
  flush();
  // Rows after the last numbered one are back matter (a signature, a date).
  const numberAt = cols.findIndex((c) => c.field === "number");
  let last = rows.length - 1;
  if (numberAt >= 0) while (last >= 0 && !rows[last]!.cells[numberAt]!.text) last--;
  if (last < 1) return null;
  const back: Paragraph[] = rows.slice(last + 1).map((r) => ({ text: r.cells.map((c) => c.text.replace(/\n/gu, "")).filter(Boolean).join(" "), lines: r.lines }));
  const front: Paragraph[] = lines
    .slice(0, h.index)
    .filter((l) => !isBlank(l))
    .map((l) => ({ text: clean(l.text).replace(/\s{2,}/gu, " "), lines: [l.n] }));
  return {
    layout: "aligned",
    reason: `space-aligned columns (pdftotext -layout): ${printed.length} header words; ${last + 1} rows between blank lines, each row's columns from where its lines start`,
    table: { header, rows: rows.slice(0, last + 1), emptyMeansMerged: true },
    paragraphs: [],
    front,
    back,
    warnings: [],
  };
}
