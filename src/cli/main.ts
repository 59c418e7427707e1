// Command-line entry. Data goes to stdout, messages to stderr; every failure is one
// line naming the file and the reason, with the exit code documented in the README (a
// usage error adds one line saying where the help is).

import { Command, CommanderError, Option } from "commander";
import { ExitCode, WorkplanError } from "../model/errors.js";
import { emit } from "../sys/atomic.js";
import { oneLine } from "../sys/printable.js";
import { GENERATOR } from "../version.js";
import { convert, convertInChild, type ConvertOpts } from "./convert.js";
import { installExitHandling } from "./exit.js";

let debug = false;
let exitCode: number = ExitCode.ok;
/** The command being run, for the usage hint. */
let command = "";

const helpHint = () => `(see: workplan ${command ? `${command} ` : ""}--help)`;

function fail(e: unknown): number {
  if (e instanceof WorkplanError) {
    process.stderr.write(`workplan: ${oneLine(e.message)}\n`);
    if (e.kind === "usage") process.stderr.write(`${helpHint()}\n`);
    if (debug && e.cause instanceof Error) process.stderr.write(`${e.cause.stack ?? ""}\n`);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`workplan: internal error: ${oneLine(err.message)}${debug ? "" : " (run with --debug for the stack trace)"}\n`);
  if (debug) process.stderr.write(`${err.stack ?? ""}\n`);
  return ExitCode.internal;
}

const EXIT_CODES = `Exit codes: 0 ok, 1 internal error, 2 usage error, 3 file unreadable,
            4 invalid input, 5 no tasks found, 6 output not writable,
            7 batch in which some files failed, 130/143 interrupted,
            141 stdout closed by its reader (| head).`;

const OUTPUT_RULE = `
Where output goes (-o):
  no -o, or -o -    stdout
  -o PATH/          a folder (also a PATH that is an existing folder): one output per
                    document, named after the input with its extension kept
                    (notice.pdf → notice.pdf.json); a batch mirrors its folders
  -o PATH           a file: one document's output, or a batch's one CSV or NDJSON
                    (a batch in JSON needs a folder: one JSON per document)`;

// The PDF options that convert, inspect and tables share, defined once.
const pdfPassword = () => new Option("--password <password>", "PDF: the password of an encrypted file");
const ocrWhen = () =>
  new Option("--ocr <when>", "PDF: recognise pages from their images (OCR): auto (pages without a text layer), always (a text layer of garbage), never").choices(["auto", "always", "never"]).default("auto");
const ocrLang = () => new Option("--ocr-lang <models>", "OCR: Tesseract's models, e.g. chi_sim, chi_tra, chi_sim+chi_tra").default("chi_sim");
const ocrEngine = () =>
  new Option("--ocr-engine <name>", "OCR: who reads the lines: auto (PP-OCR when installed and --ocr-lang is chi_sim, else Tesseract), ppocr, tesseract").choices(["auto", "ppocr", "tesseract"]).default("auto");

function program(): Command {
  const p = new Command("workplan")
    .description("Read published work-plan notices (工作要点, 任务分工, 任务清单) and write their tasks as JSON, CSV, NDJSON or an Excel workbook.")
    .version(GENERATOR.version, "-V, --version", "print the version")
    .option("--debug", "print stack traces of failures")
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
      outputError: (s, write) => write(`workplan: ${s.replace(/^error: /u, "")}`),
    })
    .hook("preAction", (_cmd, action) => {
      command = action.name();
      debug = p.opts<{ debug?: boolean }>().debug === true;
    })
    .addHelpText(
      "after",
      `
Examples:
  $ workplan convert notice.txt                          # JSON on stdout
  $ workplan convert notice.pdf --format csv -o tasks.csv
  $ cat notice.html | workplan convert -                 # standard input
  $ workplan convert archive/ -o out/                    # a batch: one JSON per document
  $ workplan inspect notice.docx                         # what was detected, and why
  $ workplan schema > workplan.schema.json

${EXIT_CODES}`,
    );
  // A usage error: the error and where the help is, not the whole help.
  p.showHelpAfterError("(see: workplan --help)");

  const c = p
    .command("convert")
    .description("convert notices to JSON, CSV, NDJSON or XLSX: one file (or - for standard input), or folders and globs as a batch")
    .argument("<inputs...>", "notices (.txt .html .docx .doc .wps .rtf .odt .pdf, told by content; - for stdin), folders (walked) or quoted globs")
    .addOption(new Option("-f, --format <format>", "output format").choices(["json", "csv", "ndjson", "xlsx"]).default("json"))
    .option("-o, --output <path>", "a file, or a folder (PATH/); see 'Where output goes' below")
    .option("-j, --jobs <n>", "batch: worker threads (default: one per core)")
    .option("--resume", "batch: skip documents whose JSON output exists with the same source hash and workplan version")
    .option("--any-version", "with --resume: also skip outputs made by another version of workplan")
    .option("--force", "overwrite existing outputs")
    .option("-q, --quiet", "no progress, no summary, no warnings line (failures are still reported)")
    .option("--strict", "a conversion with warnings fails (exit 8) and writes nothing")
    .option("--report <file>", "batch: write a JSON report (per file: status, format, layout, tasks, warnings, duration; skipped files and why)")
    .option("--timeout <seconds>", "stop a file that takes longer (default: 120, alone or in a batch)")
    .option("--max-memory <MB>", "stop a conversion that needs more memory (default: 1024, alone or in a batch)")
    .option("--max-size <MB>", "refuse inputs larger than this (default: 100)")
    .option("--compact", "JSON on one line")
    .option("--fill", "xlsx: the category columns filled on every row instead of merged down")
    .option("--aliases <file>", "a table of unit names (CSV canonical,alias…  or JSON {canonical: [aliases]}): units in it take its canonical name")
    .option("--no-builtin-aliases", "units not in --aliases get no canonical name (by default: the standard full name, 市发改委 → 市发展和改革委员会)")
    .option("--by-unit", "CSV: one row per (task, unit) instead of one per task")
    .option("--roles", "CSV: lead, support and responsible units in three columns")
    .addOption(new Option("--lang <lang>", "CSV: column titles in English or Chinese").choices(["en", "zh"]).default("en"))
    .option("--no-bom", "CSV: leave out the UTF-8 byte order mark (kept by default for Excel and WPS)")
    .option("--pages <list>", "PDF: read only these pages, e.g. 3-9 or 1,4-6")
    .addOption(pdfPassword())
    .addOption(ocrWhen())
    .addOption(ocrLang())
    .addOption(ocrEngine())
    .option("--layout <name>", "text: read in this layout (tabbed, cell-lines, cell-per-line, pipe-rows, pipe-cells, spaced, prose) instead of detecting it")
    .option("--encoding <name>", "text: decode as this encoding (utf-8, gb18030, big5, utf-16le …) instead of detecting it")
    .addHelpText(
      "after",
      `${OUTPUT_RULE}

Examples:
  $ workplan convert fixtures/seeds/000_992a28b6471132da.txt
  $ workplan convert notice.txt --compact | jq '.tasks | length'
  $ workplan convert notice.docx --format csv -o tasks.csv
  $ workplan convert notice.pdf --format csv --roles --lang zh -o 任务.csv
  $ workplan convert notice.txt --format csv --by-unit -o by-unit.csv
  $ workplan convert notice.pdf --format xlsx -o tasks.xlsx
  $ workplan convert archive/ --format xlsx -o all.xlsx     # one workbook, a source column
  $ workplan convert notice.pdf --pages 3-9 -o out/        # writes out/notice.pdf.json
  $ curl -s https://example.org/notice.html | workplan convert -
  $ workplan convert archive/ -o out/                      # a JSON per document, tree mirrored
  $ workplan convert 'archive/*/附件/*.docx' -o all.csv --format csv
  $ workplan convert archive/ --format ndjson | jq .text
  $ workplan convert archive/ -o out/ --jobs 4 --resume --report report.json`,
    )
    .action(async (inputs: string[], opts: ConvertOpts) => {
      exitCode = await convert(inputs, opts);
    });
  c.showHelpAfterError("(see: workplan convert --help)");

  p.command("schema")
    .description("print the JSON Schema of the output")
    .addHelpText("after", `
Example:
  $ workplan schema > workplan.schema.json`)
    .action(async () => {
      const { planJsonSchema } = await import("../schema/plan.js");
      await emit(JSON.stringify(planJsonSchema(), null, 2) + "\n", undefined);
    })
    .showHelpAfterError("(see: workplan schema --help)");

  p.command("diff")
    .description("compare two plans task by task: kept, changed (which fields, units gained and lost), added, removed")
    .argument("<a>", "the earlier plan: a workplan JSON output, or any document workplan reads; or a folder of them")
    .argument("<b>", "the later plan (a folder when <a> is one: documents paired by name)")
    .option("-f, --format <format>", "json, md, csv or html (a page with both versions side by side)", "json")
    .option("--force", "overwrite the output file if it exists")
    .option("--pair <regex...>", "folders: pair documents whose paths relative to their folders give the same capture groups (default: the same name, then the same name without its years)")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .addHelpText("after", `
Examples:
  $ workplan diff out/2019/plan.json out/2020/plan.json
  $ workplan diff 2019.pdf 2020.docx --format md
  $ workplan diff 2019.pdf 2020.docx --format html -o diff.html
  $ workplan diff out/2019/ out/2020/ --format md          # every document paired by name
  $ workplan diff 2019/ 2020/ --pair '^(.*?)\d{4}'         # 铅山2019要点.pdf ↔ 铅山2020要点.pdf`)
    .action(async (a: string, b: string, opts: { format: string; output?: string; pair?: string[]; force?: boolean }) => {
      if (opts.output && opts.output !== "-") (await import("../sys/writable.js")).checkFile(opts.output, "the output", opts.force === true);
      const { diffCommand } = await import("./compare.js");
      exitCode = await diffCommand(a, b, opts);
    })
    .showHelpAfterError("(see: workplan diff --help)");

  p.command("units")
    .description("every unit name in a folder of outputs, with counts, documents and roles; --suggest proposes groups of names for one body")
    .argument("<inputs...>", "workplan JSON outputs, or folders of them")
    .option("--suggest", "print proposed alias groups (the table --aliases reads), to review and edit")
    .option("--force", "overwrite the output file if it exists")
    .option("-f, --format <format>", "csv or json", "csv")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .addHelpText("after", `
Examples:
  $ workplan units out/
  $ workplan units out/ --suggest > aliases.csv
  $ workplan convert archive/ -o out/ --aliases aliases.csv`)
    .action(async (inputs: string[], opts: { suggest?: boolean; format: string; output?: string; force?: boolean }) => {
      if (opts.output && opts.output !== "-") (await import("../sys/writable.js")).checkFile(opts.output, "the output", opts.force === true);
      const { unitsCommand } = await import("./compare.js");
      await unitsCommand(inputs, opts);
    })
    .showHelpAfterError("(see: workplan units --help)");

  p.command("inspect")
    .description("show the detected encoding, layout, columns, cell grid with spans, sections and warnings")
    .argument("<file>", "the notice (- for standard input)")
    .option("--rows <n>", "table rows of the cell grid to show (0: none)", "12")
    .option("--pages <list>", "PDF: read only these pages, e.g. 3-9")
    .addOption(pdfPassword())
    .addOption(ocrWhen())
    .addOption(ocrLang())
    .addOption(ocrEngine())
    .option("--layout <name>", "text: read in this layout (tabbed, cell-lines, cell-per-line, pipe-rows, pipe-cells, spaced, prose) instead of detecting it")
    .option("--encoding <name>", "text: decode as this encoding (utf-8, gb18030, big5, utf-16le …) instead of detecting it")
    .option("--max-size <MB>", "refuse inputs larger than this (default: 100)")
    .option("--timeout <seconds>", "stop a file that takes longer (default: 120)")
    .option("--max-memory <MB>", "stop a conversion that needs more memory (default: 1024)")
    .option("--draw <dir>", "PDF: write one SVG per page into DIR: rulings, grid, cells with spans, text placed and left outside")
    .addHelpText("after", `
Examples:
  $ workplan inspect notice.txt
  $ workplan inspect notice.docx --rows 40     # more of the cell grid and its merged cells
  $ workplan inspect notice.pdf --draw out/    # out/page-001.svg …: what was read on each page`)
    .action(async (file: string, opts: { rows: string; pages?: string; password?: string; ocr?: string; ocrLang?: string; ocrEngine?: string; maxSize?: string; timeout?: string; maxMemory?: string; draw?: string }) => {
      const rows = Number(opts.rows);
      if (!Number.isInteger(rows) || rows < 0) throw new WorkplanError("usage", `--rows takes a whole number, not ${opts.rows}`);
      if (opts.draw == null) {
        await emit((await convertInChild(file, opts, { as: "inspect", rows })).text, undefined);
        return;
      }
      const { checkFolder } = await import("../sys/writable.js");
      const dir = opts.draw;
      const { mkdirSync } = await import("node:fs");
      mkdirSync(dir, { recursive: true });
      checkFolder(dir, "--draw");
      const { writeAtomic } = await import("../sys/atomic.js");
      const path = await import("node:path");
      const write = async (drawings: ReadonlyArray<{ page: number; svg: string }>) => {
        for (const d of drawings) await writeAtomic(path.join(dir, `page-${String(d.page).padStart(3, "0")}.svg`), d.svg);
        return `drawings:  ${drawings.length === 0 ? "none (only a PDF's pages are drawn)" : `${drawings.length} page(s) in ${dir}`}\n`;
      };
      let got: { inspect: string; drawings: Array<{ page: number; svg: string }> };
      try {
        got = JSON.parse((await convertInChild(file, opts, { as: "inspect", rows, draw: true })).text) as typeof got;
      } catch (e) {
        // A document that gave no tasks is drawn too, after its report: the pictures show why.
        if (e instanceof WorkplanError && e.drawings) await emit(await write(e.drawings), undefined);
        throw e;
      }
      await emit(got.inspect + (await write(got.drawings)), undefined);
    })
    .showHelpAfterError("(see: workplan inspect --help)");

  p.command("tables")
    .description("print the cell grids the layout stage found (spans, merged cells filled), apart from the plan")
    .argument("<file>", "the notice (- for standard input)")
    .option("-f, --format <format>", "json, or csv (one file per table: -o takes a folder)", "json")
    .option("-o, --output <path>", "a file (JSON), or a folder (CSV: table-1.csv …)")
    .option("--force", "overwrite existing outputs")
    .option("--pages <list>", "PDF: read only these pages, e.g. 3-9")
    .addOption(pdfPassword())
    .addOption(ocrWhen())
    .addOption(ocrLang())
    .addOption(ocrEngine())
    .option("--layout <name>", "text: read in this layout instead of detecting it")
    .option("--encoding <name>", "text: decode as this encoding instead of detecting it")
    .option("--max-size <MB>", "refuse inputs larger than this (default: 100)")
    .option("--timeout <seconds>", "stop a file that takes longer (default: 120)")
    .option("--max-memory <MB>", "stop a conversion that needs more memory (default: 1024)")
    .addHelpText("after", `
Examples:
  $ workplan tables notice.pdf -o tables.json
  $ workplan tables notice.pdf --format csv -o t/     # t/table-1.csv …`)
    .action(async (file: string, opts: { format: string; output?: string; force?: boolean; pages?: string; password?: string; ocr?: string; ocrLang?: string; ocrEngine?: string; maxSize?: string; timeout?: string; maxMemory?: string; layout?: string; encoding?: string }) => {
      if (opts.format !== "json" && opts.format !== "csv") throw new WorkplanError("usage", `--format takes json or csv, not ${opts.format}`);
      const json = (await convertInChild(file, opts, { as: "tables" })).text;
      if (opts.format === "json") {
        if (opts.output) {
          const { checkFile } = await import("../sys/writable.js");
          checkFile(opts.output, "the output", opts.force === true);
        }
        await emit(json, opts.output);
        return;
      }
      const { tablesCsv } = await import("../export/tables.js");
      const csvs = tablesCsv(JSON.parse(json));
      if (!opts.output) {
        if (csvs.length > 1) throw new WorkplanError("usage", `${csvs.length} tables make ${csvs.length} CSV files: give -o FOLDER/`);
        await emit(csvs[0] ?? "", undefined);
        return;
      }
      const path = await import("node:path");
      const { mkdirSync } = await import("node:fs");
      const { checkFile, checkFolder } = await import("../sys/writable.js");
      mkdirSync(opts.output, { recursive: true });
      checkFolder(opts.output, "the output");
      const { writeAtomic } = await import("../sys/atomic.js");
      for (let k = 0; k < csvs.length; k++) {
        const out = path.join(opts.output, `table-${k + 1}.csv`);
        checkFile(out, "the output", opts.force === true);
        await writeAtomic(out, csvs[k]!);
      }
    })
    .showHelpAfterError("(see: workplan tables --help)");
  return p;
}

export async function main(argv: string[]): Promise<number> {
  debug = argv.includes("--debug");
  installExitHandling();
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
