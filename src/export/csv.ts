// CSV with a fixed, documented column order (README "CSV columns"). The path is spread
// over level1..levelN so that a spreadsheet can filter by category: N is the deepest path
// in the document, or a fixed LEVELS in a batch's one CSV so that every document's rows
// line up. Units are one column (names joined with ；), one row per unit (--by-unit), or
// one column per role (--roles); column titles in English or Chinese (--lang zh).

import { stringify } from "csv-stringify/sync";
import { columnTitle, type Lang } from "../schema/columns.js";
import type { Plan, Task } from "../schema/plan.js";

export type { Lang };


export interface CsvOptions {
  /** One row per (task, unit), with unit and role columns. */
  byUnit: boolean;
  /** Lead, support and responsible units in three columns. */
  roles: boolean;
  lang: Lang;
  bom: boolean;
}

export const DEFAULT_CSV: CsvOptions = { byUnit: false, roles: false, lang: "en", bom: true };

/** Path columns in a batch's one CSV; a deeper path keeps its innermost levels joined in the last. */
export const BATCH_LEVELS = 4;

const title = columnTitle;

function unitKeys(o: CsvOptions): string[] {
  return o.byUnit ? ["unit", "role"] : o.roles ? ["lead", "support", "responsible"] : ["units"];
}

/** The column keys in order; `batch`: a batch's one CSV, with the document's source, title and year first. */
export function csvKeys(levels: number, o: CsvOptions, batch: boolean): string[] {
  const lv = Array.from({ length: levels }, (_, i) => `level${i + 1}`);
  return [
    ...(batch ? ["source", "planTitle", "planYear"] : []),
    "number", ...lv, "title", "text", "unitsText", ...unitKeys(o), "deadlineText", "deadlineKind", "deadlineDate", "status", "remarks", "extra", "lines",
  ];
}

export function csvHeaderRow(levels: number, o: CsvOptions, batch: boolean): string[] {
  return csvKeys(levels, o, batch).map((k) => title(k, o.lang));
}

function depth(plan: Plan): number {
  return plan.tasks.reduce((m, t) => Math.max(m, t.path.length), 0);
}

function levelsOf(t: Task, levels: number): string[] {
  const path = t.path.length > levels && levels > 0 ? [...t.path.slice(0, levels - 1), t.path.slice(levels - 1).join(" > ")] : t.path;
  return Array.from({ length: levels }, (_, i) => path[i] ?? "");
}

const names = (t: Task, role?: string) => t.units.filter((u) => role == null || u.role === role).map((u) => u.name).join("；");

/** The records of one document (no header): `source` first for a batch's one CSV. */
export function csvRecords(plan: Plan, levels: number, o: CsvOptions, source?: string): string[][] {
  const rows: string[][] = [];
  const doc = source != null ? [source, plan.title ?? "", plan.year == null ? "" : String(plan.year)] : [];
  for (const t of plan.tasks) {
    const head = [...doc, t.number ?? "", ...levelsOf(t, levels), t.title ?? "", t.text ?? "", t.unitsText ?? ""];
    const rest = [
      t.deadlineText ?? "",
      t.deadline?.kind ?? "",
      t.deadline?.date ?? "",
      t.status ?? "",
      t.remarks ?? "",
      Object.keys(t.extra).length > 0 ? JSON.stringify(t.extra) : "",
      t.provenance.lines.join(" "),
    ];
    if (o.byUnit) {
      if (t.units.length === 0) rows.push([...head, "", "", ...rest]);
      else for (const u of t.units) rows.push([...head, u.name, u.role, ...rest]);
    } else if (o.roles) rows.push([...head, names(t, "lead"), names(t, "support"), names(t, "responsible"), ...rest]);
    else rows.push([...head, names(t), ...rest]);
  }
  return rows;
}

export function csvString(rows: string[][]): string {
  return stringify(rows, { record_delimiter: "\n" });
}

/** One document's CSV, header included. */
export function toCsv(plan: Plan, o: CsvOptions): string {
  const levels = depth(plan);
  return (o.bom ? "\ufeff" : "") + csvString([csvHeaderRow(levels, o, false), ...csvRecords(plan, levels, o)]);
}

/** A batch's one CSV: its header line (the BOM is written once, before it). */
export function batchCsvHeader(o: CsvOptions): string {
  return csvString([csvHeaderRow(BATCH_LEVELS, o, true)]);
}

/** A batch's one CSV: one document's rows. */
export function batchCsvRows(plan: Plan, source: string, o: CsvOptions): string {
  return csvString(csvRecords(plan, BATCH_LEVELS, o, source));
}
