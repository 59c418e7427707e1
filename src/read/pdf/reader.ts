// PDF reader: PDFium gives each page's characters with their boxes and its path
// objects; the PDF layout rebuilds the ruled tables from them. PDFium is imported here
// only, so that reading a .txt never loads it.

import { WorkplanError } from "../../model/errors.js";
import { MAX_PAGES } from "../../model/limits.js";
import type { Source } from "../../model/source.js";
import { A4_SHORT_PT, type PageGeometry } from "../../model/geometry.js";
import { readPage, Scratch } from "./page.js";
import { renderGray } from "./render.js";
import type { LineReader } from "../ocr/ppocr.js";
import { OCR_SETTINGS } from "../ocr/settings.js";
import { READ_SETTINGS } from "./settings.js";
import { discardPdfium, pdfium, type Pdfium } from "./pdfium.js";

export interface PdfOptions {
  password?: string;
  /** 1-based page numbers to read; all when absent. */
  pages?: Set<number>;
  /**
   * When to recognise a page's text from its image: "auto" (default) a page without a
   * text layer, "always" every page (a text layer of garbage), "never" none.
   */
  ocr?: "auto" | "always" | "never";
  /** Tesseract's models, e.g. "chi_sim" (default), "chi_tra", "chi_sim+chi_tra". */
  ocrLang?: string;
  /**
   * Who reads the lines: "auto" (default) the PP-OCR line recogniser when it is installed
   * and the models asked for are chi_sim (its dictionary is Simplified Chinese), else
   * Tesseract; "ppocr" that recogniser (Tesseract still finds the lines outside tables);
   * "tesseract" Tesseract alone.
   */
  ocrEngine?: OcrEngine;
}

export type OcrEngine = "auto" | "ppocr" | "tesseract";

/** FPDF_ERR_* from fpdfview.h. */
const ERR_FORMAT = 3;
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;

function openError(engine: Pdfium, file: string, opts: PdfOptions): WorkplanError {
  const code = engine.FPDF_GetLastError();
  if (code === ERR_PASSWORD) {
    return new WorkplanError("invalidInput", `${file}: encrypted PDF: ${opts.password != null ? "the password is wrong" : "it needs a password (--password)"}`);
  }
  if (code === ERR_SECURITY) return new WorkplanError("invalidInput", `${file}: encrypted PDF with a security handler PDFium does not support`);
  return new WorkplanError("invalidInput", `${file}: not a readable PDF (${code === ERR_FORMAT ? "corrupt or truncated" : `PDFium error ${code}`})`);
}

/**
 * pt: the short sides within which a page is a paper size (A6 to A2,
 * with a margin: a large table is printed on A3 or A2). An A4 scan at 300 dpi wrapped as
 * if at 96 dpi is 1912 pt wide, at 72 dpi 2480.
 */
const PAPER_SHORT = [280, 1300] as const;

/** The factor that makes a page paper-sized: 1 for a page whose short side is a paper's, else the one that gives it A4's. */
export function paperScale(width: number, height: number): number {
  const short = Math.min(width, height);
  return short >= PAPER_SHORT[0] && short <= PAPER_SHORT[1] ? 1 : A4_SHORT_PT / short;
}

/**
 * A page without text read from its pixels, in place. Without Tesseract the page stays
 * without text and says why (a document of such pages only then fails, saying what to
 * install); `--ocr always` without it fails at once.
 */
async function recognisePage(engine: Pdfium, doc: number, index: number, g: PageGeometry, file: string, opts: PdfOptions): Promise<void> {
  const { findTesseract, ocrLanguage, OCR_HOW } = await import("../ocr/tesseract.js");
  if (!findTesseract() && opts.ocr !== "always") {
    g.unread = `no text layer; reading it needs OCR: ${OCR_HOW}`;
    return;
  }
  const { bin, lang, digits } = ocrLanguage(opts.ocrLang ?? "chi_sim", file);
  const reader = await lineReader(opts.ocrEngine ?? "auto", lang, file);
  // A page whose size is no paper's (a scan wrapped at a resolution no scanner has, 72
  // or 96 dpi: an A4 image becomes a page three feet tall) holds glyphs and rulings as
  // many times larger in points than every OCR tolerance assumes: it is read as the
  // paper it stands for, its short side A4's (as an image that declares no resolution is).
  const k = paperScale(g.width, g.height);
  if (k !== 1) {
    g.width *= k;
    g.height *= k;
  }
  // The scan's own resolution on the page as read (k makes it paper-sized).
  const scan = g.image && g.image.share >= OCR_SETTINGS.scanShare ? g.image.dpi / k : undefined;
  const rendered = renderGray(engine, doc, index, g.width, g.height, scan);
  if (!rendered) return;
  const { ocrPage } = await import("../ocr/page.js");
  const o = await ocrPage(rendered.gray, rendered.dpi, bin, lang, digits, reader).catch((e: unknown) => {
    throw new WorkplanError("invalidInput", `${file}: page ${g.number}: OCR failed (${e instanceof Error ? e.message : "unknown error"})`, { cause: e });
  });
  g.items = o.items;
  g.segments = o.segments;
  g.ocr = { dpi: rendered.dpi, skew: o.skew };
}

/** The line recogniser `engine` asks for (null: Tesseract reads alone); "ppocr" without it installed fails, saying what to install. */
async function lineReader(engine: OcrEngine, lang: string, file: string): Promise<LineReader | null> {
  if (engine === "tesseract" || (engine === "auto" && lang !== "chi_sim")) return null;
  const { loadPpocr, PPOCR_HOW } = await import("../ocr/ppocr.js");
  const r = await loadPpocr().catch((e: unknown) => {
    throw new WorkplanError("invalidInput", `${file}: the PP-OCR recogniser is installed but did not load (${e instanceof Error ? e.message : "unknown error"}); --ocr-engine tesseract reads without it`, { cause: e });
  });
  if (!r && engine === "ppocr") throw new WorkplanError("invalidInput", `${file}: --ocr-engine ppocr, and the PP-OCR recogniser is not installed: ${PPOCR_HOW}`);
  return r;
}

async function readPages(engine: Pdfium, doc: number, file: string, opts: PdfOptions): Promise<PageGeometry[]> {
  const s = new Scratch(engine);
  try {
    const count = engine.FPDF_GetPageCount(doc);
    const chosen = opts.pages ? [...opts.pages].filter((n) => n <= count).length : count;
    if (chosen > MAX_PAGES) {
      throw new WorkplanError("invalidInput", `${file}: ${opts.pages ? `${chosen} pages chosen` : `${count} pages`}; workplan reads at most ${MAX_PAGES} (choose some with --pages)`);
    }
    const geometry: PageGeometry[] = [];
    for (let i = 0; i < count; i++) {
      if (opts.pages && !opts.pages.has(i + 1)) continue;
      const g = readPage(engine, doc, i, s);
      if (!g.unread && opts.ocr !== "never" && (opts.ocr === "always" || g.items.length === 0)) await recognisePage(engine, doc, i, g, file, opts);
      geometry.push(g);
    }
    if (geometry.length === 0) throw new WorkplanError("usage", `${file}: --pages selects none of its ${count} pages`);
    return geometry;
  } finally {
    s.free();
  }
}

export async function readPdf(bytes: Uint8Array, file: string, opts: PdfOptions = {}): Promise<Source> {
  const engine = await pdfium();
  // PDFium reads the document from its own memory, for as long as it is open; the
  // password goes in as a C string.
  const data = engine.malloc(bytes.length);
  const secret = new TextEncoder().encode(`${opts.password ?? ""}\0`);
  const password = engine.malloc(secret.length);
  let doc = 0;
  let geometry: PageGeometry[];
  try {
    if (!data || !password) throw new WorkplanError("invalidInput", `${file}: PDF too large to load (${bytes.length} bytes)`);
    engine.heap.HEAPU8.set(bytes, data);
    engine.heap.HEAPU8.set(secret, password);
    doc = engine.FPDF_LoadMemDocument(data, bytes.length, password);
    if (!doc) throw openError(engine, file, opts);
    geometry = await readPages(engine, doc, file, opts);
  } catch (e) {
    if (e instanceof WorkplanError) throw e;
    discardPdfium();
    throw new WorkplanError("invalidInput", `${file}: PDF could not be read (${e instanceof Error ? e.message : "unknown error"})`, { cause: e });
  } finally {
    try {
      if (doc) engine.FPDF_CloseDocument(doc);
      if (data) engine.free(data);
      if (password) engine.free(password);
    } catch {
      discardPdfium(); // the engine trapped: it is not used again
    }
  }
  const read = geometry.filter((g) => !g.unread || g.unread.startsWith("no text layer"));
  if (read.length === 0) throw new WorkplanError("invalidInput", `${file}: every page holds more than ${READ_SETTINGS.maxTextObjects} text objects: not a notice workplan reads`);
  if (read.every((g) => g.items.length === 0)) {
    const why = geometry.find((g) => g.unread?.startsWith("no text layer"))?.unread;
    throw new WorkplanError("invalidInput", `${file}: ${why ?? (opts.ocr === "never" ? "no text layer (a scanned PDF?), and --ocr never" : "no text layer, and OCR found no text")}`);
  }
  return { kind: "pages", pages: geometry };
}
