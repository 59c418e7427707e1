// workplan's own workbook (`--format xlsx`) read back as the plan it holds, not as a notice.
// Told by its structure, which no notice has: a sheet named `tasks` whose first row is
// the flat columns' titles (schema/columns.ts) and nothing else, with the derived columns
// (单位, 时限类型, 截止日期, 源文件行号) beside the printed ones. Read as a notice, those
// derived columns would double every unit and deadline, and the units sheet would be
// taken for a second task table; read as what it is, each task comes back with its
// fields as written, its units' roles from the units sheet, and the warnings of the
// conversion that wrote it. An analyst's edits in Excel (a unit renamed, a deadline
// corrected, rows re-sorted or filtered) are what is read: a filter's hidden rows are
// still tasks, the sheet's merged category cells are filled down.

import { columnKey, columnTitle, levelOf, SHEETS, UNIT_COLUMNS, WARNING_COLUMNS } from "../../schema/columns.js";
import { DeadlineSchema, RoleSchema, type Deadline, type PlanWarning, type Role, type Task } from "../../schema/plan.js";
import type { OwnPlan } from "../../model/source.js";
import type { Sheet } from "./sheet.js";

/** Columns without which a `tasks` sheet is not workplan's. */
const REQUIRED = ["number", "text", "unitsText", "units", "deadlineText", "deadlineKind", "deadlineDate", "lines"];
/** Names in the 单位 column are joined with this (export/csv.ts). */
const NAME_JOIN = "；";

/** A sheet's rows as strings, merged ranges filled from their first cell. */
function grid(s: Sheet): string[][] {
  const rows: string[][] = [];
  for (let r = 0; r <= s.maxRow; r++) rows.push(Array.from({ length: s.maxCol + 1 }, (_, c) => s.cells.get(r)?.get(c) ?? ""));
  for (const m of s.merges) {
    const v = rows[m.r0]?.[m.c0] ?? "";
    for (let r = m.r0; r <= Math.min(m.r1, s.maxRow); r++) for (let c = m.c0; c <= Math.min(m.c1, s.maxCol); c++) rows[r]![c] = v;
  }
  return rows;
}

/** The column keys of a tasks sheet's header, or null when it is not workplan's. */
function keysOf(header: readonly string[]): string[] | null {
  const titles = [...header];
  while (titles.length > 0 && titles[titles.length - 1] === "") titles.pop();
  const keys = titles.map(columnKey);
  if (keys.some((k) => k == null)) return null;
  const ks = keys as string[];
  if (!REQUIRED.every((k) => ks.includes(k)) || new Set(ks).size !== ks.length) return null;
  return ks;
}

const orNull = (s: string | undefined) => (s == null || s === "" ? null : s);

function deadlineOf(kind: string, date: string): Deadline | null {
  if (kind === "") return null;
  const d = DeadlineSchema.safeParse({ kind, date: date === "" ? null : date });
  return d.success ? d.data : null;
}

function extraOf(cell: string, title: string): Record<string, string> {
  if (cell === "") return {};
  try {
    const v: unknown = JSON.parse(cell);
    if (v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string")) return v as Record<string, string>;
  } catch {
    // edited into something else than the JSON object the writer put there: kept as it is
  }
  return { [title]: cell };
}

interface UnitRow {
  key: string;
  name: string;
  role: Role;
}

/** The units sheet's rows, each keyed by the task it belongs to (source, 序号, 具体要求). */
function unitRows(s: Sheet | undefined): UnitRow[] {
  if (!s) return [];
  const [head = [], ...rows] = grid(s);
  // A batch's units sheet starts with the source column, titled as the tasks sheet's.
  const batch = head[0] === columnTitle("source", "zh");
  const at = batch ? 1 : 0;
  if (UNIT_COLUMNS.some((t, i) => head[at + i] !== t)) return [];
  return rows.flatMap((r) => {
    const role = RoleSchema.safeParse(r[at + 3]);
    const name = r[at + 2] ?? "";
    return name === "" ? [] : [{ key: [batch ? r[0] : "", r[at], r[at + 1]].join("\u0000"), name, role: role.success ? role.data : "responsible" }];
  });
}

/** The warnings of the conversion that wrote the workbook, each naming the file it was about. */
function warningsOf(s: Sheet | undefined): PlanWarning[] {
  if (!s) return [];
  const [head = [], ...rows] = grid(s);
  if (WARNING_COLUMNS.some((t, i) => head[i] !== t)) return [];
  return rows.flatMap((r) => {
    if (!r[1] || !r[2]) return [];
    const w: PlanWarning = { code: r[1], message: r[0] ? `${r[0]}: ${r[2]}` : r[2] };
    const lines = (r[3] ?? "").split(/\s+/u).map(Number).filter((n) => Number.isInteger(n) && n > 0);
    if (lines.length > 0) w.lines = lines;
    const page = Number(r[4]);
    if (r[4] && Number.isInteger(page) && page > 0) w.page = page;
    return [w];
  });
}

/** The plan a workbook of workplan's holds, or null when the workbook is another's. */
export function ownPlan(sheets: ReadonlyMap<string, Sheet>, props: { title: string | null; subject: string | null }): OwnPlan | null {
  const t = sheets.get(SHEETS.tasks);
  if (!t || t.maxRow < 0) return null;
  const [header = [], ...rows] = grid(t);
  const keys = keysOf(header);
  if (!keys) return null;
  const col = (k: string) => keys.indexOf(k);
  const sheetNo = [...sheets.keys()].indexOf(SHEETS.tasks) + 1;
  const levels = keys.map((k, i) => [levelOf(k), i] as const).filter((x): x is readonly [number, number] => x[0] != null).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  const units = unitRows(sheets.get(SHEETS.units));
  let u = 0;
  const tasks: Task[] = [];
  const filled = rows.filter((r) => r.some((c) => c !== ""));
  const multi = col("source") >= 0 && new Set(filled.map((r) => r[col("source")])).size > 1;
  const titles = new Set<string>();
  const years = new Set<string>();
  rows.forEach((r, i) => {
    if (r.every((c) => c === "")) return;
    const get = (k: string) => (col(k) >= 0 ? (r[col(k)] ?? "") : "");
    titles.add(get("planTitle"));
    years.add(get("planYear"));
    const key = [get("source"), get("number"), get("text")].join("\u0000");
    // The units sheet lists each task's units in the tasks' order: a task takes the run
    // of rows keyed by it (a renamed or added unit, absent there, is a responsible unit).
    const run: UnitRow[] = [];
    while (u < units.length && units[u]!.key === key) run.push(units[u++]!);
    const names = get("units").split(NAME_JOIN).map((n) => n.trim()).filter((n) => n !== "");
    const task: Task = {
      number: orNull(get("number")),
      path: levels.map((c) => r[c] ?? "").filter((p) => p !== ""),
      title: orNull(get("title")),
      text: orNull(get("text")),
      unitsText: orNull(get("unitsText")),
      units: names.map((name) => {
        const k = run.findIndex((x) => x.name === name);
        const role = k >= 0 ? run.splice(k, 1)[0]!.role : "responsible";
        return { name, role };
      }),
      deadlineText: orNull(get("deadlineText")),
      deadline: deadlineOf(get("deadlineKind"), get("deadlineDate")),
      status: orNull(get("status")),
      remarks: orNull(get("remarks")),
      extra: extraOf(get("extra"), header[col("extra")] ?? "extra"),
      // Where the task is in this workbook: its row on the tasks sheet, as for any workbook.
      provenance: { lines: [i + 2], page: sheetNo, sheet: SHEETS.tasks },
    };
    // A batch's workbook holds several documents: each task keeps the one it came from.
    if (multi) task.extra = { ...task.extra, [header[col("source")]!]: get("source") };
    tasks.push(task);
  });
  const one = <T,>(s: Set<T>) => (s.size === 1 ? [...s][0]! : null);
  const batch = col("source") >= 0;
  const title = batch ? orNull(one(titles) ?? "") : orNull(props.title ?? "");
  const yearText = batch ? (one(years) ?? "") : (props.subject ?? "");
  const year = /^\d{4}$/u.test(yearText) ? Number(yearText) : null;
  return { kind: "plan", title, year, columns: header.filter((h) => h !== ""), tasks, warnings: warningsOf(sheets.get(SHEETS.warnings)) };
}
