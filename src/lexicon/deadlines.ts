// The vocabulary of deadlines (FORMAT.md "Deadlines"): the dates a deadline cell names
// (a month with 底/末/上旬/中旬/下旬/N日/前, a quarter, a half, a year's end, a year alone),
// and the phrases of each kind, by pattern rather than by a list of phrases seen:
// recurring is 每…/按…/定期, ongoing 持续…/长期…/常态化/及时/…推进, relative counted from an
// event (…印发后60日内, 收到…之日起). Text is matched simplified, without white space.

import { parseSmallNumber } from "./numerals.js";

export type PhraseKind = "year-round" | "recurring" | "ongoing" | "relative";

/** A date a deadline names; its year null when the text gives none. */
export interface DateHit {
  year: number | null;
  /** Added to the year once it is known (N月前 with N = 1 falls in the year before). */
  yearShift?: number;
  month: number;
  day: number | "last";
}

const NUM = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const YEAR = "(?:((?:19|20)\\d{2})年)?";
// A month with what follows it: 底/末/上旬/中旬/下旬/N日/前. "N日内" after 后 is a span, not a date.
const MONTH_RE = new RegExp(`${YEAR}${NUM}月(?:份)?(底|末|上旬|中旬|下旬|${NUM}[日号](?!内)|前|以前|之前)?`, "gu");
const QUARTER_RE = new RegExp(`${YEAR}(?:第)?([一二三四1-4])季度`, "gu");
const HALF_RE = new RegExp(`${YEAR}(上|下)半年`, "gu");
// A date written with digits, as a spreadsheet's date cell or a form shows it: 2025/6/30,
// 2025-06-30, 2025.6.30; a year and month alone (2025.6, 2025-06) is that month's end. The
// four-digit 19xx/20xx year keeps version numbers and amounts out.
const NUMERIC_DATE_RE = /(?<!\d)((?:19|20)\d{2})([-/.])(\d{1,2})(?:\2(\d{1,2}))?(?![\d./-])/gu;
const YEAR_END_RE = /((?:19|20)\d{2})年(?:底|末|内)|(?<![全每\d])年(?:底|末|内)/gu;

/** 每月 / 按季度: a recurrence, not a date, when 每 or 按 stands right before. */
const recurs = (text: string, at: number) => at > 0 && (text[at - 1] === "每" || text[at - 1] === "按");

/** The dates a deadline text names (simplified, without white space). */
export function datesIn(text: string): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of text.matchAll(MONTH_RE)) {
    if (recurs(text, m.index)) continue;
    const year = m[1] ? Number(m[1]) : null;
    const month = parseSmallNumber(m[2] ?? "");
    if (month == null || month < 1 || month > 12) continue;
    const tail = m[3] ?? "";
    if (tail === "上旬") hits.push({ year, month, day: 10 });
    else if (tail === "中旬") hits.push({ year, month, day: 20 });
    else if (tail === "下旬" || tail === "底" || tail === "末" || tail === "") hits.push({ year, month, day: "last" });
    else if (tail === "前" || tail === "以前" || tail === "之前") {
      // "N月前": before month N, i.e. by the end of month N−1.
      if (month === 1) hits.push({ year, yearShift: -1, month: 12, day: "last" });
      else hits.push({ year, month: month - 1, day: "last" });
    } else {
      const day = parseSmallNumber(m[4] ?? "");
      if (day != null && day >= 1 && day <= 31) hits.push({ year, month, day });
    }
  }
  for (const m of text.matchAll(QUARTER_RE)) {
    if (recurs(text, m.index)) continue;
    const q = parseSmallNumber(m[2] ?? "") ?? Number(m[2]);
    if (q >= 1 && q <= 4) hits.push({ year: m[1] ? Number(m[1]) : null, month: q * 3, day: "last" });
  }
  for (const m of text.matchAll(HALF_RE)) {
    hits.push({ year: m[1] ? Number(m[1]) : null, month: m[2] === "上" ? 6 : 12, day: "last" });
  }
  for (const m of text.matchAll(NUMERIC_DATE_RE)) {
    const month = Number(m[3]);
    const day = m[4] == null ? "last" : Number(m[4]);
    if (month >= 1 && month <= 12 && (day === "last" || (day >= 1 && day <= 31))) hits.push({ year: Number(m[1]), month, day });
  }
  for (const m of text.matchAll(YEAR_END_RE)) {
    hits.push({ year: m[1] ? Number(m[1]) : null, month: 12, day: "last" });
  }
  return hits;
}

/** Each kind's phrases, in the order FORMAT.md tries them. */
export const PHRASES: ReadonlyArray<[PhraseKind, RegExp]> = [
  ["year-round", /全年/u],
  // 每月, 每季度, 每半年, 每学期; 按月, 按季度, 按年度; 定期; 每…后N日内.
  ["recurring", /每(?:月|季|年|周|半年|旬|天|日|学期|次)|按(?:月|季|年|周|旬)|定期|每[^，,；;]{0,12}后\d+日内/u],
  // 持续推进/持续开展, 长期坚持/长期, 常态化…, 及时, and whatever is 推进 (正在推进, 稳步推进, 加快推进, 按计划推进, 逐步推进).
  ["ongoing", /持续|长期|常态化|及时|推进/u],
  ["relative", /(?:印发|出台|发布|实施|收到|下达|批准|成立)[^，,；;]{0,12}(?:后|之日起|起)|之日起|后\d+(?:个)?(?:日|天|工作日|个月|月)内/u],
];

/** The kind of phrase a deadline text is, when it names no date; null when none. */
export function phraseKind(text: string): PhraseKind | null {
  for (const [kind, re] of PHRASES) if (re.test(text)) return kind;
  return null;
}
