// Header words → output fields. Notices name the same column many ways (and in
// traditional characters, matched after conversion to simplified); anything not
// recognised goes to `extra` under its header.

import type { Column, Field } from "../model/document.js";
import { toSimplified } from "../text/hant.js";
import { compact } from "../text/text.js";
import { isMeasureColumn } from "./cells.js";
import { parseMarker } from "./markers.js";
import { headerRole } from "./roles.js";

export type { Column, Field };

/** What a unit column's header calls its cells (单位, 部门 …); 牵头, 配合 and 协同 only say their role. */
const UNIT_HEADER_NOUNS = "单位|部门|科室|主体|处室|责任方";
const UNIT_HEADER_NOUN = new RegExp(UNIT_HEADER_NOUNS, "u");

/** The words of each field, tried in this order (people before units: 责任人 is a person, 责任单位 a unit). */
const RULES: Array<[Field, RegExp]> = [
  ["number", /^(?:序号|编号|序|No\.?|项次)$/iu],
  ["people", /(?:领导|责任人|负责人|联系人)/u],
  ["status", /(?:完成情况|进展情况|落实情况|推进情况|进度|完成进度|进展)/u],
  ["remarks", /^(?:备注|说明)$/u],
  ["deadline", /(?:时限|时间|期限|时序|日期|节点)/u],
  ["units", new RegExp(`(?:${UNIT_HEADER_NOUNS}|牵头|配合|协同)`, "u")],
  ["text", /(?:要求|内容|措施|举措|目标|标准|工作任务|任务内容|具体)/u],
  // 名称: what a 工程名称 / 项目名称 column names is the work the rows belong to.
  ["task", /(?:任务|事项|类别|项目|工作|重点|领域|板块|名称)/u],
];

/** Whole headers that name the category column, before the word rules (工作任务 has 任务 and 工作). */
const TASK_HEADER = /^(?:工作任务|重点任务|主要任务|任务|重点工作|工作事项|任务名称|类别|项目|重点领域)$/u;
/** Whole headers that name the deadline, though their words are progress words. */
const DEADLINE_HEADER = /^(?:进度安排|时间安排|时间进度|进度要求|完成进度要求)$/u;

/**
 * Headers that name a count, an amount or a share (任务数量, 项目个数, 投资金额, 完成率,
 * 占比): a measure of the row, kept in extra, whatever task or unit word precedes it — a
 * summary sheet's 单位 | 任务数量 is not a task table.
 */
const MEASURE_HEADER = /(?:数量|个数|总数|件数|次数|户数|人数|任务数|项目数|金额|资金|比例|占比|比率|[完办]成率|（个）|\(个\))$/u;

/** The field a header cell names, or null for an unknown column (kept in `extra`). */
export function fieldOfHeader(header: string): Field | null {
  const h = toSimplified(compact(header));
  if (!h) return null;
  if (MEASURE_HEADER.test(h)) return null;
  // "工作任务" names the category column unless the table has no other text column;
  // 具体要求/工作内容 name the requirement text.
  if (TASK_HEADER.test(h)) return "task";
  if (DEADLINE_HEADER.test(h)) return "deadline";
  for (const [field, re] of RULES) if (re.test(h)) return field;
  return null;
}

/**
 * Header cells whole, as notices print them (FORMAT.md's column words): what a header
 * cell the recogniser read one character wrong (序县, 时限耍求) was printed as. Only
 * scanned pages use them, and only where they make a row a header row.
 */
const PRINTED_HEADERS = [
  "序号", "编号", "工作任务", "重点任务", "主要任务", "任务名称", "工作事项", "重点工作", "任务分类",
  "具体要求", "工作要求", "工作内容", "任务内容", "工作措施", "具体措施", "目标任务", "主要内容",
  "责任单位", "牵头单位", "配合单位", "协作单位", "责任部门", "责任科室", "负责科室", "责任处室", "主体单位", "牵头落实单位", "牵头责任单位",
  "时限要求", "完成时限", "完成时间", "计划完成时间", "完成期限", "时间节点", "时间要求",
  "完成情况", "落实情况", "进展情况", "推进情况", "工作进度",
  "备注", "说明", "责任领导", "分管领导", "负责人",
];

/** How many characters of a printed header may be misread for a recognised cell to be taken for it. */
const MISREAD_CHARS = 1;

/**
 * The printed header a recognised cell is one misread character from (a character read
 * as another, or one read as two or none: edit distance 1), where exactly one is; else
 * null. A two-character header may only have one of its two misread.
 */
export function misreadHeader(text: string): string | null {
  const t = [...compact(text)];
  if (t.length < 2) return null;
  const near = PRINTED_HEADERS.filter((h) => {
    const w = [...h];
    if (w.length === 2 && t.length !== 2) return false;
    return editDistance(t, w, MISREAD_CHARS) <= MISREAD_CHARS;
  });
  return near.length === 1 ? near[0]! : null;
}

/** Levenshtein distance of two character lists, counted only up to `most` + 1. */
function editDistance(a: readonly string[], b: readonly string[], most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Header words are short: a cell of more characters is content, whatever words it holds. */
export const HEADER_WORD_MAX_CHARS = 12;

/** A cell that is plainly a column header word (short, and a known field). */
export function isHeaderWord(text: string): boolean {
  // A qualifier in brackets (进展情况(一季度), 重点工作任务(民生实事项目)) does not count.
  const h = compact(text).replace(/[（(][^（）()]*[）)]$/u, "");
  // A heading (一、推进重点工作) is content, though its words are header words.
  if (parseMarker(h)) return false;
  return h.length > 0 && h.length <= HEADER_WORD_MAX_CHARS && fieldOfHeader(h) != null;
}

/** Physical columns and their fields; an empty header cell continues the one before (a span). */
export function columnsOf(header: string[]): Column[] {
  const cols: Column[] = [];
  for (const h of header) {
    const f = fieldOfHeader(h);
    if (h === "" && cols.length > 0) cols.push({ ...cols[cols.length - 1]! });
    else cols.push({ field: f ?? "extra", header: h });
  }
  // Several progress columns (one per month): the last is the status, the others are
  // kept in extra under their headers (FORMAT.md).
  const statusAt = cols.map((c, i) => (c.field === "status" ? i : -1)).filter((i) => i >= 0);
  const lastStatus = cols[statusAt[statusAt.length - 1] ?? -1]?.header;
  // (A header spanning two physical columns is one column: same header, kept.)
  for (const i of statusAt) if (cols[i]!.header !== lastStatus) cols[i] = { ...cols[i]!, field: "extra" };
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

/**
 * Whether a header cell is only the role of the unit header after it, wrapped onto a
 * line of its own (市级牵头 / 责任单位 is one 市级牵头责任单位 column): a role word with no
 * noun for the units, followed by a unit header that has one.
 */
export function qualifiesUnitHeader(role: string, next: string): boolean {
  const [a, b] = [toSimplified(compact(role)), toSimplified(compact(next))];
  return fieldOfHeader(a) === "units" && !UNIT_HEADER_NOUN.test(a) && fieldOfHeader(b) === "units" && UNIT_HEADER_NOUN.test(b);
}

/**
 * The columns with every requirement column after the first whose cells (`texts(j)`) are
 * mostly quantities kept in `extra` under its header: a column named 目标任务 or 完成目标
 * that holds 26000, 4.3, 95 is a measure of the row, and the requirement is another
 * column — a requirement is a sentence, never a bare number.
 */
export function withMeasures(cols: Column[], texts: (j: number) => readonly string[]): Column[] {
  const textCols = cols.map((c, i) => (c.field === "text" ? i : -1)).filter((i) => i >= 0);
  const measures = textCols.slice(1).filter((j) => isMeasureColumn(texts(j)));
  return measures.length === 0 ? cols : cols.map((c, j) => (measures.includes(j) ? { ...c, field: "extra" } : c));
}

/**
 * A column whose cells a task table never leaves empty: every task has its responsible
 * unit and its time, so an empty lead, responsible or deadline cell is one a merged cell
 * covers. Not a 配合单位 column, whose cells are often empty because a task has no
 * supporting unit, nor the categories, which the plan's heading slots carry.
 */
export function neverEmpty(c: Column): boolean {
  return c.field === "deadline" || (c.field === "units" && headerRole(c.header) !== "support");
}
