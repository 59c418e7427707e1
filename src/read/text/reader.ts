// Plain-text reader: bytes → decoded text → laid-out document.

import { WorkplanError } from "../../model/errors.js";
import type { Laid } from "../../model/document.js";
import { layoutText } from "../../layout/text/index.js";
import { decode } from "./decode.js";

export interface ReadOutcome {
  laid: Laid;
  encoding: string | null;
}

export async function readText(bytes: Uint8Array, file: string): Promise<ReadOutcome> {
  const { text, encoding } = await decode(bytes, file);
  if (!text.replace(/^\ufeff/u, "").trim()) throw new WorkplanError("invalidInput", `${file}: empty file (only white space)`);
  const { laid } = layoutText(text);
  return { laid, encoding };
}
