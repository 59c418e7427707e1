// Draft tasks → output tasks: units split with roles, deadlines classified and dated.

import type { DraftTask } from "../plan/draft.js";
import type { Task } from "../schema/plan.js";
import { classifyDeadline } from "./deadline.js";
import { clean } from "../text/text.js";
import { splitUnits, withRolePhrasesRead } from "./units.js";

function orNull(s: string | null): string | null {
  if (s == null) return null;
  const c = clean(s);
  return c ? c : null;
}

export function finishTask(d: DraftTask, year: number | null): Task {
  // A recognised cell's role phrases are read as the vocabulary prints them.
  const read = (text: string) => (d.conf == null ? text : withRolePhrasesRead(text));
  const cells = d.unitCells.map((u) => ({ ...u, text: read(clean(u.text)) })).filter((u) => u.text);
  const unitsText = cells.length > 0 ? cells.map((u) => u.text).join("；") : null;
  const deadlineText = orNull(d.deadlineText);
  return {
    number: d.number,
    path: d.path,
    title: orNull(d.title),
    text: orNull(d.text),
    unitsText,
    units: cells.flatMap((u) => splitUnits(u.text, u.role)),
    deadlineText,
    deadline: deadlineText == null ? null : classifyDeadline(deadlineText, year),
    status: orNull(d.status),
    remarks: orNull(d.remarks),
    extra: d.extra,
    provenance: { lines: [...new Set(d.lines)].sort((a, b) => a - b), page: d.page, ...(d.conf == null ? {} : { confidence: Math.round(d.conf) }) },
  };
}
