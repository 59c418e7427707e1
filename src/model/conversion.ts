// What one conversion produces: the validated plan, and the document model it came
// from (for `inspect`, which shows how the plan was read).

import type { Plan } from "../schema/plan.js";
import type { Laid, Paragraph } from "./document.js";

export interface Conversion {
  plan: Plan;
  laid: Laid;
  /** Text before the body: from the layout for tables, from the prose plan for prose. */
  front: Paragraph[];
}
