// Plain-text reader: bytes → decoded text.

import { WorkplanError } from "../../model/errors.js";
import type { Source } from "../../model/source.js";
import { decode } from "./decode.js";

export async function readText(bytes: Uint8Array, file: string): Promise<Source> {
  const { text, encoding } = await decode(bytes, file);
  if (!text.replace(/^\ufeff/u, "").trim()) throw new WorkplanError("invalidInput", `${file}: empty file (only white space)`);
  return { kind: "text", text, encoding };
}
