// Warnings as a one-line account: what a single conversion prints on stderr and a batch
// shows per file, so that dropped or doubtful cells never pass in silence.

import type { Plan } from "../schema/plan.js";

/** The warnings of a plan, counted by code. */
export function warningKinds(plan: Plan): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const w of plan.warnings) kinds[w.code] = (kinds[w.code] ?? 0) + 1;
  return kinds;
}

/** "3 warnings: 2 no-text, 1 empty-section" (the first three kinds). */
export function describeWarnings(s: { warnings: number; kinds: Record<string, number> }): string {
  const kinds = Object.entries(s.kinds);
  const shown = kinds.slice(0, 3).map(([k, n]) => `${n} ${k}`).join(", ");
  return `${s.warnings} warning${s.warnings === 1 ? "" : "s"}: ${shown}${kinds.length > 3 ? ", …" : ""}`;
}
