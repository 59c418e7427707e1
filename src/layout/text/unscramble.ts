// PDF text of a merged-cell table often comes out of row order: the row numbers and
// the cells beside them first, the requirement texts after, and cells in whatever
// column the extractor guessed. Column positions then mean nothing, but content does:
// a number, a short category phrase, a requirement sentence, a unit list, a deadline.
// This re-pairs each page's numbers with its requirement texts and rebuilds clean rows
// [number, category, subcategory, text, units…, deadline] for the plan stage, handing it
// the fields of those cells (Table.columns) and the header as printed: a 配合单位 column
// stays support, and no deadline column is claimed that the table does not have.

import { cell, type Column, type Row, type Table } from "../../model/document.js";
import { warning, type Warning } from "../../model/result.js";
import { clean, compact } from "../../text/text.js";
import { columnsOf } from "../../lexicon/headers.js";
import { categoryLike, LEADING_NUMBER, looksLikeDeadline, looksLikeUnits, NUMBER_CELL } from "../../lexicon/cells.js";
import { parseMarker } from "../../lexicon/markers.js";

type Kind = "number" | "units" | "deadline" | "other";

/** Which kinds the printed table has columns for: a cell of a kind it has none for is text. */
interface Kinds {
  units: boolean;
  deadline: boolean;
}

function kindOf(text: string, has: Kinds): Kind {
  if (NUMBER_CELL.test(text)) return "number";
  if (has.units && looksLikeUnits(text)) return "units";
  if (has.deadline && looksLikeDeadline(text)) return "deadline";
  return "other";
}

interface Parsed {
  row: Row;
  number: string | null;
  cats: string[];
  text: string | null;
  units: string[];
  deadlines: string[];
}

function parse(row: Row, has: Kinds): Parsed {
  const p: Parsed = { row, number: null, cats: [], text: null, units: [], deadlines: [] };
  const other: string[] = [];
  row.cells.forEach((c) => {
    const t = clean(c.text);
    if (!t) return;
    const k = kindOf(t, has);
    if (k === "number" && p.number == null) p.number = t;
    else if (k === "units") p.units.push(t);
    else if (k === "deadline") p.deadlines.push(t);
    else other.push(t);
  });
  if (p.number == null && other.length > 0) {
    // The number printed at the start of the requirement cell ("1 围绕…").
    const lead = LEADING_NUMBER.exec(other[other.length - 1]!);
    if (lead) {
      p.number = lead[1]!;
      other[other.length - 1] = other[other.length - 1]!.slice(lead[0].length);
    }
  }
  if (other.length === 1) {
    // Alone on its row, a short phrase is a requirement (推动地方标准全文公开) unless
    // it carries a heading marker.
    const only = other[0]!;
    if (categoryLike(only) && parseMarker(only)) p.cats = [only];
    else p.text = only;
  } else if (other.length > 1) {
    const last = other[other.length - 1]!;
    if (categoryLike(last)) p.cats = other;
    else {
      p.cats = other.slice(0, -1);
      p.text = last;
    }
  }
  // A category printed twice on one row (an extraction artefact) is one category.
  const seen = new Set<string>();
  p.cats = p.cats.filter((c) => {
    const k = compact(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return p;
}

/** The page shows the scramble: a numbered row without text, then a text row without number. */
function scrambledPage(rows: Parsed[]): boolean {
  const firstBare = rows.findIndex((r) => r.number != null && r.text == null);
  if (firstBare < 0) return false;
  return rows.slice(firstBare + 1).some((r) => r.number == null && r.text != null);
}

interface Built {
  number: string | null;
  cats: string[];
  text: string | null;
  units: string[];
  deadlines: string[];
  lines: number[];
  page: number | null;
  pageStart: boolean;
}

function pageTasks(rows: Parsed[]): { tasks: Built[]; floating: Parsed[] } {
  const numbered = rows.filter((r) => r.number != null);
  const texts = rows.filter((r) => r.text != null);
  const mk = (r: Parsed, text: string | null): Built => ({ number: r.number, cats: [], text, units: [], deadlines: [], lines: [], page: r.row.page, pageStart: false });
  const tasks: Built[] = [];
  let owner: (r: Parsed) => Built | undefined;
  if (numbered.length > 0 && numbered.length === texts.length) {
    // As many texts as numbers: the k-th text belongs to the k-th number. A row's other
    // cells go with its text if it has one, else with its number.
    numbered.forEach((r, k) => tasks.push(mk(r, texts[k]!.text)));
    // Positions by map, not indexOf per row: a page of n rows would cost n².
    const textAt = new Map(texts.map((r, k) => [r, k]));
    const numberAt = new Map(numbered.map((r, k) => [r, k]));
    owner = (r) => (r.text != null ? tasks[textAt.get(r)!] : r.number != null ? tasks[numberAt.get(r)!] : undefined);
  } else {
    // Otherwise each row with a number or a text is a task of its own.
    const byRow = new Map<Parsed, Built>();
    for (const r of rows) {
      if (r.number == null && r.text == null) continue;
      const b = mk(r, r.text);
      tasks.push(b);
      byRow.set(r, b);
    }
    owner = (r) => byRow.get(r);
  }
  const floating: Parsed[] = [];
  for (const r of rows) {
    const b = owner(r);
    if (!b) {
      floating.push(r);
      continue;
    }
    b.cats.push(...r.cats);
    b.units.push(...r.units);
    b.deadlines.push(...r.deadlines);
    b.lines.push(...r.row.lines);
  }
  return { tasks, floating };
}

export interface Unscrambled {
  table: Table;
  scrambledPages: number;
  warnings: Warning[];
}

/** `force` reads every page by content even when none shows the scramble (for tests). */
/** The k-th unit cell of a row goes to the k-th unit column; more cells than columns share the last. */
function unitCells(units: string[], columns: number): string[] {
  if (columns === 0) return [];
  return Array.from({ length: columns }, (_, k) => (k < columns - 1 ? (units[k] ?? "") : units.slice(k).join("；")));
}

export function unscramble(table: Table, force = false): Unscrambled {
  const printed = columnsOf(table.header);
  const unitColumns = printed.filter((c) => c.field === "units");
  const deadlineColumn = printed.find((c) => c.field === "deadline");
  const has: Kinds = { units: unitColumns.length > 0, deadline: deadlineColumn != null };
  const pages = new Map<number | null, Parsed[]>();
  for (const r of table.rows) {
    const list = pages.get(r.page) ?? [];
    list.push(parse(r, has));
    pages.set(r.page, list);
  }
  const scrambled = [...pages.values()].filter(scrambledPage).length;
  if (scrambled === 0 && !force) return { table, scrambledPages: 0, warnings: [] };
  const warnings: Warning[] = [];

  // The rows this builds, and the fields of their cells; the headers are the printed ones.
  const headerOf = (field: Column["field"]) => printed.find((c) => c.field === field)?.header ?? "";
  const columns: Column[] = [
    { field: "number", header: headerOf("number") },
    { field: "task", header: headerOf("task") },
    { field: "task", header: "" },
    { field: "text", header: headerOf("text") },
    ...unitColumns.map((c) => ({ field: c.field, header: c.header })),
    ...(deadlineColumn ? [{ field: deadlineColumn.field, header: deadlineColumn.header }] : []),
  ];
  const tail = (units: string[], deadlines: string[]) => [...unitCells(units, unitColumns.length), ...(deadlineColumn ? [deadlines.join("；")] : [])];
  const rows: Row[] = [];
  let top: string | null = null;
  for (const parsed of pages.values()) {
    const { tasks, floating } = pageTasks(parsed);
    tasks.forEach((t, i) => {
      let c0 = "";
      let c1 = "";
      if (t.cats.length >= 2) {
        [c0, c1] = [t.cats[0]!, t.cats.slice(1).join(" ")];
        top = c0;
      } else if (t.cats.length === 1) {
        const c = t.cats[0]!;
        const st = parseMarker(c)?.style;
        // 一、 heads a part; （一） and 1. sit below it; unmarked phrases go by the part they repeat.
        if (st === "cn" || st === "part" || (top && compact(c).startsWith(compact(top))) || top == null) {
          c0 = c;
          top = c;
        } else c1 = c;
      }
      const lines = [...new Set(t.lines)];
      rows.push({
        cells: [t.number ?? "", c0, c1, t.text ?? "", ...tail(t.units, t.deadlines)].map((s) => cell(s, lines)),
        lines,
        page: t.page,
        pageStart: i === 0,
      });
    });
    for (const f of floating) {
      // Rows with neither number nor text: their unit or deadline cells continue the task above.
      const lines = f.row.lines;
      rows.push({ cells: ["", "", "", "", ...tail(f.units, f.deadlines)].map((s) => cell(s, lines)), lines, page: f.row.page, pageStart: false });
      for (const s of f.cats) {
        warnings.push(warning("unplaced-cell", `a cell with neither number nor requirement beside it could not be placed: ${s}`, { lines }));
      }
    }
  }
  return { table: { header: table.header, columns, rows, emptyMeansMerged: true }, scrambledPages: scrambled, warnings };
}
