// Helpers over table cells shared by the steps of planning a table.

import type { Cell } from "../../model/document.js";
import { clean, joinWrapped } from "../../text/text.js";

/** A cell's text, trimmed ("" for none). */
export function text(c: Cell | undefined): string {
  return c ? clean(c.text) : "";
}

/** A cell's lines as one paragraph (a line break inside a requirement is a wrap). */
export function flat(s: string): string {
  return joinWrapped(s.split("\n"));
}
