// Picks the layout of a plain-text notice from the shape of its lines, without being told.

import type { Laid } from "../../model/document.js";
import { layCellLines } from "./cellLines.js";
import { layCellPerLine, looksCellPerLine } from "./cellPerLine.js";
import { sourceLines } from "./lines.js";
import { countPipeEnds, countPipeRows, layPipeCells, layPipeRows } from "./pipe.js";
import { layProse } from "./prose.js";
import { laySpaced } from "./spaced.js";
import { countTabRows, layTabbed } from "./tabbed.js";

export function layoutText(text: string): Laid {
  const lines = sourceLines(text);
  const candidates: Array<() => Laid | null> = [];
  const tabRows = countTabRows(lines);
  const pipeRows = countPipeRows(lines);
  const pipeEnds = countPipeEnds(lines);
  if (tabRows >= 3) candidates.push(() => layTabbed(lines));
  candidates.push(() => layCellLines(lines));
  if (looksCellPerLine(lines)) candidates.push(() => layCellPerLine(lines));
  if (pipeRows >= 3 && pipeRows * 2 >= pipeEnds) candidates.push(() => layPipeRows(lines));
  if (pipeEnds >= 5) candidates.push(() => layPipeCells(lines));
  if (pipeRows >= 3) candidates.push(() => layPipeRows(lines));
  candidates.push(() => laySpaced(lines));
  for (const c of candidates) {
    const laid = c();
    if (laid && laid.table && laid.table.rows.length > 0) return laid;
  }
  return layProse(lines);
}
