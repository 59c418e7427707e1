// Step 1 of planning a table: which column each cell of a row belongs to, and what the
// row holds — its number, its own title, its category cells, its requirement, and the
// cells after the requirement (units, deadline, status, remarks).

import type { Cell, Column, Row } from "../../model/document.js";
import { LEADING_NUMBER, NUMBER_CELL, placeCells } from "../../lexicon/cells.js";
import { parseMarker } from "../../lexicon/markers.js";
import { flat, text } from "./cells.js";
import { mostCommon } from "../../text/text.js";

/** A cell after the requirement, with its column and the column's index. */
export type Pair = [Cell, Column, number];

/**
 * Which column each cell of a row belongs to. A row as wide as the header, or wider (the
 * 工作任务 column split in several), is read from the right: the columns after the
 * requirement keep their order. A narrower row has lost cells at one end: a merged
 * first cell left out (read from the right) or a row cut off at a page break (read from
 * the left); the cells' contents decide which.
 */
export function alignRow(cells: Cell[], cols: Column[]): { head: Array<[Cell, Column | undefined]>; textCell: Cell | undefined; tail: Pair[] } {
  const n = cells.length;
  const w = cols.length;
  // A row as wide as the header, or wider, is read from the right; a narrower one has
  // lost cells, which its contents place (lexicon/cells.ts placeCells).
  const numberless = cols.some((c) => c.field === "number") && !cells.some((c) => NUMBER_CELL.test(text(c)));
  const at = n < w ? placeCells(cells.map((c) => text(c)), cols, numberless) : cells.map((_, j) => j - (n - w));
  const head: Array<[Cell, Column | undefined]> = [];
  let textCell: Cell | undefined;
  const tail: Pair[] = [];
  const textAt = cols.findIndex((c) => c.field === "text");
  cells.forEach((c, j) => {
    const k = at[j]!;
    if (k < textAt) head.push([c, cols[k]]);
    else if (k === textAt) textCell = c;
    else tail.push([c, cols[k]!, k]);
  });
  return { head, textCell, tail };
}

/**
 * A cell spanning the whole table that reads as a heading, not a paragraph: at most this
 * many characters unless it carries a heading marker (a spanning note can run longer).
 */
export const SPANNING_HEADING_MAX_CHARS = 80;

/** What a row holds. */
export type ReadRow =
  | { kind: "empty" }
  /** A lone cell spanning the table, or the only cell of its line. */
  | { kind: "heading"; text: string }
  | {
      kind: "cells";
      number: string | null;
      /** The number cell is a merged 序号 copied down: a sub-row of the task above, numberless by design. */
      subRow: boolean;
      title: string | null;
      /** Category cells by position; "" where a category column is empty. */
      cats: string[];
      body: string;
      tail: Pair[];
    };

/** The modal number of cells of the table's rows: how wide a row is. */
export function modalWidth(rows: Row[]): number {
  return mostCommon(rows.map((r) => r.cells.length), true) ?? 0;
}

/** Step 1: one row, read by the table's columns (`width`: the modal row width). */
export function readRow(row: Row, cols: Column[], width: number): ReadRow {
  let cells = row.cells;
  while (cells.length > width && !text(cells[cells.length - 1])) cells = cells.slice(0, -1);
  const filled = cells.filter((c) => text(c));
  if (filled.length === 0) return { kind: "empty" };

  if (filled.length === 1 && (cells.length === 1 || filled[0]!.colSpan > 1) && !NUMBER_CELL.test(text(filled[0]))) {
    const h = flat(filled[0]!.text);
    if (h.length <= SPANNING_HEADING_MAX_CHARS || parseMarker(h)) return { kind: "heading", text: h };
  }

  const aligned = alignRow(cells, cols);
  const { head, tail } = aligned;
  let { textCell } = aligned;
  if (textCell?.from === "left") {
    // A cell spanning into the requirement column (工作任务 merged with 具体要求) is the requirement.
    const k = head.findLastIndex(([c]) => !c.from && c.colSpan > 1 && text(c));
    if (k >= 0) textCell = head.splice(k, 1)[0]![0];
  }
  let number: string | null = null;
  let subRow = false;
  let title: string | null = null;
  const cats: string[] = [];
  for (let i = 0; i < head.length; i++) {
    const [cell, col] = head[i]!;
    const t = text(cell);
    if (!t) {
      if (col?.field !== "number") cats.push("");
      continue;
    }
    const num = NUMBER_CELL.exec(t);
    if (num) {
      // A merged 序号 cell copied down: this row is a sub-row of the numbered one above,
      // a task of its own without the number (FORMAT: the first sub-row carries it).
      if (cell.from !== "above") number = num[1]!;
      else subRow = true;
      continue;
    }
    // A `1.名称` cell as the last category cell: the task's own number and title.
    const m = parseMarker(t);
    const isLast = head.slice(i + 1).every(([c]) => !text(c) || NUMBER_CELL.test(text(c)));
    if (m && m.style === "ar" && m.rest && isLast && number == null) {
      number = String(m.ordinal);
      title = flat(m.rest);
      continue;
    }
    cats.push(flat(t));
  }
  let body = textCell ? flat(textCell.text) : "";
  if (number == null) {
    const lead = LEADING_NUMBER.exec(body);
    const marker = parseMarker(body);
    if (marker?.style === "ar" && marker.rest && !cols.some((c) => c.field === "number")) {
      // No 序号 column: the requirement cell's own `1.` / `2、` is the task's number.
      number = String(marker.ordinal);
      body = marker.rest;
    } else if (lead) {
      number = lead[1]!;
      body = body.slice(lead[0].length);
    } else {
      const only = NUMBER_CELL.exec(body);
      if (only) {
        number = only[1]!;
        body = "";
      }
    }
  }
  return { kind: "cells", number, subRow, title, cats, body, tail };
}
