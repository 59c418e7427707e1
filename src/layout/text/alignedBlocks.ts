// The cells of one printed page of space-aligned text (`pdftotext -layout`), found as
// pdftotext made them. pdftotext lays out each text block (a table cell's lines) at one
// character column, and only pushes a block's line right, one space past the text
// before it, where that text would overlap it. So a cell is a run of consecutive lines
// whose text starts at one column; a token one space after another starts a new cell
// only where a line above or below starts a token at the same column (else it is a
// word of the same cell: 围绕 2019 年…). Columns of the page are the cells' starts,
// grouped; a page's columns sit elsewhere than another page's (pdftotext packs the
// columns that hold text on each page), so they are found page by page.

import { looksLikeDeadline, NUMBER_CELL } from "../../lexicon/cells.js";
import { parseMarker } from "../../lexicon/markers.js";

/** Character positions within which two lines' text starts "at the same column". */
export const SAME_START = 1;
/** Spaces that always separate two cells (one space may be a word break inside one). */
const CELL_GAP = 2;
/**
 * How far apart, in characters, the starts of one column's cells may lie on one page:
 * pdftotext places the same column a few characters apart in different rows. Columns
 * are closer than this only where their cells stand on the same lines, which keeps them apart.
 */
export const COLUMN_SPREAD = 4;
/** How far right of its column's start, in characters, pdftotext may push a cell's first line past a longer line before it. */
const PUSH_REACH = 8;

export interface Segment {
  /** Index of the line in the page. */
  line: number;
  start: number;
  end: number;
  text: string;
}

export interface Block {
  start: number;
  /** First and last line index in the page. */
  top: number;
  bottom: number;
  segments: Segment[];
}

interface Token {
  start: number;
  end: number;
  text: string;
}

function tokensOf(line: string): Token[] {
  return [...line.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** The first code point printed full-width (general punctuation, CJK); below it digits and Latin, half-width. */
const FULL_WIDTH_FROM = 0x2000;
const fullWidth = (ch: string) => (ch.codePointAt(0) ?? 0) >= FULL_WIDTH_FROM;
/** The printed width of a half-width character (digits, Latin), in full-width characters. */
const HALF_WIDTH = 0.5;

/** A text's printed width in full-width characters. */
export function printedWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += fullWidth(ch) ? 1 : HALF_WIDTH;
  return w;
}

/** The characters either side of a space: the last before it and the first after it. */
function besideSpace(before: string, after: string): [string, string] {
  return [before.at(-1) ?? "", after[0] ?? ""];
}

/**
 * A space between two full-width characters: Chinese prints none between its words, so
 * there it is a gutter or a justified line's wide spacing, never a word break (2019 年 is).
 */
function betweenFullWidth(before: string, after: string): boolean {
  const [a, b] = besideSpace(before, after);
  return fullWidth(a) && fullWidth(b);
}

/** A heading marker with nothing after it ((一), 二、): never a cell of its own, its heading follows one space on. */
function bareMarker(text: string): boolean {
  const m = parseMarker(text);
  return m != null && m.rest.trim() === "";
}

/** A space between a full-width character and a digit or Latin letter (a word break Chinese text prints around them). */
function betweenWidths(before: string, after: string): boolean {
  const [a, b] = besideSpace(before, after);
  return fullWidth(a) && /[0-9A-Za-z]/u.test(b);
}

/** Full-width characters by which a line is shorter than its cell's other lines when it cannot be one of its full lines. */
const SHORT_LINE = 4;

/** Lines of other cells that may stand between two lines of one cell (their baselines interleave by a line or two, not more). */
const MAX_SKIPPED = 2;
/** Lines looked through, up or down, for a cell's whole lines (as many as a tall cell prints beside a shorter one's). */
const CELL_REACH = 6;
/** Lines looked through, up or down, for the nearest one with text at a column. */
const SUPPORT_REACH = 3;

/**
 * The words from the k-th on, up to a gap of two spaces, run together: the line of a cell
 * as far as it may go (a word one space on may be the same cell's: 28 日内).
 */
function runText(ts: readonly Token[], k: number): string {
  let out = ts[k]!.text;
  for (let m = k + 1; m < ts.length && ts[m]!.start - ts[m - 1]!.end < CELL_GAP; m++) out += ts[m]!.text;
  return out;
}

/** The cell segments of each line of a page (lines as printed; blank lines are ""). */
export function segmentsOf(lines: readonly string[]): Segment[][] {
  const toks = lines.map(tokensOf);
  // The nearest line above or below with text at column `at` (lines of other cells may
  // stand between two of one cell's lines) starts a token there.
  const startNear = (i: number, at: number, step: 1 | -1) => {
    for (let j = i + step, k = 0; j >= 0 && j < toks.length && k < SUPPORT_REACH; j += step, k++) {
      const ts = toks[j]!;
      if (ts.length === 0) return false;
      if (ts.some((t) => Math.abs(t.start - at) <= SAME_START)) return true;
      if (ts.some((t) => t.start < at && t.end > at)) return false;
    }
    return false;
  };
  // The cell at column `at` on line i is full at `width` characters: the lines below it
  // that start at its column (its next lines) are no wider, and the first of them, a
  // wrapped line since another follows, is as wide. A word one space past it cannot be
  // its (the cell would have wrapped before it): it starts the next column's cell, which
  // pdftotext printed one space on (以政务公 加强预期引导 over 开助力稳 / 增长).
  // Widths are printed widths, in CJK characters: a line holding half-width digits holds
  // more characters in the same width (动态更新，2020 年底 under 本机关制发的规范性).
  const fullAt = (i: number, at: number, width: number) => {
    const below: number[] = [];
    // A line of another cell may stand between two of this one's (their baselines interleave).
    for (let j = i + 1, skipped = 0; j < toks.length && below.length < SUPPORT_REACH; j++) {
      const ts = toks[j]!;
      const k = ts.findIndex((x) => Math.abs(x.start - at) <= SAME_START);
      if (k < 0) {
        if (ts.length === 0 || ts.some((x) => x.start < at + width && x.end > at) || ++skipped > MAX_SKIPPED) break;
        continue;
      }
      skipped = 0;
      // The line's first word alone, or with the words one space on (28 日内), whichever
      // is nearer the width: a word one space on may be the next column's cell too.
      const [alone, run] = [printedWidth(ts[k]!.text), printedWidth(runText(ts, k))];
      below.push(Math.abs(alone - width) < Math.abs(run - width) ? alone : run);
      // A line narrower than the cell is its last: the lines past it are another cell's.
      if (below[below.length - 1]! < width - 1) break;
    }
    return below.length >= 2 && below[0]! >= width - 1 && Math.max(...below) <= width + HALF_WIDTH;
  };
  // The text before a one-space gap is a line of a cell that goes on below (a line
  // below starts at its column) and is shorter by SHORT_LINE than the cell's lines
  // around it: a cell's lines but its last fill its width, so the word after the gap is
  // the same line's (资源 和社会保障局、 between 市发展改革委、人力 and 财 政局、金融办、人), whatever
  // starts near it on other lines — inner spaces of neighbouring lines support each other.
  const shortInside = (i: number, at: number, width: number) => {
    const around = [i - 1, i + 1].map((j) => toks[j]?.find((x) => Math.abs(x.start - at) <= SAME_START)).filter((x): x is Token => x != null);
    const below = toks[i + 1]?.some((x) => Math.abs(x.start - at) <= SAME_START) ?? false;
    return below && around.some((x) => printedWidth(x.text) >= width + SHORT_LINE);
  };
  // The widest whole line of the cell at column `at` among the lines near line i.
  const widestNear = (i: number, at: number) => {
    let widest = 0;
    for (let j = Math.max(0, i - CELL_REACH); j <= Math.min(toks.length - 1, i + CELL_REACH); j++) {
      if (j === i) continue;
      const ts = toks[j]!;
      // Only a whole line of the cell: a word the next one follows one space on may be part of one.
      ts.forEach((x, k) => {
        const next = ts[k + 1];
        if (Math.abs(x.start - at) <= SAME_START && (!next || next.start - x.end >= CELL_GAP)) widest = Math.max(widest, printedWidth(x.text));
      });
    }
    return widest;
  };
  // The word after a one-space gap still fits in the cell at column `at`: the line with it
  // is no wider than the widest line of that cell nearby. pdftotext prints a justified
  // cell's wide letter spacing as a space (人力资源 和社会 under 市发展改革委、), at a
  // place that moves from line to line, so such words support each other's starts; a
  // word of the next column cannot fit, as the cell's full lines end before that column.
  const fitsCell = (i: number, at: number, width: number) => {
    const widest = widestNear(i, at);
    return widest > 0 && width <= widest;
  };
  // A word one space before digits, at a column no line near starts at: the first word of
  // a cell's first line (围绕 2019 年…), which pdftotext set a few characters left of the
  // column its digits and the cell's other lines start at. Chinese text prints a space
  // on each side of a run of digits, so the space is a word break, and the word alone
  // makes no cell (nothing starts with it).
  const wordBeforeDigits = (i: number, last: Segment, t: Token) => {
    if (!betweenWidths(last.text, t.text)) return false;
    for (let j = Math.max(0, i - SUPPORT_REACH); j <= Math.min(toks.length - 1, i + SUPPORT_REACH); j++) {
      if (j !== i && toks[j]!.some((x) => x.start === last.start)) return false;
    }
    return true;
  };
  // The text before a one-space gap is as wide as its cell's widest whole line nearby: the
  // line is full, so a word past the gap that would not fit is the next column's, pushed
  // right of its column by this line's half-width letters (…(word和pdf版)。3.市 区政府) —
  // where the space cannot be a word break inside the cell: between two full-width
  // characters, or before a date after words without digits (部门、 9 月底前, not 2017 年 7 月).
  const pastFullLine = (i: number, last: Segment, ts: readonly Token[], k: number) => {
    const t = ts[k]!;
    const gutter = betweenFullWidth(last.text, t.text) || (betweenWidths(last.text, t.text) && looksLikeDeadline(runText(ts, k)) && !/\d/u.test(last.text));
    if (!gutter) return false;
    const widest = widestNear(i, last.start);
    return widest > 0 && printedWidth(last.text) >= widest - HALF_WIDTH && printedWidth(last.text + t.text) > widest;
  };
  const done: Segment[][] = [];
  // The line above starts an inner cell at the token's column (its second or later
  // segment: a column's start, not a wrapped line's): the token starts that column's
  // cell too, though the word would fit the cell before it (工作质 导 under 五、提升 (一) 强化组织领).
  const cellAbove = (i: number, at: number) => (done[i - 1] ?? []).some((s, k) => k > 0 && Math.abs(s.start - at) <= SAME_START);
  return toks.map((ts, i) => {
    const out: Segment[] = [];
    done.push(out);
    ts.forEach((t, k) => {
      const prev = ts[k - 1];
      const last = out[out.length - 1];
      const gap = prev ? t.start - prev.end : Infinity;
      const starts =
        gap >= CELL_GAP ||
        (last != null && fullAt(i, last.start, printedWidth(last.text))) ||
        cellAbove(i, t.start) ||
        (last != null && pastFullLine(i, last, ts, k)) ||
        ((startNear(i, t.start, -1) || startNear(i, t.start, 1)) &&
          !(last != null && (shortInside(i, last.start, printedWidth(last.text)) || fitsCell(i, last.start, printedWidth(last.text + t.text)) || wordBeforeDigits(i, last, t) || bareMarker(last.text))));
      if (last && !starts) {
        last.text += ` ${t.text}`;
        last.end = t.end;
      } else out.push({ line: i, start: t.start, end: t.end, text: t.text });
    });
    return out;
  });
}

/** Runs of segments on consecutive lines starting at one column: the cells as pdftotext laid them out. */
export function blocksOf(segs: readonly Segment[][]): Block[] {
  const blocks: Block[] = [];
  let open: Array<{ block: Block; start: number; end: number; skipped: number }> = [];
  segs.forEach((line, i) => {
    // A blank line ends every cell (a ruled table's cell padding prints as one).
    if (line.length === 0) {
      open = [];
      return;
    }
    const next: typeof open = [];
    const claimed = new Set<Segment>();
    for (const s of line) {
      // A 序号 never wraps: a number is a cell of its own, and the next one another.
      const number = NUMBER_CELL.test(s.text);
      const k = number ? -1 : open.findIndex((o) => Math.abs(o.start - s.start) <= SAME_START);
      if (number) {
        blocks.push({ start: s.start, top: i, bottom: i, segments: [s] });
        open = open.filter((o) => Math.abs(o.start - s.start) > SAME_START);
      } else if (k >= 0) {
        const o = open.splice(k, 1)[0]!;
        o.block.segments.push(s);
        o.block.bottom = i;
        o.end = Math.max(o.end, s.end);
        o.skipped = 0;
        next.push(o);
      } else {
        const block: Block = { start: s.start, top: i, bottom: i, segments: [s] };
        blocks.push(block);
        next.push({ block, start: s.start, end: s.end, skipped: 0 });
      }
      claimed.add(s);
    }
    // A cell whose column holds nothing on this line stays open: pdftotext prints a line
    // of another cell between two of its lines where their baselines interleave.
    for (const o of open) if (o.skipped < MAX_SKIPPED && !line.some((s) => s.start < o.end && s.end > o.start)) next.push({ ...o, skipped: o.skipped + 1 });
    open = next;
  });
  return blocks;
}

/** How wide a cell's column is, as its lines show: its widest line's printed width. */
export function wrapWidth(b: Block): number {
  return Math.max(...b.segments.map((s) => printedWidth(s.text)));
}

/**
 * Whether two blocks at different starts stand side by side, their lines interleaved
 * (已完成 / 并持 / 续推进 on the lines between 需进一步加 / 强投资和工 / 程建设项目): two
 * cells of neighbouring columns a few characters apart, though no line holds both.
 */
function sideBySide(a: Block, b: Block): boolean {
  if (a.start === b.start || a.bottom < b.top || b.bottom < a.top) return false;
  const lines = (x: Block) => x.segments.map((s) => s.line);
  const [la, lb] = [lines(a), lines(b)];
  // Each has a line between two lines of the other.
  const inside = (xs: number[], ys: number[]) => xs.some((x) => ys.some((y) => y < x) && ys.some((y) => y > x));
  return inside(la, lb) && inside(lb, la);
}

/** Whether two blocks have text on one line (then they are two columns). */
export function shareLine(a: Block, b: Block): boolean {
  if (a.bottom < b.top || b.bottom < a.top) return false;
  const lines = new Set(a.segments.map((s) => s.line));
  return b.segments.some((s) => lines.has(s.line));
}

export interface PageColumn {
  blocks: Block[];
  /** Mean start of its blocks, weighted by their lines. */
  at: number;
}

/**
 * The page's columns: blocks grouped by start, left to right; a block joins a column
 * whose starts lie within COLUMN_SPREAD of its own and none of whose blocks shares a
 * line with it.
 */
export function pageColumns(blocks: readonly Block[]): PageColumn[] {
  const cols: Array<{ blocks: Block[]; lo: number; hi: number; numbers: boolean }> = [];
  // A 序号 cell and a category cell beside it stand a few characters apart, on lines of
  // their own (the number is centred in the row): numbers make columns of their own.
  const isNumber = (b: Block) => b.segments.length === 1 && NUMBER_CELL.test(b.segments[0]!.text);
  // A block whose first line stands one space past another cell's text was pushed right
  // there by pdftotext: its column starts at or left of it, up to PUSH_REACH before.
  const ends = new Set(blocks.flatMap((b) => b.segments.map((s) => `${s.line}:${s.end}`)));
  const pushed = new Set(blocks.filter((b) => ends.has(`${b.segments[0]!.line}:${b.start - 1}`)));
  const order = [...blocks].sort((x, y) => Number(pushed.has(x)) - Number(pushed.has(y)) || x.start - y.start || x.top - y.top);
  for (const b of order) {
    const numbers = isNumber(b);
    if (pushed.has(b) && !numbers) {
      const left = cols.filter((c) => !c.numbers && c.lo <= b.start && b.start - c.lo <= PUSH_REACH && !c.blocks.some((o) => shareLine(o, b)));
      const c = left.sort((x, y) => y.lo - x.lo)[0];
      if (c) {
        c.blocks.push(b);
        c.hi = Math.max(c.hi, b.start);
        continue;
      }
    }
    const c = cols.find((c) => c.numbers === numbers && Math.max(c.hi, b.start) - Math.min(c.lo, b.start) <= (numbers ? 2 * COLUMN_SPREAD : COLUMN_SPREAD) && !c.blocks.some((o) => shareLine(o, b) || sideBySide(o, b)));
    if (c) {
      c.blocks.push(b);
      c.lo = Math.min(c.lo, b.start);
      c.hi = Math.max(c.hi, b.start);
    } else cols.push({ blocks: [b], lo: b.start, hi: b.start, numbers });
  }
  return cols
    .map((c) => {
      let n = 0;
      let sum = 0;
      for (const b of c.blocks) {
        n += b.segments.length;
        sum += b.start * b.segments.length;
      }
      return { blocks: c.blocks.sort((x, y) => x.top - y.top), at: sum / n };
    })
    .sort((a, b) => a.at - b.at);
}
