// DOCX reader: word/document.xml straight to HTML (body.ts: paragraphs, tables with
// their merges, automatic numbers written in), which the HTML layout then reads like a
// web page. Nothing the document links to is ever opened.

import { WorkplanError } from "../../model/errors.js";
import { MAX_UNZIPPED, MAX_ZIP_ENTRIES } from "../../model/limits.js";
import { layoutHtml } from "../../layout/html.js";
import type { ReadOutcome } from "../text/reader.js";
import { isTag } from "domhandler";
import { bodyHtml, child } from "./body.js";
import { numberingLabels } from "./numbering.js";

type Zip = InstanceType<typeof import("jszip")>;

/** One part of the archive as text, or null when absent; a part that fails to inflate fails the file. */
async function partText(zip: Zip, file: string, name: string): Promise<string | null> {
  const entry = zip.file(name);
  if (!entry) return null;
  try {
    return await entry.async("string");
  } catch (e) {
    throw new WorkplanError("invalidInput", `${file}: not a valid .docx (${name}: ${e instanceof Error ? e.message.replace(/^Bug : /u, "") : "corrupt archive"})`, { cause: e });
  }
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<ReadOutcome> {
  const { default: JSZip } = await import("jszip");
  let zip: Zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WorkplanError("invalidInput", `${file}: not a valid .docx (the zip archive is corrupt)`);
  }
  // Before anything is inflated: the archive's own account of its entries and sizes.
  // (Sizes can lie; the worker's heap cap catches what this does not.)
  const entries = Object.values(zip.files);
  if (entries.length > MAX_ZIP_ENTRIES) throw new WorkplanError("invalidInput", `${file}: ${entries.length} entries in the archive (limit ${MAX_ZIP_ENTRIES}): not a plausible Word file`);
  const declared = entries.reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (declared > MAX_UNZIPPED) throw new WorkplanError("invalidInput", `${file}: would inflate to ${(declared / 1048576).toFixed(0)} MB (limit ${MAX_UNZIPPED / 1048576} MB): a zip bomb?`);
  const xml = await partText(zip, file, "word/document.xml");
  if (xml === null) throw new WorkplanError("invalidInput", `${file}: a zip archive, but not a Word document (no word/document.xml)`);
  const { load } = await import("cheerio");
  const part = (name: string) => partText(zip, file, name);
  const parseXml = (x: string) => load(x, { xml: true }).root()[0]!;
  const doc = parseXml(xml);
  const labels = numberingLabels(doc, await part("word/numbering.xml"), await part("word/styles.xml"), parseXml);
  const body = child(doc.children.find(isTag), "w:body");
  if (!body) throw new WorkplanError("invalidInput", `${file}: a Word archive whose document.xml has no body`);
  // Footnotes and endnotes are text of the notice too: read after the body.
  const notes: string[] = [];
  for (const name of ["word/footnotes.xml", "word/endnotes.xml"]) {
    const x = await part(name);
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
