// Turns bytes into text. Chinese archives are full of GB18030/GBK files without any
// declaration, so UTF-8 is accepted only when the bytes are valid UTF-8, and anything
// else is GB18030 or Big5 when one of them reads as Chinese (see legacy.ts).

import { WorkplanError } from "../../model/errors.js";
import { decodeLegacy } from "./legacy.js";

export interface Decoded {
  text: string;
  encoding: string;
}

const FATAL_UTF8 = new TextDecoder("utf-8", { fatal: true });

function utf16Guess(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  // Text without a BOM in UTF-16 has a NUL in every other byte for ASCII; CJK text
  // has none, so look at the share of NULs at even and odd positions.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.3 && evenZero < half * 0.05) return "utf-16le";
  if (evenZero > half * 0.3 && oddZero < half * 0.05) return "utf-16be";
  return null;
}

function looksBinary(text: string): boolean {
  let control = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > n * 0.01 + 1;
}

export async function decode(bytes: Uint8Array, file: string): Promise<Decoded> {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict("utf-8", bytes.subarray(3), file), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeStrict("utf-16le", bytes.subarray(2), file), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeStrict("utf-16be", bytes.subarray(2), file), encoding: "utf-16be" };
  }
  const wide = utf16Guess(bytes);
  if (wide) {
    // Without a BOM, only the NULs said UTF-16: bytes that do not decode are binary.
    let text: string;
    try {
      text = new TextDecoder(wide, { fatal: true }).decode(bytes);
    } catch {
      throw new WorkplanError("invalidInput", `${file}: binary data, not a text notice`);
    }
    if (looksBinary(text)) throw new WorkplanError("invalidInput", `${file}: binary data, not a text notice`);
    return { text, encoding: wide };
  }
  if (bytes.includes(0)) throw new WorkplanError("invalidInput", `${file}: binary data, not a text notice`);
  try {
    const text = FATAL_UTF8.decode(bytes);
    if (looksBinary(text)) throw new WorkplanError("invalidInput", `${file}: binary data, not a text notice`);
    return { text, encoding: "utf-8" };
  } catch (e) {
    if (e instanceof WorkplanError) throw e;
  }
  const legacy = decodeLegacy(bytes);
  if (!legacy) throw new WorkplanError("invalidInput", `${file}: unknown text encoding (not UTF-8, UTF-16, GB18030 or Big5)`);
  if (looksBinary(legacy.text)) throw new WorkplanError("invalidInput", `${file}: binary data, not a text notice`);
  return legacy;
}

/** Decodes with the encoding a user named (--encoding): any label WHATWG encodings know (gb18030, gbk, big5, shift_jis, utf-16le …). */
export function decodeAs(bytes: Uint8Array, file: string, label: string): Decoded {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new WorkplanError("usage", `--encoding ${label}: not an encoding name (try utf-8, gb18030, big5, utf-16le)`);
  }
  try {
    return { text: decoder.decode(bytes), encoding: `${decoder.encoding} (as asked)` };
  } catch {
    throw new WorkplanError("invalidInput", `${file}: bytes are not valid ${decoder.encoding}`);
  }
}

function decodeStrict(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new WorkplanError("invalidInput", `${file}: bytes are not valid ${encoding}`);
  }
}
