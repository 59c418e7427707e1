// Deadline classification and dating, per FORMAT.md "Deadlines" (the vocabulary is in
// lexicon/deadlines.ts). The kinds are tried in the order of that table, except that an
// explicit date always wins (by-date).

import type { Deadline } from "../schema/plan.js";
import { datesIn, phraseKind } from "../lexicon/deadlines.js";
import { toSimplified } from "../text/hant.js";

export type { Deadline };
export type DeadlineKind = Deadline["kind"];

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function classifyDeadline(raw: string, planYear: number | null): Deadline {
  const text = toSimplified(raw.normalize("NFKC").replace(/\s+/gu, ""));
  const dates = datesIn(text);
  if (dates.length > 0) {
    // Several dates: the latest (6月底前启动，11月底前完成 → 11-30).
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
  const kind = phraseKind(text);
  if (kind === "year-round") return { kind, date: planYear == null ? null : iso(planYear, 12, 31) };
  return { kind: kind ?? "other", date: null };
}
