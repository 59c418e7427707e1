// A web page (or Word document converted to HTML) → the document model. The task table
// is the table whose own rows start with a header of known column words; tables that
// follow it with the same header (or none, and the same width) continue it. Page
// furniture — navigation, scripts, forms, footers — is dropped before anything is read;
// metadata tables (索引号, 发布机构) and the covering letter become front matter.

import type { AnyNode, Document, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { ancestor, child, childrenNamed, elements, named, previousNamed, remove } from "./dom.js";
import type { Cell, Field, Laid, Paragraph, Row } from "../model/document.js";
import { columnsOf } from "../lexicon/headers.js";
import { warning, type Warning } from "../model/result.js";
import { expandSpans } from "./grid.js";
import { findHeader, mergeHeader, repeatsHeader, signature } from "./gridTable.js";
import { isPartHeading } from "../lexicon/markers.js";

const FURNITURE = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "nav", "footer", "form", "select", "button", "input", "textarea"]);
const isFurniture = (el: Element) => FURNITURE.has(el.name) || el.attribs["role"] === "navigation";
const isTable = named("table");
const isRow = named("tr");
const isBody = named("body");
const BLOCK = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th", "caption", "section", "article",
  "blockquote", "pre", "dl", "dt", "dd", "center", "header", "main", "aside", "figure", "figcaption", "tbody", "thead", "tfoot", "hr",
]);

function lineOf(el: Element): number[] {
  const l = el.sourceCodeLocation?.startLine;
  return l ? [l] : [];
}

/** An element's text: <br> and block boundaries are line breaks, other white space one space. */
export function textOf(el: Element): string {
  let out = "";
  // An explicit stack (a node, or the closing line break of a block): a page nested
  // deeper than the call stack is still read.
  const stack: Array<AnyNode | "\n"> = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === "\n") {
      out += "\n";
      continue;
    }
    if (isText(n)) {
      out += n.data.replace(/[\s\u00a0]+/gu, " ");
      continue;
    }
    if (!isTag(n)) continue;
    if (n.name === "br") {
      out += "\n";
      continue;
    }
    const block = BLOCK.has(n.name);
    if (block) {
      out += "\n";
      stack.push("\n");
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/** The rows of `table` itself, not those of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  return elements(table, isRow).filter((tr) => ancestor(tr, "table") === table);
}

function gridOf(table: Element): Cell[][] {
  return expandSpans(
    ownRows(table).map((tr) =>
      childrenNamed(tr, "td", "th").map((td) => ({ text: textOf(td), lines: lineOf(td), rowSpan: span(td.attribs["rowspan"]), colSpan: span(td.attribs["colspan"]) })),
    ),
  );
}

function isInside(el: Element, table: Element): boolean {
  for (let t = ancestor(el, "table"); t; t = ancestor(t, "table")) if (t === table) return true;
  return false;
}

interface Found {
  el: Element;
  header: string[];
  body: Cell[][];
  /** Rows above the header (a caption row spanning the table). */
  above: Cell[][];
}

interface Item {
  kind: "text" | "table";
  text: string;
  lines: number[];
  table?: Element;
}

/** The page in reading order: paragraphs, and a marker where each task table stands. */
function items(root: Element | Document, tables: Set<Element>): Item[] {
  const out: Item[] = [];
  let buf = "";
  let bufLines: number[] = [];
  const flush = () => {
    for (const line of buf.split("\n")) {
      const t = line.trim();
      if (t) out.push({ kind: "text", text: t, lines: bufLines });
    }
    buf = "";
    bufLines = [];
  };
  // An explicit stack, as in textOf: a node, or the end of a block (where its text is flushed).
  const END = null;
  const stack: Array<AnyNode | typeof END> = [];
  const kids = isTag(root) ? [root] : root.children;
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === END) {
      flush();
      continue;
    }
    if (isText(n)) {
      buf += n.data.replace(/[\s\u00a0]+/gu, " ");
      continue;
    }
    if (!isTag(n)) continue;
    if (tables.has(n)) {
      flush();
      const caption = child(n, "caption");
      if (caption) out.push({ kind: "text", text: textOf(caption), lines: lineOf(caption) });
      out.push({ kind: "table", text: "", lines: lineOf(n), table: n });
      continue;
    }
    if (n.name === "br") {
      buf += "\n";
      continue;
    }
    if (BLOCK.has(n.name)) {
      flush();
      bufLines = lineOf(n);
      stack.push(END);
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  flush();
  return out;
}

const TASK_FIELDS: readonly Field[] = ["number", "task", "text", "units", "deadline", "status"];

/** How many of the task fields a header names (number, category, requirement, units, deadline, status). */
function headerStrength(header: string[]): number {
  const fields = new Set<Field | "extra">(columnsOf(header).map((c) => c.field));
  return TASK_FIELDS.filter((f) => fields.has(f)).length;
}

/** `doc`: a parsed page; its furniture is taken out of it. */
/** `emptyMeansMerged`: the source shows no merges (CSV), so an empty cell continues the one above. */
export function layoutHtml(doc: Document, emptyMeansMerged = false): Laid {
  for (const el of elements(doc, isFurniture)) remove(el);
  const warnings: Warning[] = [];
  const found: Found[] = [];
  const tables = elements(doc, isTable);
  for (const el of tables) {
    const grid = gridOf(el);
    const h = findHeader(grid);
    if (h) found.push({ el, header: mergeHeader(grid.slice(h.at, h.at + h.rows)), body: grid.slice(h.at + h.rows), above: grid.slice(0, h.at) });
    else {
      // A table with no header right after a task table, as wide as it: its continuation.
      const last = found[found.length - 1];
      if (last && grid.length > 0 && grid[0]!.length === last.header.length && previousNamed(el, "table") === last.el) {
        found.push({ el, header: last.header, body: grid, above: [] });
      }
    }
  }
  // Tables nested in a found table's cells are its content, not tables of their own.
  const outer = found.filter((f) => !found.some((g) => g !== f && isInside(f.el, g.el)));
  // The task table is the one whose header names the most fields (a workbook's summary
  // or statistics sheet before the plan sheet, a page's contact table before the plan);
  // tables with its header continue it.
  const best = outer.reduce<Found | undefined>((b, f) => (b == null || headerStrength(f.header) > headerStrength(b.header) ? f : b), undefined);
  const main = outer.filter((f) => signature(f.header) === signature(best?.header ?? []));
  for (const f of outer) if (!main.includes(f)) warnings.push(warning("other-table", `a second table with other columns (${f.header.filter(Boolean).join(", ")}) was not read`, { lines: lineOf(f.el) }));

  const seq = items(elements(doc, isBody, true)[0] ?? doc, new Set(main.map((f) => f.el)));
  const firstAt = seq.findIndex((i) => i.kind === "table");
  const lastAt = seq.map((i) => i.kind).lastIndexOf("table");
  const para = (i: Item): Paragraph => ({ text: i.text, lines: i.lines });
  if (main.length === 0 || firstAt < 0) {
    return {
      layout: "html-prose",
      reason: `${tables.length} tables, none with a task header; ${seq.length} paragraphs`,
      table: null,
      paragraphs: seq.filter((i) => i.kind === "text").map(para),
      front: [],
      back: [],
      warnings,
    };
  }
  // Marked headings printed just above the table (after its caption) head its first
  // rows; walking back stops at the first unmarked paragraph (the caption, a letter).
  let headStart = firstAt;
  while (headStart > 0) {
    const prev = seq[headStart - 1]!;
    if (prev.kind !== "text" || !isPartHeading(prev.text)) break;
    headStart--;
  }
  // The table's parts in reading order, with any text between them (a heading printed
  // between two tables) as a heading row where it stands.
  const rows: Row[] = [];
  const width = main[0]!.header.length;
  const byEl = new Map(main.map((f) => [f.el, f]));
  let page = 0;
  for (const item of seq.slice(headStart, lastAt + 1)) {
    if (item.kind === "text") {
      rows.push({ cells: [{ text: item.text, lines: item.lines, rowSpan: 1, colSpan: width }], lines: item.lines, page: Math.max(page, 1), pageStart: false });
      continue;
    }
    const f = byEl.get(item.table!);
    if (!f) continue;
    page++;
    let pageStart = page > 1;
    for (const cells of f.body) {
      if (cells.every((c) => !c.text || c.from)) continue;
      // The header printed again inside the table (a page saved from a print layout).
      if (repeatsHeader(cells, main[0]!.header)) {
        page++;
        pageStart = true;
        continue;
      }
      rows.push({ cells, lines: [...new Set(cells.filter((c) => !c.from).flatMap((c) => c.lines))], page, pageStart });
      pageStart = false;
    }
  }
  const front = [...seq.slice(0, headStart).filter((i) => i.kind === "text").map(para), ...(main[0]?.above ?? []).flatMap((r) => r.filter((c) => c.text && !c.from).map((c) => ({ text: c.text, lines: c.lines })))];
  return {
    layout: "html-table",
    reason: `${tables.length} tables; ${main.length} with the task header${main.length > 1 ? " joined" : ""}; spans expanded`,
    table: { header: main[0]!.header, rows, emptyMeansMerged },
    paragraphs: [],
    front,
    back: seq.slice(lastAt + 1).filter((i) => i.kind === "text").map(para),
    warnings,
  };
}
