// What a cell holds, judged by its content alone: used where column positions cannot be
// trusted (scrambled PDF text, rows with cells missing at one end).

import { classifyDeadline } from "../normalize/deadline.js";
import { compact } from "../normalize/text.js";
import { parseMarker } from "./headings.js";

export const NUMBER = /^\d{1,3}$/u;
const UNIT_END = /(?:局|委|办|辦|厅|廳|室|中心|部门|部門|政府|单位|單位|院|行|公司|机构|機構|小组|小組|办公室|机关|機關|镇|鎮|乡|鄉|街道|所|站|队|隊|会|會|区|區|县|縣|市|厂|廠|馆|館|校|社|处|處|科|股|团|團|园|園|集团|集團)$/u;
const DATE_START = /^(?:上半年|下半年|年底|年内|年末|(?:19|20)\d{2}\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|第?[一二三四]季度)/u;
const TIME_END = /(?:前|底|末|内|完成|工作|公布|发布|推进|持续|坚持|旬|日|月|年|季度|期间|起|常态化|实施)$/u;

export function looksLikeUnits(text: string): boolean {
  const t = compact(text);
  if (!t || t.length > 200 || /[。！？]/u.test(t) || parseMarker(t)) return false;
  // Every name, once its role phrase and 等… are taken off, ends like a unit (局, 委,
  // 政府 …); a category such as 抓好条例的贯彻落实 ends in a role word but names none.
  const names = t
    .split(/[、，,；;]/u)
    .map((p) => p.replace(/(?:按照?职责(?:分工)?)?(?:分别)?(?:牵头|负责|配合|协助|参与)?(?:落实)?$/u, "").replace(/等.*$/u, "").replace(/^(?:由|会同)/u, ""))
    .filter(Boolean);
  if (names.length === 0) return false;
  const unitish = names.filter((n) => UNIT_END.test(n) || /[（(][^）)]*[）)](?:人民)?政府$/u.test(n));
  return unitish.length * 2 >= names.length && UNIT_END.test(names[names.length - 1]!.replace(/[（(][^）)]*[）)]/gu, ""));
}

export function looksLikeDeadline(text: string): boolean {
  const t = compact(text);
  if (!t || t.length > 30) return false;
  if (classifyDeadline(t, 2000).kind === "other") return false;
  // Requirements can start with 每年/及时/定期 too; a deadline starts with a date or
  // ends with a time word (前, 底, 内, 完成, 公布 …), or is a few characters only.
  return DATE_START.test(t) || TIME_END.test(t) || t.length <= 8;
}

/**
 * A category rather than a requirement: a heading marked 一、/（一）/第一部分 of a
 * heading's length (it may end in 。), or a short phrase without sentence punctuation.
 */
export function categoryLike(text: string): boolean {
  const t = compact(text);
  const m = parseMarker(t);
  if (m && (m.style === "cn" || m.style === "pcn" || m.style === "part")) return t.length <= 40;
  return t.length <= 20 && !/[，,。；;：:、]/u.test(t.replace(/。$/u, ""));
}
