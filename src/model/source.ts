// What a reader hands on: the document as read, before any layout — text with its
// encoding, a DOM (a web page as parsed, or a Word document read into the same nodes), or
// the geometry of PDF pages. pipeline.ts pairs each kind with its layout, the way
// Docling pairs a backend with a pipeline; readers never lay out.

import type { Document } from "domhandler";
import type { PageGeometry } from "./geometry.js";

export type Source =
  | { kind: "text"; text: string; encoding: string }
  | { kind: "dom"; doc: Document; origin: "html" | "docx" | "xlsx"; encoding: string | null }
  | { kind: "pages"; pages: PageGeometry[] };
