// Web-page text where `|` ends a cell. Two shapes are common:
//  - pipe rows: one table row per line, `a | b | c |`; a merged first cell is simply
//    left out on the rows it continues over, so those rows are shorter;
//  - pipe cells: one cell per line (or several lines, or a lone `|` line closing a
//    cell that wrapped), rows implied by the header's width.

import { cell, type Cell, type Laid } from "../../model/document.js";
import { NUMBER_CELL } from "../../lexicon/cells.js";
import { isPartHeading } from "../../lexicon/markers.js";
import { clean, pipesToSpaces } from "../../text/text.js";
import { columnsOf, isHeaderWord } from "../../lexicon/headers.js";
import { dropRepeatedHeaders, rowsByNumber } from "./stream.js";
import { assemble, hasTwoCells, headerRunEnd, isHeaderRow, lineRows, paragraphOf, type RawRow } from "./assemble.js";
import { isBlank, type SourceLine } from "./lines.js";

/** Lines holding two or more filled cells: the pipe-rows shape (a row that left out merged cells may print only two). */
export function countPipeRows(lines: SourceLine[]): number {
  return lines.filter((l) => l.text.replace(/\|\s*$/u, "").split("|").filter((c) => clean(c)).length >= 2).length;
}

export function countPipeEnds(lines: SourceLine[]): number {
  return lines.filter((l) => /\|\s*$/u.test(l.text)).length;
}

/** The cells of a `a | b | c |` line; null for a markdown rule (|---|:---:|). */
function pipeRowCells(text: string): string[] | null {
  let t = text.trim();
  if (/^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/u.test(t)) return null;
  if (t.startsWith("|")) t = t.slice(1);
  if (t.endsWith("|")) t = t.slice(0, -1);
  // Empty cells at the end (`… | 已完成 | |`, a heading padded `一、… | ||||`) are the
  // separators of cells the row left out; where they were is not known.
  const cells = t.split("|");
  while (cells.length > 1 && !cells[cells.length - 1]!.trim()) cells.pop();
  return cells;
}

export function layPipeRows(lines: SourceLine[]): Laid | null {
  const a = assemble(lineRows(lines, pipeRowCells), hasTwoCells);
  if (!a) return null;
  return { layout: "pipe-rows", reason: `${countPipeRows(lines)} lines of |-separated cells`, table: a.table, paragraphs: [], front: a.front, back: a.back, warnings: [] };
}

interface StreamCell {
  text: string;
  lines: number[];
}

/** Splits the text into cells at every `|`, joining the lines of a cell that wraps. */
function cellStream(lines: SourceLine[]): { cells: StreamCell[]; trailing: StreamCell | null } {
  const cells: StreamCell[] = [];
  let buf: string[] = [];
  let bufLines: number[] = [];
  for (const l of lines) {
    const parts = l.text.split("|");
    for (let i = 0; i < parts.length; i++) {
      const piece = clean(parts[i] ?? "");
      if (piece) {
        buf.push(piece);
        bufLines.push(l.n);
      }
      if (i < parts.length - 1) {
        cells.push({ text: joinCell(buf), lines: [...new Set(bufLines)] });
        buf = [];
        bufLines = [];
      }
    }
  }
  const trailing = buf.length > 0 ? { text: joinCell(buf), lines: [...new Set(bufLines)] } : null;
  return { cells, trailing };
}

function joinCell(parts: string[]): string {
  return parts.join("\n");
}

const isNumberCell = (text: string) => NUMBER_CELL.test(text);

export function layPipeCells(lines: SourceLine[]): Laid | null {
  const { cells: all, trailing } = cellStream(lines);
  // The header is a run of three or more consecutive cells, each a header word; the
  // first may share its cell with the caption above it when no `|` separates them.
  let start = -1;
  let width = 0;
  const texts = all.map((c) => c.text);
  for (let i = 0; i < all.length && start < 0; i++) {
    const lastLine = (all[i]!.text.split("\n").pop() ?? "").trim();
    if (!isHeaderWord(lastLine)) continue;
    const j = headerRunEnd(texts, i + 1);
    const run = [lastLine, ...all.slice(i + 1, j).map((c) => c.text)].map((t) => cell(t, []));
    if (run.length >= 3 && isHeaderRow(run)) {
      start = i;
      width = run.length;
      const parts = all[i]!.text.split("\n");
      if (parts.length > 1) {
        // The caption lines stay in front of the table.
        all[i] = { text: lastLine, lines: all[i]!.lines.slice(-1) };
      }
    }
  }
  if (start < 0) return null;
  const firstLine = all[start]!.lines[0] ?? 1;
  const front = lines
    .filter((l) => l.n < firstLine && !isBlank(l) && l.text.replace(/\|/gu, "").trim())
    .map((l) => paragraphOf({ cells: [cell(pipesToSpaces(l.text).trim(), [l.n])], lines: [l.n], afterBreak: false }));
  const cells = all.slice(start);
  const header = cells.slice(0, width).map((c) => c.text);
  const cols = columnsOf(header);
  // A numbered table: rows are cut at their 序号 and short rows placed by content
  // (stream.ts); an empty cell (`||`) is a separator, not a position.
  const stream = dropRepeatedHeaders(
    cells.slice(width).filter((c) => c.text),
    header,
  );
  const numbered = cols[0]?.field === "number" ? rowsByNumber(stream, cols) : null;
  if (numbered && numbered.rows.length > 0) {
    const rest = stream.slice(numbered.used);
    return {
      layout: "pipe-cells",
      reason: `${countPipeEnds(lines)} cells ended by |, ${width} columns from the header, rows cut at their 序号`,
      table: { header, columns: numbered.columns, rows: numbered.rows, emptyMeansMerged: true },
      paragraphs: [],
      front,
      back: [...rest.map((c) => ({ text: c.text.replace(/\n/gu, " "), lines: c.lines })), ...(trailing ? [{ text: trailing.text.replace(/\n/gu, " "), lines: trailing.lines }] : [])],
      warnings: [],
    };
  }
  const rows: RawRow[] = [];
  let i = width;
  while (i < cells.length) {
    const c = cells[i]!;
    if (!c.text) {
      i++;
      continue;
    }
    const next = cells[i + 1];
    if (isPartHeading(c.text) && (!next || !next.text || isPartHeading(next.text) || isNumberCell(next.text))) {
      rows.push({ cells: [{ ...cell(c.text, c.lines), colSpan: width }], lines: c.lines, afterBreak: false });
      i++;
      continue;
    }
    const row: Cell[] = [cell(c.text, c.lines)];
    let j = i + 1;
    // A row ends after `width` cells, or early where the next row visibly starts.
    while (j < cells.length && row.length < width) {
      const t = cells[j]!.text;
      if (row.length >= 2 && (isNumberCell(t) || isPartHeading(t))) break;
      row.push(cell(t, cells[j]!.lines));
      j++;
    }
    while (row.length < width) row.push(cell("", []));
    rows.push({ cells: row, lines: [...new Set(row.flatMap((x) => x.lines))], afterBreak: false });
    i = j;
  }
  const headerRow: RawRow = { cells: header.map((h) => cell(h, [])), lines: [], afterBreak: false };
  const a = assemble([headerRow, ...rows], (r) => r.cells.filter((x) => clean(x.text)).length >= 1);
  if (!a) return null;
  const back = trailing ? [{ text: trailing.text.replace(/\n/gu, " "), lines: trailing.lines }] : [];
  return {
    layout: "pipe-cells",
    reason: `${countPipeEnds(lines)} cells ended by |, ${width} columns from the header`,
    table: a.table,
    paragraphs: [],
    front: [...front, ...a.front],
    back: [...a.back, ...back],
    warnings: [],
  };
}
