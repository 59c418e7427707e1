// Command-line entry. Data goes to stdout, messages to stderr; every failure is one
// line naming the file and the reason, with the exit code documented in the README.

import { Command, CommanderError, Option } from "commander";
import { ExitCode, WorkplanError } from "../model/errors.js";
import { emit } from "./output.js";

let debug = false;

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
  format: "json" | "csv";
  pages?: string;
  password?: string;
  output?: string;
  compact?: boolean;
  byUnit?: boolean;
  bom: boolean;
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

function pdfOptions(opts: { pages?: string; password?: string }): { pages?: Set<number>; password?: string } {
  return { ...(opts.pages ? { pages: parsePages(opts.pages) } : {}), ...(opts.password != null ? { password: opts.password } : {}) };
}

async function convert(file: string, opts: ConvertOpts): Promise<void> {
  const { convertFile } = await import("../pipeline.js");
  const { plan } = await convertFile(file, pdfOptions(opts));
  let data: string;
  if (opts.format === "csv") {
    const { toCsv } = await import("../export/csv.js");
    data = toCsv(plan, { byUnit: opts.byUnit === true, bom: opts.bom });
  } else {
    const { toJson } = await import("../export/json.js");
    data = toJson(plan, opts.compact === true);
  }
  await emit(data, opts.output);
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
            4 invalid input, 5 no tasks found, 6 output not writable.`,
    );

  p.command("convert")
    .description("convert one notice to JSON or CSV")
    .argument("<file>", "the notice: .txt (UTF-8, UTF-16 or GB18030), .html, .docx, .doc or .pdf")
    .addOption(new Option("-f, --format <format>", "output format").choices(["json", "csv"]).default("json"))
    .option("-o, --output <file>", "write to this file instead of stdout (written atomically)")
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
  $ workplan convert notice.pdf --pages 3-9`,
    )
    .action(convert);

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
    .addHelpText("after", `
Examples:
  $ workplan inspect notice.txt
  $ workplan inspect notice.docx --rows 40     # more of the cell grid and its merged cells`)
    .action(async (file: string, opts: { rows: string; pages?: string; password?: string }) => {
      const rows = Number.parseInt(opts.rows, 10);
      if (!Number.isFinite(rows) || rows < 0) throw new WorkplanError("usage", `--rows takes a whole number, not ${opts.rows}`);
      const { convertFile } = await import("../pipeline.js");
      const { renderInspect } = await import("./commands/inspect.js");
      await emit(renderInspect(await convertFile(file, pdfOptions(opts)), rows), undefined);
    });
  return p;
}

export async function main(argv: string[]): Promise<number> {
  debug = argv.includes("--debug");
  try {
    await program().parseAsync(argv);
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return ExitCode.ok; // --help, --version
      return ExitCode.usage;
    }
    return fail(e);
  }
}
