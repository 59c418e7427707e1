// One document end to end: read → layout → plan → normalize → validate.
// Readers are imported on demand so that reading a .txt never loads a PDF engine.

import { createHash } from "node:crypto";
import path from "node:path";
import type { Conversion } from "./model/conversion.js";
import type { Laid, Paragraph } from "./model/document.js";
import { lowestConfidence } from "./model/geometry.js";
import type { OwnPlan, SheetPlace, Source } from "./model/source.js";
import { WorkplanError } from "./model/errors.js";
import { DEFAULT_MAX_SIZE, MAX_CELLS } from "./model/limits.js";
import type { Warning } from "./model/result.js";
import { withCanonical } from "./normalize/canonical.js";
import { finishTask } from "./normalize/finish.js";
import type { DraftTask } from "./plan/draft.js";
import { planProse } from "./plan/fromProse.js";
import { notAPlan } from "./plan/evidence.js";
import { planTable } from "./plan/fromTable.js";
import { columnsOf } from "./lexicon/headers.js";
import { findTitle, findYear } from "./plan/titleYear.js";
import { readInput, STDIN } from "./read/input.js";
import { displayPath, type FsPath } from "./sys/fsPath.js";
import { sniffFormat, type SourceFormat } from "./read/sniff.js";
import { GENERATOR } from "./version.js";
import { PlanSchema, SCHEMA_VERSION, type Plan } from "./schema/plan.js";

export interface ConvertOptions {
  /** Largest input read, in bytes. */
  maxSize?: number;
  /** PDF: the password of an encrypted file. */
  password?: string;
  /** PDF: 1-based page numbers to read. */
  pages?: Set<number>;
  /** PDF: when to recognise pages from their images (--ocr). */
  ocr?: "auto" | "always" | "never";
  /** PDF: Tesseract's models (--ocr-lang). */
  ocrLang?: string;
  /** PDF: who reads the recognised lines (--ocr-engine). */
  ocrEngine?: "auto" | "ppocr" | "tesseract";
  /** Text: read in this layout instead of detecting one (--layout). */
  layout?: string;
  /** Text: decode with this encoding instead of detecting one (--encoding). */
  encoding?: string;
  /** Unit name → canonical name (--aliases): each unit found in it gains `canonical`. */
  aliases?: Record<string, string>;
  /** The built-in standard names of government bodies give `canonical` (default true; --no-builtin-aliases). */
  builtinAliases?: boolean;
}

export type { Conversion };
export { readInput, STDIN };

/** Bytes → what the format's reader reads (readers are imported on demand). */
async function read(format: SourceFormat, bytes: Uint8Array, file: string, opts: ConvertOptions): Promise<Source> {
  switch (format) {
    case "text": {
      const { readText } = await import("./read/text/reader.js");
      return readText(bytes, file, opts.encoding);
    }
    case "html": {
      const { readHtml } = await import("./read/html/reader.js");
      return readHtml(bytes, file);
    }
    case "docx": {
      const { readDocx } = await import("./read/docx/reader.js");
      return readDocx(bytes, file);
    }
    case "pdf": {
      const { readPdf } = await import("./read/pdf/reader.js");
      return readPdf(bytes, file, opts);
    }
    case "image": {
      const { readImage } = await import("./read/image/reader.js");
      return readImage(bytes, file, opts);
    }
    case "xlsx": {
      const { readXlsx } = await import("./read/xlsx/reader.js");
      return readXlsx(bytes, file);
    }
    case "csv": {
      const { readCsv } = await import("./read/csv/reader.js");
      return readCsv(bytes, file, opts.encoding);
    }
    case "xls":
    case "ods":
    case "doc":
    case "rtf":
    case "odt": {
      const { readOffice } = await import("./read/office/reader.js");
      return readOffice(bytes, file, format);
    }
  }
}

/** What was read → the document model, by the layout for its kind. */
async function layOut(source: Source, opts: ConvertOptions): Promise<Laid> {
  if (opts.layout && source.kind !== "text") throw new WorkplanError("usage", `--layout chooses how a text is read; this document is read as a ${source.kind === "dom" ? "web page or Word file" : "PDF"}, whose layout follows from its markup or geometry`);
  switch (source.kind) {
    case "text": {
      const { layoutText } = await import("./layout/text/index.js");
      return layoutText(source.text, opts.layout);
    }
    case "dom": {
      const { layoutHtml } = await import("./layout/html.js");
      // CSV keeps no merges: an empty cell is one a merged cell covers.
      const laid = layoutHtml(source.doc, source.origin === "csv");
      // A Word document is laid out as the web page it reads as; its layout says which it was.
      if (source.origin === "docx") return { ...laid, layout: laid.layout === "html-table" ? "docx-table" : "docx-prose" };
      if (source.origin === "csv") return { ...laid, layout: laid.layout === "html-table" ? "csv-table" : "csv-prose" };
      return source.origin === "xlsx" ? { ...laid, layout: laid.layout === "html-table" ? "xlsx-table" : "xlsx-prose" } : laid;
    }
    case "pages": {
      const { layoutPdf } = await import("./layout/pdf/index.js");
      return layoutPdf(source.pages);
    }
    case "plan":
      // Our own workbook holds tasks already made: nothing to lay out.
      return { layout: "workplan-xlsx", reason: `workplan's own workbook (a tasks sheet with its columns): ${source.tasks.length} tasks read back as written`, table: null, paragraphs: [], front: [], back: [], warnings: [] };
  }
}

/** A task of a recognised page read as text: the lowest confidence of its lines. */
function withLineConf(d: DraftTask, confs: Laid["lineConf"]): DraftTask {
  if (!confs || d.conf != null) return d;
  return { ...d, conf: lowestConfidence(d.lines.map((l) => confs[l - 1])) };
}

/** Each unit's canonical name (the user's table, then the built-in standard names). */
function canonicalUnits(t: Plan["tasks"][number], opts: ConvertOptions): Plan["tasks"][number] {
  const o = { ...(opts.aliases ? { aliases: opts.aliases } : {}), builtin: opts.builtinAliases !== false };
  return { ...t, units: t.units.map((u) => withCanonical(u, o)) };
}

function toWarning(w: Warning): Plan["warnings"][number] {
  const out: Plan["warnings"][number] = { code: w.code, message: w.message };
  if (w.where?.lines && w.where.lines.length > 0) out.lines = w.where.lines;
  if (w.where?.page) out.page = w.where.page;
  return out;
}

/** Converts a file (or standard input, named "-"). */
/** A file read and laid out, apart from any plan (the `tables` command). */
export async function layoutFile(job: { file: string; path?: FsPath; bytes?: Uint8Array }, opts: ConvertOptions = {}): Promise<{ file: string; format: SourceFormat; laid: Laid }> {
  const bytes = job.bytes ?? readInput(job.path ?? job.file, opts.maxSize ?? DEFAULT_MAX_SIZE, job.file);
  const name = job.file === STDIN ? "stdin" : job.file;
  const { laid, format } = await layoutBytes(bytes, name, opts);
  return { file: path.basename(name), format, laid };
}

export async function convertFile(file: FsPath, opts: ConvertOptions = {}, name: string = displayPath(file)): Promise<Conversion> {
  const bytes = readInput(file, opts.maxSize ?? DEFAULT_MAX_SIZE, name);
  return convertBytes(bytes, file === STDIN ? "stdin" : name, opts);
}

/** Converts a document's bytes; `file` names it in messages and in `source.file`. */
/** Read and lay out only: the document model, before any plan (the `tables` command). */
export async function layoutBytes(bytes: Uint8Array, file: string, opts: ConvertOptions = {}): Promise<{ laid: Laid; format: SourceFormat; encoding: string | null; text: string | null; own: OwnPlan | null; places: ReadonlyArray<SheetPlace | null> | null }> {
  if (bytes.length === 0) throw new WorkplanError("invalidInput", `${file}: empty file`);
  const sniffed = sniffFormat(bytes, file);
  if ("refused" in sniffed) throw new WorkplanError("invalidInput", `${file}: ${sniffed.refused}`);
  const { format } = sniffed;
  try {
    const source = await read(format, bytes, file, opts);
    const laid = await layOut(source, opts);
    const encoding = source.kind === "pages" || source.kind === "plan" ? null : source.encoding;
    const places = source.kind === "dom" ? (source.places ?? null) : null;
    return { laid, format, encoding, text: source.kind === "text" ? source.text : null, own: source.kind === "plan" ? source : null, places };
  } catch (e) {
    // Every failure names its file, whichever stage raised it.
    if (e instanceof WorkplanError && !e.message.startsWith(file)) throw new WorkplanError(e.kind, `${file}: ${e.message}`, { cause: e });
    throw e;
  }
}

export async function convertBytes(bytes: Uint8Array, file: string, opts: ConvertOptions = {}): Promise<Conversion> {
  const { laid, format, encoding, text: textOf, own, places } = await layoutBytes(bytes, file, opts);
  const sourceOf = () => ({ file: path.basename(file), format, layout: laid.layout, encoding, sha256: createHash("sha256").update(bytes).digest("hex") });
  if (own && own.tasks.length === 0) throw new WorkplanError("noTasks", `${file}: workplan's own workbook, with no tasks on its tasks sheet`);
  if (own) return { plan: checkedPlan(file, { schemaVersion: SCHEMA_VERSION, generator: GENERATOR, source: sourceOf(), title: own.title, year: own.year, columns: own.columns, tasks: own.tasks.map((t) => canonicalUnits(t, opts)), warnings: own.warnings }), laid, front: [] };
  if (laid.table) {
    const cells = laid.table.rows.reduce((n, r) => n + r.cells.length, 0);
    if (cells > MAX_CELLS) throw new WorkplanError("invalidInput", `${file}: table too large (over ${MAX_CELLS} cells)`);
  }
  const warnings: Warning[] = [...laid.warnings];
  let drafts: DraftTask[];
  let front: Paragraph[] = laid.front;
  if (laid.table) {
    const r = planTable(laid.table);
    drafts = r.value;
    warnings.push(...r.warnings);
  } else {
    const r = planProse(laid.paragraphs);
    drafts = r.value.tasks;
    front = [...front, ...r.value.front];
    warnings.push(...r.warnings);
  }
  const title = findTitle(front, laid.table != null);
  const not = drafts.length === 0 ? null : notAPlan(drafts, laid.table ? { columns: laid.table.columns ?? columnsOf(laid.table.header) } : null, title);
  if (drafts.length === 0 || not) {
    const diagnosis = { layout: laid.layout, reason: laid.reason, tried: laid.tried ?? [], clues: textOf != null ? (await import("./layout/text/index.js")).cluesOf(textOf) : [], ...(laid.pages ? { pages: laid.pages } : {}) };
    const refused = diagnosis.tried.find((t) => t.refused);
    const why = refused ? ` (${refused.layout}: ${refused.outcome})` : "";
    throw new WorkplanError("noTasks", not ? `${file}: not read as a work plan: ${not}` : `${file}: no task table or numbered task items found${why}`, { diagnosis });
  }
  const year = findYear(title, [...front, ...laid.back]);
  if (year == null) warnings.push({ code: "no-year", message: "no plan year in the title or an issue date: deadlines are left undated" });
  const plan = {
    schemaVersion: SCHEMA_VERSION,
    generator: GENERATOR,
    source: sourceOf(),
    title,
    year,
    columns: laid.table ? laid.table.header.filter((h) => h !== "") : [],
    tasks: drafts.map((d) => taskOnSheet(canonicalUnits(finishTask(withLineConf(d, laid.lineConf), year), opts), places)),
    warnings: warnings.map((w) => warningOnSheet(toWarning(w), places)),
  };
  return { plan: checkedPlan(file, plan), laid, front };
}

/**
 * Where lines of a workbook's page are on its sheets: the first sheet they touch (a
 * task's rows could run over two sheets of one table) and its rows there.
 */
function onSheet(lines: readonly number[], places: ReadonlyArray<SheetPlace | null>): { sheet: SheetPlace | null; rows: number[] } {
  const at = lines.map((l) => places[l - 1]).filter((p): p is SheetPlace => p != null);
  const sheet = at[0] ?? null;
  return { sheet, rows: [...new Set(at.filter((p) => p.sheet === sheet?.sheet).map((p) => p.row))].sort((a, b) => a - b) };
}

/** A workbook's task: provenance names its sheet, its position and its rows. */
function taskOnSheet(t: Plan["tasks"][number], places: ReadonlyArray<SheetPlace | null> | null): Plan["tasks"][number] {
  if (!places) return t;
  const { sheet, rows } = onSheet(t.provenance.lines, places);
  return { ...t, provenance: sheet ? { lines: rows, page: sheet.sheetNo, sheet: sheet.sheet } : { lines: [], page: null } };
}

/** A workbook's warning: about rows of a named sheet. */
function warningOnSheet(w: Plan["warnings"][number], places: ReadonlyArray<SheetPlace | null> | null): Plan["warnings"][number] {
  if (!places) return w;
  const { sheet, rows } = onSheet(w.lines ?? [], places);
  const out: Plan["warnings"][number] = { code: w.code, message: sheet ? `${w.message} (sheet ${sheet.sheet})` : w.message };
  if (rows.length > 0) out.lines = rows;
  if (sheet) out.page = sheet.sheetNo;
  return out;
}

/** The plan as the schema has it, or an internal error: every output is checked before it is written. */
function checkedPlan(file: string, plan: unknown): Plan {
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) {
    throw new WorkplanError("internal", `${file}: output failed its own schema (${checked.error.issues[0]?.message ?? "invalid"}); this is a bug`);
  }
  return checked.data;
}
