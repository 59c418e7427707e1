// Text where each table row is one line and cells are separated by tabs (what most
// PDF-to-text tools print for a ruled table). Blank lines mark page breaks.

import type { Laid } from "../../model/document.js";
import { clean } from "../../text/text.js";
import { assemble, hasTwoCells, lineRows, type RawRow } from "./assemble.js";
import type { SourceLine } from "./lines.js";
import { unscramble } from "./unscramble.js";

export function tabRows(lines: SourceLine[]): RawRow[] {
  return lineRows(lines, (t) => t.split("\t"));
}

export function countTabRows(lines: SourceLine[]): number {
  return lines.filter((l) => l.text.split("\t").filter((c) => clean(c)).length >= 2).length;
}

export function layTabbed(lines: SourceLine[]): Laid | null {
  const rows = tabRows(lines);
  const a = assemble(rows, hasTwoCells);
  if (!a) return null;
  const fixed = unscramble(a.table);
  return {
    layout: fixed.scrambledPages > 0 ? "tabbed-scrambled" : "tabbed",
    reason:
      `${countTabRows(lines)} tab-separated rows, header repeated ${a.headerRepeats} times` +
      (fixed.scrambledPages > 0 ? `; ${fixed.scrambledPages} pages had cells out of row order and were re-paired` : ""),
    table: fixed.table,
    paragraphs: [],
    front: a.front,
    back: a.back,
    warnings: fixed.warnings,
  };
}
