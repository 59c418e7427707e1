// What a cell holds, judged by its content alone: used where column positions cannot be
// trusted (scrambled PDF text, rows with cells missing at one end).

import { toSimplified } from "../text/hant.js";
import type { Column } from "../model/document.js";
import { compact } from "../text/text.js";
import { datesIn, phraseKind } from "./deadlines.js";
import { HEADING_MAX_CHARS, headingMarker, parseMarker, PART_STYLES } from "./markers.js";
import { LEVEL_PREFIX, PLACE_END, UNIT_NAME_END } from "./units.js";

/**
 * A number cell: 1 to 999, as a 序号 cell prints it (1, 1., 1、), or with a footnote mark
 * (9*: a row the notice annotates below the table); the digits are the number.
 */
export const NUMBER_CELL = /^(\d{1,3})[.、．*＊]?$/u;

/** 序号 a notice may skip between two rows (122, 124: a task struck from a late draft). */
export const MAX_SKIPPED_NUMBERS = 2;

/** A number printed at the start of the requirement cell ("1 围绕…"), not a quantity (1 年, 3 个). */
export const LEADING_NUMBER = /^(\d{1,3})[\s\u3000]+(?![年月日号个项%％])/u;

const DATE_START = /^(?:上半年|下半年|年底|年内|年末|(?:19|20)\d{2}\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|第?[一二三四]季度)/u;
/** Words a deadline ends in: the time words (前, 底, 内, 旬, 季度 …) and the ongoing verbs (推进, 坚持). */
const TIME_END = /(?:前|底|末|内|完成|推进|持续|坚持|旬|日|月|年|季度|期间|起|常态化)$/u;

/** The longest a deadline cell runs; a longer cell is a requirement that mentions a date. */
const DEADLINE_MAX_CHARS = 30;
/** Short enough that a deadline phrase in it is the whole point of the cell. */
const DEADLINE_SHORT_CHARS = 8;
/** A unit list runs longer than any name, but not as long as a paragraph. */
const UNITS_MAX_CHARS = 200;
/** An unmarked category is a short phrase (加强政策解读, 政务公开平台). */
export const CATEGORY_MAX_CHARS = 20;

export function looksLikeUnits(text: string): boolean {
  const t = compact(text);
  if (!t || t.length > UNITS_MAX_CHARS || /[。！？]/u.test(t) || parseMarker(t)) return false;
  // Every name, once its role phrase and 等… are taken off, ends like a unit (局, 委,
  // 政府 …); a category such as 抓好条例的贯彻落实 ends in a role word but names none.
  const names = t
    .split(/[、，,；;]/u)
    .map((p) => p.replace(/(?:按照?职责(?:分工)?)?(?:分别)?(?:牵头|负责|配合|协助|参与)?(?:落实)?$/u, "").replace(/等.*$/u, "").replace(/^(?:由|会同)/u, ""))
    .filter(Boolean);
  if (names.length === 0) return false;
  // A name may end in a bracket that holds another name or level words: 各村（社区）, 县财政局（金融办）.
  const bare = (n: string) => n.replace(/[（(][^）)]*[）)]/gu, "");
  const unitish = names.filter((n) => UNIT_NAME_END.test(n) || UNIT_NAME_END.test(bare(n)) || /[（(][^）)]*[）)](?:人民)?政府$/u.test(n));
  return unitish.length * 2 >= names.length && UNIT_NAME_END.test(bare(names[names.length - 1]!));
}

/** A quantity as a progress table prints it: digits, maybe a decimal part and a measuring unit (26000, 4.3, 95%, 120万元). */
const QUANTITY = /^[\d.,，]+(?:%|％|‰|万?元|亿元|人次|人|个|户|次|项|公里|吨)?$/u;

/** A cell that is a bare quantity: a target or a result, never a requirement, a category or a unit. */
export function isQuantity(text: string): boolean {
  return QUANTITY.test(compact(text));
}

/** The share of a column's filled cells that are quantities from which the column is a measure: most (a worded target, 应补尽补, among numbers). */
const MEASURE_SHARE = 0.5;

/** Whether a column's cells are mostly quantities: a measure of the rows (目标任务 26000, 4.3, 95), whatever its header says. */
export function isMeasureColumn(texts: readonly string[]): boolean {
  const filled = texts.filter((t) => compact(t));
  return filled.length > 0 && filled.filter(isQuantity).length > filled.length * MEASURE_SHARE;
}

/** The longest head of a unit name broken at a line end (市人力资源 of 市人力资源社会保障局). */
const NAME_HEAD_MAX_CHARS = 8;

/**
 * Whether two lines are one unit name broken at a line end: the first is the head of a
 * name (a level prefix, no unit ending but a place's, nothing but the name's characters)
 * and the second finishes it (市人力资源 / 社会保障局, 区住房和城乡 / 建设局).
 */
export function brokenUnitName(head: string, rest: string): boolean {
  const a = toSimplified(compact(head));
  const b = toSimplified(compact(rest));
  return (
    a.length <= NAME_HEAD_MAX_CHARS &&
    LEVEL_PREFIX.test(a) &&
    (!UNIT_NAME_END.test(a) || PLACE_END.test(a)) &&
    !/[\d\s，,。；;：:、（）()]/u.test(a) &&
    // A line that starts with a level prefix or 各 starts a name of its own.
    !/^[市县区省各]/u.test(b) &&
    looksLikeUnits(b) &&
    looksLikeUnits(a + b)
  );
}

/** Whether a text names a date or a deadline phrase (FORMAT.md's kinds other than `other`). */
export function namesDeadline(text: string): boolean {
  const t = toSimplified(compact(text));
  return datesIn(t).length > 0 || phraseKind(t) != null;
}

export function looksLikeDeadline(text: string): boolean {
  const t = compact(text);
  if (!t || t.length > DEADLINE_MAX_CHARS) return false;
  if (!namesDeadline(t)) return false;
  // Requirements can start with 每年/及时/定期 too; a deadline starts with a date or
  // ends with a time word (前, 底, 内, 完成 …), or is a few characters only.
  return DATE_START.test(t) || TIME_END.test(t) || t.length <= DEADLINE_SHORT_CHARS;
}

/**
 * A category rather than a requirement: a heading marked 一、/（一）/第一部分 of a
 * heading's length (it may end in 。), or a short phrase without sentence punctuation.
 */
export function categoryLike(text: string): boolean {
  const t = compact(text);
  const m = parseMarker(t);
  if (m && PART_STYLES.includes(m.style)) return t.length <= HEADING_MAX_CHARS;
  return t.length <= CATEGORY_MAX_CHARS && !/[，,。；;：:、]/u.test(t.replace(/。$/u, ""));
}

/**
 * Words of a progress report (完成情况 cells): done, under way, a share done. A cell
 * holding one is more likely a status than a merged column's value.
 */
const PROGRESS = /(?:已|正在|完成|开工|推进|累计|目前|截至|[%％])/u;

/** Characters from which a cell reads as a paragraph, not a name or a phrase. */
const LONG_CELL_CHARS = 15;

/**
 * How well a text fits a column's field, judged by its content alone: positive fits,
 * negative does not, 0 says nothing. Used to place the cells of a row that lost some
 * (a merged cell printed once, a row cut at a page break).
 */
export function fitsField(field: Column["field"], t: string): number {
  if (!t) return 0;
  const long = t.length >= LONG_CELL_CHARS || /[，。；]/u.test(t);
  switch (field) {
    case "number":
      return NUMBER_CELL.test(t) ? 2 : -2;
    case "task":
      // A numbered name without a sentence (5.及时公开落实举措) is a 工作任务 cell.
      if (headingMarker(t) && !/[，,。；;]/u.test(t)) return 2.5;
      return NUMBER_CELL.test(t) || parseMarker(t) || categoryLike(t) ? 1 : -1;
    case "text":
      return NUMBER_CELL.test(t) || isQuantity(t) ? -2 : looksLikeUnits(t) || looksLikeDeadline(t) ? -1 : long ? 2 : 0;
    case "units":
      return looksLikeUnits(t) ? 2 : looksLikeDeadline(t) || NUMBER_CELL.test(t) || isQuantity(t) || t.length > 60 ? -2 : 0;
    case "deadline":
      return looksLikeDeadline(t) ? 2 : looksLikeUnits(t) || NUMBER_CELL.test(t) || t.length > 40 ? -2 : 0;
    case "status":
      return PROGRESS.test(t) && !looksLikeUnits(t) ? 1 : looksLikeUnits(t) ? -1 : 0;
    case "people":
      return looksLikeUnits(t) || long ? -1 : 0;
    default:
      return 0;
  }
}

// Which columns the cells of a short row belong to. A flattened table (web text, PDF
// text) prints a merged cell once and leaves it out of the rows it covers, and a page
// break can cut a row; the cells that remain keep their order, and their contents say
// which columns they fill.

/**
 * Preference, in fit points, for placing a cell under a column whose cells are seldom
 * merged (number, requirement, status, remarks, unknown columns) when its content fits
 * several: the columns a notice merges are the category, unit, deadline and person ones,
 * so those are the ones a short row has lost. Smaller than any content fit (≥ 1).
 */
const UNMERGED_BIAS = 0.25;
const MERGING: ReadonlySet<Column["field"]> = new Set(["task", "units", "deadline", "people"]);
/** Whether a notice merges the cells of a column of this field over rows (MERGING): else each row has a cell of its own, or none. */
export const oftenMerged = (field: Column["field"]): boolean => MERGING.has(field);
/** Fit points against a category column for a cell of a sub-row (no number of its own): more than a short name's fit to a category (1). */
const LOST_CATEGORY = 1.5;

/**
 * The columns (indexes into `cols`, strictly increasing) that the cells fit best, in
 * their order: a row that lost merged cells keeps the order of the ones it prints.
 */
export function placeCells(texts: string[], cols: Column[], numberless = false): number[] {
  const n = texts.length;
  const w = cols.length;
  if (n === 0) return [];
  if (n >= w) return texts.map((_, i) => i);
  // A row without its number under a 序号 column is a sub-row of a merged 序号: the
  // categories around it are merged over it too (a category holds whole numbered tasks),
  // so its cells are not theirs.
  const lost = (j: number) => (numberless && cols[j]!.field === "task" ? LOST_CATEGORY : 0);
  const score = (i: number, j: number) => fitsField(cols[j]!.field, texts[i]!) + (oftenMerged(cols[j]!.field) ? 0 : UNMERGED_BIAS) - lost(j);
  // best[i][j]: the best total for cells i.. when cell i may go under columns j..
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(w + 1).fill(-Infinity));
  for (let j = 0; j <= w; j++) best[n]![j] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = w - (n - i); j >= 0; j--) {
      const take = score(i, j) + best[i + 1]![j + 1]!;
      const skip = best[i]![j + 1]!;
      best[i]![j] = Math.max(take, skip);
    }
  }
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j < w - (n - i) && best[i]![j + 1]! > score(i, j) + best[i + 1]![j + 1]!) j++;
    out.push(j);
    j++;
  }
  return out;
}

