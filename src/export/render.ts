// What a conversion's output text is, as one value that crosses to a worker and back:
// the worker renders the text, so the main thread only writes it.

import type { Conversion } from "../model/conversion.js";
import { batchCsvRows, toCsv, type CsvOptions } from "./csv.js";
import { renderInspect } from "./inspect.js";
import { drawPages } from "./draw.js";
import { tablesOf } from "./tables.js";
import { toJson } from "./json.js";
import { toNdjson } from "./ndjson.js";

export type Render =
  | { as: "plan" }
  | { as: "json"; compact: boolean }
  | { as: "csv"; csv: CsvOptions }
  | { as: "csvRows"; source: string; csv: CsvOptions }
  | { as: "ndjson"; source: string }
  | { as: "inspect"; rows: number; draw?: boolean }
  | { as: "tables" };

export function render(c: Conversion, r: Exclude<Render, { as: "plan" }>): string {
  const { plan } = c;
  switch (r.as) {
    case "json":
      return toJson(plan, r.compact);
    case "csv":
      return toCsv(plan, r.csv);
    case "csvRows":
      return batchCsvRows(plan, r.source, r.csv);
    case "ndjson":
      return toNdjson(plan, r.source);
    case "inspect":
      // With --draw the pictures travel with the report: {inspect, drawings} as JSON.
      return r.draw ? JSON.stringify({ inspect: renderInspect(c, r.rows), drawings: drawPages(c.laid.pages) }) : renderInspect(c, r.rows);
    case "tables":
      return JSON.stringify(tablesOf({ file: c.plan.source.file, format: c.plan.source.format, laid: c.laid }), null, 2) + "\n";
  }
}
