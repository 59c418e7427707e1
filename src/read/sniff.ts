// Which reader a file needs, from its content first and its extension second: archives
// hold .doc files that are really HTML, PDFs without an extension, spreadsheets named
// .doc. A container (a zip, an OLE compound file) is looked into, so that a spreadsheet
// or a presentation is named as what it is rather than as a broken Word file.

import path from "node:path";
import { isOle, oleNames } from "./ole.js";
import { listZip, readEntry, ZipError } from "./zip.js";

import type { SourceFormat } from "../schema/plan.js";

export type { SourceFormat };

export type Sniffed = { format: SourceFormat } | { refused: string };

/** Zip entries looked at to tell the kind of archive: far more than any office file has. */
const MAX_SNIFF_ENTRIES = 100_000;

const refuse = (what: string, hint: string): Sniffed => ({ refused: `${what}: ${hint}` });
const PRESENTATION = "a presentation, not a notice workplan reads";

function zipKind(bytes: Uint8Array, ext: string): Sniffed {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let names: ReturnType<typeof listZip>["entries"];
  try {
    names = listZip(buf, MAX_SNIFF_ENTRIES).entries;
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    // A damaged archive: the reader its extension names reports the damage.
    return ext === ".docx" || ext === ".docm" || ext === "" ? { format: "docx" } : refuse(`a damaged zip archive (${e.message})`, "not a document workplan can read");
  }
  if (names.has("word/document.xml")) return { format: "docx" };
  if (names.has("xl/workbook.xml")) return { format: "xlsx" };
  if (names.has("ppt/presentation.xml")) return refuse("a PowerPoint .pptx", PRESENTATION);
  const mimetype = names.get("mimetype");
  if (mimetype) {
    let type = "";
    try {
      type = readEntry(buf, mimetype).toString("latin1").trim();
    } catch {
      // An unreadable mimetype entry: an archive of another kind.
    }
    if (type === "application/vnd.oasis.opendocument.text") return { format: "odt" };
    if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return { format: "ods" };
    if (type.startsWith("application/vnd.oasis.opendocument.presentation")) return refuse("an OpenDocument presentation", PRESENTATION);
  }
  return refuse("a zip archive", "not a document workplan reads (unpack it and convert its files)");
}

function oleKind(bytes: Uint8Array): Sniffed {
  const names = new Set(oleNames(bytes));
  if (names.has("WordDocument")) return { format: "doc" }; // Word 97–2003, and WPS 文字 .wps
  if (names.has("Workbook") || names.has("Book")) return { format: "xls" }; // Excel 97–2003, and WPS 表格 .et
  if (names.has("PowerPoint Document")) return refuse("a PowerPoint .ppt", PRESENTATION);
  if (names.has("CONTENTS") || names.has("MatOST")) return { format: "doc" }; // Microsoft Works .wps: LibreOffice reads it
  if (names.has("EncryptedPackage")) return refuse("an encrypted Office file", "remove its password in Word or WPS first");
  // Structure unreadable: LibreOffice is the judge of a legacy office file.
  return names.size === 0 ? { format: "doc" } : refuse("an OLE compound file of unknown kind", "not a document workplan reads");
}

function imageKind(head: Buffer): string | null {
  if (head[0] === 0x89 && head.subarray(1, 4).toString("latin1") === "PNG") return "PNG";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "JPEG";
  const t = head.subarray(0, 4).toString("latin1");
  if (t === "II*\0" || t === "MM\0*") return "TIFF";
  if (t.startsWith("GIF8")) return "GIF";
  return null;
}

export function sniffFormat(bytes: Uint8Array, file: string): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024));
  const ext = path.extname(file).toLowerCase();
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return { format: "pdf" };
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return zipKind(bytes, ext);
  if (isOle(bytes)) return oleKind(bytes);
  const image = imageKind(head);
  if (image === "PNG" || image === "JPEG") return { format: "image" };
  if (image) return refuse(`a ${image} image`, "workplan reads page images as PNG or JPEG, and scans as PDF: put the pages in a PDF (e.g. img2pdf) and convert that");
  const ascii = head.toString("latin1").replace(/^\ufeff|^\xef\xbb\xbf/u, "").trimStart().slice(0, 200).toLowerCase();
  if (ascii.startsWith("{\\rtf")) return { format: "rtf" };
  if (ascii.startsWith("<!doctype html") || ascii.startsWith("<html") || /^<(?:head|body|meta|table)\b/u.test(ascii)) return { format: "html" };
  if (ext === ".html" || ext === ".htm") return { format: "html" };
  if (ext === ".csv") return { format: "csv" };
  // The extension promised a format the bytes do not have.
  if ([".pdf", ".docx", ".docm", ".doc", ".wps", ".odt", ".rtf", ".xlsx", ".xlsm", ".xls", ".et", ".ods"].includes(ext)) {
    return { refused: `the extension says ${ext.slice(1).toUpperCase()}, but the content is not` };
  }
  return { format: "text" };
}
