// HTML reader: bytes → decoded page → cheerio DOM → laid-out document. cheerio is
// imported here only, so that reading a .txt never loads it.

import type { ReadOutcome } from "../text/reader.js";
import { layoutHtml } from "../../layout/html.js";
import { decodeHtml } from "./decode.js";
import { checkHtmlSize } from "./scan.js";

export async function readHtml(bytes: Uint8Array, file: string): Promise<ReadOutcome> {
  const { text, encoding } = await decodeHtml(bytes, file);
  checkHtmlSize(text);
  const { load } = await import("cheerio");
  // cheerio parses (parse5, as a browser would); the layout walks the tree itself.
  const doc = load(text, { sourceCodeLocationInfo: true }).root()[0]!;
  return { laid: layoutHtml(doc), encoding };
}
