// word/document.xml → HTML for the web-page layout: paragraphs as <p>, tables as
// <table> with rowspan from vertical merges (w:vMerge) and colspan from w:gridSpan,
// the empty cells w:gridBefore/w:gridAfter leave, and tables nested in cells kept in
// their cell. Only what a reader sees is read: deleted revisions, field instructions
// and properties are not text; content controls, custom XML, smart tags, hyperlinks and
// inserted revisions are looked through; a text box's paragraphs are lines of the
// paragraph that anchors it.
// The tree is walked directly (no selectors): a 30-page notice is ~0.5 MB of XML.

import type { AnyNode, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { child } from "../../layout/dom.js";

/** Text put in front of a paragraph (its automatic number, see numbering.ts). */
export type Labels = Map<Element, string>;

const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

/** Elements whose content is not text a reader sees. */
const HIDDEN = new Set([
  "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblGrid", "w:sectPr", "w:del", "w:moveFrom", "w:delText", "w:instrText",
  "w:delInstrText", "w:fldData", "w:sdtPr", "w:sdtEndPr", "w:customXmlPr", "w:smartTagPr",
]);

/** Wrappers whose children stand where they stand. */
const WRAPPERS = new Set(["w:sdt", "w:sdtContent", "w:customXml", "w:smartTag", "w:ins", "w:moveTo", "w:hyperlink", "w:fldSimple", "w:dir", "w:bdo"]);

/** The branch of mc:AlternateContent to read: the fallback Word writes for older readers. */
function alternative(el: Element): Element | undefined {
  const kids = el.children.filter(isTag);
  return kids.find((k) => k.name === "mc:Fallback") ?? kids.find((k) => k.name === "mc:Choice");
}

function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** Child elements, looking through wrappers, that are named `name`. */
function own(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const visit = (n: Element) => {
    for (const ch of n.children) {
      if (!isTag(ch)) continue;
      if (ch.name === name) out.push(ch);
      else if (WRAPPERS.has(ch.name)) visit(ch);
      else if (ch.name === "mc:AlternateContent") {
        const alt = alternative(ch);
        if (alt) visit(alt);
      }
    }
  };
  visit(el);
  return out;
}

/** A paragraph's text: its label, its runs; w:br is a new line, w:tab a tab. */
export function paragraphText(p: Element, labels: Labels): string {
  let out = labels.get(p) ?? "";
  const boxes: string[] = [];
  const walk = (n: AnyNode): void => {
    if (!isTag(n)) return;
    switch (n.name) {
      case "w:t":
        for (const c of n.children) if (isText(c)) out += c.data;
        return;
      case "w:tab":
      case "w:ptab":
        out += "\t";
        return;
      case "w:br":
      case "w:cr":
        out += "\n";
        return;
      case "w:noBreakHyphen":
        out += "-";
        return;
      case "w:txbxContent":
        // A text box: its own paragraphs, read after the text that anchors them.
        for (const q of own(n, "w:p")) boxes.push(paragraphText(q, labels));
        return;
      case "mc:AlternateContent": {
        const alt = alternative(n);
        if (alt) walk(alt);
        return;
      }
      default:
        if (HIDDEN.has(n.name)) return;
        for (const c of n.children) walk(c);
    }
  };
  for (const c of p.children) walk(c);
  return [out, ...boxes].filter((s) => s.trim()).join("\n");
}

interface XCell {
  html: string;
  col: number;
  span: number;
  /** "restart" begins a vertical merge, "continue" carries one on, null: none. */
  vMerge: "restart" | "continue" | null;
}

/** A w:val count: a span is 1 when absent, a gridBefore/gridAfter gap 0. */
function count(el: Element | undefined, absent: number): number {
  const v = el ? Number.parseInt(attr(el, "w:val") ?? "", 10) : Number.NaN;
  return Number.isFinite(v) && v >= 0 ? Math.min(v, 1000) : absent;
}

/** A cell's content: its paragraphs as lines, a nested table as a table. */
function cellHtml(tc: Element, labels: Labels): string {
  const parts: string[] = [];
  blocks(tc, labels, (kind, html) => parts.push(kind === "p" ? html : `\n${html}\n`));
  return parts
    .join("\n")
    .trim()
    .replace(/\n+/gu, "<br>");
}

function rowsOf(tbl: Element, labels: Labels): XCell[][] {
  return own(tbl, "w:tr").map((tr) => {
    const trPr = child(tr, "w:trPr");
    let col = count(child(trPr, "w:gridBefore"), 0);
    return own(tr, "w:tc").map((tc) => {
      const tcPr = child(tc, "w:tcPr");
      const span = Math.max(1, count(child(tcPr, "w:gridSpan"), 1));
      const vm = child(tcPr, "w:vMerge");
      const vMerge = !vm ? null : attr(vm, "w:val") === "restart" ? "restart" : "continue";
      const cell: XCell = { html: cellHtml(tc, labels), col, span, vMerge };
      col += span;
      return cell;
    });
  });
}

/** One table as HTML: vertical merges become rowspans, gridBefore gaps empty cells. */
export function tableHtml(tbl: Element, labels: Labels): string {
  const rows = rowsOf(tbl, labels);
  const out: string[] = [];
  rows.forEach((row, r) => {
    const tds: string[] = [];
    let at = 0;
    for (const c of row) {
      for (; at < c.col; at++) tds.push("<td></td>");
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
      const attrs = (rowSpan > 1 ? ` rowspan="${rowSpan}"` : "") + (c.span > 1 ? ` colspan="${c.span}"` : "");
      tds.push(`<td${attrs}>${c.html}</td>`);
    }
    out.push(`<tr>${tds.join("")}</tr>`);
  });
  return `<table>${out.join("")}</table>`;
}

/** The paragraphs and tables under `el`, in order (looking through wrappers). */
function blocks(el: Element, labels: Labels, emit: (kind: "p" | "table", html: string) => void): void {
  for (const n of el.children) {
    if (!isTag(n)) continue;
    if (n.name === "w:p") emit("p", esc(paragraphText(n, labels)).replace(/\n/gu, "<br>"));
    else if (n.name === "w:tbl") emit("table", tableHtml(n, labels));
    else if (WRAPPERS.has(n.name)) blocks(n, labels, emit);
    else if (n.name === "mc:AlternateContent") {
      const alt = alternative(n);
      if (alt) blocks(alt, labels, emit);
    }
  }
}

/** The document body (or any block container: a footnote, a cell) as HTML. */
export function bodyHtml(container: Element, labels: Labels): string {
  const out: string[] = [];
  blocks(container, labels, (kind, html) => out.push(kind === "p" ? `<p>${html}</p>` : html));
  return out.join("\n");
}
