// A task as the plan stage finds it, before units and deadlines are normalized.

import type { Role } from "../schema/plan.js";

export interface UnitCell {
  text: string;
  /** Default role from the column header or line label. */
  role: Role;
  /** The physical column it came from, so that a continuation joins the right cell. */
  col?: number;
}

export interface DraftTask {
  number: string | null;
  path: string[];
  title: string | null;
  text: string | null;
  unitCells: UnitCell[];
  deadlineText: string | null;
  status: string | null;
  remarks: string | null;
  extra: Record<string, string>;
  lines: number[];
  page: number | null;
  /** OCR: the lowest word confidence over the task's cells (0–100); null for text read as text. */
  conf: number | null;
}

export function emptyDraft(): DraftTask {
  return { number: null, path: [], title: null, text: null, unitCells: [], deadlineText: null, status: null, remarks: null, extra: {}, lines: [], page: null, conf: null };
}
