// Text where every table cell stands on a line of its own and nothing marks where a row
// ends: no blank line between rows (there may be one between every two cells, or none),
// no `|`. The header is the run of header-word lines; the rows are cut at their 序号
// (stream.ts), which is what such a table still shows of its rows.

import { cell, type Laid, type Rejected } from "../../model/document.js";
import { columnsOf, fieldOfHeader, isHeaderWord, qualifiesUnitHeader } from "../../lexicon/headers.js";
import { NUMBER_CELL } from "../../lexicon/cells.js";
import { clean, mostCommon } from "../../text/text.js";
import { headerRunEnd, isHeaderRow, isUnknownLabel, joinQualifiers } from "./assemble.js";
import { isBlank, type SourceLine } from "./lines.js";
import { slotTable } from "./cellSlots.js";
import { dropRepeatedHeaders, rowsByNumber, type StreamCell } from "./stream.js";

/** Fewest header-word lines in a row that make a header (two could be a caption and a label). */
const MIN_HEADER_CELLS = 3;
/** Fewest numbered rows that make a table of this shape. */
const MIN_ROWS = 2;

/** The lines from one row's 序号 to the next's, most often: how many cells a row has (null when no numbers run 1, 2, 3 …). */
function rowWidth(texts: readonly string[]): number | null {
  const at: number[] = [];
  let want = 1;
  texts.forEach((t, i) => {
    if (NUMBER_CELL.test(t) && Number(NUMBER_CELL.exec(t)![1]) === want) {
      at.push(i);
      want++;
    }
  });
  if (at.length < 2) return null;
  return mostCommon(at.slice(1).map((a, k) => a - at[k]!));
}

/** Each header fragment that is no header word joined with the next line when the two make one. */
function joinWrappedWords(header: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const a = header[i]!;
    const b = header[i + 1];
    if (b != null && !isHeaderWord(a) && isHeaderWord(a + b)) {
      out.push(a + b);
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * A two-row header printed row after row (序号 | 工作任务 | 具体要求 | 责任单位 | 时限要求 |
 * 重点领域 | 重点任务: the second row holds only the sub-headers under 工作任务, the other
 * cells spanning both rows): category sub-headers after the first row's last cell stand
 * in place of the first row's category cell.
 */
function unflattenSubHeaders(header: readonly string[]): string[] {
  const isTask = (h: string | undefined) => h != null && fieldOfHeader(h) === "task";
  let k = header.length;
  while (k > 0 && isTask(header[k - 1])) k--;
  const group = header.slice(0, k).findIndex(isTask);
  if (header.length - k < 2 || k === 0 || group < 0) return [...header];
  return [...header.slice(0, group), ...header.slice(k), ...header.slice(group + 1, k)];
}

/** A role word over the unit header it qualifies, wrapped onto a line of its own (市级牵头 / 责任单位): one header cell. */
function joinRoleQualifiers(header: readonly string[]): string[] {
  const out: string[] = [];
  for (const h of header) {
    const prev = out[out.length - 1];
    if (prev != null && qualifiesUnitHeader(prev, h)) out[out.length - 1] = prev + h;
    else out.push(h);
  }
  return out;
}

export function layCellLines(lines: SourceLine[]): Laid | Rejected | null {
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
    // The header's first cell wrapped, its first line no header word (工程 / 名称).
    if (h > 0 && !isHeaderWord(texts[h - 1]!) && isUnknownLabel(texts[h - 1]!) && isHeaderWord(texts[h - 1]! + texts[h]!)) h--;
    let header = unflattenSubHeaders(joinRoleQualifiers(joinQualifiers(cells.slice(h, e).map((c) => c.text))));
    if (!isHeaderWord(header[0]!)) header = [header[0]! + (header[1] ?? ""), ...header.slice(2)];
    // Header cells wrapped onto two lines (责任 / 单位, 完成 / 时限): when the rows are
    // narrower than the header lines, and joining each fragment that is no header word
    // with the line after it into a header word makes the header as wide as the rows.
    const width = rowWidth(cells.slice(e).map((c) => c.text));
    if (width != null && header.length > width) {
      const joined = joinWrappedWords(header);
      if (joined.length === width) header = joined;
    }
    if (!isHeaderRow(header.map((t) => cell(t, [])))) {
      h = e;
      continue;
    }
    // Every cell a line and an empty cell an empty line (a word processor's text export):
    // the rows are read by position.
    const first = lines.findIndex((l) => l.n === cells[h]!.lines[0]);
    const slots = slotTable(lines, first);
    if (slots) {
      return {
        layout: "cell-lines",
        reason: `one cell per line, an empty cell as an empty line: ${slots.header.length} columns from line ${cells[h]!.lines[0]}, each row's cells by position from its 序号`,
        table: { header: slots.header, rows: slots.rows, emptyMeansMerged: true },
        paragraphs: [],
        front: cells.slice(0, h).map((c) => ({ text: c.text, lines: c.lines })),
        back: lines.slice(slots.end).filter((l) => !isBlank(l)).map((l) => ({ text: clean(l.text), lines: [l.n] })),
        warnings: [],
      };
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
    // Sub-rows under a merged 序号 are the exception in a table of this shape; where
    // there are more of them than numbered rows, the lines are no cells in row order (a
    // PDF table's text in the order its page draws it, lines of neighbouring cells
    // interleaved), and reading them as rows would give fragments as tasks.
    const subRows = numbered.rows.filter((r) => r.subRow).length;
    if (subRows > numbered.rows.length - subRows) {
      return { rejected: `${numbered.rows.length - subRows} numbered rows would carry ${subRows} sub-rows: the lines are no cells in row order (a PDF table's text extracted without -layout?); convert the PDF itself, or extract it with pdftotext -layout` };
    }
    const front = cells.slice(0, h).map((c) => ({ text: c.text, lines: c.lines }));
    const back = body.slice(numbered.used).map((c) => ({ text: c.text, lines: c.lines }));
    return {
      layout: "cell-lines",
      reason: `one cell per line; ${header.length} header lines from line ${cells[h]!.lines[0]}; rows cut at their 序号`,
      table: { header, columns: numbered.columns, rows: numbered.rows, emptyMeansMerged: true },
      paragraphs: [],
      front,
      back,
      warnings: [],
    };
  }
  return null;
}
