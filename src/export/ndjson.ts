// NDJSON: one task a line, with the document it came from, so that a stream of many
// documents can be filtered with jq or loaded line by line.

import type { Plan } from "../schema/plan.js";

export function toNdjson(plan: Plan, source: string): string {
  return plan.tasks.map((t) => JSON.stringify({ source, planTitle: plan.title, planYear: plan.year, ...t }) + "\n").join("");
}
