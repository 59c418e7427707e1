// workplan as a library, for scripts in Node that would rather not spawn the CLI:
//
//   import { convert, toCsv } from "workplan";
//   const plan = await convert("notice.pdf");            // a path, or the bytes of a document
//   const csv = toCsv(plan);
//
// The plan is the CLI's JSON output as an object, validated against PlanSchema.

import { DEFAULT_CSV, toCsv as csvOf, type CsvOptions } from "./export/csv.js";
import { toNdjson } from "./export/ndjson.js";
import { convertBytes, convertFile, type ConvertOptions } from "./pipeline.js";
import type { Plan } from "./schema/plan.js";

export interface LibraryOptions extends ConvertOptions {
  /** With bytes: the name the document goes by in messages and in `source.file` (its extension is a hint to the format). */
  name?: string;
}

/** Converts a notice: a file's path, or a document's bytes. Rejects with a WorkplanError (its `kind` and `exitCode` say why). */
export async function convert(input: string | Uint8Array, options: LibraryOptions = {}): Promise<Plan> {
  const { name, ...opts } = options;
  const done = typeof input === "string" ? await convertFile(input, opts) : await convertBytes(input, name ?? "document", opts);
  return done.plan;
}

/** The plan as CSV (the CLI's `--format csv`); options as the CLI's --by-unit, --roles, --lang, --no-bom. */
export function toCsv(plan: Plan, options: Partial<CsvOptions> = {}): string {
  return csvOf(plan, { ...DEFAULT_CSV, ...options });
}

export { toNdjson };
export { ExitCode, WorkplanError, type FailureKind } from "./model/errors.js";
export { GENERATOR } from "./version.js";
export { PlanSchema, TaskSchema, UnitSchema, DeadlineSchema, planJsonSchema, type Plan, type Task, type Unit, type PlanWarning } from "./schema/plan.js";
export type { ConvertOptions, CsvOptions };
