// One command over many notices. Conversion runs on a pool of workers; results are
// taken in input order (a bounded window of files is in flight, so memory stays flat
// however many files there are) and written as they come: a JSON (or CSV) per document
// under the output folder, or one CSV or NDJSON stream with a source column. A failed
// file is reported and the batch goes on.

import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ExitCode, WorkplanError } from "../model/errors.js";
import { DEFAULT_TIMEOUT_S } from "../model/limits.js";
import type { ConvertOptions } from "../pipeline.js";
import type { Plan } from "../schema/plan.js";
import { writeAtomic } from "../cli/output.js";
import { expandInputs, type Input } from "./inputs.js";
import type { Render } from "./formats.js";
import { defaultJobs, Pool, type Outcome } from "./pool.js";
import { Progress } from "./progress.js";

export type BatchFormat = "json" | "csv" | "ndjson";

export interface BatchOptions {
  format: BatchFormat;
  /** Seconds one file may take (0: no limit). */
  timeout?: number;
  output?: string;
  jobs?: number;
  resume?: boolean;
  force?: boolean;
  quiet?: boolean;
  report?: string;
  bom: boolean;
  byUnit?: boolean;
  convert: ConvertOptions;
}

export interface FileReport {
  source: string;
  output: string | null;
  status: "converted" | "failed" | "skipped";
  format: string | null;
  layout: string | null;
  tasks: number;
  /** Printed pages (PDF pages; repeated headers in text; 1 for a document without pages). */
  pages: number;
  warnings: number;
  durationMs: number;
  error?: { kind: string; exitCode: number; message: string };
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

async function sha256(file: string): Promise<string | null> {
  try {
    return createHash("sha256").update(await readFile(file)).digest("hex");
  } catch {
    return null;
  }
}

/** Where the outputs go: one per document under a folder, or one stream. */
function layout(opts: BatchOptions): { perDocument: boolean } {
  if (opts.format === "ndjson") return { perDocument: false };
  if (opts.format === "json") {
    if (!opts.output) throw new WorkplanError("usage", "a batch with --format json needs -o FOLDER (one JSON per document); for one stream use --format ndjson");
    return { perDocument: true };
  }
  // CSV: a folder gives one file per document; a file name (or stdout) one CSV with a source column.
  return { perDocument: opts.output != null && (opts.output.endsWith("/") || path.extname(opts.output) === "") };
}

export async function runBatch(args: string[], opts: BatchOptions): Promise<number> {
  const inputs = await expandInputs(args);
  if (inputs.length === 0) throw new WorkplanError("usage", `no notices found in ${args.join(" ")}`);
  const { perDocument } = layout(opts);
  if (opts.resume && !(perDocument && opts.format === "json")) throw new WorkplanError("usage", "--resume works with --format json -o FOLDER (it checks each output's source hash)");
  const combined = !perDocument && opts.output && opts.output !== "-" ? opts.output : null;
  if (combined && !opts.force && (await exists(combined))) throw new WorkplanError("writeFailed", `${combined}: exists; use --force to overwrite it`);
  const outFor = (i: Input) => (perDocument && opts.output ? path.join(opts.output, `${i.rel}.${opts.format}`) : combined);

  const jobs = Math.max(1, opts.jobs ?? defaultJobs());
  // Always workers, even one: a file that hangs or eats memory is stopped alone.
  const pool = new Pool(jobs, opts.timeout ?? DEFAULT_TIMEOUT_S);
  const byUnit = opts.byUnit === true;
  // What each worker sends back: the text to write, so that this thread only writes.
  const how = (i: Input): Render =>
    perDocument ? (opts.format === "json" ? { as: "json" } : { as: "csv", byUnit, bom: opts.bom }) : opts.format === "ndjson" ? { as: "ndjson", source: i.rel } : { as: "csvRows", source: i.rel, byUnit };
  const run = (i: Input): Promise<Outcome> => pool.run(i.file, opts.convert, how(i));
  const progress = new Progress(inputs.length, opts.quiet === true);
  const reports: FileReport[] = [];
  const chunks: string[] = [];
  const { csvHeaderLine, csvText } = await import("./formats.js");
  let csvHeaderDone = false;
  let bomDone = false;

  // A window of files in flight; results are consumed in input order.
  // Wide enough that a slow document at the head does not leave workers idle, small
  // enough that the results waiting their turn stay few.
  const window = jobs * 16;
  const pending = new Map<number, Promise<{ outcome: Outcome | null; skipped: string | null }>>();
  const start = async (k: number) => {
    const input = inputs[k]!;
    const out = outFor(input);
    if (opts.resume && out && (await exists(out))) {
      const [have, want] = await Promise.all([readFile(out, "utf8").then((t) => (JSON.parse(t) as Plan).source.sha256).catch(() => null), sha256(input.file)]);
      if (have && have === want) return { outcome: null, skipped: "already converted (same source hash)" };
    }
    if (perDocument && out && !opts.force && !opts.resume && (await exists(out))) {
      return { outcome: { ok: false as const, error: { kind: "writeFailed" as const, exitCode: ExitCode.writeFailed, message: `${out}: exists; use --force to overwrite, or --resume to skip converted files` }, ms: 0 }, skipped: null };
    }
    return { outcome: await run(input), skipped: null };
  };
  let next = 0;
  const fill = () => {
    while (next < inputs.length && pending.size < window) {
      pending.set(next, start(next));
      next++;
    }
  };
  fill();
  try {
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k]!;
      const { outcome, skipped } = await pending.get(k)!;
      pending.delete(k);
      fill();
      const out = outFor(input);
      const base: FileReport = { source: input.file, output: null, status: "failed", format: null, layout: null, tasks: 0, pages: 0, warnings: 0, durationMs: 0 };
      if (skipped) {
        reports.push({ ...base, output: out, status: "skipped" });
        progress.done(input.file, "skipped", skipped, 0);
        continue;
      }
      if (!outcome) continue;
      if (!outcome.ok) {
        reports.push({ ...base, durationMs: Math.round(outcome.ms), error: outcome.error });
        progress.done(input.file, "failed", outcome.error.message, 0);
        continue;
      }
      const { summary } = outcome;
      const text = outcome.text ?? "";
      try {
        if (perDocument && out) await writeAtomic(out, text);
        else if (opts.format === "ndjson") chunks.push(text);
        else {
          chunks.push((csvHeaderDone ? "" : csvHeaderLine(byUnit)) + text);
          csvHeaderDone = true;
        }
        if (!combined && !perDocument) {
          // Streamed to stdout as each document is done (in input order).
          process.stdout.write((opts.format === "csv" && opts.bom && !bomDone ? "\ufeff" : "") + chunks.join(""));
          bomDone = true;
          chunks.length = 0;
        }
      } catch (e) {
        const err = e instanceof WorkplanError ? e : new WorkplanError("writeFailed", `${out ?? "stdout"}: ${String(e)}`);
        reports.push({ ...base, error: { kind: err.kind, exitCode: err.exitCode, message: err.message } });
        progress.done(input.file, "failed", err.message, 0);
        continue;
      }
      reports.push({ ...base, output: out, status: "converted", format: summary.format, layout: summary.layout, tasks: summary.tasks, pages: outcome.pages, warnings: summary.warnings, durationMs: Math.round(outcome.ms) });
      progress.done(input.file, "converted", `${summary.tasks} tasks, ${summary.layout}`, summary.tasks);
    }
    if (combined) await writeAtomic(combined, opts.format === "csv" ? csvText(chunks, opts.bom) : chunks.join(""));
  } finally {
    await pool.close();
  }
  const failed = reports.filter((r) => r.status === "failed").length;
  progress.finish(reports.filter((r) => r.status === "converted").length, reports.filter((r) => r.status === "skipped").length, failed);
  if (opts.report) {
    const summary = { files: reports.length, converted: reports.length - failed - reports.filter((r) => r.status === "skipped").length, skipped: reports.filter((r) => r.status === "skipped").length, failed, tasks: reports.reduce((s, r) => s + r.tasks, 0) };
    await writeAtomic(opts.report, JSON.stringify({ summary, files: reports }, null, 2) + "\n");
  }
  return failed > 0 ? ExitCode.someFailed : ExitCode.ok;
}
