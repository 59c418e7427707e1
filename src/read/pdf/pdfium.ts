// PDFium (Chrome's PDF engine, built to WebAssembly by @embedpdf/pdfium), loaded once
// per thread and only when a PDF is read: a .txt never pays for it. PDFium runs no
// scripts in the PDF and fetches nothing.
//
// Why PDFium and not pdf.js: on the same PDFs it reads about twice the pages per second,
// its work happens in WebAssembly (no JavaScript garbage, nothing for V8's JIT to compile
// over and over), and it needs neither a canvas nor core-js's replacements of built-ins.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The PDFium functions the reader calls (fpdfview.h, fpdf_text.h, fpdf_edit.h; rendering only for OCR). */
const FUNCTIONS = [
  "FPDF_InitLibrary", "FPDF_LoadMemDocument", "FPDF_GetLastError", "FPDF_GetPageCount", "FPDF_CloseDocument",
  "FPDF_LoadPage", "FPDF_ClosePage", "FPDF_GetPageWidthF", "FPDF_GetPageHeightF",
  "FPDFPage_GetCropBox", "FPDFPage_GetMediaBox", "FPDFPage_GetRotation", "FPDFPage_CountObjects", "FPDFPage_GetObject",
  "FPDFPageObj_GetType", "FPDFPageObj_GetMatrix", "FPDFImageObj_GetImagePixelSize", "FPDFFormObj_CountObjects", "FPDFFormObj_GetObject",
  "FPDFPath_GetDrawMode", "FPDFPath_CountSegments", "FPDFPath_GetPathSegment",
  "FPDFPathSegment_GetType", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetClose",
  "FPDFText_LoadPage", "FPDFText_ClosePage", "FPDFText_CountChars", "FPDFText_GetUnicode",
  "FPDFText_GetLooseCharBox", "FPDFText_GetCharBox", "FPDFText_GetFontSize", "FPDFText_IsGenerated",
  "FPDFBitmap_Create", "FPDFBitmap_FillRect", "FPDFBitmap_GetBuffer", "FPDFBitmap_GetStride", "FPDFBitmap_Destroy", "FPDF_RenderPageBitmap",
  "malloc", "free",
] as const;

/** Pointers, handles, counts, booleans (0 or 1) and floats: every argument and result is a number. */
type Native = (...args: number[]) => number;

/** Views of PDFium's memory, for out-parameters: read them fresh, as they are replaced when the memory grows. */
export interface Heap {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
}

export type Pdfium = Record<(typeof FUNCTIONS)[number], Native> & { heap: Heap };

let loading: Promise<Pdfium> | null = null;

async function load(): Promise<Pdfium> {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve("@embedpdf/pdfium/pdfium.wasm"));
  const { init } = await import("@embedpdf/pdfium");
  const module = (await init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) })).pdfium;
  // The WebAssembly exports themselves, not the package's wrappers: those go through
  // Emscripten's ccall, which allocates arrays and closures on every call — millions
  // of calls per batch, one per character and property read.
  const exports = module.wasmExports as unknown as Record<string, unknown>;
  const natives: Partial<Record<(typeof FUNCTIONS)[number], Native>> = {};
  for (const name of FUNCTIONS) {
    const f = exports[name];
    if (typeof f !== "function") throw new Error(`this PDFium build has no ${name}`);
    natives[name] = f as Native;
  }
  const engine = { ...(natives as Record<(typeof FUNCTIONS)[number], Native>), heap: module };
  engine.FPDF_InitLibrary();
  return engine;
}

export function pdfium(): Promise<Pdfium> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/**
 * Forgets the engine after it failed in a way that may have left it broken (a
 * WebAssembly trap, an abort on memory): the next PDF gets a fresh one, so one bad
 * file in a batch does not fail the files after it.
 */
export function discardPdfium(): void {
  loading = null;
}
