// Bytes of a web page → text. A BOM wins, then a charset declared in the first bytes
// (meta charset / http-equiv), then the text decoder's own detection — government
// pages saved as GB2312/GBK often declare nothing.

import type { Decoded } from "../text/decode.js";
import { decode } from "../text/decode.js";

const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/iu;

function canonical(charset: string): string | null {
  const c = charset.toLowerCase();
  if (["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"].includes(c)) return "gb18030";
  if (["utf-8", "utf8"].includes(c)) return "utf-8";
  if (["big5", "big5-hkscs"].includes(c)) return "big5";
  return null;
}

export async function decodeHtml(bytes: Uint8Array, file: string): Promise<Decoded> {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
    const declared = DECLARED.exec(head);
    const enc = declared ? canonical(declared[1]!) : null;
    if (enc) {
      // A declared legacy page may hold a few bad bytes; they become U+FFFD, not an error.
      return { text: new TextDecoder(enc).decode(bytes), encoding: `${enc} (declared)` };
    }
  }
  return decode(bytes, file);
}
