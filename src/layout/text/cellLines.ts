// Text where every table cell stands on a line of its own and nothing marks where a row
// ends: no blank line between rows (there may be one between every two cells, or none),
// no `|`. The header is the run of header-word lines; the rows are cut at their 序号
// (stream.ts), which is what such a table still shows of its rows.

import { cell, type Laid } from "../../model/document.js";
import { columnsOf, isHeaderWord } from "../../lexicon/headers.js";
import { NUMBER_CELL } from "../../lexicon/cells.js";
import { clean } from "../../text/text.js";
import { headerRunEnd, isHeaderRow, joinQualifiers } from "./assemble.js";
import { isBlank, type SourceLine } from "./lines.js";
import { dropRepeatedHeaders, rowsByNumber, type StreamCell } from "./stream.js";

/** Fewest header-word lines in a row that make a header (two could be a caption and a label). */
const MIN_HEADER_CELLS = 3;
/** Fewest numbered rows that make a table of this shape. */
const MIN_ROWS = 2;

export function layCellLines(lines: SourceLine[]): Laid | null {
  const cells: Array<StreamCell & { afterBlank: boolean }> = [];
  let blank = false;
  for (const l of lines) {
    if (isBlank(l)) {
      blank = true;
      continue;
    }
    cells.push({ text: clean(l.text), lines: [l.n], afterBlank: blank });
    blank = false;
  }
  const texts = cells.map((c) => c.text);
  for (let h = 0; h < cells.length; h++) {
    if (!isHeaderWord(cells[h]!.text)) continue;
    const e = headerRunEnd(texts, h);
    if (e - h < MIN_HEADER_CELLS) continue;
    const header = joinQualifiers(cells.slice(h, e).map((c) => c.text));
    if (!isHeaderRow(header.map((t) => cell(t, [])))) {
      h = e;
      continue;
    }
    // Blank lines only between blocks of several lines end rows: that is the
    // cell-per-line shape, read by its own layout.
    const headerBlanks = cells.slice(h + 1, e).filter((c) => c.afterBlank).length;
    const body = dropRepeatedHeaders(cells.slice(e), header);
    const blocksEnd = body.some((c) => c.afterBlank) && headerBlanks === 0;
    if (blocksEnd) return null;
    let cols = columnsOf(header);
    // A 序号 column printed without its header word: the rows start with a number
    // that no header stands above.
    if (cols[0]?.field !== "number" && NUMBER_CELL.test(body[0]?.text ?? "")) cols = [{ field: "number", header: "" }, ...cols];
    const numbered = rowsByNumber(body, cols);
    if (!numbered || numbered.rows.filter((r) => !r.subRow && r.cells.length > 1).length < MIN_ROWS) return null;
    const front = cells.slice(0, h).map((c) => ({ text: c.text, lines: c.lines }));
    const back = body.slice(numbered.used).map((c) => ({ text: c.text, lines: c.lines }));
    return {
      layout: "cell-lines",
      reason: `one cell per line; ${header.length} header lines from line ${cells[h]!.lines[0]}; rows cut at their 序号`,
      table: { header, columns: cols, rows: numbered.rows, emptyMeansMerged: true },
      paragraphs: [],
      front,
      back,
      warnings: [],
    };
  }
  return null;
}
