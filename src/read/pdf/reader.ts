// PDF reader: PDFium gives each page's characters with their boxes and its path
// objects; the PDF layout rebuilds the ruled tables from them. PDFium is imported here
// only, so that reading a .txt never loads it.

import { WorkplanError } from "../../model/errors.js";
import { MAX_PAGES } from "../../model/limits.js";
import type { Source } from "../../model/source.js";
import type { PageGeometry } from "../../model/geometry.js";
import { readPage, Scratch } from "./page.js";
import { READ_SETTINGS } from "./settings.js";
import { discardPdfium, pdfium, type Pdfium } from "./pdfium.js";

export interface PdfOptions {
  password?: string;
  /** 1-based page numbers to read; all when absent. */
  pages?: Set<number>;
}

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

function readPages(engine: Pdfium, doc: number, file: string, opts: PdfOptions): PageGeometry[] {
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
      geometry.push(readPage(engine, doc, i, s));
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
    geometry = readPages(engine, doc, file, opts);
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
  const read = geometry.filter((g) => !g.unread);
  if (read.length === 0) throw new WorkplanError("invalidInput", `${file}: every page holds more than ${READ_SETTINGS.maxTextObjects} text objects: not a notice workplan reads`);
  if (read.every((g) => g.items.length === 0)) {
    throw new WorkplanError("invalidInput", `${file}: no text layer (a scanned PDF?); workplan reads text and does not do OCR`);
  }
  return { kind: "pages", pages: geometry };
}
