// Tables drawn without rulings: columns from the x-positions of text. The header line
// (its words name the columns) places the columns; each boundary goes to the emptiest
// x between two header words. A column's lines group into blocks where a vertical gap
// separates them; a block in the number column (else the requirement column) starts a
// row, and every other block belongs to the row it starts in — a merged cell's text is
// one block in its first row, carried down by the plan like any merged cell in text.

import { maxOf, minOf } from "./extent.js";
import { PDF_SETTINGS as S } from "./settings.js";
import { cell, type Row } from "../../model/document.js";
import { compact } from "../../text/text.js";
import { NUMBER_CELL } from "../../lexicon/cells.js";
import { fieldOfHeader, isHeaderWord } from "../../lexicon/headers.js";
import type { PageGeometry, TextItem } from "../../model/geometry.js";
import { groupLines, joinItems } from "./lattice.js";

interface VLine {
  items: TextItem[];
  y: number;
  top: number;
  bottom: number;
}

function visualLines(items: TextItem[]): VLine[] {
  return groupLines(items).map((l) => ({
    items: l,
    y: (l[0]!.y0 + l[0]!.y1) / 2,
    top: minOf(l, (i) => i.y0),
    bottom: maxOf(l, (i) => i.y1),
  }));
}

/** A line's items run together into words (bold text often comes one glyph at a time). */
function wordsOf(line: VLine): TextItem[] {
  const out: TextItem[] = [];
  for (const it of [...line.items].sort((a, b) => a.x0 - b.x0)) {
    const last = out[out.length - 1];
    if (last && it.x0 - last.x1 < it.size * S.wordJoin) out[out.length - 1] = { ...last, text: last.text + it.text, x1: it.x1, y0: Math.min(last.y0, it.y0), y1: Math.max(last.y1, it.y1) };
    else out.push({ ...it });
  }
  return out;
}

/** Header words on one line: at least three, naming text or units among them. */
function headerLine(line: VLine): TextItem[] | null {
  const all = wordsOf(line);
  const words = all.filter((it) => isHeaderWord(it.text));
  if (words.length < S.headerWordsMin || words.length < all.length - 1) return null;
  const fields = new Set(words.map((w) => fieldOfHeader(w.text)));
  return fields.has("text") || fields.has("units") ? words.sort((a, b) => a.x0 - b.x0) : null;
}

export interface StreamTable {
  header: string[];
  rows: Row[];
  /** Page and y where the table starts and ends, to tell front from back matter. */
  start: { page: number; y: number };
  end: { page: number; y: number };
  used: Set<TextItem>;
}

export function streamTable(pages: PageGeometry[], furniture: Set<TextItem>): StreamTable | null {
  const skip = new Set(furniture);
  let header: TextItem[] | null = null;
  let start: { page: number; y: number } | null = null;
  for (const p of pages) {
    for (const l of visualLines(p.items.filter((i) => !skip.has(i)))) {
      const h = headerLine(l);
      if (h) {
        header = h;
        start = { page: p.number, y: l.top };
        break;
      }
    }
    if (header) break;
  }
  if (!header || !start) return null;
  // Header lines below the first: a word wrapped in a narrow column (序 | 号) completes
  // its column's word; several words under one column (工作任务 over 重点领域 | 重点任务)
  // are its sub-columns, as in a two-row header.
  const firstPage = pages.find((p) => p.number === start!.page)!;
  const below = visualLines(firstPage.items.filter((i) => !skip.has(i) && i.y0 > start!.y + 1));
  let headerBottom = maxOf(header, (h) => h.y1);
  const consumed = new Set<TextItem>();
  for (const l of below) {
    const ws = wordsOf(l);
    if (l.top - headerBottom > ws[0]!.size * S.headerLineGap || !ws.every((w) => isHeaderWord(w.text) || w.text.length <= S.headerFragmentMax)) break;
    const mids = header.slice(1).map((h, k) => (header![k]!.x1 + h.x0) / 2);
    const parentOf = (w: TextItem) => {
      const k = mids.findIndex((m) => (w.x0 + w.x1) / 2 < m);
      return k < 0 ? mids.length : k;
    };
    const next: TextItem[] = [];
    header.forEach((h, k) => {
      const under = ws.filter((w) => parentOf(w) === k);
      if (under.length >= 2 && under.every((w) => isHeaderWord(w.text))) next.push(...under);
      else next.push(under.length > 0 ? { ...h, text: h.text + under.map((w) => w.text).join(""), x0: Math.min(h.x0, ...under.map((w) => w.x0)), x1: Math.max(h.x1, ...under.map((w) => w.x1)) } : h);
    });
    header = next;
    l.items.forEach((i) => consumed.add(i));
    headerBottom = l.bottom;
  }
  for (const i of consumed) skip.add(i);
  const firstWords = new Set(header.map((h) => compact(h.text)));
  const isHeaderAgain = (l: VLine) => {
    const w = wordsOf(l).filter((x) => isHeaderWord(x.text));
    return w.length >= S.headerWordsMin && w.length >= wordsOf(l).length - 1 && w.filter((x) => firstWords.has(compact(x.text))).length >= 2 && compact(w.map((x) => x.text).join("")) !== "";
  };
  const centers = header.map((h) => (h.x0 + h.x1) / 2);
  const body = pages.flatMap((p) =>
    p.items.filter((i) => !skip.has(i) && (p.number > start!.page || (p.number === start!.page && i.y0 > start!.y + 1))).map((i) => ({ i, page: p.number })),
  );
  // Boundaries: between two header centres, the x that the fewest body items cover,
  // tried at 1 pt steps from a + 2. The items covering each step are counted with a
  // difference array (one pass over the items, one over the steps), not by filtering
  // every item at every step.
  const bounds = centers.slice(1).map((c, k) => {
    const a = centers[k]!;
    const lo = a + S.boundaryInset;
    const hi = c - S.boundaryInset;
    const steps = Math.max(0, Math.ceil(hi - lo));
    const delta = new Int32Array(steps + 1);
    for (const { i } of body) {
      // Steps x = lo + s with x0 < x < x1.
      const first = Math.max(0, Math.floor(i.x0 - lo) + 1);
      const last = Math.min(steps - 1, Math.ceil(i.x1 - lo) - 1);
      if (first > last) continue;
      delta[first]!++;
      delta[last + 1]!--;
    }
    let best = (a + c) / 2;
    let least = Infinity;
    let n = 0;
    for (let step = 0; step < steps; step++) {
      const x = lo + step;
      if (!(x < hi)) break;
      n += delta[step]!;
      if (n < least || (n === least && Math.abs(x - (a + c) / 2) < Math.abs(best - (a + c) / 2))) [least, best] = [n, x];
    }
    return best;
  });
  const colOf = (it: TextItem) => {
    const cx = (it.x0 + it.x1) / 2;
    const k = bounds.findIndex((b) => cx < b);
    return k < 0 ? bounds.length : k;
  };
  const fields = header.map((h) => fieldOfHeader(h.text));
  const anchor = fields.indexOf("number") >= 0 ? fields.indexOf("number") : Math.max(0, fields.indexOf("text"));
  const used = new Set<TextItem>();
  const rows: Row[] = [];
  let end = start;
  // A line whose text crosses a column boundary is not in the table (a site footer, a
  // signature under it): the table ends there.
  const crossesColumns = (l: VLine) => l.items.some((i) => bounds.some((b) => i.x0 < b - S.boundaryCross && i.x1 > b + S.boundaryCross));
  let ended = false;
  for (const p of pages) {
    if (ended) break;
    let lines = visualLines(body.filter((b) => b.page === p.number).map((b) => b.i)).filter((l) => !isHeaderAgain(l));
    const stop = lines.findIndex(crossesColumns);
    if (stop >= 0 && (p.number > start.page || stop > 0)) {
      lines = lines.slice(0, stop);
      ended = true;
    }
    // The usual gap between two lines of one cell on this page; a larger one (by the
    // cell padding) separates two rows' cells.
    const gaps: number[] = [];
    for (let c = 0; c < header.length; c++) {
      let prevBottom: number | null = null;
      for (const l of lines) {
        const its = l.items.filter((i) => colOf(i) === c);
        if (its.length === 0) continue;
        const top = minOf(its, (i) => i.y0);
        if (prevBottom != null && top - prevBottom >= 0 && top - prevBottom < its[0]!.size) gaps.push(top - prevBottom);
        prevBottom = maxOf(its, (i) => i.y1);
      }
    }
    gaps.sort((a, b) => a - b);
    const lineGap = gaps.length > 0 ? gaps[Math.floor(gaps.length / 4)]! : 3;
    // Blocks per column: lines no further apart than the usual gap within a cell.
    const blocks: Array<{ col: number; top: number; items: TextItem[] }> = [];
    for (let c = 0; c < header.length; c++) {
      let cur: { col: number; top: number; items: TextItem[]; bottom: number } | null = null;
      for (const l of lines) {
        const its = l.items.filter((i) => colOf(i) === c);
        if (its.length === 0) continue;
        const top = minOf(its, (i) => i.y0);
        const bottom = maxOf(its, (i) => i.y1);
        const size = its[0]!.size;
        if (cur && top - cur.bottom < Math.min(size * S.cellLineGap, lineGap + S.cellGapSlack) && !(c === anchor && NUMBER_CELL.test(its.map((i) => i.text).join("").trim()))) {
          cur.items.push(...its);
          cur.bottom = bottom;
        } else {
          cur = { col: c, top, items: [...its], bottom };
          blocks.push(cur);
        }
      }
    }
    const starts = blocks.filter((b) => b.col === anchor).map((b) => b.top).sort((a, b) => a - b);
    if (starts.length === 0 && blocks.length === 0) continue;
    const pageRows: Row[] = starts.map(() => ({ cells: header!.map(() => cell("", [])), lines: [], page: p.number, pageStart: false }));
    // Blocks above the first row start on this page continue the row before the break.
    const carry: Row = { cells: header.map(() => cell("", [])), lines: [], page: p.number, pageStart: true };
    for (const b of blocks) {
      // Digits and CJK text of one row start a little apart: half a line of slack.
      const slack = b.items[0]!.size * S.rowStartSlack;
      let r = -1;
      for (let k = 0; k < starts.length; k++) if (starts[k]! <= b.top + slack) r = k;
      const target = r < 0 ? carry : pageRows[r]!;
      const right = b.col < bounds.length ? bounds[b.col]! : maxOf(b.items, (i) => i.x1) + 1;
      const text = joinItems(b.items, right - S.cellPadding);
      const c = target.cells[b.col]!;
      c.text = c.text ? `${c.text}\n${text}` : text;
      b.items.forEach((i) => used.add(i));
    }
    if (carry.cells.some((c) => c.text)) rows.push(carry);
    if (pageRows.length > 0) pageRows[0]!.pageStart = !carry.cells.some((c) => c.text);
    rows.push(...pageRows);
    const lastTop = maxOf(blocks, (b) => b.top);
    end = { page: p.number, y: Number.isFinite(lastTop) ? lastTop : end.y };
  }
  return { header: header.map((h) => h.text), rows, start, end, used };
}
