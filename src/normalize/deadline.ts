// Deadline classification and dating, per FORMAT.md "Deadlines". The kinds are tried in
// the order of that table, except that an explicit date always wins (by-date).

export type DeadlineKind = "year-round" | "by-date" | "recurring" | "ongoing" | "relative" | "other";

export interface Deadline {
  kind: DeadlineKind;
  date: string | null;
}

import { toSimplified } from "./hant.js";

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Parses 1–31 written in Arabic digits or Chinese numerals (十一, 二十五). */
export function parseSmallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[一二两三四五六七八九十]+$/.test(s)) return null;
  if (s === "十") return 10;
  const i = s.indexOf("十");
  if (i < 0) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null;
  const tens = i === 0 ? 1 : (CN_DIGITS[s[0] ?? ""] ?? 0);
  const ones = i === s.length - 1 ? 0 : (CN_DIGITS[s[i + 1] ?? ""] ?? 0);
  return tens * 10 + ones;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

interface DateHit {
  /** Month 1–12, day 1–31; year null when the text gives none. */
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
const YEAR_END_RE = /((?:19|20)\d{2})年(?:底|末|内)|(?<![全每\d])年(?:底|末|内)/gu;

function explicitDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of text.matchAll(MONTH_RE)) {
    const before = text.slice(0, m.index);
    if (/[每按]$/.test(before)) continue; // 每月 / 按月 are recurrences, not dates
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
    const before = text.slice(0, m.index);
    if (/[每按]$/.test(before)) continue;
    const q = parseSmallNumber(m[2] ?? "") ?? Number(m[2]);
    if (q >= 1 && q <= 4) hits.push({ year: m[1] ? Number(m[1]) : null, month: q * 3, day: "last" });
  }
  for (const m of text.matchAll(HALF_RE)) {
    hits.push({ year: m[1] ? Number(m[1]) : null, month: m[2] === "上" ? 6 : 12, day: "last" });
  }
  for (const m of text.matchAll(YEAR_END_RE)) {
    hits.push({ year: m[1] ? Number(m[1]) : null, month: 12, day: "last" });
  }
  return hits;
}

const YEAR_ROUND = /全年/u;
const RECURRING = /每月|每季|每年|每周|每半年|按月|按季|按年|按周|定期|每[^，,；;]{0,12}后\s*\d+\s*日内/u;
const ONGOING = /持续推进|长期坚持|长期推进|长期|常态化|及时|正在推进|按时序推进|已完成并持续推进|持续/u;
const RELATIVE = /(?:印发|出台|发布|实施|收到|下达|批准|成立)[^，,；;]{0,12}(?:后|之日起|起)|之日起|后\s*\d+\s*(?:个)?(?:日|天|工作日|个月|月)内/u;

export function classifyDeadline(raw: string, planYear: number | null): Deadline {
  const text = toSimplified(raw.normalize("NFKC").replace(/\s+/gu, ""));
  const dates = explicitDates(text);
  if (dates.length > 0) {
    let best: string | null = null;
    for (const d of dates) {
      const base = d.year ?? planYear;
      if (base == null) continue;
      const year = base + (d.yearShift ?? 0);
      const day = d.day === "last" ? lastDay(year, d.month) : Math.min(d.day, lastDay(year, d.month));
      const s = iso(year, d.month, day);
      if (best == null || s > best) best = s;
    }
    return { kind: "by-date", date: best };
  }
  if (YEAR_ROUND.test(text)) return { kind: "year-round", date: planYear == null ? null : iso(planYear, 12, 31) };
  if (RECURRING.test(text)) return { kind: "recurring", date: null };
  if (ONGOING.test(text)) return { kind: "ongoing", date: null };
  if (RELATIVE.test(text)) return { kind: "relative", date: null };
  return { kind: "other", date: null };
}
