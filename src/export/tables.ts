// `workplan tables FILE`: the cell grids the layout stage found, apart from the plan —
// what camelot and tabula users ask for (merged cells filled, a table joined across its
// pages), and a way to check the table stage on its own. A merged cell's text is given
// on every row it covers; `merged` says where a cell is a copy ("above") or part of a
// span across ("left").

import { stringify } from "csv-stringify/sync";
import type { Cell, Laid } from "../model/document.js";
import { columnsOf } from "../lexicon/headers.js";

type CellJson = { text: string; rowSpan: number; colSpan: number; merged?: "above" | "left" };

export interface TablesJson {
  source: { file: string; format: string; layout: string };
  tables: Array<{
    /** "task": the task table, joined across pages, as the plan reads it; "page": a ruled table of one PDF page as found. */
    kind: "task" | "page";
    pages: number[];
    header: string[];
    fields: string[];
    rows: Array<{ page: number | null; cells: CellJson[] }>;
  }>;
}

const cellJson = (cell: Cell): CellJson => ({ text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, ...(cell.from ? { merged: cell.from } : {}) });

export function tablesOf(d: { file: string; format: string; laid: Laid }): TablesJson {
  const t = d.laid.table;
  const source = { file: d.file, format: d.format, layout: d.laid.layout };
  const tables: TablesJson["tables"] = [];
  if (t) {
    tables.push({
      kind: "task",
      pages: [...new Set(t.rows.map((r) => r.page).filter((p): p is number => p != null))],
      header: t.header,
      fields: (t.columns ?? columnsOf(t.header)).map((col) => col.field),
      rows: t.rows.map((r) => ({ page: r.page, cells: r.cells.map(cellJson) })),
    });
  }
  // A PDF's ruled tables page by page, whatever they hold (a budget's, a report's).
  for (const p of d.laid.pages ?? []) {
    for (const g of p.grids ?? []) tables.push({ kind: "page", pages: [p.page], header: [], fields: [], rows: g.map((cells) => ({ page: p.page, cells: cells.map(cellJson) })) });
  }
  return { source, tables };
}

/** One CSV per table: the header, then each row's cells (a merged cell's text on every row it covers). */
export function tablesCsv(j: TablesJson): string[] {
  return j.tables.map((t) => stringify([t.header, ...t.rows.map((r) => r.cells.map((c) => (c.merged === "left" ? "" : c.text)))], { bom: true }));
}
