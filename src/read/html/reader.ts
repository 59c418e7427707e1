// HTML reader: bytes → decoded page → DOM (parse5, as a browser would parse it). The
// parser is imported here only, so that reading a .txt never loads it.

import type { Source } from "../../model/source.js";
import { decodeHtml } from "./decode.js";
import { checkHtmlSize } from "./scan.js";

export async function readHtml(bytes: Uint8Array, file: string): Promise<Source> {
  const { text, encoding } = await decodeHtml(bytes, file);
  checkHtmlSize(text);
  const { parseHtml } = await import("./parse.js");
  const doc = parseHtml(text);
  return { kind: "dom", doc, origin: "html", encoding };
}
