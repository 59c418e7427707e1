// Text where every cell is on its own line and a blank line ends a row (what copying a
// web or Word table into a text editor often gives). A leading tab marks a cell line;
// lines without it (a caption) stand alone.

import { cell, type Laid } from "../../model/document.js";
import { clean } from "../../text/text.js";
import { assemble, isHeaderRow, type RawRow } from "./assemble.js";
import type { SourceLine } from "./lines.js";

function blocks(lines: SourceLine[]): RawRow[] {
  const tabbed = lines.filter((l) => l.text.startsWith("\t")).length > lines.length / 4;
  const rows: RawRow[] = [];
  let cur: SourceLine[] = [];
  let afterBreak = false;
  const flush = () => {
    if (cur.length > 0) rows.push({ cells: cur.map((l) => cell(clean(l.text), [l.n])), lines: cur.map((l) => l.n), afterBreak });
    cur = [];
    afterBreak = false;
  };
  for (const l of lines) {
    if (l.text === "" || (!tabbed && /^[\s\u3000]*$/u.test(l.text))) {
      flush();
      afterBreak = true;
      continue;
    }
    if (tabbed && !l.text.startsWith("\t")) {
      flush();
      rows.push({ cells: [cell(clean(l.text), [l.n])], lines: [l.n], afterBreak: false });
      continue;
    }
    cur.push(l);
  }
  flush();
  return rows;
}

/** True when some block of lines reads as a header, one header word per line. */
export function looksCellPerLine(lines: SourceLine[]): boolean {
  const rows = blocks(lines);
  return rows.some((r) => r.cells.length >= 3 && isHeaderRow(r.cells)) && rows.filter((r) => r.cells.length >= 3).length >= 3;
}

export function layCellPerLine(lines: SourceLine[]): Laid | null {
  const rows = blocks(lines);
  const a = assemble(rows, (r) => r.cells.length >= 2);
  if (!a) return null;
  return {
    layout: "cell-per-line",
    reason: `${rows.length} blank-line separated blocks with one cell per line; header repeated ${a.headerRepeats} times`,
    table: a.table,
    paragraphs: [],
    front: a.front,
    back: a.back,
    warnings: [],
  };
}
