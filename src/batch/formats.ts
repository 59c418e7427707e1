// Batch outputs: the per-document writers, and the streams that hold many documents —
// one CSV with a source column first, or NDJSON with one task a line.

import { csvHeader, csvRecords, csvString, toCsv } from "../export/csv.js";
import { toJson } from "../export/json.js";
import type { Plan } from "../schema/plan.js";

export { toCsv, toJson };

/**
 * Path columns in a combined CSV: a fixed number, so that every document's rows line
 * up; a deeper path keeps its innermost levels joined in the last column.
 */
const LEVELS = 4;

/** The header line of a combined CSV. */
export function csvHeaderLine(byUnit: boolean): string {
  return csvString([["source", ...csvHeader(LEVELS, byUnit)]]);
}

export function toCsvRows(plan: Plan, source: string, byUnit: boolean, withHeader: boolean): string {
  const fitted: Plan = {
    ...plan,
    tasks: plan.tasks.map((t) => ({ ...t, path: t.path.length > LEVELS ? [...t.path.slice(0, LEVELS - 1), t.path.slice(LEVELS - 1).join(" > ")] : t.path })),
  };
  const rows = csvRecords(fitted, LEVELS, byUnit, false).map((r) => [source, ...r]);
  return csvString(withHeader ? [["source", ...csvHeader(LEVELS, byUnit)], ...rows] : rows);
}

export function csvText(chunks: string[], bom: boolean): string {
  return (bom ? "\ufeff" : "") + chunks.join("");
}

/** One task a line, with the document it came from. */
export function ndjsonLines(plan: Plan, source: string): string {
  return plan.tasks.map((t) => JSON.stringify({ source, planTitle: plan.title, planYear: plan.year, ...t }) + "\n").join("");
}

/** What a worker sends back for a converted file: the plan itself, or its output text. */
export type Render =
  | { as: "plan" }
  | { as: "json" }
  | { as: "csv"; byUnit: boolean; bom: boolean }
  | { as: "csvRows"; source: string; byUnit: boolean }
  | { as: "ndjson"; source: string };

export function render(plan: Plan, r: Exclude<Render, { as: "plan" }>): string {
  switch (r.as) {
    case "json":
      return toJson(plan, false);
    case "csv":
      return toCsv(plan, { byUnit: r.byUnit, bom: r.bom });
    case "csvRows":
      return toCsvRows(plan, r.source, r.byUnit, false);
    case "ndjson":
      return ndjsonLines(plan, r.source);
  }
}
