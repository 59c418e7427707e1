// CSV with a fixed, documented column order (README "CSV columns"). The path is spread
// over level1..levelN, N being the deepest path in the document, so that a
// spreadsheet can filter by category.

import { stringify } from "csv-stringify/sync";
import type { Plan, Task } from "../schema/plan.js";

export interface CsvOptions {
  byUnit: boolean;
  bom: boolean;
}

function depth(plan: Plan): number {
  return plan.tasks.reduce((m, t) => Math.max(m, t.path.length), 0);
}

export function csvHeader(levels: number, byUnit: boolean): string[] {
  const lv = Array.from({ length: levels }, (_, i) => `level${i + 1}`);
  const unitCols = byUnit ? ["unit", "role"] : ["units"];
  return ["number", ...lv, "title", "text", "unitsText", ...unitCols, "deadlineText", "deadlineKind", "deadlineDate", "status", "remarks", "extra", "lines"];
}

function base(t: Task, levels: number): { head: string[]; rest: string[] } {
  const lv = Array.from({ length: levels }, (_, i) => t.path[i] ?? "");
  return {
    head: [t.number ?? "", ...lv, t.title ?? "", t.text ?? "", t.unitsText ?? ""],
    rest: [
      t.deadlineText ?? "",
      t.deadline?.kind ?? "",
      t.deadline?.date ?? "",
      t.status ?? "",
      t.remarks ?? "",
      Object.keys(t.extra).length > 0 ? JSON.stringify(t.extra) : "",
      t.provenance.lines.join(" "),
    ],
  };
}

/** The CSV's records, header first; `levels` path columns. */
export function csvRecords(plan: Plan, levels: number, byUnit: boolean, header = true): string[][] {
  const rows: string[][] = header ? [csvHeader(levels, byUnit)] : [];
  for (const t of plan.tasks) {
    const { head, rest } = base(t, levels);
    if (!byUnit) rows.push([...head, t.units.map((u) => u.name).join("；"), ...rest]);
    else if (t.units.length === 0) rows.push([...head, "", "", ...rest]);
    else for (const u of t.units) rows.push([...head, u.name, u.role, ...rest]);
  }
  return rows;
}

export function csvString(rows: string[][]): string {
  return stringify(rows, { record_delimiter: "\n" });
}

export function toCsv(plan: Plan, opts: CsvOptions): string {
  return (opts.bom ? "\ufeff" : "") + csvString(csvRecords(plan, depth(plan), opts.byUnit));
}
