// Table rows → tasks. Cells are aligned to fields from the right: the columns after the
// requirement text (units, deadline, status, remarks) keep their order whatever
// happens to the 工作任务 columns on their left, which PDF extraction splits, shifts
// and leaves empty where a cell is merged.

import type { Cell, Row, Table } from "../model/document.js";
import { ok, warning, type Result, type Warning } from "../model/result.js";
import { clean, compact, joinWrapped } from "../normalize/text.js";
import { headerRole } from "../normalize/units.js";
import { fieldOfHeader, type Field } from "./columns.js";
import { emptyDraft, type DraftTask } from "./draft.js";
import { HeadingStack, parseMarker } from "./headings.js";

interface Column {
  field: Field | "extra";
  header: string;
}

/** Physical columns and their fields; an empty header cell continues the one before (a span). */
export function columnsOf(header: string[]): Column[] {
  const cols: Column[] = [];
  for (const h of header) {
    const f = fieldOfHeader(h);
    if (h === "" && cols.length > 0) cols.push({ ...cols[cols.length - 1]! });
    else cols.push({ field: f ?? "extra", header: h });
  }
  // No requirement column: the last task column holds the requirement.
  if (!cols.some((c) => c.field === "text")) {
    for (let i = cols.length - 1; i >= 0; i--) {
      if (cols[i]!.field === "task") {
        cols[i] = { ...cols[i]!, field: "text" };
        break;
      }
    }
  }
  return cols;
}

const NUMBER_CELL = /^(\d{1,3})[.、．]?$/u;
// A number printed at the start of the requirement cell ("1 围绕…"), not a quantity.
const LEADING_NUMBER = /^(\d{1,3})[\s\u3000]+(?![年月日号个项%％])/u;

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
  const textAt = cols.findIndex((c) => c.field === "text");
  const tail = cols.slice(textAt + 1);
  const width = modalWidth(table.rows);
  const headings = new HeadingStack();
  let slots: Slot[] = [];
  let nextId = 1;
  const slotUse = new Map<number, number>();
  const taskSlots: Slot[][] = [];
  const tasks: DraftTask[] = [];
  const numbered = table.rows.some((r) => r.cells.some((c) => NUMBER_CELL.test(text(c)) || LEADING_NUMBER.test(text(c))));

  const setSlot = (i: number, value: string) => {
    const cur = slots[i];
    if (cur && compact(cur.text) === compact(value)) {
      slots[i] = { ...cur, text: value }; // a reprint after a page break: the wording printed last wins
      return;
    }
    slots = slots.slice(0, i);
    slots[i] = { text: value, id: nextId++, marked: parseMarker(value) != null };
  };

  for (const row of table.rows) {
    let cells = row.cells;
    while (cells.length > width && !text(cells[cells.length - 1])) cells = cells.slice(0, -1);
    const filled = cells.filter((c) => text(c));
    if (filled.length === 0) continue;

    // A lone cell spanning the table, or the only cell of its line: a heading row.
    if (filled.length === 1 && (cells.length === 1 || (filled[0]!.colSpan ?? 1) > 1) && !NUMBER_CELL.test(text(filled[0]))) {
      const h = flat(filled[0]!.text);
      if (h.length <= 80 || parseMarker(h)) {
        headings.push(h);
        slots = [];
        continue;
      }
    }

    const n = cells.length;
    const k = Math.min(tail.length, Math.max(0, n - 1));
    const tailCells = cells.slice(n - k);
    const tailCols = tail.slice(tail.length - k);
    const textCell = n - k - 1 >= 0 ? cells[n - k - 1] : undefined;
    const head = cells.slice(0, Math.max(0, n - k - 1));

    let number: string | null = null;
    let title: string | null = null;
    const cats: string[] = [];
    for (let i = 0; i < head.length; i++) {
      const t = text(head[i]);
      if (!t) {
        cats.push("");
        continue;
      }
      const num = NUMBER_CELL.exec(t);
      if (num) {
        number = num[1]!;
        continue;
      }
      const m = parseMarker(t);
      const isLast = head.slice(i + 1).every((c) => !text(c) || NUMBER_CELL.test(text(c)));
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
    let level = 0;
    for (const c of cats) {
      if (!c) {
        level++;
        continue;
      }
      let value = c;
      const parent = slots[level];
      if (parent && compact(value) !== compact(parent.text) && compact(value).startsWith(compact(parent.text))) {
        const rest = value.slice(value.replace(/\s+/gu, "").length === value.length ? parent.text.length : value.search(/\s/u) + 1).trim();
        if (rest) {
          setSlot(level, parent.text);
          level++;
          value = rest;
        }
      }
      setSlot(level, value);
      level++;
    }

    const isContinuation = number == null && !cats.some(Boolean) && (!body || (row.pageStart && numbered));
    const prev = tasks[tasks.length - 1];
    if (isContinuation && prev) {
      if (body) prev.text = prev.text ? prev.text + body : body;
      tailCells.forEach((c, i) => mergeField(prev, tailCols[i]!, text(c), row, warnings, true));
      prev.lines.push(...row.lines);
      continue;
    }
    if (!body && number == null && !title) {
      // Only category cells: a category row (no task of its own).
      if (cats.some(Boolean) && tailCells.every((c) => !text(c))) continue;
    }

    const t = emptyDraft();
    t.number = number;
    t.title = title;
    t.text = body || null;
    t.lines = [...row.lines];
    t.page = row.page;
    tailCells.forEach((c, i) => mergeField(t, tailCols[i]!, text(c), row, warnings, false));
    if (table.emptyMeansMerged && prev) {
      // Merged unit and deadline cells print once; the rows below them are empty.
      if (t.unitCells.length === 0 && tailCols.some((c) => c.field === "units")) t.unitCells = prev.unitCells.map((u) => ({ ...u }));
      if (t.deadlineText == null && tailCols.some((c) => c.field === "deadline")) t.deadlineText = prev.deadlineText;
    }
    if (!t.text) warnings.push(warning("no-text", `task ${number ?? "(unnumbered)"} has no requirement text`, { lines: row.lines }));
    if (number == null && numbered) warnings.push(warning("no-number", "a row with requirement text but no number; kept as its own task", { lines: row.lines }));
    t.path = headings.path;
    taskSlots.push(slots.filter(Boolean));
    for (const s of slots) if (s) slotUse.set(s.id, (slotUse.get(s.id) ?? 0) + 1);
    tasks.push(t);
  }

  // An unmarked 工作任务 cell that belongs to one task only is that task's title.
  tasks.forEach((t, i) => {
    const own = taskSlots[i] ?? [];
    const last = own[own.length - 1];
    let levels = own;
    if (last && !last.marked && slotUse.get(last.id) === 1 && t.title == null && own.length > 1) {
      t.title = last.text;
      levels = own.slice(0, -1);
    }
    t.path = [...t.path, ...levels.map((s) => s.text)];
  });
  return ok(tasks, warnings);
}

function mergeField(t: DraftTask, col: Column, value: string, row: Row, warnings: Warning[], append: boolean): void {
  if (!value) return;
  const v = col.field === "units" ? value : flat(value);
  switch (col.field) {
    case "units": {
      if (append && t.unitCells.length > 0) {
        const last = t.unitCells[t.unitCells.length - 1]!;
        last.text = last.text + v;
      } else t.unitCells.push({ text: v, role: headerRole(col.header) });
      return;
    }
    case "deadline":
      t.deadlineText = append && t.deadlineText ? t.deadlineText + v : v;
      return;
    case "status":
      t.status = append && t.status ? t.status + v : v;
      return;
    case "remarks":
      t.remarks = append && t.remarks ? t.remarks + v : v;
      return;
    case "text":
      t.text = t.text ? t.text + v : v;
      return;
    case "number":
    case "task":
      warnings.push(warning("unplaced-cell", `a ${col.header || "category"} cell after the requirement column was kept in extra`, { lines: row.lines }));
      t.extra[col.header || "task"] = v;
      return;
    case "people":
    case "extra":
      t.extra[col.header || "column"] = append && t.extra[col.header] ? t.extra[col.header] + v : v;
      return;
  }
}
