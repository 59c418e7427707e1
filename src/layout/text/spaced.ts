// Text where a table row is one line and its cells are separated by single spaces (a
// document-sharing site's copy of a Word table: `1 地区生产总值增长7%以上. 发改委`). A
// space inside a requirement looks the same as one between cells, so the cells are
// recovered by what they hold: the row starts with its 序号, the columns after the
// requirement (units, deadline) are taken from the right while the last words fit them,
// and the rest is the requirement. The header is a run of header words ending a line
// (it may share that line with the caption and the covering letter).

import { cell, type Cell, type Column, type Laid, type Paragraph, type Row } from "../../model/document.js";
import { fitsField, NUMBER_CELL } from "../../lexicon/cells.js";
import { columnsOf, isHeaderWord } from "../../lexicon/headers.js";
import { isPartHeading } from "../../lexicon/markers.js";
import { clean } from "../../text/text.js";
import { isHeaderRow, isUnknownLabel } from "./assemble.js";
import { isBlank, type SourceLine } from "./lines.js";

/** Fewest header words that end a line to make a header. */
const MIN_HEADER_WORDS = 3;
/** Fewest numbered row lines that make a table of this shape. */
const MIN_ROWS = 2;

const words = (t: string) => clean(t).split(/[\s\u3000]+/u).filter(Boolean);

/** The header words ending a line, and the text before them; null if fewer than three. */
function trailingHeader(text: string): { before: string; header: string[] } | null {
  const w = words(text);
  let k = w.length;
  for (;;) {
    if (k > 0 && isHeaderWord(w[k - 1]!)) k--;
    // A label of no known field between header words (序号 名称 工作任务) is one too.
    else if (k > 1 && k < w.length && isUnknownLabel(w[k - 1]!) && isHeaderWord(w[k - 2]!)) k -= 2;
    else break;
  }
  const header = w.slice(k);
  if (header.length < MIN_HEADER_WORDS || !isHeaderRow(header.map((h) => cell(h, [])))) return null;
  return { before: w.slice(0, k).join(" "), header };
}

/** Runs of two or more spaces (or a full-width space) between cells: a table aligned by hand or by a converter. */
const WIDE_GAP = /(?: {2,}|\u3000+|\t+)/u;

function rowOf(l: SourceLine, cols: Column[]): Row {
  // Cells set apart by wide gaps, exactly as many as the header has: each is its column's.
  const wide = clean(l.text).trim().split(WIDE_GAP).map((c) => c.trim()).filter(Boolean);
  if (wide.length === cols.length && wide.length > 2) return { cells: wide.map((c) => cell(c, [l.n])), lines: [l.n], page: 1, pageStart: false };
  const w = words(l.text);
  const out: Cell[] = cols.map(() => cell("", [l.n]));
  out[0] = cell(w[0]!, [l.n]);
  const textAt = cols.findIndex((c) => c.field === "text");
  let end = w.length;
  // From the right: each column after the requirement takes the last word if it fits.
  for (let j = cols.length - 1; j > textAt && end > 2; j--) {
    if (fitsField(cols[j]!.field, w[end - 1]!) > 0) out[j] = cell(w[--end]!, [l.n]);
  }
  out[textAt] = cell(w.slice(1, end).join(" "), [l.n]);
  return { cells: out, lines: [l.n], page: 1, pageStart: false };
}

export function laySpaced(lines: SourceLine[]): Laid | null {
  const h = lines.findIndex((l) => trailingHeader(l.text) != null);
  if (h < 0) return null;
  const { before, header } = trailingHeader(lines[h]!.text)!;
  const cols = columnsOf(header);
  if (cols[0]?.field !== "number" || !cols.some((c) => c.field === "text")) return null;
  const rows: Row[] = [];
  const back: Paragraph[] = [];
  let expected = 1;
  for (const l of lines.slice(h + 1)) {
    if (isBlank(l)) continue;
    const t = clean(l.text);
    const n = NUMBER_CELL.exec(words(t)[0] ?? "");
    if (back.length === 0 && n && Number(n[1]) === expected && words(t).length >= 2) {
      rows.push(rowOf(l, cols));
      expected++;
    } else if (back.length === 0 && isPartHeading(t)) {
      rows.push({ cells: [{ ...cell(t, [l.n]), colSpan: cols.length }], lines: [l.n], page: 1, pageStart: false });
    } else back.push({ text: t, lines: [l.n] });
  }
  if (rows.filter((r) => r.cells.length > 1).length < MIN_ROWS) return null;
  const front: Paragraph[] = [
    ...lines.slice(0, h).filter((l) => !isBlank(l)).map((l) => ({ text: clean(l.text), lines: [l.n] })),
    // The letter and the caption flattened onto the header's line: a space stood where
    // a line break was, so each piece is a paragraph of its own (the caption is the last).
    ...words(before).map((w) => ({ text: w, lines: [lines[h]!.n] })),
  ];
  return {
    layout: "spaced",
    reason: `${rows.length} rows of space-separated cells under a header ending line ${lines[h]!.n}; cells after the requirement taken from the right by content`,
    table: { header, rows, emptyMeansMerged: true },
    paragraphs: [],
    front,
    back,
    warnings: [],
  };
}
