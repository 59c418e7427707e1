// Picks the layout of a plain-text notice from the shape of its lines, without being told
// (or as told: --layout). Each layout that is tried and not taken is recorded with the
// reason, for `inspect`.

import type { Laid, Rejected, Tried } from "../../model/document.js";
import { WorkplanError } from "../../model/errors.js";
import { layAligned, looksAligned } from "./aligned.js";
import { layCellLines } from "./cellLines.js";
import { layCellPerLine, looksCellPerLine } from "./cellPerLine.js";
import { textClues } from "./clues.js";
import { sourceLines, type SourceLine } from "./lines.js";
import { countPipeEnds, countPipeRows, layPipeCells, layPipeRows } from "./pipe.js";
import { layProse } from "./prose.js";
import { laySpaced } from "./spaced.js";
import { countTabRows, layTabbed } from "./tabbed.js";

export { textClues };

/** The text layouts, by the name --layout takes, in the order they are tried. */
const LAYOUTS: Record<string, (lines: SourceLine[]) => Laid | Rejected | null> = {
  tabbed: layTabbed,
  aligned: layAligned,
  "cell-lines": layCellLines,
  "cell-per-line": layCellPerLine,
  "pipe-rows": layPipeRows,
  "pipe-cells": layPipeCells,
  spaced: laySpaced,
  prose: layProse,
};

export const TEXT_LAYOUTS = Object.keys(LAYOUTS);

export function layoutText(text: string, force?: string): Laid {
  const lines = sourceLines(text);
  if (force) {
    const lay = LAYOUTS[force];
    if (!lay) throw new WorkplanError("usage", `--layout ${force}: a text is read as one of ${TEXT_LAYOUTS.join(", ")}`);
    const laid = lay(lines);
    if (laid && "rejected" in laid) throw new WorkplanError("noTasks", `the ${force} layout finds no table in this text: ${laid.rejected}`);
    if (!laid || (laid.table && laid.table.rows.length === 0)) throw new WorkplanError("noTasks", `the ${force} layout finds no table in this text (its header or rows are not there)`);
    return { ...laid, reason: `as asked (--layout ${force}): ${laid.reason}` };
  }
  const tabRows = countTabRows(lines);
  const pipeRows = countPipeRows(lines);
  const pipeEnds = countPipeEnds(lines);
  const tried: Tried[] = [];
  const candidates: Array<[string, () => Laid | Rejected | null]> = [];
  if (tabRows >= 3) candidates.push(["tabbed", () => layTabbed(lines)]);
  else tried.push({ layout: "tabbed", outcome: `${tabRows} lines with tab-separated cells (needs 3)` });
  if (looksAligned(lines)) candidates.push(["aligned", () => layAligned(lines)]);
  else tried.push({ layout: "aligned", outcome: "few lines with wide gaps between text (not space-aligned columns)" });
  candidates.push(["cell-lines", () => layCellLines(lines)]);
  if (looksCellPerLine(lines)) candidates.push(["cell-per-line", () => layCellPerLine(lines)]);
  else tried.push({ layout: "cell-per-line", outcome: "no blank-line separated block of three or more cells under a header" });
  if (pipeRows >= 3 && pipeRows * 2 >= pipeEnds) candidates.push(["pipe-rows", () => layPipeRows(lines)]);
  if (pipeEnds >= 5) candidates.push(["pipe-cells", () => layPipeCells(lines)]);
  else tried.push({ layout: "pipe-cells", outcome: `${pipeEnds} lines ending in | (needs 5)` });
  if (pipeRows >= 3) candidates.push(["pipe-rows", () => layPipeRows(lines)]);
  else tried.push({ layout: "pipe-rows", outcome: `${pipeRows} lines of two or more |-separated cells (needs 3)` });
  candidates.push(["spaced", () => laySpaced(lines)]);
  for (const [name, c] of candidates) {
    const laid = c();
    if (laid && "rejected" in laid) {
      tried.push({ layout: name, outcome: laid.rejected, refused: true });
      continue;
    }
    if (laid && laid.table && laid.table.rows.length > 0) return { ...laid, tried };
    tried.push({ layout: name, outcome: laid ? "a header but no rows under it" : "no header line of its shape (three or more header words), or no numbered rows under it" });
  }
  return { ...layProse(lines), tried };
}

/** The lines of a text that show part of a structure (for inspect when nothing was found). */
export function cluesOf(text: string) {
  return textClues(sourceLines(text));
}
