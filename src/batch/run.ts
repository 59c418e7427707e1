// One command over many notices. Conversion runs on a pool of workers; results are
// taken in input order (a bounded window of files is in flight, so memory stays flat
// however many files there are) and written as they come: one output per document under
// a folder, or one CSV or NDJSON stream with a source column. A failed file is reported
// and the batch goes on. Everything that could stop the batch late is checked first: two
// inputs that would write one output, destinations that cannot be written.

import { createHash } from "node:crypto";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { ExitCode, WorkplanError } from "../model/errors.js";
import { DEFAULT_TIMEOUT_S } from "../model/limits.js";
import type { ConvertOptions } from "../pipeline.js";
import { batchCsvHeader, type CsvOptions } from "../export/csv.js";
import type { Render } from "../export/render.js";
import { TEMPORARY, writeAtomic, writeStdout } from "../sys/atomic.js";
import { displayPath, joinPath, pathKey, withSuffix, type FsPath } from "../sys/fsPath.js";
import { checkFile, checkFolder } from "../sys/writable.js";
import { oneLine } from "../sys/printable.js";
import { GENERATOR } from "../version.js";
import { expandInputs, type Input } from "./inputs.js";
import { defaultJobs, Pool, type Limits, type Outcome } from "./pool.js";
import { Progress } from "./progress.js";
import { describeWarnings } from "./warnings.js";
import { toXlsx, type XlsxDocument } from "../export/xlsx.js";
import type { Plan } from "../schema/plan.js";

export type BatchFormat = "json" | "csv" | "ndjson" | "xlsx";

/** Where a batch writes: one file per document under a folder, one combined file, or stdout. */
export type BatchTarget = { kind: "folder"; path: string } | { kind: "file"; path: string } | { kind: "stdout" };

export interface BatchOptions {
  format: BatchFormat;
  target: BatchTarget;
  /** Time and memory one file may take. */
  limits?: Partial<Limits>;
  jobs?: number;
  resume?: boolean;
  /** With resume: also skip outputs that another version of workplan made. */
  anyVersion?: boolean;
  force?: boolean;
  quiet?: boolean;
  /** A file whose conversion has warnings fails (kind "warnings") and is not written. */
  strict?: boolean;
  report?: string;
  compact?: boolean;
  /** xlsx: path levels on every row instead of merged down. */
  fill?: boolean;
  csv: CsvOptions;
  convert: ConvertOptions;
  /** Registers what to say on an interrupt; returns its removal. */
  onInterrupt?: (say: () => void) => () => void;
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
  /** Why a file was skipped. */
  reason?: string;
  error?: { kind: string; exitCode: number; message: string };
}

async function exists(p: FsPath): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

async function sha256(file: FsPath): Promise<string | null> {
  try {
    return createHash("sha256").update(await readFile(file)).digest("hex");
  } catch {
    return null;
  }
}

const EXTENSION: Record<BatchFormat, string> = { json: "json", csv: "csv", ndjson: "ndjson", xlsx: "xlsx" };

/** Whether an output already holds this source, converted by this version (or any, when asked). */
async function upToDate(out: FsPath, input: FsPath, anyVersion: boolean): Promise<"same" | "other-version" | "no"> {
  let plan: { source?: { sha256?: string }; generator?: { version?: string } };
  try {
    plan = JSON.parse(await readFile(out, "utf8")) as typeof plan;
  } catch {
    return "no";
  }
  if (plan.source?.sha256 == null || plan.source.sha256 !== (await sha256(input))) return "no";
  if (anyVersion || plan.generator?.version === GENERATOR.version) return "same";
  return "other-version";
}

/**
 * Temporary files that a killed run (kill -9) left in an output tree: a name this program
 * writes (sys/atomic.ts) whose process is gone.
 */
async function removeLeftovers(dir: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!e.isFile() || !TEMPORARY.test(e.name)) continue;
    const pid = Number(e.name.split(".").at(-3));
    if (pid !== process.pid && pidAlive(pid)) continue; // another run is writing it now
    await rm(path.join(e.parentPath, e.name), { force: true });
    removed++;
  }
  return removed;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Each output path once: two inputs that would write the same output are a usage error naming both. */
function checkUnique(inputs: Input[], outFor: (i: Input) => FsPath | null, report: string | undefined): void {
  const taken = new Map<string, string>();
  if (report) taken.set(pathKey(report), "--report");
  for (const i of inputs) {
    const out = outFor(i);
    if (out == null) continue;
    const key = pathKey(out);
    const other = taken.get(key);
    if (other) {
      throw new WorkplanError("usage", `${other} and ${i.file} would both be written to ${displayPath(out)}; convert them in separate runs, or name a folder or glob above both so that their folders are kept`);
    }
    taken.set(key, i.file);
  }
}

export async function runBatch(args: string[], opts: BatchOptions): Promise<number> {
  const { inputs, skipped: walkSkipped } = await expandInputs(args);
  if (inputs.length === 0) {
    const why = walkSkipped.length > 0 ? ` (${walkSkipped.length} file${walkSkipped.length > 1 ? "s" : ""} left out: ${walkSkipped[0]!.reason}${walkSkipped.length > 1 ? ", …" : ""})` : "";
    throw new WorkplanError("usage", `no notices found in ${args.join(" ")}${why}`);
  }
  const target = opts.target;
  const perDocument = target.kind === "folder";
  if (opts.format === "json" && !perDocument) {
    throw new WorkplanError(
      "usage",
      target.kind === "file"
        ? `${target.path}: a batch in JSON writes one file per document, so -o must be a folder (end it with /), or use --format ndjson or csv for one file`
        : "a batch in JSON writes one file per document: give -o FOLDER/, or use --format ndjson for one stream",
    );
  }
  if (opts.format === "xlsx" && target.kind === "stdout" && process.stdout.isTTY) throw new WorkplanError("usage", "--format xlsx writes a workbook: give -o FILE.xlsx for the batch's one workbook, or -o FOLDER/ for one per document");
  if (opts.resume && !(perDocument && opts.format === "json")) throw new WorkplanError("usage", "--resume works with --format json -o FOLDER/ (it checks each output's source hash)");
  const outFor = (i: Input): FsPath | null => (perDocument ? withSuffix(joinPath(target.path, i.relPath), `.${EXTENSION[opts.format]}`) : target.kind === "file" ? target.path : null);
  if (perDocument) checkUnique(inputs, outFor, opts.report);

  // Every destination before the first conversion.
  if (perDocument) checkFolder(target.path, "outputs");
  if (target.kind === "file") checkFile(target.path, "the output", opts.force === true);
  if (opts.report) checkFile(opts.report, "the report", true);
  if (opts.resume && perDocument) await removeLeftovers(target.path);

  const jobs = Math.max(1, opts.jobs ?? defaultJobs());
  // Always workers, even one: a file that hangs or eats memory is stopped alone.
  const pool = new Pool(jobs, { timeoutS: DEFAULT_TIMEOUT_S, ...opts.limits });
  // What each worker sends back: the text to write, so that this thread only writes.
  // xlsx: the plan travels as compact JSON; this thread builds the workbook (one per
  // document, or one for the whole batch at the end).
  const how = (i: Input): Render =>
    opts.format === "xlsx"
      ? { as: "json", compact: true }
      : perDocument
      ? opts.format === "json"
        ? { as: "json", compact: opts.compact === true }
        : opts.format === "csv"
          ? { as: "csv", csv: opts.csv }
          : { as: "ndjson", source: i.rel }
      : opts.format === "ndjson"
        ? { as: "ndjson", source: i.rel }
        : { as: "csvRows", source: i.rel, csv: opts.csv };
  const run = (i: Input): Promise<Outcome> => pool.run(i.path === i.file ? { file: i.file } : { file: i.file, path: i.path }, opts.convert, how(i));
  const total = inputs.length + walkSkipped.length;
  const progress = new Progress(total, opts.quiet === true);
  const reports: FileReport[] = [];
  const blank = (source: string): FileReport => ({ source, output: null, status: "failed", format: null, layout: null, tasks: 0, pages: 0, warnings: 0, durationMs: 0 });
  for (const s of walkSkipped) {
    reports.push({ ...blank(s.file), status: "skipped", reason: s.reason });
    progress.done(s.file, "skipped", s.reason, 0);
  }
  const chunks: string[] = [];
  const workbook: XlsxDocument[] = [];
  let headerDone = false;
  /** The one output file, when it could not be written. */
  let lost: WorkplanError | null = null;
  const stopHint = opts.onInterrupt?.(() =>
    progress.interrupted(perDocument && opts.format === "json" ? "the outputs written are whole; run the same command with --resume to finish" : "nothing half-written was left; run the command again to finish"),
  );
  // A window of files in flight; results are consumed in input order.
  // Wide enough that a slow document at the head does not leave workers idle, small
  // enough that the results waiting their turn stay few.
  const window = jobs * 16;
  const pending = new Map<number, Promise<{ outcome: Outcome | null; skipped: string | null }>>();
  const start = async (k: number) => {
    const input = inputs[k]!;
    const out = outFor(input);
    if (opts.resume && out) {
      const state = await upToDate(out, input.path, opts.anyVersion === true);
      if (state === "same") return { outcome: null, skipped: "already converted (same source hash)" };
    } else if (perDocument && out && !opts.force && (await exists(out))) {
      return { outcome: { ok: false as const, error: { kind: "writeFailed" as const, exitCode: ExitCode.writeFailed, message: `${displayPath(out)}: exists; use --force to overwrite, or --resume to skip converted files` }, ms: 0 }, skipped: null };
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
      const base = blank(input.file);
      if (skipped) {
        reports.push({ ...base, output: out == null ? null : displayPath(out), status: "skipped", reason: skipped });
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
      if (opts.strict && summary.warnings > 0) {
        const message = `${input.file}: ${describeWarnings(summary)} (--strict: not written)`;
        reports.push({ ...base, durationMs: Math.round(outcome.ms), error: { kind: "warnings", exitCode: ExitCode.warnings, message } });
        progress.done(input.file, "failed", message, 0);
        continue;
      }
      const text = outcome.text ?? "";
      try {
        if (opts.format === "xlsx") {
          const plan = JSON.parse(text) as Plan;
          if (perDocument && out) await writeAtomic(out, toXlsx([{ plan }], { fill: opts.fill === true }, GENERATOR));
          else workbook.push({ plan, source: input.rel });
        } else if (perDocument && out) await writeAtomic(out, text);
        else {
          const head = opts.format === "csv" && !headerDone ? (opts.csv.bom ? "\ufeff" : "") + batchCsvHeader(opts.csv) : "";
          headerDone = true;
          // Streamed to stdout as each document is done (in input order), or kept for the one file.
          if (target.kind === "stdout") await writeStdout(head + text);
          else chunks.push(head + text);
        }
      } catch (e) {
        const err = e instanceof WorkplanError ? e : new WorkplanError("writeFailed", `${out == null ? "stdout" : displayPath(out)}: ${String(e)}`);
        reports.push({ ...base, error: { kind: err.kind, exitCode: err.exitCode, message: err.message } });
        progress.done(input.file, "failed", err.message, 0);
        continue;
      }
      reports.push({ ...base, output: out == null ? null : displayPath(out), status: "converted", format: summary.format, layout: summary.layout, tasks: summary.tasks, pages: outcome.pages, warnings: summary.warnings, durationMs: Math.round(outcome.ms) });
      progress.done(input.file, "converted", `${summary.tasks} tasks, ${summary.layout}${summary.warnings > 0 ? `, ${describeWarnings(summary)}` : ""}`, summary.tasks);
    }
    if (opts.format === "xlsx" && !perDocument) {
      // The batch's one workbook, once every document is in.
      try {
        const bytes = toXlsx(workbook, { fill: opts.fill === true }, GENERATOR);
        if (target.kind === "file") await writeAtomic(target.path, bytes);
        else await writeStdout(bytes);
      } catch (e) {
        lost = e instanceof WorkplanError ? e : new WorkplanError("writeFailed", `${target.kind === "file" ? target.path : "stdout"}: ${String(e)}`);
      }
    } else if (target.kind === "file") {
      if (opts.format === "csv" && !headerDone) chunks.push((opts.csv.bom ? "\ufeff" : "") + batchCsvHeader(opts.csv));
      try {
        await writeAtomic(target.path, chunks.join(""));
      } catch (e) {
        lost = e instanceof WorkplanError ? e : new WorkplanError("writeFailed", `${target.path}: ${String(e)}`);
      }
    }
  } finally {
    stopHint?.();
    await pool.close();
  }
  const count = (s: FileReport["status"]) => reports.filter((r) => r.status === s).length;
  const failed = count("failed");
  // The summary and the report come whatever failed at the end: which files failed is
  // never hidden behind a last write error (a full disk, a vanished folder).
  if (lost) process.stderr.write(`workplan: ${oneLine(lost.message)}\n`);
  progress.finish(lost ? 0 : count("converted"), count("skipped"), failed);
  let reportLost = false;
  if (opts.report) {
    const summary = { files: reports.length, converted: count("converted"), skipped: count("skipped"), failed, tasks: reports.reduce((s, r) => s + r.tasks, 0), ...(lost ? { outputFailed: lost.message } : {}) };
    try {
      await writeAtomic(opts.report, JSON.stringify({ generator: GENERATOR, summary, files: reports }, null, 2) + "\n");
    } catch (e) {
      reportLost = true;
      process.stderr.write(`workplan: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    }
  }
  // Nothing written at all is the worst; then files that failed; then a report that could not be written.
  if (lost) return ExitCode.writeFailed;
  if (failed > 0) return ExitCode.someFailed;
  return reportLost ? ExitCode.writeFailed : ExitCode.ok;
}
