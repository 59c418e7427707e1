// CSV, as a spreadsheet saves it ("CSV UTF-8" or the local code page, GB18030 on a
// Chinese Windows): read as the web page a workbook reads as, one <table> whose rows are
// the file's records, so the same HTML layout finds the task table. A CSV file keeps no
// merges: a merged cell's value stands in its first row and the rows it covers are empty,
// which the layout is told (they are filled from above, as in text).
//
// Parsed with csv-parse (the csv project's parser, beside the csv-stringify we write
// with): quoted fields with commas, quotes and line breaks in them are a solved problem.

import { parse } from "csv-parse/sync";
import { WorkplanError } from "../../model/errors.js";
import { MAX_CELLS } from "../../model/limits.js";
import type { Source } from "../../model/source.js";
import { cellMarkup } from "../../text/text.js";
import { decode, decodeAs } from "../text/decode.js";

interface Parsed {
  record: string[];
  info: { lines: number };
}

export async function readCsv(bytes: Uint8Array, file: string, forced?: string): Promise<Source> {
  const { text, encoding } = forced ? decodeAs(bytes, file, forced) : await decode(bytes, file);
  if (!text.replace(/^\ufeff/u, "").trim()) throw new WorkplanError("invalidInput", `${file}: empty file (only white space)`);
  let records: Parsed[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as Parsed[];
  } catch (e) {
    throw new WorkplanError("invalidInput", `${file}: not readable as CSV (${e instanceof Error ? e.message : String(e)})`);
  }
  const cells = records.reduce((n, r) => n + r.record.length, 0);
  if (cells > MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (${file}: ${cells} cells, over ${MAX_CELLS})`);
  // Each record's row on the line of the file where the record starts: provenance names
  // the file's lines.
  const last = records[records.length - 1]?.info.lines ?? 1;
  const lines = new Array<string>(last).fill("");
  let start = 1;
  for (const r of records) {
    if (r.record.some((c) => c.trim())) lines[start - 1] += `<tr>${r.record.map((c) => `<td>${cellMarkup(c)}</td>`).join("")}</tr>`;
    start = r.info.lines + 1;
  }
  lines[0] = `<!doctype html><html><body><table>${lines[0]}`;
  lines[lines.length - 1] += "</table></body></html>";
  const { parseHtml } = await import("../html/parse.js");
  return { kind: "dom", doc: parseHtml(lines.join("\n")), origin: "csv", encoding };
}
