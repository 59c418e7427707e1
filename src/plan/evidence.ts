// Whether what was found is a work plan at all. Budgets, annual reports, standards and
// tables of contents have numbered items and ruled tables too; a work plan shows itself
// by what its tasks carry: a table with a requirement column, or items that name who is
// responsible or when they are due, or a title that calls the document a plan (a plan's
// items may carry no units — then its title says what it is).

import type { Column } from "../model/document.js";
import { PLAN_WORD } from "../lexicon/titles.js";
import { toSimplified } from "../text/hant.js";
import type { DraftTask } from "./draft.js";

/** Why the tasks found do not make a work plan, or null when they do. */
export function notAPlan(drafts: readonly DraftTask[], table: { columns: readonly Column[] } | null, title: string | null): string | null {
  if (table) {
    // A table with no requirement column lists something else (单位名称 | 备注, 项目 | 金额).
    if (!table.columns.some((c) => c.field === "text")) return `its table has no requirement column (header: ${table.columns.map((c) => c.header).filter(Boolean).join(" | ") || "none"})`;
    return null;
  }
  const carrying = drafts.filter((d) => d.unitCells.length > 0 || d.deadlineText != null).length;
  if (carrying > 0) return null;
  if (title && PLAN_WORD.test(toSimplified(title))) return null;
  return `${drafts.length} numbered item(s), but none names a responsible unit or a deadline, and no plan title was found`;
}
