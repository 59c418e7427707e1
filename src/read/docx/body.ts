// word/document.xml, streamed, → the DOM the web-page layout walks: paragraphs as <p>,
// tables as <table> with rowspan from vertical merges (w:vMerge) and colspan from
// w:gridSpan, the empty cells w:gridBefore leaves, tables nested in cells kept in their
// cell. Only what a reader sees is read: deleted revisions, field instructions and
// properties are not text; content controls, custom XML, smart tags, hyperlinks and
// inserted revisions are looked through; a text box's paragraphs are lines of the
// paragraph that anchors it; of alternate content, the fallback Word writes for older
// readers (else the first choice).
//
// The XML is read as a stream of tags (htmlparser2's tokenizer) into an explicit stack of
// contexts, never a tree of the whole document: a Word file of 250 MB of empty paragraphs
// costs no memory, a document nested 10,000 deep no call stack, and only the paragraphs
// and tables that hold text become nodes. The nodes are those an HTML parser would build
// for the same content, so the layout reads a Word file exactly like a web page.

import { Element, Text, type ChildNode } from "domhandler";
import { WorkplanError } from "../../model/errors.js";
import { MAX_CELLS, MAX_COLUMNS, MAX_NESTING } from "../../model/limits.js";
import type { Numbering } from "./numbering.js";

/** Elements whose content is not text a reader sees. */
const HIDDEN = new Set([
  "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblGrid", "w:sectPr", "w:del", "w:moveFrom", "w:delText", "w:instrText",
  "w:delInstrText", "w:fldData", "w:sdtPr", "w:sdtEndPr", "w:customXmlPr", "w:smartTagPr",
]);

/** Wrappers whose children stand where they stand. */
const WRAPPERS = new Set(["w:sdt", "w:sdtContent", "w:customXml", "w:smartTag", "w:ins", "w:moveTo", "w:hyperlink", "w:fldSimple", "w:dir", "w:bdo"]);

/** A Word count (w:val): a span is 1 when absent, a gridBefore gap 0; never past 1000. */
function count(v: string | undefined, absent: number): number {
  const n = Number.parseInt(v ?? "", 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 1000) : absent;
}

/** What a cell or paragraph is made of, before it becomes nodes: text, a line break, a table. */
type Atom = string | { br: true } | { table: Element };
const BR = { br: true } as const;

/** A paragraph being read. */
interface Para {
  text: string;
  /** Its text boxes' paragraphs, read after its own text. */
  boxes: string[];
}

/** A table cell being read: its grid column, span, merge and content. */
interface XCell {
  col: number;
  span: number;
  vMerge: "restart" | "continue" | null;
  parts: Array<{ p: string } | { table: Element }>;
}

/** A branch of mc:AlternateContent, read into a sink of its own until the choice is known. */
interface Branch {
  kind: "choice" | "fallback";
  sink: Sink;
}

/** Where content goes: blocks of a container, rows of a table, cells of a row, text of a paragraph, boxes of a text box. */
type Sink =
  | { kind: "blocks"; out: Array<{ p: string } | { table: Element }> }
  | { kind: "rows"; out: XCell[][] }
  | { kind: "cells"; out: XCell[]; col: { at: number } }
  | { kind: "para"; out: Para }
  | { kind: "boxes"; out: string[] };

type Frame =
  | { role: "ignore" }
  /** Looks through a wrapper: its children go where the parent's would. */
  | { role: "sink"; sink: Sink }
  | { role: "p"; para: Para; into: Sink }
  | { role: "t"; para: Para }
  | { role: "tbl"; rows: XCell[][]; into: Sink }
  | { role: "tr"; cells: XCell[]; col: { at: number }; into: XCell[][] }
  | { role: "tc"; cell: XCell; into: XCell[]; col: { at: number } }
  | { role: "trPr"; col: { at: number } }
  | { role: "tcPr"; cell: XCell }
  | { role: "alt"; into: Sink; choice: Branch | null; fallback: Branch | null }
  | { role: "branch"; branch: Branch };

function sinkLike(s: Sink): Sink {
  switch (s.kind) {
    case "blocks":
      return { kind: "blocks", out: [] };
    case "rows":
      return { kind: "rows", out: [] };
    case "cells":
      return { kind: "cells", out: [], col: s.col };
    case "para":
      return { kind: "para", out: { text: "", boxes: [] } };
    case "boxes":
      return { kind: "boxes", out: [] };
  }
}

/** Moves what a branch read into the sink its alternate content stands in. */
function pour(from: Sink, into: Sink): void {
  if (from.kind === "blocks" && into.kind === "blocks") into.out.push(...from.out);
  else if (from.kind === "rows" && into.kind === "rows") into.out.push(...from.out);
  else if (from.kind === "cells" && into.kind === "cells") into.out.push(...from.out);
  else if (from.kind === "boxes" && into.kind === "boxes") into.out.push(...from.out);
  else if (from.kind === "para" && into.kind === "para") {
    into.out.text += from.out.text;
    into.out.boxes.push(...from.out.boxes);
  }
}

/** A paragraph's text: its own, then its text boxes' paragraphs, one line each. */
function paragraphText(p: Para): string {
  return [p.text, ...p.boxes].filter((s) => s.trim()).join("\n");
}

/** Text with line breaks → atoms: the <br> an HTML parser makes of each "\n". */
function atomsOf(text: string, out: Atom[]): void {
  const lines = text.split("\n");
  lines.forEach((l, i) => {
    if (i > 0) out.push(BR);
    if (l) out.push(l);
  });
}

/** Atoms → DOM children: runs of text as text nodes, breaks as <br>, tables as themselves. */
function nodesOf(atoms: Atom[]): ChildNode[] {
  const out: ChildNode[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push(new Text(text));
    text = "";
  };
  for (const a of atoms) {
    if (typeof a === "string") text += a;
    else {
      flush();
      out.push("br" in a ? new Element("br", {}) : a.table);
    }
  }
  flush();
  return withParents(out);
}

function withParents(nodes: ChildNode[]): ChildNode[] {
  nodes.forEach((n, i) => {
    n.prev = nodes[i - 1] ?? null;
    n.next = nodes[i + 1] ?? null;
  });
  return nodes;
}

function element(name: string, attribs: Record<string, string>, children: ChildNode[]): Element {
  const el = new Element(name, attribs, withParents(children));
  for (const c of children) c.parent = el;
  return el;
}

/**
 * A cell's content as the HTML reader of the old pipeline saw it: its paragraphs and
 * tables separated by line breaks, the whole trimmed, runs of breaks between blocks one.
 */
function cellNodes(parts: XCell["parts"]): ChildNode[] {
  // Separators between blocks ("\n" in the old string) are `null` until trimmed and collapsed.
  const seq: Array<Atom | null> = [];
  parts.forEach((part, i) => {
    if (i > 0) seq.push(null);
    if ("table" in part) seq.push(null, part, null);
    else {
      const atoms: Atom[] = [];
      atomsOf(part.p, atoms);
      seq.push(...atoms);
    }
  });
  // Trim: separators and white space at both ends, up to the first break, table or text.
  let a = 0;
  let b = seq.length;
  const trimText = (at: number, fromEnd: boolean): boolean => {
    const x = seq[at];
    if (x === null) return true;
    if (typeof x !== "string") return false;
    const t = fromEnd ? x.replace(/\s+$/u, "") : x.replace(/^\s+/u, "");
    seq[at] = t;
    return t === "";
  };
  while (a < b && trimText(a, false)) a++;
  while (b > a && trimText(b - 1, true)) b--;
  const atoms: Atom[] = [];
  let inSeparators = false;
  for (let i = a; i < b; i++) {
    const x = seq[i]!;
    if (x === null) {
      if (!inSeparators) atoms.push(BR);
      inSeparators = true;
      continue;
    }
    inSeparators = false;
    atoms.push(x);
  }
  return nodesOf(atoms.filter((x) => x !== ""));
}

/** One table's rows → <table>: vertical merges become rowspans, gridBefore gaps empty cells. */
function tableElement(rows: XCell[][]): Element {
  const trs: ChildNode[] = [];
  rows.forEach((row, r) => {
    const tds: ChildNode[] = [];
    let at = 0;
    for (const c of row) {
      for (; at < c.col; at++) tds.push(element("td", {}, []));
      at = c.col + c.span;
      if (c.vMerge === "continue") continue;
      let rowSpan = 1;
      if (c.vMerge === "restart") {
        for (let k = r + 1; k < rows.length; k++) {
          const below = rows[k]!.find((x) => x.col === c.col);
          if (!below || below.vMerge !== "continue") break;
          rowSpan++;
        }
      }
      const attribs: Record<string, string> = {};
      if (rowSpan > 1) attribs["rowspan"] = String(rowSpan);
      if (c.span > 1) attribs["colspan"] = String(c.span);
      tds.push(element("td", attribs, cellNodes(c.parts)));
    }
    trs.push(element("tr", {}, tds));
  });
  return element("table", {}, trs);
}

/** Body-level blocks → <p> and <table> elements. */
function blockNodes(blocks: Array<{ p: string } | { table: Element }>): ChildNode[] {
  const out: ChildNode[] = [];
  for (const b of blocks) {
    if ("table" in b) out.push(b.table);
    else if (b.p) {
      // An empty paragraph makes no text: it is no node either (250 MB of them cost nothing).
      const atoms: Atom[] = [];
      atomsOf(b.p, atoms);
      out.push(element("p", {}, nodesOf(atoms)));
    }
  }
  return out;
}

/** Which elements hold the blocks to read: document.xml's w:body, or each note of footnotes.xml. */
export type Part = "body" | "notes";

/**
 * Reads the blocks of a Word part from tag events (open, text, close), keeping only what
 * is needed on an explicit stack of contexts.
 */
export class BodyReader {
  private readonly stack: Frame[] = [];
  private readonly blocks: Array<{ p: string } | { table: Element }> = [];
  private cells = 0;
  private found = false;
  /** The stack depth of the container's frame, or -1 outside it. */
  private containerAt = -1;
  /** Element names from the root: where a w:pPr or w:numPr stands. */
  private readonly names: string[] = [];
  /** The paragraph numbering being read from a w:pPr. */
  private numPr: { present: boolean; numId: string; ilvl: string; style: string } | null = null;

  constructor(
    private readonly part: Part,
    private readonly numbering: Numbering | null,
  ) {}

  /** Whether the part held its container (document.xml: a w:body). */
  get sawContainer(): boolean {
    return this.found;
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The sink the next block, row, cell or text goes to, seen through wrappers. */
  private sinkOf(f: Frame): Sink | null {
    switch (f.role) {
      case "sink":
        return f.sink;
      case "branch":
        return f.branch.sink;
      case "p":
        return { kind: "para", out: f.para };
      case "tbl":
        return { kind: "rows", out: f.rows };
      case "tr":
        return { kind: "cells", out: f.cells, col: f.col };
      case "tc":
        return { kind: "blocks", out: f.cell.parts };
      default:
        return null;
    }
  }

  private isContainer(name: string, attribs: Record<string, string>): boolean {
    if (this.names.length !== 2) return false;
    if (this.part === "body") return name === "w:body" && !this.found;
    return attribs["w:type"] == null; // a note; separators and continuation marks have a w:type
  }

  open(name: string, attribs: Record<string, string>): void {
    this.names.push(name);
    if (this.names.length > MAX_NESTING) throw new WorkplanError("invalidInput", `Word elements nested over ${MAX_NESTING} deep: not a document workplan reads`);
    this.trackNumbering(name, attribs);
    const parent = this.top();
    if (this.containerAt < 0) {
      // Outside the container (w:document, w:footnotes): only the container itself counts.
      if (this.isContainer(name, attribs)) {
        this.found = true;
        this.containerAt = this.stack.length;
        this.stack.push({ role: "sink", sink: { kind: "blocks", out: this.blocks } });
      } else this.stack.push({ role: "ignore" });
      return;
    }
    this.stack.push(this.frameFor(name, attribs, parent!));
  }

  private frameFor(name: string, attribs: Record<string, string>, parent: Frame): Frame {
    const ignore: Frame = { role: "ignore" };
    switch (parent.role) {
      case "ignore":
      case "t":
        return ignore;
      case "trPr":
        if (name === "w:gridBefore") parent.col.at = count(attribs["w:val"], 0);
        return ignore;
      case "tcPr":
        if (name === "w:gridSpan") parent.cell.span = Math.max(1, count(attribs["w:val"], 1));
        else if (name === "w:vMerge") parent.cell.vMerge = attribs["w:val"] === "restart" ? "restart" : "continue";
        return ignore;
      case "alt":
        if (name === "mc:Choice" && !parent.choice) {
          parent.choice = { kind: "choice", sink: sinkLike(parent.into) };
          return { role: "branch", branch: parent.choice };
        }
        if (name === "mc:Fallback" && !parent.fallback) {
          parent.fallback = { kind: "fallback", sink: sinkLike(parent.into) };
          return { role: "branch", branch: parent.fallback };
        }
        return ignore;
      case "tr":
        // A row's own properties, not through a wrapper.
        if (name === "w:trPr") return { role: "trPr", col: parent.col };
        break;
      case "tc":
        if (name === "w:tcPr") return { role: "tcPr", cell: parent.cell };
        break;
      default:
        break;
    }
    const sink = this.sinkOf(parent);
    if (!sink) return ignore;
    if (sink.kind === "para") return this.inParagraph(name, sink.out);
    if (name === "mc:AlternateContent") return { role: "alt", into: sink, choice: null, fallback: null };
    if (WRAPPERS.has(name)) return { role: "sink", sink };
    switch (sink.kind) {
      case "blocks":
        if (name === "w:p") return { role: "p", para: { text: "", boxes: [] }, into: sink };
        if (name === "w:tbl") return { role: "tbl", rows: [], into: sink };
        return ignore;
      case "rows":
        return name === "w:tr" ? { role: "tr", cells: [], col: { at: 0 }, into: sink.out } : ignore;
      case "cells":
        if (name !== "w:tc") return ignore;
        if (++this.cells > MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (over ${MAX_CELLS} cells)`);
        return { role: "tc", cell: { col: sink.col.at, span: 1, vMerge: null, parts: [] }, into: sink.out, col: sink.col };
      case "boxes":
        return name === "w:p" ? { role: "p", para: { text: "", boxes: [] }, into: sink } : ignore;
    }
  }

  /** Inside a paragraph every element but the hidden ones is looked into. */
  private inParagraph(name: string, para: Para): Frame {
    if (HIDDEN.has(name)) return { role: "ignore" };
    switch (name) {
      case "w:t":
        return { role: "t", para };
      case "w:tab":
      case "w:ptab":
        para.text += "\t";
        return { role: "ignore" };
      case "w:br":
      case "w:cr":
        para.text += "\n";
        return { role: "ignore" };
      case "w:noBreakHyphen":
        para.text += "-";
        return { role: "ignore" };
      case "w:txbxContent":
        return { role: "sink", sink: { kind: "boxes", out: para.boxes } };
      case "mc:AlternateContent":
        return { role: "alt", into: { kind: "para", out: para }, choice: null, fallback: null };
      default:
        // Runs, fields, smart tags, even a paragraph inside a paragraph: their text is this one's.
        return { role: "sink", sink: { kind: "para", out: para } };
    }
  }

  text(data: string): void {
    const f = this.top();
    // The parser's text is a slice of its whole input chunk, and V8 keeps the chunk
    // alive for as long as the slice: the copy keeps only the text itself.
    if (f?.role === "t") f.para.text += (" " + data).slice(1);
  }

  close(name: string): void {
    const f = this.stack.pop();
    this.names.pop();
    if (this.stack.length === this.containerAt) this.containerAt = -1;
    if (name === "w:pPr" && this.numPr && this.names[this.names.length - 1] === "w:p") {
      // The paragraph's number, counted as Word counts, goes in front of its text.
      const label = this.numbering?.count(this.numPr.present, this.numPr.numId, this.numPr.ilvl, this.numPr.style) ?? "";
      this.numPr = null;
      const p = this.top();
      if (label && p?.role === "p") p.para.text = label + p.para.text;
    }
    if (!f) return;
    switch (f.role) {
      case "p": {
        const text = paragraphText(f.para);
        // An empty paragraph adds nothing anywhere (between blocks, its break collapses
        // with the next): it is not kept, so 250 MB of them cost no memory.
        if (!text) return;
        if (f.into.kind === "boxes") f.into.out.push(text);
        else if (f.into.kind === "blocks") f.into.out.push({ p: text });
        return;
      }
      case "tbl":
        if (f.into.kind === "blocks") f.into.out.push({ table: tableElement(f.rows) });
        return;
      case "tr":
        f.into.push(f.cells);
        return;
      case "tc": {
        f.into.push(f.cell);
        f.col.at = f.cell.col + f.cell.span;
        if (f.col.at > MAX_COLUMNS) throw new WorkplanError("invalidInput", `table too large (${f.col.at} columns, limit ${MAX_COLUMNS})`);
        return;
      }
      case "alt": {
        const chosen = f.fallback ?? f.choice;
        if (chosen) pour(chosen.sink, f.into);
        return;
      }
      default:
        return;
    }
  }

  /** A w:pPr's numbering (w:numPr, or the paragraph style that may carry one), read as it streams by. */
  private trackNumbering(name: string, attribs: Record<string, string>): void {
    if (!this.numbering) return;
    const n = this.names.length;
    const parent = this.names[n - 2];
    const grand = this.names[n - 3];
    if (name === "w:pPr" && parent === "w:p") this.numPr = { present: false, numId: "", ilvl: "", style: "" };
    else if (!this.numPr) return;
    else if (parent === "w:pPr" && grand === "w:p") {
      if (name === "w:pStyle") this.numPr.style = attribs["w:val"] ?? "";
      else if (name === "w:numPr") this.numPr.present = true;
    } else if (parent === "w:numPr" && grand === "w:pPr") {
      if (name === "w:numId") this.numPr.numId = attribs["w:val"] ?? "";
      else if (name === "w:ilvl") this.numPr.ilvl = attribs["w:val"] ?? "";
    }
  }

  /** The part's content as DOM children (<p> and <table>), in order. */
  result(): ChildNode[] {
    return blockNodes(this.blocks);
  }
}
