// Text where every cell is on its own line and a blank line ends a row (what copying a
// web or Word table into a text editor often gives). A leading tab marks a cell line;
// lines without it (a caption) stand alone.

import { cell, type Cell, type Laid } from "../../model/document.js";
import { looksLikeDeadline, looksLikeUnits, NUMBER_CELL } from "../../lexicon/cells.js";
import { clean, joinWrapped, mostCommon } from "../../text/text.js";
import { assemble, isHeaderRow, type RawRow } from "./assemble.js";
import type { SourceLine } from "./lines.js";

function blocks(lines: SourceLine[]): RawRow[] {
  const tabbed = lines.filter((l) => l.text.startsWith("\t")).length > lines.length / 4;
  const rows: RawRow[] = [];
  let cur: SourceLine[] = [];
  let afterBreak = false;
  const flush = () => {
    if (cur.length > 0) rows.push({ cells: cur.map((l) => cell(clean(l.text), [l.n])), lines: cur.map((l) => l.n), afterBreak });
    cur = [];
    afterBreak = false;
  };
  for (const l of lines) {
    if (l.text === "" || (!tabbed && /^[\s\u3000]*$/u.test(l.text))) {
      flush();
      afterBreak = true;
      continue;
    }
    if (tabbed && !l.text.startsWith("\t")) {
      flush();
      rows.push({ cells: [cell(clean(l.text), [l.n])], lines: [l.n], afterBreak: false });
      continue;
    }
    cur.push(l);
  }
  flush();
  return rows;
}

/** True when some block of lines reads as a header, one header word per line. */
export function looksCellPerLine(lines: SourceLine[]): boolean {
  const rows = blocks(lines);
  return rows.some((r) => r.cells.length >= 3 && isHeaderRow(r.cells)) && rows.filter((r) => r.cells.length >= 3).length >= 3;
}

/** A line of requirement text that does not end its sentence: the cell goes on on the next line. */
const runsOn = (t: string) => !/[。；;！!？?]$/u.test(t) && !NUMBER_CELL.test(t) && !looksLikeUnits(t) && !looksLikeDeadline(t);
const isText = (t: string) => !NUMBER_CELL.test(t) && !looksLikeUnits(t) && !looksLikeDeadline(t);

/**
 * A block with more lines than the table's rows have cells: a cell wrapped over lines. Lines
 * are joined, one pair at a time, where what they hold says they are one cell — unit
 * names on consecutive lines (a units cell listing one per line), or a line of text that
 * does not end its sentence and the text line after it — until the block is as wide as
 * the rows. A block no rule fits is left as it is (the layout places what it can).
 */
function fitToRowWidth(cells: Cell[], width: number): Cell[] {
  const out = [...cells];
  while (out.length > width) {
    let best = -1;
    let score = 0;
    for (let i = 0; i + 1 < out.length; i++) {
      const [a, b] = [out[i]!.text, out[i + 1]!.text];
      const s = looksLikeUnits(a) && looksLikeUnits(b) ? 2 : runsOn(a) && isText(b) ? (/[，,、：:]$/u.test(a) ? 3 : 1) : 0;
      if (s > score) [best, score] = [i, s];
    }
    if (best < 0) break;
    const [a, b] = [out[best]!, out[best + 1]!];
    const units = looksLikeUnits(a.text) && looksLikeUnits(b.text);
    out.splice(best, 2, cell(units ? `${a.text}\n${b.text}` : joinWrapped([a.text, b.text]), [...a.lines, ...b.lines]));
  }
  return out;
}

export function layCellPerLine(lines: SourceLine[]): Laid | null {
  const raw = blocks(lines);
  // How wide a row is: the width most blocks have (a header may be narrower than its rows,
  // its spanning cells printed once: 工作任务 over two category columns), if the header has
  // at least as many cells.
  const header = raw.find((r) => r.cells.length >= 3 && isHeaderRow(r.cells))?.cells.length ?? 0;
  const modal = mostCommon(raw.filter((r) => r.cells.length >= 2 && !isHeaderRow(r.cells)).map((r) => r.cells.length)) ?? 0;
  const width = modal > 0 && modal <= header ? modal : 0;
  const rows = width ? raw.map((r) => (r.cells.length > width && !isHeaderRow(r.cells) ? { ...r, cells: fitToRowWidth(r.cells, width) } : r)) : raw;
  const a = assemble(rows, (r) => r.cells.length >= 2);
  if (!a) return null;
  return {
    layout: "cell-per-line",
    reason: `${rows.length} blank-line separated blocks with one cell per line; header repeated ${a.headerRepeats} times`,
    table: a.table,
    paragraphs: [],
    front: a.front,
    back: a.back,
    warnings: [],
  };
}
