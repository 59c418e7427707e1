// Table rows → tasks. Cells are aligned to fields from the right: the columns after the
// requirement text (units, deadline, status, remarks) keep their order whatever
// happens to the 工作任务 columns on their left, which PDF extraction splits, shifts
// and leaves empty where a cell is merged (see alignRow for rows with cells missing).

import type { Cell, Row, Table } from "../model/document.js";
import { ok, warning, type Result, type Warning } from "../model/result.js";
import { clean, compact, joinParts, joinWrapped } from "../text/text.js";
import { headerRole } from "../lexicon/roles.js";
import { columnsOf, type Column } from "../lexicon/headers.js";
import { emptyDraft, type DraftTask } from "./draft.js";
import { categoryLike, LEADING_NUMBER, looksLikeDeadline, looksLikeUnits, NUMBER_CELL } from "../lexicon/cells.js";
import { HeadingStack, parseMarker } from "./headings.js";


function text(c: Cell | undefined): string {
  return c ? clean(c.text) : "";
}

function flat(s: string): string {
  return joinWrapped(s.split("\n"));
}

interface Slot {
  text: string;
  id: number;
  marked: boolean;
  /**
   * Fragments joined into this category at a page break; printed again, they are it.
   * Present from the start (null): a property added only on the rare page-break path
   * gave slots a second shape, and V8 threw away planTable's optimized code each time
   * it met it (7 recompiles of ~90 ms per worker on the bench).
   */
  parts: Set<string> | null;
}

function modalWidth(rows: Row[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [w, c] of counts) if (c > n || (c === n && w > best)) [best, n] = [w, c];
  return best;
}

export function planTable(table: Table): Result<DraftTask[]> {
  const warnings: Warning[] = [];
  const cols = columnsOf(table.header);
  const width = modalWidth(table.rows);
  const headings = new HeadingStack();
  let slots: Slot[] = [];
  let nextId = 1;
  const slotUse = new Map<number, number>();
  const slotText = new Map<number, { text: string; lines: number[] }>();
  const headingRows: Array<{ text: string; lines: number[]; used: boolean }> = [];
  const taskSlots: Slot[][] = [];
  const tasks: DraftTask[] = [];
  const numbered = table.rows.some((r) => r.cells.some((c) => NUMBER_CELL.test(text(c)) || LEADING_NUMBER.test(text(c))));

  const setSlot = (i: number, value: string) => {
    const cur = slots[i];
    if (cur && cur.parts?.has(compact(value))) return; // a copy of a fragment joined into it
    if (cur && compact(cur.text) === compact(value)) {
      slots[i] = { ...cur, text: value }; // a reprint after a page break: the wording printed last wins
      return;
    }
    slots = slots.slice(0, i);
    slots[i] = { text: value, id: nextId++, marked: parseMarker(value) != null, parts: null };
    slotText.set(nextId - 1, { text: value, lines: currentLines });
  };
  let currentLines: number[] = [];

  for (const row of table.rows) {
    currentLines = row.lines;
    let cells = row.cells;
    while (cells.length > width && !text(cells[cells.length - 1])) cells = cells.slice(0, -1);
    const filled = cells.filter((c) => text(c));
    if (filled.length === 0) continue;

    // A lone cell spanning the table, or the only cell of its line: a heading row.
    if (filled.length === 1 && (cells.length === 1 || filled[0]!.colSpan > 1) && !NUMBER_CELL.test(text(filled[0]))) {
      const h = flat(filled[0]!.text);
      if (h.length <= 80 || parseMarker(h)) {
        headings.push(h);
        headingRows.push({ text: h, lines: row.lines, used: false });
        slots = [];
        continue;
      }
    }

    const aligned = alignRow(cells, cols);
    const { head, tail: tailPairs } = aligned;
    let { textCell } = aligned;
    if (textCell?.from === "left") {
      // A cell spanning into the requirement column (工作任务 merged with 具体要求) is the requirement.
      const k = head.findLastIndex(([c]) => !c.from && c.colSpan > 1 && text(c));
      if (k >= 0) textCell = head.splice(k, 1)[0]![0];
    }
    let number: string | null = null;
    let title: string | null = null;
    // Category cells by position; "" where a category column is empty.
    const cats: string[] = [];
    for (let i = 0; i < head.length; i++) {
      const [cell, col] = head[i]!;
      const t = text(cell);
      if (!t) {
        if (col?.field !== "number") cats.push("");
        continue;
      }
      const num = NUMBER_CELL.exec(t);
      if (num) {
        number = num[1]!;
        continue;
      }
      const m = parseMarker(t);
      const isLast = head.slice(i + 1).every(([c]) => !text(c) || NUMBER_CELL.test(text(c)));
      if (m && m.style === "ar" && m.rest && isLast && number == null) {
        number = String(m.ordinal);
        title = flat(m.rest);
        continue;
      }
      cats.push(flat(t));
    }
    let body = textCell ? flat(textCell.text) : "";
    if (number == null) {
      const lead = LEADING_NUMBER.exec(body);
      if (lead) {
        number = lead[1]!;
        body = body.slice(lead[0].length);
      } else {
        const only = NUMBER_CELL.exec(body);
        if (only) {
          number = only[1]!;
          body = "";
        }
      }
    }

    // Category slots: a category cell printed again with a parent's wording in front of
    // it (two columns' text run together) is split back into the two levels.
    // A row without a number at the top of a page is the rest of the row split by the
    // page break: its category cells continue the categories above.
    const prev = tasks[tasks.length - 1];
    const splitRow = row.pageStart && numbered && number == null && prev != null && (body !== "" || cats.some(Boolean));
    let level = 0;
    for (const c of cats) {
      if (c && row.pageStart && continuesCategory(slots[level], c, splitRow)) {
        // Mutated in place: the tasks that already hold this category see the whole text.
        const slot = slots[level]!;
        slot.text = joinParts(slot.text, c);
        (slot.parts ??= new Set()).add(compact(c));
        level++;
        continue;
      }
      if (!c) {
        // Text cannot show a merge, so an empty category cell continues the one above;
        // in a grid with explicit merges it means no category at this level.
        if (!table.emptyMeansMerged) slots = slots.slice(0, level);
        level++;
        continue;
      }
      let value = c;
      const parent = slots[level];
      const rest = parent ? afterPrefix(value, parent.text) : null;
      if (parent && rest) {
        setSlot(level, parent.text);
        level++;
        value = rest;
      }
      setSlot(level, value);
      level++;
    }

    // A row without number or category continues the task above: a cell that ran over a
    // page break, or a wrapped line. In a numbered table, a mid-page row with a
    // requirement and units of its own is a task that simply has no number.
    const ownTail = tailPairs.some(([c]) => text(c));
    const continues = prev != null && number == null && (splitRow || (!cats.some(Boolean) && (!body || (numbered && (row.pageStart || !ownTail)))));
    if (continues) {
      if (body) prev.text = prev.text ? joinParts(prev.text, body) : body;
      tailPairs.forEach(([c, col, at]) => mergeField(prev, col, at, text(c), row, warnings, true));
      prev.lines.push(...row.lines);
      continue;
    }
    if (!body && number == null && !title) {
      // Only category cells: a category row (no task of its own).
      if (cats.some(Boolean) && !ownTail) continue;
    }

    const t = emptyDraft();
    t.number = number;
    t.title = title;
    t.text = body || null;
    t.lines = [...row.lines];
    t.page = row.page;
    tailPairs.forEach(([c, col, at]) => mergeField(t, col, at, text(c), row, warnings, false));
    if (!t.text) warnings.push(warning("no-text", `task ${number ?? "(unnumbered)"} has no requirement text`, { lines: row.lines }));
    if (number == null && numbered && t.text) warnings.push(warning("no-number", "a row with requirement text but no number; kept as its own task", { lines: row.lines }));
    t.path = headings.path;
    for (const h of headingRows) h.used = true;
    taskSlots.push(slots.filter(Boolean));
    for (const s of slots) if (s) slotUse.set(s.id, (slotUse.get(s.id) ?? 0) + 1);
    tasks.push(t);
  }

  // An unmarked 工作任务 cell that belongs to one task only is that task's title.
  tasks.forEach((t, i) => {
    const own = taskSlots[i] ?? [];
    const last = own[own.length - 1];
    let levels = own;
    if (last && !last.marked && slotUse.get(last.id) === 1 && t.title == null) {
      t.title = last.text;
      levels = own.slice(0, -1);
    }
    t.path = [...t.path, ...levels.map((s) => s.text)];
  });
  if (table.emptyMeansMerged) carryMerged(tasks, cols);
  // Nothing is dropped silently: a heading or category that covers no task is reported.
  for (const h of headingRows) if (!h.used) warnings.push(warning("empty-section", `heading with no task under it: ${h.text}`, { lines: h.lines }));
  for (const [id, s] of slotText) if (!slotUse.has(id)) warnings.push(warning("empty-section", `category with no task under it: ${s.text}`, { lines: s.lines }));
  return ok(tasks, warnings);
}

/**
 * Rows whose unit or deadline cell is empty in a source that cannot show merged cells
 * take the value of the task above in the same section: a merged cell prints its text
 * once. Runs after continuation rows are merged, so that a cell continued over a page
 * break is not mistaken for an empty one.
 */
function carryMerged(tasks: DraftTask[], cols: Column[]): void {
  // Every task has a responsible unit, so an empty lead or responsible cell is a merged
  // one; a 配合单位 cell is often empty because the task has no supporting unit.
  const unitCols = cols.map((c, i) => (c.field === "units" && headerRole(c.header) !== "support" ? i : -1)).filter((i) => i >= 0);
  const hasDeadline = cols.some((c) => c.field === "deadline");
  for (let i = 1; i < tasks.length; i++) {
    const t = tasks[i]!;
    const prev = tasks[i - 1]!;
    // A merged cell stays inside its section: a new top-level category starts afresh.
    if (compact(t.path[0] ?? "") !== compact(prev.path[0] ?? "")) continue;
    for (const at of unitCols) {
      if (t.unitCells.some((u) => u.col === at)) continue;
      t.unitCells.push(...prev.unitCells.filter((u) => u.col === at).map((u) => ({ ...u })));
    }
    t.unitCells.sort((a, b) => (a.col ?? 0) - (b.col ?? 0));
    if (hasDeadline && t.deadlineText == null) t.deadlineText = prev.deadlineText;
  }
}

/**
 * A category cell at the top of a page that is the rest of one split by the page break:
 * the row is a split row, or the category above carries a heading marker and no
 * sentence end while this text has no marker (（三）加强政务信 | 息管理。).
 */
function continuesCategory(slot: Slot | undefined, value: string, splitRow: boolean): boolean {
  if (!slot || compact(slot.text) === compact(value)) return false;
  if (splitRow) return true;
  return slot.marked && !/[。；;！？.]$/u.test(slot.text.trim()) && parseMarker(value) == null;
}

/** What follows `prefix` in `value`, comparing without white space; null if it is not a prefix. */
function afterPrefix(value: string, prefix: string): string | null {
  const want = compact(prefix);
  let got = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (/\s/u.test(ch)) continue;
    got += ch.normalize("NFKC");
    if (got === want) return value.slice(i + 1).trim() || null;
    if (!want.startsWith(got)) return null;
  }
  return null;
}

type Pair = [Cell, Column, number];

function fits(field: Column["field"], t: string): number {
  if (!t) return 0;
  const long = t.length >= 15 || /[，。；]/u.test(t);
  switch (field) {
    case "number":
      return NUMBER_CELL.test(t) ? 2 : -2;
    case "task":
      return NUMBER_CELL.test(t) || parseMarker(t) || categoryLike(t) ? 1 : -1;
    case "text":
      return NUMBER_CELL.test(t) ? -2 : looksLikeUnits(t) || looksLikeDeadline(t) ? -1 : long ? 2 : 0;
    case "units":
      return looksLikeUnits(t) ? 2 : looksLikeDeadline(t) || NUMBER_CELL.test(t) || t.length > 60 ? -2 : 0;
    case "deadline":
      return looksLikeDeadline(t) ? 2 : looksLikeUnits(t) || NUMBER_CELL.test(t) || t.length > 40 ? -2 : 0;
    default:
      return 0;
  }
}

/**
 * Which column each cell of a row belongs to. A row as wide as the header, or wider (the
 * 工作任务 column split in several), is read from the right: the columns after the
 * requirement keep their order. A narrower row has lost cells at one end: a merged
 * first cell left out (read from the right) or a row cut off at a page break (read from
 * the left); the cells' contents decide which.
 */
function alignRow(cells: Cell[], cols: Column[]): { head: Array<[Cell, Column | undefined]>; textCell: Cell | undefined; tail: Pair[] } {
  const n = cells.length;
  const w = cols.length;
  const offsetRight = n - w;
  let offset = offsetRight;
  if (n < w) {
    const score = (off: number) => cells.reduce((s, c, j) => s + fits(cols[j - off]?.field ?? "extra", text(c)), 0);
    if (score(0) > score(offsetRight)) offset = 0;
  }
  const head: Array<[Cell, Column | undefined]> = [];
  let textCell: Cell | undefined;
  const tail: Pair[] = [];
  const textAt = cols.findIndex((c) => c.field === "text");
  cells.forEach((c, j) => {
    const at = j - offset;
    if (at < textAt) head.push([c, cols[at]]);
    else if (at === textAt) textCell = c;
    else tail.push([c, cols[at]!, at]);
  });
  return { head, textCell, tail };
}

function mergeField(t: DraftTask, col: Column, at: number, value: string, row: Row, warnings: Warning[], append: boolean): void {
  if (!value) return;
  // A continued row repeating a merged cell the layout already joined adds nothing.
  if (append && [t.deadlineText, t.status, t.remarks, ...t.unitCells.filter((u) => u.col === at).map((u) => u.text)].some((v) => v != null && compact(v) === compact(value))) return;
  const v = col.field === "units" ? value : flat(value);
  switch (col.field) {
    case "units": {
      const same = t.unitCells.find((u) => u.col === at);
      if (append && same) same.text = joinParts(same.text, v);
      else t.unitCells.push({ text: v, role: headerRole(col.header), col: at });
      return;
    }
    case "deadline":
      t.deadlineText = append && t.deadlineText ? joinParts(t.deadlineText, v) : v;
      return;
    case "status":
      t.status = append && t.status ? joinParts(t.status, v) : v;
      return;
    case "remarks":
      t.remarks = append && t.remarks ? joinParts(t.remarks, v) : v;
      return;
    case "text":
      t.text = t.text ? joinParts(t.text, v) : v;
      return;
    case "number":
    case "task":
      warnings.push(warning("unplaced-cell", `a ${col.header || "category"} cell after the requirement column was kept in extra`, { lines: row.lines }));
      t.extra[col.header || "task"] = v;
      return;
    case "people":
    case "extra": {
      const key = col.header || "column";
      const had = t.extra[key];
      t.extra[key] = append && had ? joinWrapped([had, v]) : v;
      return;
    }
  }
}
