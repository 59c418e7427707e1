// What a reader hands on: the document as read, before any layout — text with its
// encoding, a DOM (a web page as parsed, or a Word document read into the same nodes), or
// the geometry of PDF pages. pipeline.ts pairs each kind with its layout, the way
// Docling pairs a backend with a pipeline; readers never lay out.

import type { Document } from "domhandler";
import type { PlanWarning, Task } from "../schema/plan.js";
import type { PageGeometry } from "./geometry.js";

/** A plan read back from workplan's own output (its xlsx workbook): tasks as written, no layout. */
export interface OwnPlan {
  kind: "plan";
  title: string | null;
  year: number | null;
  columns: string[];
  tasks: Task[];
  warnings: PlanWarning[];
}

export type Source =
  | { kind: "text"; text: string; encoding: string }
  | { kind: "dom"; doc: Document; origin: "html" | "docx" | "xlsx"; encoding: string | null }
  | { kind: "pages"; pages: PageGeometry[] }
  | OwnPlan;
