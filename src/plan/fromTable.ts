// Table rows → tasks, in named steps: read each row by the table's columns (align.ts),
// update the category slots (categories.ts), merge a row that continues the task above
// or start a task, then give titles and paths, and fill merged cells down where the
// source cannot show merges. Cells are aligned to fields from the right: the columns
// after the requirement text (units, deadline, status, remarks) keep their order
// whatever happens to the 工作任务 columns on their left, which PDF extraction splits,
// shifts and leaves empty where a cell is merged.

import type { Column, Row, Table } from "../model/document.js";
import { lowestConfidence } from "../model/geometry.js";
import { ok, warning, type Result, type Warning } from "../model/result.js";
import { LEADING_NUMBER, NUMBER_CELL } from "../lexicon/cells.js";
import { columnsOf, neverEmpty, withMeasures } from "../lexicon/headers.js";
import { headerRole } from "../lexicon/roles.js";
import { compact, joinParts, joinWrapped } from "../text/text.js";
import { emptyDraft, type DraftTask } from "./draft.js";
import { HeadingStack } from "./headings.js";
import { modalWidth, readRow, type Pair, type ReadRow } from "./table/align.js";
import { flat, text } from "./table/cells.js";
import { CategorySlots, type Slot } from "./table/categories.js";

type CellsRow = Extract<ReadRow, { kind: "cells" }>;

/** One cell after the requirement into its field of a task; `append`: a continuation adds to what the task has. */
export function mergeField(t: DraftTask, col: Column, at: number, value: string, row: Row, warnings: Warning[], append: boolean): void {
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

/**
 * Step 3: whether a row continues the task above. A row without number or category
 * does — a cell that ran over a page break, or a wrapped line — and so does the rest of
 * a row split by a page break (`splitRow`). In a numbered table, a mid-page row with a
 * requirement and cells of its own is a task that simply has no number.
 */
export function continuesAbove(r: CellsRow, row: Row, prev: DraftTask | undefined, numbered: boolean, splitRow: boolean): prev is DraftTask {
  // A merged cell's copy is not the row's own: a numberless row whose only units or
  // deadline are copies from above is the rest of the row above.
  const ownTail = r.tail.some(([c]) => text(c) && c.from !== "above");
  return prev != null && r.number == null && (splitRow || (!r.cats.some(Boolean) && (!r.body || (numbered && (row.pageStart || !ownTail)))));
}

/** The lowest OCR confidence of a row's cells (merged copies included: their text is the task's too), or null. */
const rowConf = (row: Row) => lowestConfidence(row.cells.map((c) => (c.text ? c.conf : null)));

/** Step 3, merging: the row's requirement and cells join the task above. */
export function mergeContinuation(prev: DraftTask, r: CellsRow, row: Row, warnings: Warning[]): void {
  prev.conf = lowestConfidence([prev.conf, rowConf(row)]);
  if (r.body) prev.text = prev.text ? joinParts(prev.text, r.body) : r.body;
  r.tail.forEach(([c, col, at]: Pair) => mergeField(prev, col, at, text(c), row, warnings, true));
  prev.lines.push(...row.lines);
}

/** Step 4: a task of the row's own. */
export function newTask(r: CellsRow, row: Row, numbered: boolean, warnings: Warning[]): DraftTask {
  const t = emptyDraft();
  t.number = r.number;
  t.title = r.title;
  t.text = r.body || null;
  t.lines = [...row.lines];
  t.page = row.page;
  t.conf = rowConf(row);
  r.tail.forEach(([c, col, at]) => mergeField(t, col, at, text(c), row, warnings, false));
  if (!t.text) warnings.push(warning("no-text", `task ${r.number ?? "(unnumbered)"} has no requirement text`, { lines: row.lines }));
  if (r.number == null && !r.subRow && numbered && t.text) warnings.push(warning("no-number", "a row with requirement text but no number; kept as its own task", { lines: row.lines }));
  return t;
}

/**
 * Step 5: titles and paths. An unmarked 工作任务 cell that belongs to one task only is
 * that task's title; the task's other categories follow its headings in its path.
 */
export function assignTitles(tasks: DraftTask[], taskSlots: Slot[][], use: ReadonlyMap<number, number>): void {
  tasks.forEach((t, i) => {
    const own = taskSlots[i] ?? [];
    const last = own[own.length - 1];
    let levels = own;
    if (last && !last.marked && use.get(last.id) === 1 && t.title == null) {
      t.title = last.text;
      levels = own.slice(0, -1);
    }
    t.path = [...t.path, ...levels.map((s) => s.text)];
  });
}

/**
 * Step 6: rows whose unit or deadline cell is empty in a source that cannot show merged
 * cells take the value of the task above in the same section: a merged cell prints its
 * text once. Runs after continuation rows are merged, so that a cell continued over a
 * page break is not mistaken for an empty one.
 */
export function carryMerged(tasks: DraftTask[], cols: Column[]): void {
  // An empty cell of a column that is never empty is a merged one (lexicon neverEmpty).
  const unitCols = cols.map((c, i) => (c.field === "units" && neverEmpty(c) ? i : -1)).filter((i) => i >= 0);
  const hasDeadline = cols.some((c) => c.field === "deadline" && neverEmpty(c));
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

export function planTable(table: Table): Result<DraftTask[]> {
  const warnings: Warning[] = [];
  const given = table.columns ?? columnsOf(table.header);
  const cols = withMeasures(given, (j) => table.rows.filter((r) => r.cells.length === given.length).map((r) => text(r.cells[j])));
  const width = modalWidth(table.rows);
  const headings = new HeadingStack();
  const slots = new CategorySlots();
  const headingRows: Array<{ text: string; lines: number[]; used: boolean }> = [];
  const taskSlots: Slot[][] = [];
  const tasks: DraftTask[] = [];
  const numbered = table.rows.some((r) => r.cells.some((c) => NUMBER_CELL.test(text(c)) || LEADING_NUMBER.test(text(c))));

  for (const row of table.rows) {
    const r = readRow(row, cols, width);
    if (r.kind === "empty") continue;
    if (r.kind === "heading") {
      headings.push(r.text);
      headingRows.push({ text: r.text, lines: row.lines, used: false });
      slots.clear();
      continue;
    }
    // A row without a number at the top of a page is the rest of the row split by the
    // page break: its category cells continue the categories above.
    const prev = tasks[tasks.length - 1];
    const splitRow = row.pageStart && numbered && r.number == null && prev != null && (r.body !== "" || r.cats.some(Boolean));
    slots.update(r.cats, row.lines, row.pageStart, splitRow, table.emptyMeansMerged);
    if (row.subRow && prev) {
      // A sub-row under a merged 序号 (and maybe 工作任务) cell: a task of its own, with
      // the requirement of the row above when its own is merged away.
      const t = newTask({ ...r, body: r.body || (prev.text ?? "") }, row, false, warnings);
      t.path = prev.path;
      taskSlots.push(taskSlots[taskSlots.length - 1] ?? []);
      tasks.push(t);
      continue;
    }
    if (continuesAbove(r, row, prev, numbered, splitRow)) {
      mergeContinuation(prev, r, row, warnings);
      continue;
    }
    // Only category cells: a category row (no task of its own).
    if (!r.body && r.number == null && !r.title && r.cats.some(Boolean) && !r.tail.some(([c]) => text(c))) continue;
    const t = newTask(r, row, numbered, warnings);
    t.path = headings.path;
    for (const h of headingRows) h.used = true;
    taskSlots.push(slots.take());
    tasks.push(t);
  }
  assignTitles(tasks, taskSlots, slots.use);
  if (table.emptyMeansMerged) carryMerged(tasks, cols);
  // Nothing is dropped silently: a heading or category that covers no task is reported.
  for (const h of headingRows) if (!h.used) warnings.push(warning("empty-section", `heading with no task under it: ${h.text}`, { lines: h.lines }));
  for (const [id, s] of slots.printed) if (!slots.use.has(id)) warnings.push(warning("empty-section", `category with no task under it: ${s.text}`, { lines: s.lines }));
  return ok(tasks, warnings);
}
