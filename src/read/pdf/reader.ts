// PDF reader: pdfjs-dist (the version pdf-parse pins) gives each page's text items and
// drawing operators; the PDF layout rebuilds the ruled tables from them. pdfjs is
// imported here only, so that reading a .txt never loads it. Scripts in the PDF are
// never evaluated (isEvalSupported: false) and no fonts are fetched.

import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WorkplanError } from "../../model/errors.js";
import { layoutPdf } from "../../layout/pdf/index.js";
import type { ReadOutcome } from "../text/reader.js";
import { pdfEngine } from "./engine.js";
import { readPage, type Ops, type PageGeometry, type PdfPage } from "./page.js";

export interface PdfOptions {
  password?: string;
  /** 1-based page numbers to read; all when absent. */
  pages?: Set<number>;
}

function assetsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("pdfjs-dist/package.json"));
}

/**
 * Where pdf.js loads fonts: nowhere. With no document to load them into (as in Node),
 * pdf.js falls back to drawing text as outlines: it compiles every glyph of every
 * embedded font into a path and posts each one across to the API side — a third of the
 * CPU of reading a CJK PDF, and most of its long-lived garbage, for drawings we never
 * make. Given a document (getDocument's `ownerDocument`), it hands each font to a style
 * sheet instead; this one keeps nothing.
 */
const FONT_SINK = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

export async function readPdf(bytes: Uint8Array, file: string, opts: PdfOptions = {}): Promise<ReadOutcome> {
  const pdfjs = await pdfEngine();
  const assets = assetsDir();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: pathToFileURL(path.join(assets, "cmaps") + path.sep).href,
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(path.join(assets, "standard_fonts") + path.sep).href,
    isEvalSupported: false,
    disableFontFace: false,
    ownerDocument: FONT_SINK,
    useSystemFonts: false,
    verbosity: 0,
    ...(opts.password != null ? { password: opts.password } : {}),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : "";
    if (name === "PasswordException") {
      throw new WorkplanError("invalidInput", `${file}: encrypted PDF: ${opts.password != null ? "the password is wrong" : "it needs a password (--password)"}`);
    }
    throw new WorkplanError("invalidInput", `${file}: not a readable PDF (${name === "InvalidPDFException" ? "corrupt or truncated" : e instanceof Error ? e.message : "unknown error"})`, { cause: e });
  }
  try {
    const geometry: PageGeometry[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (opts.pages && !opts.pages.has(n)) continue;
      const page = await doc.getPage(n);
      geometry.push(await readPage(page as unknown as PdfPage, n, pdfjs.OPS as unknown as Ops));
      page.cleanup();
    }
    if (geometry.length === 0) throw new WorkplanError("usage", `${file}: --pages selects none of its ${doc.numPages} pages`);
    if (geometry.every((g) => g.items.length === 0)) {
      throw new WorkplanError("invalidInput", `${file}: no text layer (a scanned PDF?); workplan reads text and does not do OCR`);
    }
    return { laid: layoutPdf(geometry), encoding: null };
  } catch (e) {
    if (e instanceof WorkplanError) throw e;
    throw new WorkplanError("invalidInput", `${file}: PDF could not be read (${e instanceof Error ? e.message : "unknown error"})`, { cause: e });
  } finally {
    await doc.destroy();
  }
}
