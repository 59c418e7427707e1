// Text whose table columns are aligned with spaces, as `pdftotext -layout` prints a ruled
// table. The cells are found as pdftotext laid them out (alignedBlocks.ts: a cell is a run
// of lines starting at one column), page by page; each page's columns are matched to the
// header's by their order and by what their cells hold. Rows: a ruled table prints a
// row's 序号 and its requirement unmerged, so each requirement cell is a row, and the 序号
// beside it (centred in the row, not at its top) numbers it. Every other cell may be a
// merged one, printed once, centred over the rows it covers: the rows it covers are the
// run whose middle lies nearest its own (rowSpans.ts), and its text goes to the first of
// them (the plan carries it down, as it does for any merged cell in text).

import { cell, type Cell, type Column, type Laid, type Paragraph, type Row } from "../../model/document.js";
import { fitsField, NUMBER_CELL, oftenMerged } from "../../lexicon/cells.js";
import { columnsOf, fieldOfHeader, isHeaderWord, neverEmpty } from "../../lexicon/headers.js";
import { clean, compact } from "../../text/text.js";
import { blocksOf, COLUMN_SPREAD, pageColumns, printedWidth, shareLine, segmentsOf, wrapWidth, type Block, type PageColumn } from "./alignedBlocks.js";
import { type AlignmentVotes, alignmentVotes, shownAlignment, spanStarts } from "./rowSpans.js";
import { headingMarker, parseMarker, type MarkerStyle } from "../../lexicon/markers.js";
import { isBlank, type SourceLine } from "./lines.js";
import { outerCellsByNumbering } from "./headingRows.js";

/** Fewest header words on the header line. */
const MIN_HEADER_WORDS = 3;
/** Lines with a wide gap (3+ spaces between text), as a share of the non-blank ones: many lines of such a table hold one column only. */
const ALIGNED_SHARE = 0.1;
/** Header lines above or below the one with most header words (a wrapped 时限要 / 求, a group header over its sub-headers). */
const HEADER_LINES_AROUND = 3;
/** A piece of a header word wrapped onto a line of its own (序 / 号, 时限要 / 求) is this short. */
const HEADER_FRAGMENT_MAX = 3;
/** Lines at a page's top or bottom that may be the page's furniture (browser print header, URL and page count). */
const EDGE_LINES = 2;
/**
 * Share of the pages at whose edge a line must stand, at least (and on two), to be the
 * pages' furniture: a browser prints its header and footer on every page, while a cell's
 * line (各县区政府) stands at the edge of a few pages by chance (measured 0.34–0.75 alike).
 */
const FURNITURE_SHARE = 0.5;
/** Fit points for a heading under the category column that holds its style (more than any content fit, 2.5). */
const STYLE_FIT = 3;
/** Fit points for a heading numbered on from its column's last (二、 after 一、), as many as its style gives: two levels of one style are told apart by it alone. */
const SEQUENCE_FIT = STYLE_FIT;
/**
 * Fit points by which a heading that numbers on two category columns of one style at
 * once (四、 after 三、年度任务 and 三、实现政策…) fits the outer one less: a table prints
 * an outer category once, where its merged cell starts, so a later page prints the inner
 * levels alone. A tie-break (measured 0.5 and 1 alike).
 */
const INNER_SEQUENCE_TIE = 0.5;
/** Fit points per cell for putting a page column under the table column of the one before it (rather than its own). */
const SAME_COLUMN_COST = 1;
/**
 * Cost, in lines, of each row a column seldom merged (完成情况, 备注: lexicon oftenMerged)
 * leaves empty between two of its cells: such a column's cells stand each in its own row,
 * and a row without one is common; a merged column's cells cover the rows without a gap.
 * (Measured 0.25 and 0.5 alike, 1: 5 fewer of 1463.)
 */
const EMPTY_ROW_COST = 0.5;
/** Lines between a 序号 and the requirement cell it numbers, at most (the number is centred in the row). */
const NUMBER_REACH = 1;
/** Lines below the page's first row's top at which the rest of a cell cut by the break may start (its column's cell stands at the row's top). */
const CONTINUED_REACH = 1;
/** Lines of a cell's part above a page break, at least, for its full last line to tell it was cut: a one-line cell (年底前) fills a short column as often as not. */
const MIN_CUT_LINES = 2;

interface HeaderToken {
  line: number;
  start: number;
  end: number;
  text: string;
}

export function looksAligned(lines: readonly SourceLine[]): boolean {
  const filled = lines.filter((l) => !isBlank(l));
  const wide = filled.filter((l) => /\S {3,}\S/u.test(l.text)).length;
  return filled.length > 0 && wide >= Math.max(5, filled.length * ALIGNED_SHARE);
}

function headerTokens(text: string, line: number): HeaderToken[] {
  return [...text.matchAll(/\S+(?: \S+)*/gu)].map((m) => ({ line, start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** A piece of a header word: short, without digits, and no heading (一、年 / 底前专 is a category cell's first line). */
const isFragment = (t: string) => compact(t).length <= HEADER_FRAGMENT_MAX && !/\d/u.test(t) && !parseMarker(compact(t));

/** A line of header words (all but one of its words), naming the requirement or the units. */
function isHeaderLine(line: SourceLine, i: number): boolean {
  const ts = headerTokens(line.text, i);
  const words = ts.filter((t) => isHeaderWord(t.text));
  if (words.length < MIN_HEADER_WORDS || words.length < ts.length - 1) return false;
  const fields = new Set(words.map((w) => fieldOfHeader(w.text)));
  return fields.has("text") || fields.has("units");
}

function headerAt(lines: readonly SourceLine[]): number {
  return lines.findIndex(isHeaderLine);
}

interface HeaderColumn {
  text: string;
  start: number;
  end: number;
}

/**
 * The header's columns, from the header line and the header lines around it: a word
 * wrapped onto the lines above and below (序 / 号, 时限要 / 求, 任务名 / 称) is one column
 * where its pieces overlap; a group header centred over two sub-headers (工作任务 over
 * 类别 | 子项) is no column of its own, and gives its field to a sub-header that names none.
 */
function headerColumns(tokens: HeaderToken[]): HeaderColumn[] {
  const center = (t: HeaderToken) => (t.start + t.end) / 2;
  const parents = new Map<HeaderToken, HeaderToken[]>();
  for (const g of tokens) {
    if (!isHeaderWord(g.text)) continue;
    const lower = [...new Set(tokens.filter((t) => t.line > g.line).map((t) => t.line))];
    for (const ln of lower) {
      const row = tokens.filter((t) => t.line === ln).sort((a, b) => a.start - b.start);
      for (let k = 0; k + 1 < row.length; k++) {
        const [l, r] = [row[k]!, row[k + 1]!];
        const mid = (center(l) + center(r)) / 2;
        if (Math.abs(mid - center(g)) <= COLUMN_SPREAD / 2 && g.start - l.end <= COLUMN_SPREAD && r.start - g.end <= COLUMN_SPREAD) parents.set(g, [l, r]);
      }
      if (parents.has(g)) break;
    }
  }
  const inherit = new Map<HeaderToken, string>();
  for (const [g, kids] of parents) for (const k of kids) if (fieldOfHeader(k.text) == null) inherit.set(k, g.text);
  const leaves = tokens.filter((t) => !parents.has(t)).sort((a, b) => a.start - b.start);
  const groups: HeaderToken[][] = [];
  for (const t of leaves) {
    const g = groups.find((g) => g.some((o) => o.line !== t.line && t.start < o.end + 1 && o.start < t.end + 1));
    if (g) g.push(t);
    else groups.push([t]);
  }
  return groups
    .map((g) => {
      const ordered = [...g].sort((a, b) => a.line - b.line);
      const text = ordered.map((t) => inherit.get(t) ?? compact(t.text)).join("");
      return { text, start: Math.min(...g.map((t) => t.start)), end: Math.max(...g.map((t) => t.end)) };
    })
    .sort((a, b) => a.start - b.start);
}

interface HeaderBlock {
  first: number;
  last: number;
  columns: HeaderColumn[];
  /** Each header line's text without spaces: a page repeating the header prints them again. */
  keys: Set<string>;
}

function headerBlock(lines: readonly SourceLine[], at: number): HeaderBlock {
  const headerish = (i: number) => {
    const l = lines[i];
    if (!l || isBlank(l)) return false;
    return headerTokens(l.text, i).every((t) => isHeaderWord(t.text) || isFragment(t.text));
  };
  let first = at;
  while (first > 0 && at - first < HEADER_LINES_AROUND && headerish(first - 1)) first--;
  let last = at;
  while (last + 1 < lines.length && last - at < HEADER_LINES_AROUND && headerish(last + 1)) last++;
  const tokens = lines.slice(first, last + 1).flatMap((l, k) => headerTokens(l.text, k));
  const keys = new Set(lines.slice(first, last + 1).map((l) => compact(l.text)));
  // Header lines past a blank line (a header row's lower cells printed apart: 重点领 /
  // 重点任务 / 域, or one character a line: 重 / 点 / 重点任务 / 领 / 域) name no cell of
  // the body: they are skipped, followed from each to the next, and so are their copies on
  // later pages.
  let end = last;
  for (let i = last + 1; i < lines.length && i - end <= HEADER_LINES_AROUND + 1; i++) {
    if (isBlank(lines[i]!)) continue;
    if (!headerish(i)) break;
    keys.add(compact(lines[i]!.text));
    end = i;
  }
  return { first, last: end, columns: headerColumns(tokens), keys };
}

interface Page {
  lines: SourceLine[];
}

function splitPages(lines: readonly SourceLine[]): Page[] {
  const pages: Page[] = [{ lines: [] }];
  for (const l of lines) {
    if (l.pageBreak && pages[pages.length - 1]!.lines.length > 0) pages.push({ lines: [] });
    pages[pages.length - 1]!.lines.push(l);
  }
  return pages;
}

/** The body's pages, without the header printed again at their tops and without their furniture. */
function pagesOf(all: readonly SourceLine[], header: HeaderBlock): Page[] {
  const pages = splitPages(all.slice(header.last + 1)).map((p) => ({ lines: p.lines.map((l) => (header.keys.has(compact(l.text)) && !isBlank(l) ? { n: l.n, text: "" } : l)) }));
  // The header printed again in another wrapping (序 / 工作任务 具体要求 … / 号, where the
  // first had 类别 | 子项 under 工作任务: a table restarted mid-page): its lines are no row.
  for (const p of pages) {
    for (let i = 0; i < p.lines.length; i++) {
      if (!isHeaderLine(p.lines[i]!, i)) continue;
      const again = headerBlock(p.lines, i);
      for (let k = again.first; k <= again.last; k++) p.lines[k] = { n: p.lines[k]!.n, text: "" };
    }
  }
  // A line at the edge of half the pages or more (FURNITURE_SHARE), equal but for its
  // digits, is the pages' furniture (a browser's date and title line, the URL and page count).
  const edgeKey = (t: string) => compact(t).replace(/\d+/gu, "#");
  const edges = (p: Page) => {
    const filled = p.lines.filter((l) => !isBlank(l));
    return [...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)];
  };
  // Counted over the whole document's pages: the first page's furniture stands above the header.
  const count = new Map<string, number>();
  const everyPage = splitPages(all);
  const furniture = Math.max(2, Math.ceil(everyPage.length * FURNITURE_SHARE));
  for (const p of everyPage) for (const k of new Set(edges(p).map((l) => edgeKey(l.text)))) count.set(k, (count.get(k) ?? 0) + 1);
  for (const p of pages) {
    const drop = new Set(edges(p).filter((l) => (count.get(edgeKey(l.text)) ?? 0) >= furniture));
    p.lines = p.lines.map((l) => (drop.has(l) ? { n: l.n, text: "" } : l));
  }
  return pages;
}

/** What the pages before told of the category columns: the heading style of each, and how wide each is. */
interface Memory {
  styles: Map<number, MarkerStyle>;
  /** Each category column's last heading number: the next heading of its level is numbered on from it. */
  ordinals: Map<number, number>;
  /** Each category column's wrap width (median), from pages that print two category columns side by side. */
  widths: ReadonlyMap<number, number>;
  /**
   * Each category column's start (median, in characters) left of the requirement column's
   * on the same pages: pdftotext shifts a page's columns by a few characters, not apart.
   */
  starts: ReadonlyMap<number, number>;
  /** Each column's merged cells' alignment (top or middle), as the whole table shows it: breaks a tie in one page's reading. */
  alignments: ReadonlyMap<number, AlignmentVotes>;
}

/** A page's cells and columns, found once for both readings of the pages. */
interface PageCells {
  page: Page;
  blocks: Block[];
  pcs: PageColumn[];
}

function pageCells(page: Page): PageCells {
  const blocks = blocksOf(segmentsOf(page.lines.map((l) => l.text)));
  return { page, blocks, pcs: pageColumns(blocks) };
}

/**
 * How many page columns, from the left past the 序号, hold only heading cells (三、 | 一、 |
 * （一）): the category levels the page prints side by side, whatever the header says.
 */
function headingColumns({ pcs }: PageCells): number {
  let n = 0;
  for (const pc of pcs) {
    const texts = pc.blocks.map((b) => compact(blockText(b)));
    if (texts.every((t) => NUMBER_CELL.test(t))) continue;
    if (texts.length === 0 || !texts.every((t) => headingMarker(t))) break;
    n++;
  }
  return n;
}

/** Where the page's requirement column starts (its mean start), if the page prints one. */
function textStart(pcs: readonly PageColumn[], at: readonly number[], cols: Column[]): number | undefined {
  const i = at.findIndex((j) => cols[j]!.field === "text");
  return i >= 0 ? pcs[i]!.at : undefined;
}

/**
 * The first reading of the pages: each category column's wrap width, the median over the
 * wrapped cells it holds on pages that print two category columns side by side — only
 * cells that read as categories (a page whose columns were matched wrong puts
 * requirement text there) — and how far left of the requirements its cells start there.
 */
function categoryColumns(pages: readonly PageCells[], cols: Column[]): Pick<Memory, "widths" | "starts"> {
  const memory: Memory = { styles: new Map(), ordinals: new Map(), widths: new Map(), starts: new Map(), alignments: new Map() };
  const widths = new Map<number, number[]>();
  const starts = new Map<number, number[]>();
  for (const { pcs } of pages) {
    if (pcs.length === 0) continue;
    const at = matchColumns(pcs, cols, memory);
    const taskCols = new Set(at.filter((j) => cols[j]!.field === "task"));
    if (taskCols.size < 2) continue;
    const textAt = textStart(pcs, at, cols);
    pcs.forEach((pc, i) => {
      const j = at[i]!;
      if (!taskCols.has(j)) return;
      for (const b of pc.blocks) {
        if (fitsField("task", compact(blockText(b))) <= 0) continue;
        if (textAt != null) starts.set(j, [...(starts.get(j) ?? []), textAt - b.start]);
        if (b.segments.length >= 2) widths.set(j, [...(widths.get(j) ?? []), wrapWidth(b)]);
      }
    });
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  const medians = (m: Map<number, number[]>) => new Map([...m].map(([j, xs]) => [j, median(xs)]));
  return { widths: medians(widths), starts: medians(starts) };
}

/**
 * Characters by which a cell's wrap width may differ from its column's: lines break
 * before a punctuation mark or a half-width run, so a column's wrapped lines vary by
 * about one character.
 */
const WIDTH_TOLERANCE = 1;

/**
 * The category column a wrapped cell's width says it is in, or `j` where it says nothing.
 * pdftotext packs the columns a page prints, so a page that prints only the inner
 * category level puts it where the outer level stood; but a wrapped cell's lines keep its
 * column's width (以政务公 / 开助力稳 / 增长: 4 characters; 推进减税、降 / 费、降低要素成:
 * 7), which tells the levels apart where no heading marker does.
 */
function columnByWidth(b: Block, j: number, cols: Column[], memory: Memory, textAt: number | undefined): number {
  const known = [...memory.widths];
  // A heading marker tells the level better (STYLE_FIT): only unmarked cells are moved.
  if (cols[j]?.field !== "task" || known.length < 2 || parseMarker(compact(blockText(b)))) return j;
  const w = wrapWidth(b);
  if (b.segments.length < 2) {
    // One line tells only how wide its column is at least: a line wider than the column it
    // was packed into (全面落实"五公, 6 wide, where the outer level wraps at 3) is of the
    // narrowest column that holds it.
    const own = memory.widths.get(j);
    if (own == null || w <= own + WIDTH_TOLERANCE) return j;
    const holds = known.filter(([, m]) => w <= m + WIDTH_TOLERANCE).sort((x, y) => x[1] - y[1]);
    return holds[0]?.[0] ?? j;
  }
  const fits = known.filter(([, m]) => Math.abs(w - m) <= WIDTH_TOLERANCE).map(([k]) => k);
  if (fits.length === 1) return fits[0]!;
  if (fits.length === 0) return j;
  // Columns as wide as each other: the cell stands as far left of the requirements as its
  // column did on the pages that printed both levels (the nearest, within a column's
  // spread). The offset survives pdftotext packing a page's columns where the outer level
  // is empty; where the inner one is, it errs — the rarer case, as the outer level spans
  // many pages and is printed on one (measured: only unpacked pages, 731 → 677).
  if (textAt == null) return j;
  const off = (k: number) => Math.abs((memory.starts.get(k) ?? Infinity) - (textAt - b.start));
  const [first, second] = [...fits].sort((x, y) => off(x) - off(y));
  return off(first!) <= COLUMN_SPREAD / 2 && off(first!) < off(second!) ? first! : j;
}

/** A block's text: its lines joined, a line that fills the cell's width running on into the next. */
function blockText(b: Block): string {
  const parts = b.segments.map((s) => s.text);
  let longest = 0;
  for (const p of parts) longest = Math.max(longest, [...p].length);
  let out = parts[0] ?? "";
  for (let k = 1; k < parts.length; k++) out += ([...parts[k - 1]!].length >= longest - 1 ? "" : "\n") + parts[k];
  return out;
}

/**
 * Which table column each of the page's columns is: strictly in order (a page leaves out
 * the columns it prints nothing in), where the cells' contents fit the columns' fields best.
 * More page columns than table columns: the nearest two are taken as one.
 */
function matchColumns(pc: readonly PageColumn[], cols: Column[], memory: Memory): number[] {
  const styles = memory.styles;
  const texts = pc.map((c) => c.blocks.map((b) => compact(blockText(b))));
  // Each category column holds one level of headings: a heading of the style a column
  // took on an earlier page goes there again (a page that prints only （二） cells has
  // them under the second category column, not the first).
  const styleFit = (t: string, j: number) => {
    const want = styles.get(j);
    const m = cols[j]!.field === "task" ? headingMarker(t) : null;
    if (!want || !m) return 0;
    if (m.style !== want) return -STYLE_FIT;
    // Two levels of one style (三、年度任务 over 一、 二、 …): the one whose numbering the
    // heading goes on (二、 after 一、), not one it would number back (二、 after 三、).
    const last = memory.ordinals.get(j);
    if (last == null) return STYLE_FIT;
    if (m.ordinal === last + 1) {
      // It numbers on an inner column of its style as well (三、 over 三、, then 四、): the inner's.
      const inner = cols.some((c, k) => k > j && c.field === "task" && styles.get(k) === m.style && memory.ordinals.get(k) === last);
      return STYLE_FIT + SEQUENCE_FIT - (inner ? INNER_SEQUENCE_TIE : 0);
    }
    return m.ordinal <= last && m.ordinal !== 1 ? STYLE_FIT - SEQUENCE_FIT : STYLE_FIT;
  };
  const fit = (i: number, j: number) => texts[i]!.reduce((s, t) => s + fitsField(cols[j]!.field, t) + styleFit(t, j), 0);
  // Two page columns under one table column: lines of one cell pushed out of its column.
  // Never two whose cells stand on one line (those are two columns), nor 序号 with text.
  const numeric = texts.map((ts) => ts.every((t) => NUMBER_CELL.test(t)));
  const together = pc.map((c, i) =>
    i + 1 < pc.length && (numeric[i] !== numeric[i + 1] || c.blocks.some((a) => pc[i + 1]!.blocks.some((b) => shareLine(a, b)))) ? -Infinity : -SAME_COLUMN_COST * (texts[i + 1]?.length ?? 0),
  );
  const n = pc.length;
  const w = cols.length;
  if (n === 0) return [];
  // g[i][j]: the best total for page columns i.. when column i goes under table column j.
  const g: number[][] = Array.from({ length: n }, () => new Array<number>(w).fill(-Infinity));
  const pick: number[][] = Array.from({ length: n }, () => new Array<number>(w).fill(-1));
  for (let j = 0; j < w; j++) g[n - 1]![j] = fit(n - 1, j);
  for (let i = n - 2; i >= 0; i--) {
    for (let j = 0; j < w; j++) {
      let best = g[i + 1]![j]! + together[i]!;
      let at = j;
      for (let k = j + 1; k < w; k++) if (g[i + 1]![k]! > best) [best, at] = [g[i + 1]![k]!, k];
      g[i]![j] = fit(i, j) + best;
      pick[i]![j] = at;
    }
  }
  let j = 0;
  for (let k = 1; k < w; k++) if (g[0]![k]! > g[0]![j]!) j = k;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(j);
    for (const t of texts[i]!) {
      const m = cols[j]!.field === "task" ? headingMarker(t) : null;
      if (m && !styles.has(j)) styles.set(j, m.style);
      if (m && m.style === styles.get(j)) memory.ordinals.set(j, m.ordinal);
    }
    if (i + 1 < n) j = pick[i]![j]!;
  }
  return out;
}

/**
 * Two rows' requirement cells with no blank line between them (a row whose cell padding
 * pdftotext printed on a line of another column) run together as one block; the 序号
 * beside it tell how many rows it holds. It is cut between each two numbers where its
 * lines skip most (the lines where the other columns' cells stand), else halfway.
 */
function splitAtNumbers(t: Block, numbers: readonly Block[]): Block[] {
  const inside = numbers.filter((n) => n.top >= t.top - NUMBER_REACH && n.top <= t.bottom + NUMBER_REACH).sort((a, b) => a.top - b.top);
  if (inside.length < 2) return [t];
  const cuts: number[] = [];
  for (let k = 0; k + 1 < inside.length; k++) {
    const [a, b] = [inside[k]!.top, inside[k + 1]!.top];
    // The next row's text may start a line below its number (NUMBER_REACH).
    const segs = t.segments.filter((s) => s.line > a && s.line <= b + NUMBER_REACH);
    let cut = Math.floor((a + b) / 2) + 1;
    let widest = 1;
    for (let i = 1; i < segs.length; i++) {
      const skip = segs[i]!.line - segs[i - 1]!.line;
      if (skip > widest) [widest, cut] = [skip, segs[i]!.line];
    }
    cuts.push(cut);
  }
  const out: Block[] = [];
  let from = -Infinity;
  for (const c of [...cuts, Infinity]) {
    const segments = t.segments.filter((s) => s.line >= from && s.line < c);
    if (segments.length > 0) out.push({ start: t.start, top: segments[0]!.line, bottom: segments[segments.length - 1]!.line, segments });
    from = c;
  }
  return out;
}

/** Whether a line is as wide as its cell's widest (`width`), within a character: its text runs on past it. */
const fills = (line: string, width: number) => printedWidth(line) >= width - WIDTH_TOLERANCE;

/**
 * Two rows' cells of one column run together as one block (a table that sets its cells
 * at their rows' top, no blank line between two rows): a line at a later row's top, after
 * a line that does not fill the cell (its text ended there), starts the next row's cell.
 */
function splitAtRowTops(b: Block, rows: readonly { top: number }[]): Block[] {
  const width = wrapWidth(b);
  const tops = new Set(rows.map((r) => r.top));
  const out: Block[] = [];
  let from = 0;
  b.segments.forEach((s, k) => {
    if (k === 0 || !tops.has(s.line)) return;
    if (fills(b.segments[k - 1]!.text, width)) return;
    out.push(sub(b, from, k));
    from = k;
  });
  out.push(sub(b, from, b.segments.length));
  return out;
}

/**
 * Two category cells one under the other with no blank line between them (（二）… / （三）…
 * of two short rows) run together as one block: a line that starts with a heading marker
 * of the block's first line's style, numbered on from it (or the same number: a heading
 * printed again in other words after a page break), starts the next cell.
 */
function splitAtHeadings(b: Block): Block[] {
  const first = parseMarker(compact(b.segments[0]?.text ?? ""));
  if (!first) return [b];
  const out: Block[] = [];
  let from = 0;
  let ordinal = first.ordinal;
  b.segments.forEach((s, k) => {
    const m = k > 0 ? parseMarker(compact(s.text)) : null;
    if (!m || m.style !== first.style || (m.ordinal !== ordinal + 1 && m.ordinal !== ordinal)) return;
    out.push(sub(b, from, k));
    [from, ordinal] = [k, m.ordinal];
  });
  out.push(sub(b, from, b.segments.length));
  return out;
}

/** The block of segments a..e-1 of `b`. */
function sub(b: Block, a: number, e: number): Block {
  const segments = b.segments.slice(a, e);
  return { start: b.start, top: segments[0]!.line, bottom: segments[segments.length - 1]!.line, segments };
}

interface PageRow {
  top: number;
  bottom: number;
  cells: string[][];
  lines: Set<number>;
  numbered: boolean;
  /** Columns whose cell is a merged cell's text copied from a row above on the page. */
  copied: Set<number>;
}

/** Lines of other cells that may stand between two lines of one cell (their baselines interleave). */
const MAX_INTERLEAVED = 1;

interface PageRead {
  rows: PageRow[];
  after: number;
  /**
   * Columns whose last cell on the page runs to the page's last table line, in at least
   * MIN_CUT_LINES lines, the last as wide as the column's widest: a merged cell the break
   * cut, whose text runs on at the next page's top.
   */
  open: Set<number>;
  /** Columns whose last cell on the page ends with a line as wide as the column's widest, wherever it stands: a cut row's own cell there runs on. */
  fullEnd: Set<number>;
  /** Columns whose first cell on the page is the rest of the page before's last (it stands at the page's top): it goes on row 0. */
  continued: Map<number, string>;
}

/** Whether a cell's last line fills its column (as wide as the widest line of the column's cells on the page): its text was cut, not ended. */
function endsFull(b: Block, width: number): boolean {
  const last = b.segments[b.segments.length - 1];
  return !!last && fills(last.text, width);
}

/** The rows of one page, each cell's text placed; null where the page holds no table text. `open`: the page before's PageRead.open. */
function pageRows({ page, blocks, pcs }: PageCells, at: readonly number[], cols: Column[], memory: Memory, carried: boolean, open: ReadonlySet<number>, votes?: Map<number, AlignmentVotes>): PageRead | null {
  const texts = page.lines.map((l) => l.text);
  if (blocks.length === 0) return null;
  const colOf = new Map<Block, number>();
  const textAt = textStart(pcs, at, cols);
  pcs.forEach((pc, i) => pc.blocks.forEach((b) => colOf.set(b, columnByWidth(b, at[i]!, cols, memory, textAt))));
  const numberCol = cols.findIndex((c) => c.field === "number");
  const textCol = cols.findIndex((c) => c.field === "text");
  const inCol = (c: number) => blocks.filter((b) => colOf.get(b) === c).sort((a, b) => a.top - b.top);
  // Requirement cells of one row printed as two blocks (a first line pushed right by the
  // cell before it) are one cell: blocks of a column on consecutive lines join.
  // Lines of other columns only (no blank line) between two blocks: pdftotext interleaves
  // the baselines of a row's cells, so one cell's lines may stand apart by a line or two.
  const interleaved = (bottom: number, top: number) => top - bottom - 1 <= MAX_INTERLEAVED && texts.slice(bottom + 1, top).every((t) => t.trim() !== "");
  const joined = (c: number) => {
    const out: Block[] = [];
    for (const b of inCol(c)) {
      const last = out[out.length - 1];
      if (last && c !== numberCol && (b.top <= last.bottom + 1 || interleaved(last.bottom, b.top))) out[out.length - 1] = { start: last.start, top: last.top, bottom: Math.max(last.bottom, b.bottom), segments: [...last.segments, ...b.segments].sort((x, y) => x.line - y.line) };
      else out.push(b);
    }
    return out;
  };
  const lineNo = (b: Block) => new Set(b.segments.map((s) => page.lines[s.line]!.n));
  const rows: PageRow[] = [];
  const numbers = numberCol >= 0 ? joined(numberCol).filter((b) => NUMBER_CELL.test(compact(blockText(b)))) : [];
  const anchors = textCol >= 0 ? joined(textCol).flatMap((t) => splitAtNumbers(t, numbers)) : [];
  const taken = new Set<Block>();
  for (const t of anchors) {
    const n = numbers.find((b) => !taken.has(b) && b.top >= t.top - NUMBER_REACH && b.top <= t.bottom + NUMBER_REACH);
    const cells = cols.map(() => [] as string[]);
    cells[textCol] = [blockText(t)];
    const lines = lineNo(t);
    if (n) {
      taken.add(n);
      cells[numberCol] = [compact(blockText(n))];
      for (const x of lineNo(n)) lines.add(x);
    }
    rows.push({ top: Math.min(t.top, n?.top ?? t.top), bottom: Math.max(t.bottom, n?.bottom ?? t.bottom), cells, lines, numbered: !!n, copied: new Set() });
  }
  // A number beside no requirement: a row whose requirement is empty.
  for (const n of numbers) {
    if (taken.has(n)) continue;
    const cells = cols.map(() => [] as string[]);
    cells[numberCol] = [compact(blockText(n))];
    rows.push({ top: n.top, bottom: n.bottom, cells, lines: lineNo(n), numbered: true, copied: new Set() });
  }
  rows.sort((a, b) => a.top - b.top);
  if (rows.length === 0) return null;
  // What stands below the last row, past a blank line, is no cell of it (a signature, a
  // site footer): the page's table ends there.
  const lastBottom = rows[rows.length - 1]!.bottom;
  let after = lastBottom + 1;
  while (after < texts.length && texts[after]!.trim() !== "" && blocks.some((b) => b.top <= after && b.bottom >= after && b.top <= lastBottom)) after++;
  // Text under the 序号 column that is no number (a note beside it) goes with the
  // requirement of its row, so that nothing printed in the table is lost.
  const strays = numberCol >= 0 ? joined(numberCol).filter((b) => !numbers.includes(b)) : [];
  const openEnd = new Set<number>();
  const fullEnd = new Set<number>();
  const continued = new Map<number, string>();
  // The rows' extents and tiles (up to halfway to the rows around), the same for every column.
  const rowExt = rows.map((r, i) => ({
    top: r.top,
    bottom: r.bottom,
    tileTop: i > 0 ? Math.floor((rows[i - 1]!.bottom + r.top) / 2) : r.top - 1,
    tileBottom: i + 1 < rows.length ? Math.ceil((r.bottom + rows[i + 1]!.top) / 2) : Math.max(r.bottom + 1, after - 1),
  }));
  cols.forEach((_, c) => {
    if (c === numberCol) return;
    const own = c === textCol ? strays : cols[c]!.field === "task" ? joined(c).flatMap(splitAtHeadings) : joined(c).flatMap((b) => splitAtRowTops(b, rows));
    const bs = own.filter((b) => b.top < after);
    if (bs.length === 0) return;
    const ext = bs.map((b) => ({ top: b.top, bottom: b.bottom }));
    const starts = spanStarts(ext, rowExt, carried, shownAlignment(memory.alignments.get(c)), carried && !rows[0]!.numbered, oftenMerged(cols[c]!.field) ? undefined : EMPTY_ROW_COST);
    // A merged cell the break cuts fills its column down to the page's last table line,
    // its last line as wide as the column; its rest stands at the next page's top, above
    // the second row. Category cells are left to fragmentsToCutCell (a marked one starts
    // a category of its own).
    const last = bs[bs.length - 1]!;
    if (c !== textCol && endsFull(last, Math.max(...bs.map(wrapWidth)))) {
      fullEnd.add(c);
      if (last.segments.length >= MIN_CUT_LINES && last.bottom >= after - 1) openEnd.add(c);
    }
    const first = bs[0]!;
    if (c !== textCol && cols[c]!.field !== "task" && carried && open.has(c) && first.top <= rows[0]!.top + CONTINUED_REACH && (rows.length < 2 || first.top < rows[1]!.top)) {
      starts[0] = 0;
      continued.set(c, blockText(first));
    }
    if (votes) {
      const v = votes.get(c) ?? { top: 0, middle: 0 };
      alignmentVotes(ext, rowExt, starts, v);
      votes.set(c, v);
    }
    bs.forEach((b, k) => {
      const r = rows[starts[k]!]!;
      r.cells[c]!.push(blockText(b));
      for (const x of lineNo(b)) r.lines.add(x);
    });
    // A merged cell's rows run from its first to the next cell's first, on this page:
    // copied into each where the column is never empty (lexicon neverEmpty).
    if (!neverEmpty(cols[c]!)) return;
    bs.forEach((b, k) => {
      const end = k + 1 < bs.length ? starts[k + 1]! : rows.length;
      for (let i = starts[k]! + 1; i < end; i++) {
        if (rows[i]!.cells[c]!.length > 0) continue;
        rows[i]!.cells[c] = [blockText(b)];
        rows[i]!.copied.add(c);
      }
    });
  });
  return { rows, after, open: openEnd, fullEnd, continued };
}

/** A cell with another's text on a line of its own after its own, and both cells' lines. */
function appended(a: Cell, b: Cell): Cell {
  return cell(a.text ? `${a.text}\n${b.text}` : b.text, [...a.lines, ...b.lines]);
}

/**
 * The rest of a category cell the page break cut (（四）加强相关基 / 础工作) stands at the
 * next page's top in whichever column pdftotext packed it into there, most often the
 * outer one, empty on that page. Unmarked — a marked one heads a category of its own — it
 * goes on the category cell the row printed itself above the break, where that is one
 * cell: its other category cells are empty or merged copies.
 */
function fragmentsToCutCell(cells: Cell[], above: readonly Cell[], cols: readonly Column[]): void {
  const task = cols.flatMap((c, j) => (c.field === "task" ? [j] : []));
  const own = task.filter((j) => above[j]!.text && above[j]!.from !== "above");
  if (own.length !== 1) return;
  const to = own[0]!;
  for (const j of task) {
    const part = cells[j]!;
    if (j === to || !part.text || above[j]!.text || parseMarker(compact(part.text))) continue;
    cells[to] = appended(cells[to]!, part);
    cells[j] = cell("", part.lines);
  }
}

/** Fit points by which a cell must fit an empty neighbouring column better to move there: a progress word fits 完成情况 by 1, 备注 by 0 (2: no cell moves). */
const NEIGHBOUR_FIT = 1;

/**
 * A cell under a column its text does not fit, beside an empty cell of a column it fits
 * clearly better (已完成并持续推进 under 备注, its row's 完成情况 empty): pdftotext set it
 * where the next column's cells stand on that page, and its page column went there whole.
 */
function cellsToEmptyNeighbours(rows: Row[], cols: readonly Column[]): void {
  // Numbers, requirements and categories anchor the rows and are never moved, nor moved into.
  const movable = (j: number) => cols[j] != null && !["text", "number", "task"].includes(cols[j]!.field);
  for (const r of rows) {
    r.cells.forEach((c, j) => {
      if (!c.text || c.from === "above" || !movable(j)) return;
      const t = compact(c.text);
      const here = fitsField(cols[j]!.field, t);
      for (const k of [j - 1, j + 1]) {
        const o = r.cells[k];
        if (!o || o.text || !movable(k)) continue;
        if (fitsField(cols[k]!.field, t) - here < NEIGHBOUR_FIT) continue;
        r.cells[k] = c;
        r.cells[j] = cell("", c.lines);
        return;
      }
    });
  }
}

/** Rows at the end of `rows` whose cell `j` reads `before` (one merged cell and its copies) read `after` instead. */
function extendBack(rows: Row[], j: number, before: string, after: string): void {
  for (let i = rows.length - 1; i >= 0; i--) {
    const c = rows[i]!.cells[j]!;
    if (compact(c.text) !== compact(before)) return;
    rows[i]!.cells[j] = { ...c, text: after };
  }
}

/** Lines outside the table as paragraphs, one per line, the alignment spaces closed up. */
function paragraphsOf(ls: readonly SourceLine[]): Paragraph[] {
  return ls.filter((l) => !isBlank(l)).map((l) => ({ text: clean(l.text).replace(/\s{2,}/gu, " "), lines: [l.n] }));
}

export function layAligned(lines: SourceLine[]): Laid | null {
  const at = headerAt(lines);
  if (at < 0) return null;
  const hb = headerBlock(lines, at);
  const printed = hb.columns.map((c) => c.text);
  if (!columnsOf(printed).some((c) => c.field === "text")) return null;
  const pages = pagesOf(lines, hb);
  // Read twice: first to learn the category columns' widths and places, then to read the rows.
  const cells = pages.map(pageCells);
  // A 工作任务 header over several category columns (一、 | （一）) printed as one: its
  // column is offered as many times as a page prints heading cells side by side, at
  // least twice where it is the only task header; a copy stays empty where the rows
  // have fewer levels.
  const taskAt = printed.flatMap((h, i) => (fieldOfHeader(h) === "task" ? [i] : []));
  const copies = Math.max(taskAt.length === 1 ? 2 : 1, ...cells.map(headingColumns));
  const header: string[] = printed.flatMap((w, i) => (i === taskAt[0] ? [w, ...new Array<string>(copies - 1).fill("")] : [w]));
  const cols: Column[] = columnsOf(header);
  const memory: Memory = { styles: new Map(), ordinals: new Map(), ...categoryColumns(cells, cols), alignments: new Map() };
  // Each page's columns matched once, in page order: the headings' styles and numbers carry on from page to page.
  const ats = cells.map((p) => (p.blocks.length === 0 ? [] : matchColumns(p.pcs, cols, memory)));
  // The rows read a first time to learn how the table aligns its merged cells, then again with it.
  const votes = new Map<number, AlignmentVotes>();
  const readPages = (alignments: ReadonlyMap<number, AlignmentVotes>, v?: Map<number, AlignmentVotes>) => {
    // Rows at the top of the table's first page go on no cell of a page before.
    const out: Array<PageRead | null> = [];
    cells.forEach((p, k) => out.push(pageRows(p, ats[k]!, cols, { ...memory, alignments }, out.some(Boolean), out.findLast(Boolean)?.open ?? new Set(), v)));
    return out;
  };
  readPages(new Map(), votes);
  const found = readPages(votes);
  const lastPage = found.map((f) => !!f).lastIndexOf(true);
  const rows: Row[] = [];
  const back: Paragraph[] = [];
  const asBack = (ls: SourceLine[]) => back.push(...paragraphsOf(ls));
  pages.forEach((p, k) => {
    const f = found[k];
    if (k > lastPage) return asBack(p.lines);
    if (!f) return asBack(p.lines);
    // The rest of a merged cell the break cut, joined to its part on the page before: the
    // page's rows it covers were given the rest only, and take the whole cell instead.
    const whole = new Map<number, { part: string; text: string }>();
    // Columns whose last cell on the page before ran to its foot with a full line (PageRead.open).
    const pageBefore = found.slice(0, k).findLast(Boolean);
    const before = pageBefore?.open ?? new Set<number>();
    const fullBefore = pageBefore?.fullEnd ?? new Set<number>();
    f.rows.forEach((r, i) => {
      const cells = r.cells.map((parts, j): Cell => {
        const text = parts.join("\n");
        const w = r.copied.has(j) ? whole.get(j) : undefined;
        return { ...cell(w && w.part === compact(text) ? w.text : text, [...r.lines].sort((a, b) => a - b)), ...(r.copied.has(j) ? { from: "above" as const } : {}) };
      });
      // A requirement without a number at a page's top goes on with the row cut by the break.
      const prev = rows[rows.length - 1];
      if (i === 0 && prev) {
        // The rest of a merged cell the break cut: the rows above that it covers take the whole.
        for (const [j, more] of f.continued) {
          const above = prev.cells[j]!.text;
          if (!above) continue;
          const joinedText = compact(more) === compact(above) ? above : above + more;
          extendBack(rows, j, above, joinedText);
          whole.set(j, { part: compact(more), text: joinedText });
          if (r.numbered) cells[j] = { ...cell(joinedText, cells[j]!.lines), from: "above" };
          else cells[j] = cell("", cells[j]!.lines);
        }
      }
      if (i === 0 && !r.numbered && prev && cols.some((c) => c.field === "number")) {
        fragmentsToCutCell(cells, prev.cells, cols);
        prev.cells.forEach((c, j) => {
          const more = cells[j]!;
          if (!more.text) return;
          // A merged cell across the break prints its text on both pages (全年 | 全年): once.
          const again = cols[j]!.field !== "text" && compact(more.text) === compact(c.text);
          const merged = cols[j]!.field !== "text" && cols[j]!.field !== "task" && c.from === "above";
          // The row's cell is a merged cell's copy: its rest only where that cell ran to the
          // page's foot (cut by the break), else a cell of the cut row's own.
          const own = merged && !again && !before.has(j);
          // A cell that filled its column to the page's foot runs on into its rest (各直 / 属机构), as its
          // wrapped lines do; so does the cut row's own cell whose last line above the break fills the column.
          const runsOn = cols[j]!.field !== "text" && (before.has(j) || (!merged && fullBefore.has(j)));
          const joinedCell = own ? cell(more.text, more.lines) : again ? cell(c.text, [...c.lines, ...more.lines]) : runsOn ? cell(c.text + more.text, [...c.lines, ...more.lines]) : appended(c, more);
          if (merged && !own) extendBack(rows, j, c.text, joinedCell.text);
          prev.cells[j] = joinedCell;
          if (cols[j]!.field !== "text") whole.set(j, { part: compact(more.text), text: prev.cells[j]!.text });
        });
        prev.lines.push(...r.lines);
        return;
      }
      rows.push({ cells, lines: [...r.lines].sort((a, b) => a - b), page: k + 1, pageStart: i === 0 });
    });
    // Below the table on any page: the back matter (a signature, the site's footer), or
    // text under a page's last row that is no cell of it, kept there rather than lost.
    asBack(p.lines.slice(f.after));
  });
  outerCellsByNumbering(rows, cols);
  cellsToEmptyNeighbours(rows, cols);
  const numberAt = cols.findIndex((c) => c.field === "number");
  if (rows.length < 2 || (numberAt >= 0 && rows.filter((r) => r.cells[numberAt]!.text).length < 2)) return null;
  const front = paragraphsOf(lines.slice(0, hb.first));
  return {
    layout: "aligned",
    reason: `space-aligned columns (pdftotext -layout): ${printed.length} header columns; ${rows.length} rows, cells found page by page as runs of lines starting at one column`,
    table: { header, rows, emptyMeansMerged: true },
    paragraphs: [],
    front,
    back,
    warnings: [],
  };
}
