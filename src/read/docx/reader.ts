// DOCX reader: word/document.xml, streamed as it inflates, straight into the DOM the
// web-page layout walks (body.ts: paragraphs, tables with their merges, automatic numbers
// written in); footnotes and endnotes after the body. Nothing the document links to is
// ever opened. Memory follows what the document shows, not the size of its XML.

import { Document, type ChildNode, Element } from "domhandler";
import { WorkplanError } from "../../model/errors.js";
import { MAX_UNZIPPED, MAX_ZIP_ENTRIES } from "../../model/limits.js";
import type { Source } from "../../model/source.js";
import { listZip, readEntry, streamEntry, ZipError, type ZipEntry } from "../zip.js";
import { BodyReader, type Part } from "./body.js";
import { readNumbering, type Numbering } from "./numbering.js";
import { xmlStream } from "./xml.js";

function invalid(file: string, name: string, e: unknown): never {
  if (e instanceof ZipError) throw new WorkplanError("invalidInput", `${file}: not a valid .docx (${name}: ${e.message})`, { cause: e });
  throw e;
}

/** One part of the archive as text, or null when absent; a part that fails to inflate fails the file. */
function partText(buf: Buffer, entries: Map<string, ZipEntry>, file: string, name: string): string | null {
  const entry = entries.get(name);
  if (!entry) return null;
  try {
    return readEntry(buf, entry).toString("utf8").replace(/^\uFEFF/u, "");
  } catch (e) {
    return invalid(file, name, e);
  }
}

/** Streams a part through a BodyReader; null when the archive has no such part. */
async function readPart(buf: Buffer, entries: Map<string, ZipEntry>, file: string, name: string, part: Part, numbering: Numbering | null): Promise<BodyReader | null> {
  const entry = entries.get(name);
  if (!entry) return null;
  const reader = new BodyReader(part, numbering);
  const xml = xmlStream(reader);
  // The decoder keeps a character split between two chunks; a BOM is dropped.
  const utf8 = new TextDecoder("utf-8");
  try {
    await streamEntry(buf, entry, (chunk) => xml.write(utf8.decode(chunk, { stream: true })));
  } catch (e) {
    invalid(file, name, e);
  }
  xml.write(utf8.decode());
  xml.end();
  return reader;
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<Source> {
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
  if (!entries.has("word/document.xml")) throw new WorkplanError("invalidInput", `${file}: a zip archive, but not a Word document (no word/document.xml)`);
  const numbering = readNumbering(partText(buf, entries, file, "word/numbering.xml"), partText(buf, entries, file, "word/styles.xml"));
  const body = (await readPart(buf, entries, file, "word/document.xml", "body", numbering))!;
  if (!body.sawContainer) throw new WorkplanError("invalidInput", `${file}: a Word archive whose document.xml has no body`);
  // Footnotes and endnotes are text of the notice too: read after the body.
  const nodes: ChildNode[] = body.result();
  for (const name of ["word/footnotes.xml", "word/endnotes.xml"]) {
    const notes = await readPart(buf, entries, file, name, "notes", null);
    if (notes) nodes.push(...notes.result());
  }
  const bodyEl = new Element("body", {}, nodes);
  nodes.forEach((n, i) => {
    n.parent = bodyEl;
    n.prev = nodes[i - 1] ?? null;
    n.next = nodes[i + 1] ?? null;
  });
  const doc = new Document([bodyEl]);
  bodyEl.parent = doc;
  return { kind: "dom", doc, origin: "docx", encoding: null };
}
