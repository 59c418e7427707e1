// PDF text of a merged-cell table often comes out of row order: the row numbers and
// the cells beside them first, the requirement texts after, and cells in whatever
// column the extractor guessed. Column positions then mean nothing, but content does:
// a number, a short category phrase, a requirement sentence, a unit list, a deadline.
// This re-pairs each page's numbers with its requirement texts and rebuilds clean rows
// [number, category, subcategory, text, units, deadline] for the plan stage.

import { cell, type Row, type Table } from "../../model/document.js";
import { warning, type Warning } from "../../model/result.js";
import { clean, compact } from "../../text/text.js";
import { columnsOf } from "../../lexicon/headers.js";
import { categoryLike, LEADING_NUMBER, looksLikeDeadline, looksLikeUnits, NUMBER_CELL } from "../../lexicon/cells.js";
import { parseMarker } from "../../lexicon/markers.js";

type Kind = "number" | "units" | "deadline" | "other";

function kindOf(text: string): Kind {
  if (NUMBER_CELL.test(text)) return "number";
  if (looksLikeUnits(text)) return "units";
  if (looksLikeDeadline(text)) return "deadline";
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

function parse(row: Row): Parsed {
  const p: Parsed = { row, number: null, cats: [], text: null, units: [], deadlines: [] };
  const other: string[] = [];
  row.cells.forEach((c) => {
    const t = clean(c.text);
    if (!t) return;
    const k = kindOf(t);
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
    owner = (r) => (r.text != null ? tasks[texts.indexOf(r)] : r.number != null ? tasks[numbered.indexOf(r)] : undefined);
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
export function unscramble(table: Table, force = false): Unscrambled {
  const pages = new Map<number | null, Parsed[]>();
  for (const r of table.rows) {
    const list = pages.get(r.page) ?? [];
    list.push(parse(r));
    pages.set(r.page, list);
  }
  const scrambled = [...pages.values()].filter(scrambledPage).length;
  if (scrambled === 0 && !force) return { table, scrambledPages: 0, warnings: [] };
  const warnings: Warning[] = [];

  const cols = columnsOf(table.header);
  const unitsHeader = cols.find((c) => c.field === "units")?.header ?? "责任单位";
  const deadlineHeader = cols.find((c) => c.field === "deadline")?.header ?? "完成时限";
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
        cells: [t.number ?? "", c0, c1, t.text ?? "", t.units.join("；"), t.deadlines.join("；")].map((s) => cell(s, lines)),
        lines,
        page: t.page,
        pageStart: i === 0,
      });
    });
    for (const f of floating) {
      // Rows with neither number nor text: their unit or deadline cells continue the task above.
      const lines = f.row.lines;
      rows.push({ cells: ["", "", "", "", f.units.join("；"), f.deadlines.join("；")].map((s) => cell(s, lines)), lines, page: f.row.page, pageStart: false });
      for (const s of f.cats) {
        warnings.push(warning("unplaced-cell", `a cell with neither number nor requirement beside it could not be placed: ${s}`, { lines }));
      }
    }
  }
  const header = ["序号", "工作任务", "", "具体要求", unitsHeader, deadlineHeader];
  return { table: { header, rows, emptyMeansMerged: true }, scrambledPages: scrambled, warnings };
}
