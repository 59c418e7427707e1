// The one document model every reader's layout stage produces and the plan stage
// consumes: a task table as a grid of cells, or prose paragraphs, plus the text around
// them (front matter gives the title and year; back matter is reported, not parsed).

import type { Warning } from "./result.js";

export interface Cell {
  text: string;
  /** 1-based source lines the cell's text came from. */
  lines: number[];
  rowSpan: number;
  colSpan: number;
  /**
   * Set on the grid positions a merged cell covers beyond its own: "above" for a copy
   * of a cell spanning rows down (its text applies here too), "left" for an empty
   * placeholder of a cell spanning columns across.
   */
  from?: "above" | "left";
  /** PDF: the cell's last line runs to its right edge, so its text may go on past a page break. */
  runsOn?: boolean;
  /** PDF: a cell spanning columns whose text lies within one of them: that column, counted from the span's first (0 = the first). */
  textIn?: number;
  /** Recognised by OCR: the lowest confidence of the words in it, 0–100. */
  conf?: number;
}

export interface Row {
  cells: Cell[];
  lines: number[];
  page: number | null;
  /** First row after a page break or repeated header: a cell here may continue one above. */
  pageStart: boolean;
  /**
   * A sub-row under the merged 序号 cell of the row above (the layout saw more cells
   * than one row holds): a task of its own, sharing the cells it leaves empty.
   */
  subRow?: boolean;
}

/** The fields a table column can fill (lexicon/headers.ts names them from header words). */
export type Field = "number" | "task" | "text" | "units" | "deadline" | "status" | "remarks" | "people";

/** A column of a table's rows: the field its cells fill, and the header it prints. */
export interface Column {
  field: Field | "extra";
  header: string;
}

export interface Table {
  /** Header cells in order, as printed (one per physical column; "" where a span covers it). */
  header: string[];
  /**
   * The columns of the rows' cells, when a layout recognised them by content and laid
   * the cells out in an order of its own (a scrambled PDF text); else the header's.
   */
  columns?: Column[];
  rows: Row[];
  /**
   * True when the source cannot show merged cells (text extracted from a PDF or a web
   * page): an empty category, unit or deadline cell then means "same as above". False
   * for HTML and Word tables, whose merges are explicit and expanded into the grid.
   */
  emptyMeansMerged: boolean;
}

export interface Paragraph {
  text: string;
  lines: number[];
}

export type LayoutName =
  | "tabbed"
  | "tabbed-scrambled"
  | "cell-per-line"
  | "cell-lines"
  | "spaced"
  | "aligned"
  | "pipe-cells"
  | "pipe-rows"
  | "prose"
  | "labelled"
  | "html-table"
  | "html-prose"
  | "docx-table"
  | "xlsx-table"
  | "xlsx-prose"
  | "csv-table"
  | "csv-prose"
  | "docx-prose"
  | "pdf-lattice"
  | "pdf-stream"
  | "workplan-xlsx";

/** A layout's reading refused for a reason worth telling the user (`inspect` lists it). */
export interface Rejected {
  rejected: string;
}

export interface Laid {
  /** A LayoutName, prefixed with the format where a reader goes through another's layout (pdf-tabbed). */
  layout: LayoutName | `pdf-${string}`;
  /** Why this layout was chosen, for `inspect`. */
  reason: string;
  table: Table | null;
  /** Prose body (when there is no table). */
  paragraphs: Paragraph[];
  /** Text before the table or body: covering letter, title, metadata. */
  front: Paragraph[];
  /** Text after it: signatures, site footers. */
  back: Paragraph[];
  /** What the layout stage noticed (cells it could not place, …). */
  warnings: Warning[];
  /** Paged sources: what was found on each page, for `inspect`. */
  pages?: PageReport[];
  /** The layouts tried before this one was taken, and why each was not, for `inspect`. */
  tried?: Tried[];
  /** A recognised (OCR) document read as text: per 1-based line − 1, its words' lowest confidence. */
  lineConf?: Array<number | null>;
}

export interface Tried {
  layout: string;
  outcome: string;
  /** The layout saw its shape and refused it for a reason the user should read (it goes into the failure's one line). */
  refused?: boolean;
}

/** A line that shows part of a structure (for `inspect` when no tasks were found). */
export interface Clue {
  kind: "header" | "label" | "heading" | "item";
  line: number;
  text: string;
  why: string;
}

/** What `inspect` shows of a document that gave no tasks. */
export interface Diagnosis {
  layout: string;
  reason: string;
  tried: Tried[];
  clues: Clue[];
  /** A PDF's pages as the layout saw them: inspect --draw draws them for a document that failed too. */
  pages?: PageReport[];
}

export interface PageReport {
  page: number;
  /** Ruling segments drawn on the page (after joining collinear pieces). */
  rulings: number;
  /** Ruled tables: grid size and merged cells. */
  tables: Array<{ rows: number; cols: number; merged: number }>;
  /** Text items placed in table cells, and left outside them. */
  placed: number;
  free: number;
  /** What the table finder saw, for drawing the page (inspect --draw). */
  geometry?: PageDrawing;
  /** Each ruled table of the page as a grid, spans expanded (the tables command). */
  grids?: Cell[][][];
}

/** A page's geometry as the PDF layout read it, in points, origin top left. */
export interface PageDrawing {
  width: number;
  height: number;
  segments: Array<{ dir: "h" | "v"; at: number; from: number; to: number }>;
  tables: Array<{ xs: number[]; ys: number[]; boxes: Array<{ x0: number; x1: number; y0: number; y1: number; rowSpan: number; colSpan: number }> }>;
  placed: Array<{ x0: number; x1: number; y0: number; y1: number }>;
  free: Array<{ x0: number; x1: number; y0: number; y1: number; text: string }>;
}

export function cell(text: string, lines: number[]): Cell {
  return { text, lines, rowSpan: 1, colSpan: 1 };
}
