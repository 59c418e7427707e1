// What a reader hands on: the document as read, before any layout — text with its
// encoding, a DOM (a web page as parsed, or a Word document read into the same nodes), or
// the geometry of PDF pages. pipeline.ts pairs each kind with its layout, the way
// Docling pairs a backend with a pipeline; readers never lay out.

import type { Document } from "domhandler";
import type { PlanWarning, Task } from "../schema/plan.js";
import type { PageGeometry } from "./geometry.js";

/** Where a line of a workbook's page came from: the sheet (its name and 1-based position among the sheets read) and its 1-based row. */
export interface SheetPlace {
  sheet: string;
  sheetNo: number;
  row: number;
}

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
  | {
      kind: "dom";
      doc: Document;
      origin: "html" | "docx" | "xlsx" | "csv";
      encoding: string | null;
      /** A workbook read as a page: for each 0-based line of the page, the sheet row it prints. */
      places?: ReadonlyArray<SheetPlace | null>;
    }
  | { kind: "pages"; pages: PageGeometry[] }
  | OwnPlan;
