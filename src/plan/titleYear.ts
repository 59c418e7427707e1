// The plan's own title and year. A table's caption is the last title-like line before
// it (a covering letter comes first and names the notice, not the plan); a prose
// notice's title is its first title-like line that ends as a plan's title does.

import type { Paragraph } from "../model/document.js";
import { clean, compact, pipesToSpaces } from "../text/text.js";
import { parseMarker } from "../lexicon/markers.js";
import { yearNumber } from "../lexicon/numerals.js";
import { ATTACHMENT_LABEL, COVERING_LETTER, TITLE_LABEL, endsAsTitleLine, NOT_A_TITLE, PLAN_WORD, TITLE_MAX_CHARS, TITLE_MIN_CHARS, titleWithoutSiteName } from "../lexicon/titles.js";
import { toSimplified } from "../text/hant.js";
import { BREADCRUMB } from "../lexicon/furniture.js";

export function titleLike(s: string): boolean {
  const t = toSimplified(compact(s));
  if (t.length < TITLE_MIN_CHARS || t.length > TITLE_MAX_CHARS) return false;
  if (/[。；;：:，,]$/u.test(t)) return false;
  if (parseMarker(s)) return false;
  if (NOT_A_TITLE.test(t) || BREADCRUMB.test(s)) return false;
  return PLAN_WORD.test(t);
}

function tidyTitle(s: string): string {
  // A web page's title with the site's name after it: the part before (标题-网站名).
  return titleWithoutSiteName(clean(pipesToSpaces(s)).replace(TITLE_LABEL, "").replace(ATTACHMENT_LABEL, ""));
}

const endsAsTitle = (s: string) => endsAsTitleLine(toSimplified(compact(s)));

export function findTitle(front: Paragraph[], lastBeforeBody: boolean): string | null {
  let cands = front.filter((p) => titleLike(p.text));
  // The covering letter's own title (关于印发《…》的通知) names the plan, but the plan's
  // title printed on its own is the one wanted.
  const own = cands.filter((p) => !COVERING_LETTER.test(toSimplified(compact(p.text))));
  if (own.length > 0) cands = own;
  // A prose notice: the first line that ends as a plan's title does (a news headline before
  // it only mentions the plan); else the first title-like line.
  const ending = lastBeforeBody ? [] : cands.filter((p) => endsAsTitle(tidyTitle(p.text)));
  const pick = ending[0] ?? (lastBeforeBody ? cands[cands.length - 1] : cands[0]);
  return pick ? tidyTitle(pick.text) : null;
}

const YEAR_IN = /((?:19|20)\d{2}|[一二][〇零○Ｏ九][〇零○Ｏ一二三四五六七八九][〇零○Ｏ一二三四五六七八九])\s*年/u;

const DATE_IN = /((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})/u;

export function findYear(title: string | null, front: Paragraph[]): number | null {
  const t = title ? YEAR_IN.exec(title) : null;
  if (t) return yearNumber(t[1]!);
  for (const p of front) {
    const d = DATE_IN.exec(p.text);
    if (d) return Number(d[1]);
  }
  // FORMAT.md: a year that only occurs in the text (a lead-in's 2014年市政府民生实事…)
  // does not count; without a title year or an issue date the year is unknown.
  return null;
}
