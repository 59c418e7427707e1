// Plain-text reader: bytes → decoded text.

import { WorkplanError } from "../../model/errors.js";
import type { Source } from "../../model/source.js";
import { decode, decodeAs } from "./decode.js";

export async function readText(bytes: Uint8Array, file: string, forced?: string): Promise<Source> {
  const { text, encoding } = forced ? decodeAs(bytes, file, forced) : await decode(bytes, file);
  if (!text.replace(/^\ufeff/u, "").trim()) throw new WorkplanError("invalidInput", `${file}: empty file (only white space)`);
  return { kind: "text", text, encoding };
}
