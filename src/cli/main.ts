// Command-line entry. Data goes to stdout, messages to stderr; every failure is one
// line naming the file and the reason, with the exit code documented in the README.

import { stat } from "node:fs/promises";
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { ExitCode, WorkplanError } from "../model/errors.js";
import type { ConvertOptions } from "../pipeline.js";
import type { Plan } from "../schema/plan.js";
import { emit } from "./output.js";

let debug = false;
let exitCode: number = ExitCode.ok;

function fail(e: unknown): number {
  if (e instanceof WorkplanError) {
    process.stderr.write(`workplan: ${e.message}\n`);
    if (debug && e.cause instanceof Error) process.stderr.write(`${e.cause.stack ?? ""}\n`);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`workplan: internal error: ${err.message}${debug ? "" : " (run with --debug for the stack trace)"}\n`);
  if (debug) process.stderr.write(`${err.stack ?? ""}\n`);
  return ExitCode.internal;
}

interface ConvertOpts {
  format: "json" | "csv" | "ndjson";
  pages?: string;
  password?: string;
  output?: string;
  compact?: boolean;
  byUnit?: boolean;
  bom: boolean;
  jobs?: string;
  resume?: boolean;
  force?: boolean;
  quiet?: boolean;
  report?: string;
  timeout?: string;
  maxSize?: string;
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

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new WorkplanError("usage", `${flag} takes a positive number, not ${value}`);
  return n;
}

function convertOptions(opts: { pages?: string; password?: string; maxSize?: string }): ConvertOptions {
  return {
    ...(opts.pages ? { pages: parsePages(opts.pages) } : {}),
    ...(opts.password != null ? { password: opts.password } : {}),
    ...(opts.maxSize != null ? { maxSize: positive(opts.maxSize, "--max-size") * 1024 * 1024 } : {}),
  };
}

/** One file in this process, or in a worker that is stopped after `timeout` seconds. */
async function convertOneFile(file: string, opts: ConvertOpts): Promise<Plan> {
  if (opts.timeout == null) {
    const { convertFile } = await import("../pipeline.js");
    return (await convertFile(file, convertOptions(opts))).plan;
  }
  const { Pool } = await import("../batch/pool.js");
  const pool = new Pool(1, positive(opts.timeout, "--timeout"));
  try {
    const outcome = await pool.run(file, convertOptions(opts));
    if (!outcome.ok) throw new WorkplanError(outcome.error.kind, outcome.error.message);
    if (!outcome.plan) throw new WorkplanError("internal", `${file}: the worker sent no plan`);
    return outcome.plan;
  } finally {
    await pool.close();
  }
}

async function convertSingle(file: string, opts: ConvertOpts): Promise<void> {
  if (opts.output && opts.output !== "-" && !opts.force && (await stat(opts.output).then(() => true, () => false))) {
    throw new WorkplanError("writeFailed", `${opts.output}: exists; use --force to overwrite it`);
  }
  const plan = await convertOneFile(file, opts);
  let data: string;
  if (opts.format === "csv") {
    const { toCsv } = await import("../export/csv.js");
    data = toCsv(plan, { byUnit: opts.byUnit === true, bom: opts.bom });
  } else if (opts.format === "ndjson") {
    const { ndjsonLines } = await import("../batch/formats.js");
    data = ndjsonLines(plan, path.basename(file));
  } else {
    const { toJson } = await import("../export/json.js");
    data = toJson(plan, opts.compact === true);
  }
  await emit(data, opts.output);
}

/** One file to stdout or a file; a folder, a glob or several inputs are a batch. */
async function convert(inputs: string[], opts: ConvertOpts): Promise<number> {
  const { isGlob } = await import("../batch/inputs.js");
  const single = inputs.length === 1 && !isGlob(inputs[0]!) && !(await stat(inputs[0]!).then((s) => s.isDirectory(), () => false));
  if (single && !opts.jobs && !opts.report && !opts.resume) {
    await convertSingle(inputs[0]!, opts);
    return ExitCode.ok;
  }
  const jobs = opts.jobs == null ? undefined : Number.parseInt(opts.jobs, 10);
  if (jobs != null && (!Number.isFinite(jobs) || jobs < 1 || jobs > 256)) throw new WorkplanError("usage", `--jobs takes a number of workers, not ${opts.jobs}`);
  const { runBatch } = await import("../batch/run.js");
  return runBatch(inputs, {
    format: opts.format,
    ...(opts.output != null ? { output: opts.output } : {}),
    ...(jobs != null ? { jobs } : {}),
    resume: opts.resume === true,
    force: opts.force === true,
    quiet: opts.quiet === true,
    ...(opts.report != null ? { report: opts.report } : {}),
    bom: opts.bom,
    byUnit: opts.byUnit === true,
    ...(opts.timeout != null ? { timeout: positive(opts.timeout, "--timeout") } : {}),
    convert: convertOptions(opts),
  });
}

function program(): Command {
  const p = new Command("workplan")
    .description("Read published work-plan notices (工作要点, 任务分工, 任务清单) and write their tasks as JSON or CSV.")
    .option("--debug", "print stack traces of failures")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .hook("preAction", (cmd) => {
      debug = cmd.opts<{ debug?: boolean }>().debug === true;
    })
    .addHelpText(
      "after",
      `
Examples:
  $ workplan convert notice.txt                          # JSON on stdout
  $ workplan convert notice.txt --format csv -o tasks.csv
  $ workplan inspect notice.txt                          # what was detected, and why
  $ workplan schema > workplan.schema.json

Exit codes: 0 ok, 1 internal error, 2 usage error, 3 file unreadable,
            4 invalid input, 5 no tasks found, 6 output not writable,
            7 batch in which some files failed.`,
    );

  p.command("convert")
    .description("convert notices to JSON, CSV or NDJSON: one file, or folders and globs as a batch")
    .argument("<inputs...>", "notices (.txt, .html, .docx, .doc, .pdf; told by content), folders (walked) or quoted globs")
    .addOption(new Option("-f, --format <format>", "output format").choices(["json", "csv", "ndjson"]).default("json"))
    .option("-o, --output <path>", "a file (one document, or one CSV/NDJSON for a batch), or a folder (one output per document, tree mirrored); written atomically")
    .option("-j, --jobs <n>", "batch: worker threads (default: one per core)")
    .option("--resume", "batch: skip documents whose JSON output exists with the same source hash")
    .option("--force", "overwrite existing outputs")
    .option("-q, --quiet", "batch: no progress, no summary (failures are still reported)")
    .option("--report <file>", "batch: write a JSON report (per file: status, format, layout, tasks, warnings, duration)")
    .option("--timeout <seconds>", "stop a file that takes longer (batch default: 120)")
    .option("--max-size <MB>", "refuse inputs larger than this (default: 100)")
    .option("--compact", "JSON on one line")
    .option("--by-unit", "CSV: one row per (task, unit) instead of one per task")
    .option("--no-bom", "CSV: leave out the UTF-8 byte order mark (kept by default for Excel and WPS)")
    .option("--pages <list>", "PDF: read only these pages, e.g. 3-9 or 1,4-6")
    .option("--password <password>", "PDF: the password of an encrypted file")
    .addHelpText(
      "after",
      `
Examples:
  $ workplan convert fixtures/seeds/000_992a28b6471132da.txt
  $ workplan convert notice.txt --compact | jq '.tasks | length'
  $ workplan convert notice.txt --format csv -o tasks.csv
  $ workplan convert notice.txt --format csv --by-unit -o by-unit.csv
  $ workplan convert notice.html --format csv -o tasks.csv
  $ workplan convert notice.pdf --pages 3-9
  $ workplan convert archive/ -o out/                      # a JSON per document, tree mirrored
  $ workplan convert 'archive/**/*.{pdf,docx,html,txt}' -o all.csv --format csv
  $ workplan convert archive/ --format ndjson | jq .text
  $ workplan convert archive/ -o out/ --jobs 4 --resume --report report.json`,
    )
    .action(async (inputs: string[], opts: ConvertOpts) => {
      exitCode = await convert(inputs, opts);
    });

  p.command("schema")
    .description("print the JSON Schema of the output")
    .addHelpText("after", `
Example:
  $ workplan schema > workplan.schema.json`)
    .action(async () => {
      const { planJsonSchema } = await import("../schema/plan.js");
      await emit(JSON.stringify(planJsonSchema(), null, 2) + "\n", undefined);
    });

  p.command("inspect")
    .description("show the detected encoding, layout, columns, cell grid with spans, sections and warnings")
    .argument("<file>", "the notice")
    .option("--rows <n>", "table rows of the cell grid to show (0: none)", "12")
    .option("--pages <list>", "PDF: read only these pages, e.g. 3-9")
    .option("--password <password>", "PDF: the password of an encrypted file")
    .option("--max-size <MB>", "refuse inputs larger than this (default: 100)")
    .addHelpText("after", `
Examples:
  $ workplan inspect notice.txt
  $ workplan inspect notice.docx --rows 40     # more of the cell grid and its merged cells`)
    .action(async (file: string, opts: { rows: string; pages?: string; password?: string; maxSize?: string }) => {
      const rows = Number.parseInt(opts.rows, 10);
      if (!Number.isFinite(rows) || rows < 0) throw new WorkplanError("usage", `--rows takes a whole number, not ${opts.rows}`);
      const { convertFile } = await import("../pipeline.js");
      const { renderInspect } = await import("./commands/inspect.js");
      await emit(renderInspect(await convertFile(file, convertOptions(opts)), rows), undefined);
    });
  return p;
}

export async function main(argv: string[]): Promise<number> {
  debug = argv.includes("--debug");
  // dist/ is bundled and minified: stack traces name the TypeScript sources only through the maps.
  if (debug) process.setSourceMapsEnabled(true);
  try {
    exitCode = ExitCode.ok;
    await program().parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return ExitCode.ok; // --help, --version
      return ExitCode.usage;
    }
    return fail(e);
  }
}
