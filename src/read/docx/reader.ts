// DOCX reader: word/document.xml straight to HTML (body.ts: paragraphs, tables with
// their merges, automatic numbers written in), which the HTML layout then reads like a
// web page. Nothing the document links to is ever opened.

import { WorkplanError } from "../../model/errors.js";
import { MAX_UNZIPPED, MAX_ZIP_ENTRIES } from "../../model/limits.js";
import { layoutHtml } from "../../layout/html.js";
import type { ReadOutcome } from "../text/reader.js";
import { isTag } from "domhandler";
import { child } from "../../layout/dom.js";
import { bodyHtml } from "./body.js";
import { numberingLabels } from "./numbering.js";
import { listZip, readEntry, ZipError, type ZipEntry } from "../zip.js";

/** One part of the archive as text, or null when absent; a part that fails to inflate fails the file. */
function partText(buf: Buffer, entries: Map<string, ZipEntry>, file: string, name: string): string | null {
  const entry = entries.get(name);
  if (!entry) return null;
  try {
    return readEntry(buf, entry).toString("utf8").replace(/^\uFEFF/u, "");
  } catch (e) {
    if (e instanceof ZipError) throw new WorkplanError("invalidInput", `${file}: not a valid .docx (${name}: ${e.message})`, { cause: e });
    throw e;
  }
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<ReadOutcome> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let listed: ReturnType<typeof listZip>;
  try {
    listed = listZip(buf, MAX_ZIP_ENTRIES);
  } catch (e) {
    if (e instanceof ZipError) throw new WorkplanError("invalidInput", `${file}: not a valid .docx (the zip archive is corrupt: ${e.message})`, { cause: e });
    throw e;
  }
  // Before anything is inflated: the archive's own account of its entries and sizes.
  // (Sizes can lie; inflating stops one byte past what an entry declares.)
  const { entries, count } = listed;
  if (count > MAX_ZIP_ENTRIES) throw new WorkplanError("invalidInput", `${file}: ${count} entries in the archive (limit ${MAX_ZIP_ENTRIES}): not a plausible Word file`);
  let declared = 0;
  for (const e of entries.values()) declared += e.size;
  if (declared > MAX_UNZIPPED) throw new WorkplanError("invalidInput", `${file}: would inflate to ${(declared / 1048576).toFixed(0)} MB (limit ${MAX_UNZIPPED / 1048576} MB): a zip bomb?`);
  const part = (name: string) => partText(buf, entries, file, name);
  const xml = part("word/document.xml");
  if (xml === null) throw new WorkplanError("invalidInput", `${file}: a zip archive, but not a Word document (no word/document.xml)`);
  const { load } = await import("cheerio");
  const parseXml = (x: string) => load(x, { xml: true }).root()[0]!;
  const doc = parseXml(xml);
  const labels = numberingLabels(doc, part("word/numbering.xml"), part("word/styles.xml"), parseXml);
  const body = child(doc.children.find(isTag), "w:body");
  if (!body) throw new WorkplanError("invalidInput", `${file}: a Word archive whose document.xml has no body`);
  // Footnotes and endnotes are text of the notice too: read after the body.
  const notes: string[] = [];
  for (const name of ["word/footnotes.xml", "word/endnotes.xml"]) {
    const x = part(name);
    if (!x) continue;
    for (const root of parseXml(x).children.filter(isTag)) {
      for (const note of root.children.filter(isTag)) if (!note.attribs["w:type"]) notes.push(bodyHtml(note, labels));
    }
  }
  // The HTML is ours and well formed: htmlparser2 reads it, no need for a browser's parser.
  const laid = layoutHtml(load(`<body>${bodyHtml(body, labels)}${notes.join("\n")}</body>`, { xml: { xmlMode: false } }).root()[0]!);
  return {
    laid: { ...laid, layout: laid.layout === "html-table" ? "docx-table" : "docx-prose" },
    encoding: null,
  };
}
