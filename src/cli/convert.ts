// `workplan convert`: one document to stdout or a file, or many as a batch. One document
// is one input that is a file (whatever characters its name holds) or "-" (standard
// input); a folder, a glob or several inputs make a batch.

import { statSync, type Stats } from "node:fs";
import path from "node:path";
import { ExitCode, WorkplanError } from "../model/errors.js";
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_SIZE, DEFAULT_TIMEOUT_S, IN_PROCESS_MAX_BYTES } from "../model/limits.js";
import type { ConvertOptions } from "../pipeline.js";
import { isStdin, readInput, readStdin, STDIN } from "../read/input.js";
import type { CsvOptions, Lang } from "../export/csv.js";
import type { Render } from "../export/render.js";
import { emit } from "../sys/atomic.js";
import { onInterrupt } from "./exit.js";
import { checkFile, checkFolder } from "../sys/writable.js";
import { targetOf } from "./target.js";

export interface ConvertOpts {
  format: "json" | "csv" | "ndjson" | "xlsx";
  fill?: boolean;
  pages?: string;
  password?: string;
  ocr?: string;
  ocrLang?: string;
  ocrEngine?: string;
  output?: string;
  compact?: boolean;
  byUnit?: boolean;
  roles?: boolean;
  lang: Lang;
  bom: boolean;
  jobs?: string;
  resume?: boolean;
  anyVersion?: boolean;
  force?: boolean;
  quiet?: boolean;
  report?: string;
  timeout?: string;
  maxSize?: string;
  maxMemory?: string;
  strict?: boolean;
  layout?: string;
  encoding?: string;
  aliases?: string;
  /** false with --no-builtin-aliases. */
  builtinAliases?: boolean;
  /** The alias table, once read (by convert, before any conversion). */
  aliasTable?: Record<string, string>;
}

/** "3-9,12" → {3,…,9,12}. */
export function parsePages(spec: string): Set<number> {
  const out = new Set<number>();
  for (const part of spec.split(",")) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/u.exec(part);
    if (!m) throw new WorkplanError("usage", `--pages takes page numbers and ranges such as 3-9,12, not "${spec}"`);
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (a < 1 || b < a || b - a > 100_000) throw new WorkplanError("usage", `--pages: "${part.trim()}" is not a range of pages`);
    for (let n = a; n <= b; n++) out.add(n);
  }
  return out;
}

export function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new WorkplanError("usage", `${flag} takes a positive number, not ${value}`);
  return n;
}

export function convertOptions(opts: { pages?: string; password?: string; ocr?: string; ocrLang?: string; ocrEngine?: string; maxSize?: string; layout?: string; encoding?: string; aliasTable?: Record<string, string>; builtinAliases?: boolean }): ConvertOptions {
  return {
    ...(opts.aliasTable ? { aliases: opts.aliasTable } : {}),
    ...(opts.builtinAliases === false ? { builtinAliases: false } : {}),
    ...(opts.layout ? { layout: opts.layout } : {}),
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.pages ? { pages: parsePages(opts.pages) } : {}),
    ...(opts.password != null ? { password: opts.password } : {}),
    ...(opts.ocr === "auto" || opts.ocr === "always" || opts.ocr === "never" ? { ocr: opts.ocr } : {}),
    ...(opts.ocrLang ? { ocrLang: opts.ocrLang } : {}),
    ...(opts.ocrEngine === "auto" || opts.ocrEngine === "ppocr" || opts.ocrEngine === "tesseract" ? { ocrEngine: opts.ocrEngine } : {}),
    ...(opts.maxSize != null ? { maxSize: Math.round(positive(opts.maxSize, "--max-size") * 1024 * 1024) } : {}),
  };
}

function csvOptions(opts: ConvertOpts): CsvOptions {
  if (opts.byUnit && opts.roles) throw new WorkplanError("usage", "--by-unit and --roles are two ways to show units: choose one");
  return { byUnit: opts.byUnit === true, roles: opts.roles === true, lang: opts.lang, bom: opts.bom };
}

/** The limits of one conversion, from --timeout and --max-memory (the same for one file and a batch). */
export function limitsOf(opts: { timeout?: string; maxMemory?: string }): { timeoutS: number; memoryMb: number } {
  return {
    timeoutS: opts.timeout != null ? positive(opts.timeout, "--timeout") : DEFAULT_TIMEOUT_S,
    memoryMb: opts.maxMemory != null ? Math.max(64, Math.round(positive(opts.maxMemory, "--max-memory"))) : DEFAULT_MAX_MEMORY_MB,
  };
}

/**
 * One document, converted in a child process with the limits a batch gives each file,
 * so that a file gives the same result alone and in a batch. Standard input is read here:
 * the child has no stdin of its own.
 */
export interface Converted {
  text: string;
  summary: { warnings: number; kinds: Record<string, number> };
}

export async function convertInChild(file: string, opts: { timeout?: string; maxMemory?: string; pages?: string; password?: string; ocr?: string; ocrLang?: string; ocrEngine?: string; maxSize?: string; layout?: string; encoding?: string; aliasTable?: Record<string, string> }, how: Exclude<Render, { as: "plan" }>): Promise<Converted> {
  const options = convertOptions(opts);
  const limits = limitsOf(opts);
  const name = file === STDIN ? "stdin" : file;
  const stdin = isStdin(file);
  // A small text or web page, with no limit asked for, converts here (see IN_PROCESS_MAX_BYTES).
  if (opts.timeout == null && opts.maxMemory == null) {
    // Any failure to stat is left to readInput/the child, which word it (ENOTDIR, EACCES…).
    const st = stdin ? null : statOrNull(file);
    const small = stdin || (st?.isFile() === true && st.size <= IN_PROCESS_MAX_BYTES);
    const bytes = stdin ? readStdin(options.maxSize ?? DEFAULT_MAX_SIZE) : small ? readInput(file, options.maxSize ?? DEFAULT_MAX_SIZE) : null;
    if (bytes) {
      const { sniffFormat } = await import("../read/sniff.js");
      const sniffed = sniffFormat(bytes, name);
      if (bytes.length <= IN_PROCESS_MAX_BYTES && "format" in sniffed && (sniffed.format === "text" || sniffed.format === "html")) {
        if (how.as === "tables") {
          const [{ layoutFile }, { tablesOf }] = await Promise.all([import("../pipeline.js"), import("../export/tables.js")]);
          return { text: JSON.stringify(tablesOf(await layoutFile({ file: name, bytes }, options)), null, 2) + "\n", summary: { warnings: 0, kinds: {} } };
        }
        const [{ convertBytes }, { render }, { warningKinds }] = await Promise.all([import("../pipeline.js"), import("../export/render.js"), import("../batch/warnings.js")]);
        const conversion = await convertBytes(bytes, name, options).catch(async (e: unknown) => {
          if (how.as === "inspect" && e instanceof WorkplanError && e.diagnosis) {
            const { renderFailure } = await import("../export/inspect.js");
            await emit(renderFailure(name, e.message, e.diagnosis), undefined);
          }
          throw e;
        });
        return { text: render(conversion, how), summary: { warnings: conversion.plan.warnings.length, kinds: warningKinds(conversion.plan) } };
      }
      return runInChild({ file: name, bytes }, options, limits, how);
    }
  }
  return runInChild(stdin ? { file: name, bytes: readStdin(options.maxSize ?? DEFAULT_MAX_SIZE) } : { file }, options, limits, how);
}

async function runInChild(job: { file: string; bytes?: Uint8Array }, options: ConvertOptions, limits: { timeoutS: number; memoryMb: number }, how: Exclude<Render, { as: "plan" }>): Promise<Converted> {
  const file = job.file;
  const { Pool } = await import("../batch/pool.js");
  const pool = new Pool(1, limits);
  try {
    const outcome = await pool.run(job, options, how);
    if (!outcome.ok) {
      if (outcome.error.report) await emit(outcome.error.report, undefined);
      throw new WorkplanError(outcome.error.kind, outcome.error.message, outcome.error.drawings ? { drawings: outcome.error.drawings } : undefined);
    }
    if (outcome.text == null) throw new WorkplanError("internal", `${file}: the converter sent no output`);
    return { text: outcome.text, summary: outcome.summary };
  } finally {
    await pool.close();
  }
}

const EXT = { json: "json", csv: "csv", ndjson: "ndjson", xlsx: "xlsx" } as const;

/** A workbook is bytes for a file, not text for a terminal. */
function checkBinaryTarget(out: string | null): void {
  if (out == null && process.stdout.isTTY) throw new WorkplanError("usage", "--format xlsx writes a workbook: give -o FILE.xlsx (or pipe stdout into a file)");
}

async function convertSingle(file: string, opts: ConvertOpts): Promise<void> {
  const target = targetOf(opts.output);
  const out = target.kind === "folder" ? path.join(target.path, `${file === STDIN ? "stdin" : path.basename(file)}.${EXT[opts.format]}`) : target.kind === "file" ? target.path : null;
  if (target.kind === "folder") checkFolder(target.path, "the output");
  if (out) checkFile(out, "the output", opts.force === true);
  const source = file === STDIN ? "stdin" : path.basename(file);
  if (opts.format === "xlsx") checkBinaryTarget(out);
  const how: Exclude<Render, { as: "plan" }> =
    opts.format === "csv" ? { as: "csv", csv: csvOptions(opts) } : opts.format === "ndjson" ? { as: "ndjson", source } : { as: "json", compact: opts.compact === true || opts.format === "xlsx" };
  const done = await convertInChild(file, opts, how);
  const name = file === STDIN ? "stdin" : file;
  const what = done.summary.warnings > 0 ? (await import("../batch/warnings.js")).describeWarnings(done.summary) : null;
  // --strict: a conversion with warnings fails, and writes nothing.
  if (what && opts.strict) throw new WorkplanError("warnings", `${name}: ${what} (--strict: nothing written; see 'workplan inspect ${name}')`);
  if (opts.format === "xlsx") {
    const [{ toXlsx }, { GENERATOR }] = await Promise.all([import("../export/xlsx.js"), import("../version.js")]);
    await emit(toXlsx([{ plan: JSON.parse(done.text) }], { fill: opts.fill === true }, GENERATOR), out ?? undefined);
  } else await emit(done.text, out ?? undefined);
  // After the data: a reader that closed the pipe early wanted nothing more.
  if (what && !opts.quiet) process.stderr.write(`workplan: ${name}: ${what} (listed under "warnings" in the JSON; 'workplan inspect ${name}' shows where)\n`);
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Whether `p` exists: a file (true), a folder (false), or nothing at all (null). */
function kindOf(p: string): "file" | "folder" | null {
  try {
    return statSync(p).isDirectory() ? "folder" : "file";
  } catch {
    return null;
  }
}

/** One document to stdout or a file; a folder, a glob or several inputs are a batch. */
export async function convert(inputs: string[], opts: ConvertOpts): Promise<number> {
  if (opts.aliases) opts.aliasTable = await (await import("./compare.js")).loadAliases(opts.aliases);
  const { isGlob } = await import("../batch/inputs.js");
  const only = inputs.length === 1 ? inputs[0]! : null;
  // A path that exists is a file, whatever its characters; a missing one is a glob only if it looks like one.
  const single = only != null && (only === STDIN || kindOf(only) === "file" || (kindOf(only) == null && !isGlob(only)));
  if (inputs.includes(STDIN) && !single) throw new WorkplanError("usage", `"-" (standard input) is one document; it cannot be part of a batch`);
  if (single && !opts.jobs && !opts.report && !opts.resume) {
    await convertSingle(only, opts);
    return ExitCode.ok;
  }
  const jobs = opts.jobs == null ? undefined : Number(opts.jobs);
  if (jobs != null && (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)) throw new WorkplanError("usage", `--jobs takes a number of workers from 1 to 256, not ${opts.jobs}`);
  if (opts.anyVersion && !opts.resume) throw new WorkplanError("usage", "--any-version goes with --resume");
  const { runBatch } = await import("../batch/run.js");
  return runBatch(inputs, {
    format: opts.format,
    target: targetOf(opts.output),
    ...(jobs != null ? { jobs } : {}),
    resume: opts.resume === true,
    anyVersion: opts.anyVersion === true,
    force: opts.force === true,
    quiet: opts.quiet === true,
    strict: opts.strict === true,
    fill: opts.fill === true,
    ...(opts.report != null ? { report: opts.report } : {}),
    compact: opts.compact === true,
    csv: csvOptions(opts),
    limits: limitsOf(opts),
    convert: convertOptions(opts),
    onInterrupt: (say) => onInterrupt(() => say()),
  });
}
