import type { Plan } from "../schema/plan.js";

export function toJson(plan: Plan, compact: boolean): string {
  return (compact ? JSON.stringify(plan) : JSON.stringify(plan, null, 2)) + "\n";
}
