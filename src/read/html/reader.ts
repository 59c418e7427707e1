// HTML reader: bytes → decoded page → cheerio DOM → laid-out document. cheerio is
// imported here only, so that reading a .txt never loads it.

import type { ReadOutcome } from "../text/reader.js";
import { layoutHtml } from "../../layout/html.js";
import { decodeHtml } from "./decode.js";

export async function readHtml(bytes: Uint8Array, file: string): Promise<ReadOutcome> {
  const { text, encoding } = await decodeHtml(bytes, file);
  const { load } = await import("cheerio");
  const $ = load(text, { sourceCodeLocationInfo: true });
  return { laid: layoutHtml($), encoding };
}
