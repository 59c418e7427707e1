// A page image (PNG, JPEG) read as a scanned one-page PDF: wrapped (image/pdf.ts), then
// read by the PDF reader, whose OCR path recognises it.

import { WorkplanError } from "../../model/errors.js";
import type { Source } from "../../model/source.js";
import type { PdfOptions } from "../pdf/reader.js";
import { imagePdf } from "./pdf.js";

export async function readImage(bytes: Uint8Array, file: string, opts: PdfOptions = {}): Promise<Source> {
  if (opts.ocr === "never") throw new WorkplanError("invalidInput", `${file}: an image has no text to read without OCR (--ocr never)`);
  const kind = bytes[0] === 0x89 ? "PNG" : "JPEG";
  const { readPdf } = await import("../pdf/reader.js");
  return readPdf(imagePdf(bytes, file, kind), file, { ...opts, ocr: "always" });
}
