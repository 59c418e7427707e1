// DOCX reader: mammoth turns the document into HTML (paragraphs, headings, tables with
// rowspan from vMerge and colspan from gridSpan); where mammoth says it lost merges, or
// rows use gridBefore/gridAfter (which it ignores), the tables are rebuilt from the
// document XML. The HTML layout then reads it like a web page.

import { WorkplanError } from "../../model/errors.js";
import { MAX_UNZIPPED, MAX_ZIP_ENTRIES } from "../../model/limits.js";
import { warning, type Warning } from "../../model/result.js";
import { layoutHtml } from "../../layout/html.js";
import type { ReadOutcome } from "../text/reader.js";
import { inlineNumbering } from "./numbering.js";
import { tablesFromXml } from "./tables.js";

export async function readDocx(bytes: Uint8Array, file: string): Promise<ReadOutcome> {
  const { default: JSZip } = await import("jszip");
  let zip: InstanceType<typeof JSZip>;
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
  const entry = zip.file("word/document.xml");
  if (!entry) throw new WorkplanError("invalidInput", `${file}: a zip archive, but not a Word document (no word/document.xml)`);
  let xml: string;
  try {
    xml = await entry.async("string");
  } catch (e) {
    throw new WorkplanError("invalidInput", `${file}: not a valid .docx (${e instanceof Error ? e.message.replace(/^Bug : /u, "") : "corrupt archive"})`, { cause: e });
  }
  const { load } = await import("cheerio");
  // Automatic numbers (一、 headings, a 序号 column) written into the text, which
  // mammoth would otherwise drop.
  let input: Buffer = Buffer.from(bytes);
  const numbered = inlineNumbering(xml, (await zip.file("word/numbering.xml")?.async("string")) ?? null, (await zip.file("word/styles.xml")?.async("string")) ?? null, (x) => load(x, { xml: true }));
  if (numbered) {
    zip.file("word/document.xml", numbered);
    input = await zip.generateAsync({ type: "nodebuffer" });
  }
  const mammoth = await import("mammoth");
  let converted: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    // Never read files a document links to (CVE-2025-11849: linked images as local paths).
    converted = await mammoth.convertToHtml({ buffer: input }, { externalFileAccess: false });
  } catch (e) {
    throw new WorkplanError("invalidInput", `${file}: Word document cannot be read (${e instanceof Error ? e.message.split("\n")[0] : "corrupt"})`, { cause: e });
  }
  const $ = load(converted.value);
  const warnings: Warning[] = [];
  const lost = converted.messages.some((m) => /cell merging may be incorrect/u.test(m.message));
  if (lost || /<w:grid(?:Before|After)\b/u.test(xml)) {
    const rebuilt = tablesFromXml(load(numbered ?? xml, { xml: true }));
    const top = $("table").toArray().filter((t) => $(t).parents("table").length === 0);
    if (rebuilt.length === top.length) {
      top.forEach((t, k) => $(t).replaceWith(rebuilt[k]!));
      warnings.push(warning("docx-merges-rebuilt", "table merges were rebuilt from the document XML (mammoth could not read them)"));
    } else warnings.push(warning("docx-merges-lost", "merged cells may be misread: the document's tables could not be matched to rebuild them"));
  }
  const laid = layoutHtml($);
  return {
    laid: { ...laid, layout: laid.layout === "html-table" ? "docx-table" : "docx-prose", warnings: [...warnings, ...laid.warnings] },
    encoding: null,
  };
}
