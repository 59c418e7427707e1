// Labelled lines and parentheses: 牵头单位：… 责任单位:… 完成时限：… 责任领导：… — a header
// word of a task's field, then a colon (full- or half-width). The label's words are the
// header words (lexicon/headers.ts): a label names what a column would.

import { fieldOfHeader, type Field } from "./headers.js";
import { ANY_ROLE_PHRASE } from "./roles.js";
import { UNIT_NAME_END } from "./units.js";

/** The fields a label gives a value to; a 序号: or 工作任务: line is text, not a label. */
const LABEL_FIELDS: ReadonlySet<Field> = new Set(["units", "people", "deadline", "status", "remarks"]);

/** A label at the start of a text, whatever it names: 2 to 8 characters and a colon. */
export const LABEL_AT = /^\s*([^：:；;，,。]{2,8})[：:]\s*/u;

export interface Labelled {
  /** The label as printed, trimmed (责任单位). */
  label: string;
  field: Field;
  /** What follows the colon. */
  rest: string;
}

/**
 * Labels of a form's or statistics table's own heading, not of a task: 单位：元 names a
 * unit of measure; 编制部门/填报单位 name who filled in the form.
 */
const MEASURE_LABEL = /^(?:单位|計量單位|计量单位|金额单位|金額單位|货币单位|(?:编制|編制|填报|填報|报送|報送|制表|填表)(?:部门|部門|单位|單位))$/u;

/** A label's value that is a unit of measure (单位：万元): the line heads a statistics or budget table. */
const MEASURE_VALUE = /^[（(]?(?:人民币)?[十百千万亿]*(?:元|人|个|户|吨|公里|千米|米|平方米|亩|%|％|项|次|人次|家|所)[)）]?[。.]?$/u;

/** An enumerated clause (一是加强领导：, 其一：) is a sentence of the text, not a label. */
const ENUMERATOR = /^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|首先|其次|最后)/u;

/** The label a text starts with, when it names a field; null otherwise. */
export function labelAt(text: string): Labelled | null {
  const m = LABEL_AT.exec(text);
  if (!m) return null;
  const label = m[1]!.trim();
  if (ENUMERATOR.test(label) || MEASURE_LABEL.test(label)) return null;
  const field = fieldOfHeader(label);
  if (!field || !LABEL_FIELDS.has(field)) return null;
  const rest = text.slice(m[0].length).trim();
  if (field === "units" && MEASURE_VALUE.test(rest)) return null;
  return { label, field, rest };
}

/** A line that starts with a label, possibly inside an opening bracket: （牵头单位：…. */
export function isLabelLine(text: string): boolean {
  return labelAt(text.replace(/^\s*[（(]/u, "")) != null;
}

/**
 * Where a label may start inside a line: at its start, or after white space or a
 * sentence's punctuation (责任部门:城建局 配合部门:各街道 — several labels on one line,
 * or an item followed on its own line by its labelled fields).
 */
const LABEL_INSIDE = /(?:^|(?<=[\s\u3000。；;，,]))([^\s\u3000：:；;，,。]{2,8})[：:]/gu;

/**
 * The labelled fields of a line: the text before the first label (an item's own text,
 * or ""), then each label with what follows it up to the next. Only labels that name a
 * field count; a colon after other words is part of the text. Null when none.
 */
export function labelsIn(text: string): { before: string; labels: Labelled[] } | null {
  const at: Array<{ start: number; end: number; label: string; field: Field }> = [];
  for (const m of text.matchAll(LABEL_INSIDE)) {
    const label = m[1]!;
    if (ENUMERATOR.test(label) || MEASURE_LABEL.test(label)) continue;
    const field = fieldOfHeader(label);
    if (!field || !LABEL_FIELDS.has(field)) continue;
    at.push({ start: m.index, end: m.index + m[0].length, label, field });
  }
  if (at.length === 0) return null;
  const kept = at.filter((a, i) => !(a.field === "units" && MEASURE_VALUE.test(text.slice(a.end, at[i + 1]?.start ?? text.length).trim())));
  if (kept.length === 0) return null;
  // The separator before the next label (牵头单位：A；完成时限：B) is not the value's; the
  // line's own end (a trailing 。) stays, as a label on a line of its own keeps it.
  const labels = kept.map((a, i) => {
    const rest = text.slice(a.end, kept[i + 1]?.start ?? text.length).trim();
    return { label: a.label, field: a.field, rest: i < kept.length - 1 ? rest.replace(/[；;，,、\s\u3000]+$/u, "") : rest };
  });
  return { before: text.slice(0, kept[0]!.start).trim(), labels };
}

/**
 * Whether a text names units: one of its names (between separators, its label, role
 * phrase, a trailing 等 and a bracketed qualifier — 各镇（街道） — left off) ends like a
 * unit name. A mention alone is not enough: a bracket that talks about 责任单位 and
 * 完成时限 names none.
 */
export function namesUnits(text: string): boolean {
  return text
    .split(/[、，,；;\n]+/u)
    .map((name) => name.replace(ANY_ROLE_PHRASE, "").replace(/等$/u, "").replace(/[（(][^（）()]*[）)]$/u, "").replace(LABEL_AT, ""))
    .some((name) => UNIT_NAME_END.test(name));
}
