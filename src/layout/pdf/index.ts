// PDF pages → the document model. Ruled tables become grids with spans; the first one
// with a task header starts the task table and later ones that repeat the header (or
// have none, and the same width) continue it over the pages. Text outside the tables is
// front matter (title, covering letter) before the table, back matter after it, and a
// heading where it stands between table parts. Running headers and footers — lines at
// the top or bottom of most pages, page numbers — are dropped. A PDF without ruled
// tables is read as its text: lines, with a tab where a wide gap separates columns,
// through the plain-text layouts.

import type { Cell, Laid, PageReport, Paragraph, Row } from "../../model/document.js";
import { joinParts } from "../../text/text.js";
import { columnsOf } from "../../lexicon/headers.js";
import { EDGE_PAGE_NUMBER } from "../../lexicon/furniture.js";
import { isPartHeading, parseMarker } from "../../lexicon/markers.js";
import { warning, type Warning } from "../../model/result.js";
import { lowestConfidence, type PageGeometry, type TextItem } from "../../model/geometry.js";
import { expandSpans } from "../grid.js";
import { detachFromHeader, findHeader, mergeHeader, placeFragmentsByText, repeatedHeaderRows, withMisreadHeader } from "../gridTable.js";
import { layoutText } from "../text/index.js";
import { findTables, groupLines, joinItems, withColumns } from "./lattice.js";
import { PDF_SETTINGS } from "./settings.js";
import { streamTable } from "./stream.js";

interface Line {
  items: TextItem[];
  text: string;
  /** Text with a tab at every wide gap (for the stream reading). */
  tabbed: string;
  y: number;
  page: number;
  edge: boolean;
}

function linesOf(items: TextItem[], page: PageGeometry): Line[] {
  return groupLines(items).map((r) => {
    const parts: TextItem[][] = [[]];
    r.forEach((it, i) => {
      if (i > 0 && it.x0 - r[i - 1]!.x1 > it.size * PDF_SETTINGS.columnGap) parts.push([]);
      parts[parts.length - 1]!.push(it);
    });
    const y = (r[0]!.y0 + r[0]!.y1) / 2;
    return {
      items: r,
      text: joinItems(r, null),
      tabbed: parts.map((p) => joinItems(p, null)).join("\t"),
      y,
      page: page.number,
      edge: y < page.height * PDF_SETTINGS.edgeShare || y > page.height * (1 - PDF_SETTINGS.edgeShare),
    };
  });
}


/** A scanned page read as text: its doubtful lines, one warning per page, where a reviewer should look. */
function lowLines(pages: readonly PageGeometry[]): Warning[] {
  return pages.flatMap((p) => {
    const low = p.ocr ? p.items.filter((i) => i.conf != null && i.conf < PDF_SETTINGS.lowConfidence) : [];
    const first = low[0];
    if (!p.ocr || !first) return [];
    return [warning("low-confidence", `page ${p.number}: ${low.length} of ${p.items.length} recognised lines below ${PDF_SETTINGS.lowConfidence}% confidence (read by OCR at ${Math.round(p.ocr.dpi)} dpi), first at ${Math.round(first.x0)},${Math.round(first.y0)} pt: ${first.text.slice(0, 20)}`, { page: p.number })];
  });
}

/**
 * A scanned table's doubtful cells, each named by its page, its row on that page and its
 * column's header, with what was read; past a few on one page, one line counts the rest.
 */
function lowCells(rows: readonly Row[], header: readonly string[]): Warning[] {
  const out: Warning[] = [];
  const byPage = new Map<number, number>();
  const more = new Map<number, number>();
  const rowOnPage = new Map<number, number>();
  for (const r of rows) {
    const page = r.page ?? 0;
    const k = (rowOnPage.get(page) ?? 0) + 1;
    rowOnPage.set(page, k);
    r.cells.forEach((c, j) => {
      if (c.from || !c.text || c.conf == null || c.conf >= PDF_SETTINGS.lowConfidence) return;
      const n = (byPage.get(page) ?? 0) + 1;
      byPage.set(page, n);
      if (n > PDF_SETTINGS.lowConfidenceCellsPerPage) more.set(page, (more.get(page) ?? 0) + 1);
      else out.push(warning("low-confidence", `page ${page}, row ${k}, column ${header[j] || j + 1}: recognised with ${Math.round(c.conf)}% confidence: ${c.text.replace(/\s+/gu, " ").slice(0, 24)}`, { page }));
    });
  }
  for (const [page, n] of more) out.push(warning("low-confidence", `page ${page}: ${n} more cells below ${PDF_SETTINGS.lowConfidence}% confidence`, { page }));
  return out;
}

/** Lines printed at the top or bottom of most pages (digits aside): running headers and footers. */
function furniture(lines: Line[], pages: number): Set<Line> {
  const key = (l: Line) => l.text.replace(/\d+/gu, "#").replace(/\s+/gu, "");
  const seen = new Map<string, Set<number>>();
  for (const l of lines) if (l.edge) seen.set(key(l), (seen.get(key(l)) ?? new Set()).add(l.page));
  const out = new Set<Line>();
  for (const l of lines) {
    if (!l.edge) continue;
    const n = seen.get(key(l))?.size ?? 0;
    if (EDGE_PAGE_NUMBER.test(l.text) || (pages >= 2 && n >= Math.max(2, pages / 2))) out.add(l);
  }
  return out;
}

/** The cells of the merged region at (r, j): its first cell and the copies below it. */
function region(grid: Cell[][], r: number, j: number): Cell[] {
  let top = r;
  while (top > 0 && grid[top]![j]?.from === "above") top--;
  const out = [grid[top]![j]!];
  for (let k = top + 1; k < grid.length && grid[k]![j]?.from === "above"; k++) out.push(grid[k]![j]!);
  return out;
}

/**
 * A merged cell whose text ran to its edge at the foot of a page and goes on in a merged
 * cell at the top of the next (LibreOffice and Word split a merged cell's text there):
 * both parts, and the rows the merged cell covers, get the joined text (or, when the part
 * above is empty, the text below). The other cells
 * of a split row (no number) are left to the plan, which joins them to the row above.
 */
const emptyMerged = (cells: Cell[]) => cells[0]!.rowSpan >= 2 && cells.every((c) => !c.text);

/**
 * A row split by the break whose number is printed on its second part (centred in the
 * row: wkhtmltopdf): the part above has no number, a cell of it ran to its edge, and the
 * next page opens with a number. The number goes up to the row's first part, so that the
 * part below is the rest of a split row, as every other producer prints it.
 */
/** A cell's text moved or joined across a break, with the recogniser's confidence in it. */
function setText(c: Cell, text: string, conf: number | undefined): void {
  c.text = text;
  if (conf == null) delete c.conf;
  else c.conf = conf;
}

function moveNumberUp(foot: Cell[], first: Cell[], numberCol: number): void {
  const num = first[numberCol];
  const mine = foot[numberCol];
  if (!num || !mine || !num.text || num.from || num.rowSpan !== 1 || mine.text || mine.from) return;
  if (!foot.some((c, j) => j !== numberCol && !c.from && c.text && c.runsOn)) return;
  mine.text = num.text;
  num.text = "";
}

/**
 * Gives `text` to the empty part `part` of column `j` at the foot of the last page in
 * `prevs`, and to the empty parts before it while the merged cell goes back over breaks
 * (a span over three pages has an empty part on each page before the text).
 */
function fillEmptyParts(prevs: Cell[][][], j: number, part: Cell[], text: string, conf: number | undefined): void {
  for (let k = prevs.length - 1; ; k--) {
    for (const c of part) setText(c, text, conf);
    if (k === 0 || region(prevs[k]!, 0, j)[0] !== part[0]) return;
    const before = prevs[k - 1]!;
    if (before.length === 0) return;
    part = region(before, before.length - 1, j);
    if (!emptyMerged(part)) return;
  }
}

function joinAcrossBreak(prevs: Cell[][][], next: Cell[][], numberCol: number): void {
  const prev = prevs[prevs.length - 1];
  const first = next[0];
  if (!prev || prev.length === 0 || !first) return;
  const last = prev.length - 1;
  // The output takes no row without text of its own: text moved into such a row would
  // make a row of its own, so it moves only into a region holding a row the output takes.
  const own = (r: Cell[]) => r.some((c) => c.text && !c.from);
  let lastOwn = last;
  while (lastOwn > 0 && !own(prev[lastOwn]!)) lastOwn--;
  if (numberCol >= 0) moveNumberUp(prev[last]!, first, numberCol);
  // The next page opens with the rest of a split row (no number of its own).
  const split = numberCol >= 0 && !first[numberCol]?.text;
  first.forEach((cell, j) => {
    if (j === numberCol || cell.from || !cell.text) return;
    const above = region(prev, last, j);
    // A merged cell split by the break whose text is all on the next page (a browser
    // prints it centred in the whole span: wkhtmltopdf, separated borders): the parts
    // above are empty, and the part below holds the text of the whole cell. Known by a
    // part above that starts on its page and is empty (every producer prints a merged
    // cell's text in it, at its top or centre), or by the next page opening with a split
    // row.
    const startsMidPage = region(prev, 0, j)[0] !== above[0];
    if (above.every((c) => !c.text) && above.includes(prev[lastOwn]![j]!) && (split || (startsMidPage && emptyMerged(above)))) {
      const text = cell.text;
      const below = region(next, 0, j);
      // The rest of a split row's own cell moves up whole (the plan joins a split row to
      // the row above, and would read a copy twice); a cell merged further down keeps it.
      for (const c of below) c.text = split && below.length === 1 ? "" : text;
      fillEmptyParts(prevs, j, above, text, cell.conf);
      return;
    }
    // A part that starts with a heading marker (一、 （一） 1.) starts a cell of its own.
    if (cell.rowSpan < 2 || parseMarker(cell.text)) return;
    if (!above[0]?.runsOn || !above[0].text) return;
    const joined = joinParts(above[0].text, cell.text);
    const conf = lowestConfidence([above[0].conf, cell.conf]) ?? undefined;
    for (const c of [...above, ...region(next, 0, j)]) setText(c, joined, conf);
  });
}

/** Why no ruled task table was read: none was drawn, or none began with a header row (the first one's top row, as read). */
function noRuledTable(headless: readonly string[][]): string {
  const first = headless[0];
  if (!first) return "no ruled table";
  const top = first.filter(Boolean).join(" | ");
  return `no ruled table with a header row (${headless.length} ruled table(s); the first's top row: ${top.length > 80 ? `${top.slice(0, 80)}…` : top})`;
}

export function layoutPdf(pages: PageGeometry[]): Laid {
  const warnings: Warning[] = pages.filter((p) => p.unread).map((p) => warning("page-unread", `page ${p.number}: ${p.unread}`, { page: p.number }));
  const read = pages.map((p) => ({ page: p, ...findTables(p) }));
  const report: PageReport[] = read.map((r) => {
    const free = new Set(r.free);
    return {
      page: r.page.number,
      rulings: r.rulings,
      tables: r.tables.map((t) => ({ rows: t.rows.length, cols: t.cols, merged: t.rows.flat().filter((c) => c.rowSpan > 1 || c.colSpan > 1).length })),
      placed: r.page.items.length - r.free.length,
      free: r.free.length,
      grids: r.tables.map((t) => expandSpans(t.rows)),
      geometry: {
        width: r.page.width,
        height: r.page.height,
        segments: r.segments,
        tables: r.tables.map((t) => ({ xs: t.xs, ys: t.ys, boxes: t.boxes.map((b) => ({ x0: b.x0, x1: b.x1, y0: b.y0, y1: b.y1, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1 })) })),
        placed: r.page.items.filter((i) => !free.has(i)).map((i) => ({ x0: i.x0, x1: i.x1, y0: i.y0, y1: i.y1 })),
        free: r.free.map((i) => ({ x0: i.x0, x1: i.x1, y0: i.y0, y1: i.y1, text: i.text })),
      },
    };
  });
  const allLines = read.flatMap((r) => linesOf(r.free, r.page));
  const drop = furniture(allLines, pages.length);
  const lines = allLines.filter((l) => !drop.has(l));

  let header: string[] | null = null;
  let headerTop: Cell[] | null = null;
  const rows: Row[] = [];
  let start: { page: number; y: number } | null = null;
  let end: { page: number; y: number } | null = null;
  const stray: Paragraph[] = [];
  const prevGrids: Cell[][][] = [];
  /** The top row of each ruled table read before the task table's header (inspect shows why none was one). */
  const headless: string[][] = [];
  /** The column lines of the task table as last read, for a page that draws fewer. */
  let bodyXs: number[] | null = null;
  for (const { page, tables } of read) {
    let pageStart = true;
    for (const t of tables) {
      let grid = expandSpans(t.rows);
      if (!header) {
        let h = findHeader(grid);
        // A scanned table's header words may come out of the recogniser a character off.
        const misread = !h && page.ocr ? withMisreadHeader(grid) : null;
        if (misread) {
          grid = misread.grid;
          for (const m of misread.misread) warnings.push(warning("low-confidence", `page ${page.number}, header row, column ${m.column + 1}: recognised as ${m.read}, taken for the header ${m.as}`, { page: page.number }));
          h = findHeader(grid);
        }
        if (!h) {
          headless.push(grid[0]?.map((c) => c.text.replace(/\s+/gu, "")) ?? []);
          // A table before the task table (metadata, a signature block): front matter.
          stray.push(...grid.flatMap((r) => r.filter((c) => c.text && !c.from).map((c) => ({ text: c.text.replace(/\n/gu, " "), lines: [] }))));
          continue;
        }
        header = mergeHeader(grid.slice(h.at, h.at + h.rows));
        headerTop = grid[h.at]!;
        detachFromHeader(grid, h.at + h.rows);
        grid = grid.slice(h.at + h.rows);
        start = { page: page.number, y: t.top };
      } else {
        if (grid[0] && grid[0].length !== header.length && bodyXs) {
          // Continued from the page before with fewer column rulings (merged cells carried
          // over the break): the same table when its edges and every ruling stand where
          // the body's columns do; built again with the body's columns.
          const xs = bodyXs;
          const near = (x: number) => xs.some((b) => Math.abs(b - x) <= PDF_SETTINGS.sameGridLine);
          const again = t.xs.every(near) && Math.abs(t.left - xs[0]!) <= PDF_SETTINGS.sameGridLine && Math.abs(t.right - xs[xs.length - 1]!) <= PDF_SETTINGS.sameGridLine ? withColumns(t, xs) : null;
          const regrid = again ? expandSpans(again.rows) : null;
          if (regrid && regrid[0]?.length === header.length) grid = regrid;
        }
        // The header printed again at the page top, with the rows inside its spans.
        for (let k = repeatedHeaderRows(grid, header, headerTop ?? undefined); k > 0; k = repeatedHeaderRows(grid, header, headerTop ?? undefined)) {
          detachFromHeader(grid, k);
          grid = grid.slice(k);
        }
        // A repeated header found as a table of its own (its spans give it other columns
        // than the body's): nothing of the body is in it; the body's table comes next.
        if (grid.length === 0) continue;
        if (grid.length > 0 && grid[0]!.length !== header.length) {
          warnings.push(warning("other-table", `a table with ${grid[0]!.length} columns on page ${page.number} was not read as part of the task table`, { page: page.number }));
          continue;
        }
        placeFragmentsByText(grid, columnsOf(header).findIndex((c) => c.field === "number"));
        joinAcrossBreak(prevGrids, grid, columnsOf(header).findIndex((c) => c.field === "number"));
      }
      prevGrids.push(grid);
      if (grid[0]?.length === header.length) bodyXs = t.xs;
      // Text between two parts of the table on this page (a section heading printed outside it).
      for (const l of lines) {
        if (l.page === page.number && end && (end.page < page.number || l.y > end.y) && l.y < t.top && start && (start.page < page.number || l.y > start.y)) {
          rows.push({ cells: [{ text: l.text, lines: [], rowSpan: 1, colSpan: header.length }], lines: [], page: page.number, pageStart: false });
        }
      }
      for (const cells of grid) {
        if (cells.every((c) => !c.text || c.from)) continue;
        rows.push({ cells, lines: [], page: page.number, pageStart });
        pageStart = false;
      }
      end = { page: page.number, y: t.bottom };
    }
  }

  const before = (l: Line, p: { page: number; y: number }) => l.page < p.page || (l.page === p.page && l.y < p.y);
  const after = (l: Line, p: { page: number; y: number }) => l.page > p.page || (l.page === p.page && l.y > p.y);
  const para = (l: Line): Paragraph => ({ text: l.text, lines: [] });
  if (!header || !start || !end) {
    // No ruled task table: a table drawn without rulings, read from the x-positions of
    // its text; else the text itself, through the plain-text layouts.
    const stream = streamTable(pages, new Set([...drop].flatMap((l) => l.items)));
    if (stream && stream.rows.length > 0) {
      const sStart = stream.start;
      const sEnd = stream.end;
      const free = lines.filter((l) => !l.items.some((i) => stream.used.has(i)));
      return {
        layout: "pdf-stream",
        reason: `${noRuledTable(headless)}; ${stream.header.length} columns placed from the header's words, ${stream.rows.length} rows`,
        table: { header: stream.header, rows: stream.rows, emptyMeansMerged: true },
        paragraphs: [],
        front: free.filter((l) => before(l, sStart)).map(para),
        back: free.filter((l) => after(l, sEnd)).map(para),
        warnings: [...warnings, ...lowLines(pages)],
        pages: report,
      };
    }
    // Pages join without a blank line: whether a paragraph runs on over the break is
    // for the wrap detection to say (a full-width last line runs on).
    const order = pages.flatMap((p) => lines.filter((l) => l.page === p.number));
    const text = order.map((l) => l.tabbed).join("\n");
    const laid = layoutText(text);
    // A recognised page read as text: each line of that text keeps its words' lowest confidence.
    const confs = order.map((l) => lowestConfidence(l.items.map((i) => i.conf)));
    return { ...laid, layout: `pdf-${laid.layout}`, reason: `${noRuledTable(headless)}; read as text: ${laid.reason}`, warnings: [...warnings, ...lowLines(pages), ...laid.warnings], pages: report, ...(confs.some((c) => c != null) ? { lineConf: confs } : {}) };
  }
  const s = start;
  const e = end;
  const front = lines.filter((l) => before(l, s));
  // Marked headings printed just above the table (after its caption) head its first rows.
  const lead: Line[] = [];
  while (front.length > 0) {
    const last = front[front.length - 1]!;
    if (!isPartHeading(last.text)) break;
    lead.unshift(front.pop()!);
  }
  rows.unshift(...lead.map((l) => ({ cells: [{ text: l.text, lines: [], rowSpan: 1, colSpan: header!.length }], lines: [], page: l.page, pageStart: false })));
  return {
    layout: "pdf-lattice",
    reason: `${rows.length} rows of ruled tables on ${new Set(rows.map((r) => r.page)).size} page(s); ${drop.size} running header/footer lines dropped`,
    table: { header, rows, emptyMeansMerged: true },
    paragraphs: [],
    front: [...front.map(para), ...stray],
    back: lines.filter((l) => after(l, e)).map(para),
    warnings: [...warnings, ...lowCells(rows, header!)],
    pages: report,
  };
}
