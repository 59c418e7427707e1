// `workplan tables FILE`: the cell grids the layout stage found, apart from the plan —
// what camelot and tabula users ask for (merged cells filled, a table joined across its
// pages), and a way to check the table stage on its own. A merged cell's text is given
// on every row it covers; `merged` says where a cell is a copy ("above") or part of a
// span across ("left").

import { stringify } from "csv-stringify/sync";
import type { Conversion } from "../model/conversion.js";
import { columnsOf } from "../lexicon/headers.js";

export interface TablesJson {
  source: { file: string; format: string; layout: string };
  tables: Array<{
    pages: number[];
    header: string[];
    fields: string[];
    rows: Array<{ page: number | null; cells: Array<{ text: string; rowSpan: number; colSpan: number; merged?: "above" | "left" }> }>;
  }>;
}

export function tablesOf(c: Conversion): TablesJson {
  const t = c.laid.table;
  const source = { file: c.plan.source.file, format: c.plan.source.format, layout: c.plan.source.layout };
  if (!t) return { source, tables: [] };
  return {
    source,
    tables: [
      {
        pages: [...new Set(t.rows.map((r) => r.page).filter((p): p is number => p != null))],
        header: t.header,
        fields: (t.columns ?? columnsOf(t.header)).map((col) => col.field),
        rows: t.rows.map((r) => ({
          page: r.page,
          cells: r.cells.map((cell) => ({ text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, ...(cell.from ? { merged: cell.from } : {}) })),
        })),
      },
    ],
  };
}

/** One CSV per table: the header, then each row's cells (a merged cell's text on every row it covers). */
export function tablesCsv(j: TablesJson): string[] {
  return j.tables.map((t) => stringify([t.header, ...t.rows.map((r) => r.cells.map((c) => (c.merged === "left" ? "" : c.text)))], { bom: true }));
}
