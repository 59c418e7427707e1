// Rows of a table whose cells arrive one after another with nothing marking where a row
// ends (one cell per line, as copying a web table often gives), and whose merged cells
// were printed once and left out of the rows they cover, so that the rows that remain
// are shorter than the header. What still marks a row is its 序号: rows are cut where
// the next number of the sequence stands, and the cells of a short row are placed under
// the columns their contents fit, in their printed order.

import { cell, type Cell, type Column, type Row } from "../../model/document.js";
import { brokenUnitName, categoryLike, looksLikeUnits, MAX_SKIPPED_NUMBERS, NUMBER_CELL, placeCells } from "../../lexicon/cells.js";
import { withMeasures } from "../../lexicon/headers.js";
import { isPartHeading, parseMarker, PART_STYLES, type MarkerStyle } from "../../lexicon/markers.js";

export interface StreamCell {
  text: string;
  lines: number[];
}

/**
 * The cells without the header printed again (a table copied from several pages repeats
 * its header at each page top): a run of cells equal to the header's, in order.
 */
export function dropRepeatedHeaders<C extends StreamCell>(cells: C[], header: readonly string[]): C[] {
  const key = (t: string) => t.replace(/\s+/gu, "");
  const h = header.map(key);
  if (h.length < 2) return cells;
  const out: C[] = [];
  for (let i = 0; i < cells.length; i++) {
    let k = 0;
    while (k < h.length && i + k < cells.length && key(cells[i + k]!.text) === h[k]) k++;
    if (k === h.length) {
      i += k - 1;
      continue;
    }
    out.push(cells[i]!);
  }
  return out;
}

export interface NumberedRows {
  rows: Row[];
  /** The columns the rows' cells are laid under: the header's, or more where a header cell spans two. */
  columns: Column[];
  /** How many cells of the stream the rows took; the rest is back matter. */
  used: number;
}

/**
 * Cuts `cells` (the cells after the header) into the rows of a table with a 序号 column,
 * or null when the cells do not start at a number. Columns before the 序号 (工程名称 |
 * 序号 | …) are merged cells: the first row prints them before its number, the rows they
 * cover leave them out. A row holding more cells than the header has columns carries
 * sub-rows: the cells past the first full row are a row of their own under the same
 * merged number (FORMAT.md: each sub-row is a task; the first carries the number).
 */
export function rowsByNumber(cells: StreamCell[], header: Column[]): NumberedRows | null {
  const numberAt = header.findIndex((c) => c.field === "number");
  const lead = cells.findIndex((c) => NUMBER_CELL.test(c.text));
  if (numberAt < 0 || lead < 0 || lead > numberAt) return null;
  const first = NUMBER_CELL.exec(cells[lead]!.text)!;
  // Where each numbered row starts: the next number of the sequence, or a part heading
  // (一、…) standing just before it (a heading row spanning the table).
  const starts: Array<{ at: number; heading: boolean }> = [{ at: lead, heading: false }];
  let expected = Number(first[1]) + 1;
  // Where each number stands last: a number the notice skipped (122, 124) is one that
  // never comes, and cells of its row follow it; a quantity cell a little past the
  // expected number (a 数量 of 7 in row 6) is not a skip, for the expected number still
  // comes after it, or nothing does.
  const lastAt = new Map<number, number>();
  cells.forEach((c, i) => {
    const m = NUMBER_CELL.exec(c.text);
    if (m) lastAt.set(Number(m[1]), i);
  });
  for (let i = lead + 1; i < cells.length; i++) {
    const t = cells[i]!.text;
    const m = NUMBER_CELL.exec(t);
    const n = m ? Number(m[1]) : NaN;
    const skips = n > expected && n <= expected + MAX_SKIPPED_NUMBERS && (lastAt.get(expected) ?? -1) < i && i + 1 < cells.length && !NUMBER_CELL.test(cells[i + 1]!.text);
    if (n === expected || skips) {
      starts.push({ at: i, heading: false });
      expected = n + 1;
    } else if (isPartHeading(t) && NUMBER_CELL.exec(cells[i + 1]?.text ?? "")?.[1] === String(expected)) {
      starts.push({ at: i, heading: true });
    }
  }
  // Each row's cells after its number, a name or list broken over lines joined again.
  // The last row ends where the header says it does (what follows is back matter), as
  // wide as the first row shows the header to be.
  const group = (k: number, after: number) => {
    const { at, heading } = starts[k]!;
    if (heading) return { at, heading, end: at + 1, own: [] as StreamCell[] };
    const end = k + 1 < starts.length ? starts[k + 1]!.at : Math.min(cells.length, at + 1 + after);
    return { at, heading, end, own: joinBrokenCells(cells.slice(at + 1, end)) };
  };
  const printed = header.length - numberAt - 1;
  const spread = spreadSpanningHeader(header, numberAt, group(0, printed).own);
  const groups = starts.map((_, k) => group(k, spread.length - numberAt - 1));
  const width = spread.length - numberAt - 1;
  const place = (cols: Column[]) => {
    const rows: Row[] = [];
    const styles = new Map<number, MarkerStyle>();
    for (const [k, { at, heading, own }] of groups.entries()) {
      if (heading) {
        const c = cells[at]!;
        rows.push({ cells: [{ ...cell(c.text, c.lines), colSpan: cols.length }], lines: c.lines, page: 1, pageStart: false });
        continue;
      }
      rows.push(innerFirst(byStyle(placedRow(k === 0 ? cells.slice(0, lead) : [], cells[at]!, own.slice(0, width), cols, numberAt, false), cols, styles), cols, k === 0));
      // Cells beyond a full row: sub-rows under the same number, each as wide as the
      // columns after the number.
      for (let s = width; s < own.length; s += width) rows.push(placedRow([], null, own.slice(s, s + width), cols, numberAt, true));
    }
    return rows;
  };
  // Placed once by the header's fields, then again if a requirement column turned out
  // to hold quantities (a measure: its cells fit no requirement).
  let rows = place(spread);
  const cols = withMeasures(spread, (j) => rows.map((r) => r.cells[j]?.text ?? ""));
  if (cols !== spread) rows = place(cols);
  const used = groups[groups.length - 1]?.end ?? 0;
  return { rows, columns: cols, used };
}

/**
 * A row's marked category moved to the category column that holds its heading style
 * (一、 in one, （一） in the next), learnt from the rows before (the first row prints
 * every level): a row that left out its merged outer category has its inner one placed
 * first, under the outer column, by order alone.
 */
function byStyle(row: Row, cols: Column[], styles: Map<number, MarkerStyle>): Row {
  const cells = [...row.cells];
  cols.forEach((c, j) => {
    if (c.field !== "task" || !cells[j]!.text) return;
    const m = parseMarker(cells[j]!.text);
    if (!m || !PART_STYLES.includes(m.style)) return;
    const home = [...styles].find(([, st]) => st === m.style)?.[0];
    if (home != null && home !== j && cols[home]?.field === "task" && !cells[home]!.text) {
      cells[home] = cells[j]!;
      cells[j] = cell("", []);
    } else if (home == null && !styles.has(j)) styles.set(j, m.style);
  });
  return { ...row, cells };
}

/**
 * A row that prints one unmarked category of two category columns prints the inner one:
 * an outer category starts in a row where its first inner one starts too, so that row
 * prints both; a row that prints one has left the outer out (merged over it). Placed by
 * order, it stood under the outer column.
 */
function innerFirst(row: Row, cols: Column[], first: boolean): Row {
  const tasks = cols.map((c, j) => (c.field === "task" ? j : -1)).filter((j) => j >= 0);
  if (first || tasks.length !== 2 || tasks[1] !== tasks[0]! + 1) return row;
  const [outer, inner] = [tasks[0]!, tasks[1]!];
  const cells = [...row.cells];
  if (!cells[outer]!.text || cells[inner]!.text || parseMarker(cells[outer]!.text)) return row;
  cells[inner] = cells[outer]!;
  cells[outer] = cell("", []);
  return { ...row, cells };
}

/**
 * Lines that are one cell: a unit name broken at a line end (市人力资源 / 社会保障局), and
 * a unit list whose line ends in a separator (市教体局、 / 团市委) — a list goes on after
 * its 、, a cell does not end in one.
 */
function joinBrokenCells(own: StreamCell[]): StreamCell[] {
  const out: StreamCell[] = [];
  for (const c of own) {
    const prev = out[out.length - 1];
    const broken = prev != null && (brokenUnitName(prev.text, c.text) || (/[、，,；;]$/u.test(prev.text) && looksLikeUnits(prev.text) && looksLikeUnits(c.text)));
    // The line break stays, as printed; the units' splitter tells one inside a name from one between names.
    if (broken) out[out.length - 1] = { text: `${prev.text}\n${c.text}`, lines: [...prev.lines, ...c.lines] };
    else out.push(c);
  }
  return out;
}

/**
 * The header's columns, with a category column put before the one after the 序号 where
 * that header cell spans two data columns (项目内容 over a category and its indicator,
 * 工作任务 over two category levels): the first row prints every cell of its own, so
 * when it holds more cells than the columns after its number, and the cell under that
 * place is a category followed by more text, that header cell stands over both.
 */
function spreadSpanningHeader(header: Column[], numberAt: number, firstOwn: StreamCell[]): Column[] {
  const after = header.length - numberAt - 1;
  const textAt = numberAt + 1;
  const extra = firstOwn.length - after;
  // More than a whole row's worth is sub-rows under one number, not a spanning header.
  const spanning = header[textAt]?.field;
  if (extra <= 0 || extra >= after || (spanning !== "text" && spanning !== "task")) return header;
  const spread = firstOwn.slice(0, extra + 1).map((c) => c.text);
  if (!spread.slice(0, extra).every((t) => categoryLike(t) && !looksLikeUnits(t) && !NUMBER_CELL.test(t))) return header;
  const cats = Array.from({ length: extra }, () => ({ field: "task" as const, header: header[textAt]!.header }));
  return [...header.slice(0, textAt), ...cats, ...header.slice(textAt)];
}

/**
 * One row: its cells before the number (the first row's merged leading columns), its
 * number, and its cells after the number placed under the columns their contents fit.
 */
function placedRow(lead: StreamCell[], number: StreamCell | null, own: StreamCell[], cols: Column[], numberAt: number, subRow: boolean): Row {
  const out: Cell[] = cols.map(() => cell("", []));
  // Leading cells are the last columns before the number: a merged cell left out is one of the first.
  lead.forEach((c, i) => {
    out[numberAt - lead.length + i] = cell(c.text, c.lines);
  });
  if (number) out[numberAt] = cell(number.text, number.lines);
  const rest = cols.slice(numberAt + 1);
  // A row that prints its own number prints its own requirement beside it when that
  // column comes next: only a sub-row shares its requirement with the row above.
  const pinned = !subRow && rest[0]?.field === "text" && own.length > 0 ? 1 : 0;
  const at = [
    ...(pinned ? [0] : []),
    ...placeCells(
      own.slice(pinned).map((c) => c.text),
      rest.slice(pinned),
    ).map((j) => j + pinned),
  ];
  ownsRequirement(at, rest, subRow);
  own.forEach((c, i) => {
    out[at[i]! + numberAt + 1] = cell(c.text, c.lines);
  });
  const lines = [...lead.flatMap((c) => c.lines), ...(number?.lines ?? []), ...own.flatMap((c) => c.lines)];
  return { cells: out, lines, page: 1, pageStart: false, ...(subRow ? { subRow: true } : {}) };
}

/**
 * A numbered row prints its own requirement (the cells a notice merges are its category,
 * unit and deadline cells): when the placement left the requirement column empty and put
 * the cell before it under a category, that cell is the requirement (a row that left out
 * its merged category, 城镇失业人员再就业(人) under 项目内容 over category | indicator).
 */
function ownsRequirement(at: number[], cols: Column[], subRow: boolean): void {
  const textAt = cols.findIndex((c) => c.field === "text");
  if (subRow || textAt < 0 || at.includes(textAt)) return;
  const k = at.findLastIndex((j) => j < textAt);
  if (k >= 0 && cols[at[k]!]!.field === "task" && (at[k + 1] ?? Infinity) > textAt) at[k] = textAt;
}
