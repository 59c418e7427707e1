// The plan's own title and year. A table's caption is the last title-like line before
// it (a covering letter comes first and names the notice, not the plan); a prose
// notice's title is its first title-like line.

import type { Paragraph } from "../model/document.js";
import { clean, compact } from "../normalize/text.js";
import { parseMarker } from "./headings.js";

const PLAN_WORD = /(?:要点|要點|分工|清单|清單|方案|计划|計劃|任务|任務|安排|提示单|提示單|台账|台賬|分解|工作表|一览表|一覽表|重点工作|重點工作)/u;

export function titleLike(s: string): boolean {
  const t = compact(s);
  if (t.length < 6 || t.length > 80) return false;
  if (/[。；;：:，,]$/u.test(t)) return false;
  if (parseMarker(s)) return false;
  if (/^(?:附件|索引号|发布机构|名称|文号|发布日期)/u.test(t)) return false;
  return PLAN_WORD.test(t);
}

function tidyTitle(s: string): string {
  return clean(s.replace(/\s*\|\s*/gu, " ")).replace(/^(?:附件\s*\d*\s*[:：]?\s*)/u, "");
}

export function findTitle(front: Paragraph[], lastBeforeBody: boolean): string | null {
  let cands = front.filter((p) => titleLike(p.text));
  // The covering letter's own title (关于印发《…》的通知) names the plan, but the plan's
  // title printed on its own is the one wanted.
  const own = cands.filter((p) => !/关于印发|關於印發|的通知$|通知$/u.test(compact(p.text)));
  if (own.length > 0) cands = own;
  const pick = lastBeforeBody ? cands[cands.length - 1] : cands[0];
  return pick ? tidyTitle(pick.text) : null;
}

const YEAR_IN = /((?:19|20)\d{2}|[一二][〇零○Ｏ九][〇零○Ｏ一二三四五六七八九][〇零○Ｏ一二三四五六七八九])\s*年/u;
const CN_DIGIT: Record<string, string> = { 〇: "0", 零: "0", "○": "0", Ｏ: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/** 2019 or 二〇一九 → 2019. */
function yearNumber(s: string): number {
  return Number(/^\d+$/u.test(s) ? s : [...s].map((c) => CN_DIGIT[c] ?? "").join(""));
}
const DATE_IN = /((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})/u;

export function findYear(title: string | null, front: Paragraph[]): number | null {
  const t = title ? YEAR_IN.exec(title) : null;
  if (t) return yearNumber(t[1]!);
  for (const p of front) {
    const d = DATE_IN.exec(p.text);
    if (d) return Number(d[1]);
  }
  // No title year and no issue date: a year the opening text names ("2022年，全县…").
  for (const p of front) {
    const y = YEAR_IN.exec(p.text);
    if (y) return yearNumber(y[1]!);
  }
  return null;
}
