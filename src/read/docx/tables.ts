// Word tables straight from word/document.xml, as HTML tables with rowspan/colspan.
// Used where mammoth loses merges: it drops every vertical merge of a table whose rows
// hold anything but cells (a bookmark, a content control), and ignores
// w:gridBefore/w:gridAfter, which shifts a row's cells left.

import type { CheerioAPI } from "cheerio";
import type { Element } from "domhandler";

interface XCell {
  text: string;
  col: number;
  span: number;
  /** "restart" begins a vertical merge, "continue" carries one on, null: none. */
  vMerge: "restart" | "continue" | null;
}

const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

/** A w:val count: a span is 1 when absent, a gridBefore/gridAfter gap 0. */
function count($: CheerioAPI, el: Element | undefined, absent: number): number {
  const v = el ? Number.parseInt($(el).attr("w:val") ?? "", 10) : Number.NaN;
  return Number.isFinite(v) && v >= 0 ? Math.min(v, 1000) : absent;
}

/** A cell's paragraphs, one line each; w:br is a line break, w:tab a space. */
function cellText($: CheerioAPI, tc: Element): string {
  return $(tc)
    .find("w\\:p")
    .toArray()
    .filter((p) => $(p).closest("w\\:tc")[0] === tc)
    .map((p) =>
      $(p)
        .find("w\\:t, w\\:br, w\\:cr, w\\:tab")
        .toArray()
        .map((n) => (n.name === "w:t" ? $(n).text() : n.name === "w:tab" ? " " : "\n"))
        .join(""),
    )
    .join("\n")
    .trim();
}

function rowsOf($: CheerioAPI, tbl: Element): XCell[][] {
  return $(tbl)
    .find("w\\:tr")
    .toArray()
    .filter((tr) => $(tr).closest("w\\:tbl")[0] === tbl)
    .map((tr) => {
      const trPr = $(tr).children("w\\:trPr");
      let col = count($, trPr.children("w\\:gridBefore")[0], 0);
      // Cells may sit inside content controls or custom XML wrappers.
      return $(tr)
        .find("w\\:tc")
        .toArray()
        .filter((tc) => $(tc).closest("w\\:tr")[0] === tr)
        .map((tc) => {
          const tcPr = $(tc).children("w\\:tcPr");
          const span = Math.max(1, count($, tcPr.children("w\\:gridSpan")[0], 1));
          const vm = tcPr.children("w\\:vMerge");
          const vMerge = vm.length === 0 ? null : vm.attr("w:val") === "restart" ? "restart" : "continue";
          const cell: XCell = { text: cellText($, tc), col, span, vMerge };
          col += span;
          return cell;
        });
    });
}

/** One table as HTML: vertical merges become rowspans, gridBefore gaps become empty cells. */
function tableHtml(rows: XCell[][]): string {
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
      tds.push(`<td${attrs}>${esc(c.text).replace(/\n/gu, "<br>")}</td>`);
    }
    out.push(`<tr>${tds.join("")}</tr>`);
  });
  return `<table>${out.join("")}</table>`;
}

/** HTML for every top-level table of the document, in document order. */
export function tablesFromXml($: CheerioAPI): string[] {
  return $("w\\:tbl")
    .toArray()
    .filter((t) => $(t).parents("w\\:tbl").length === 0)
    .map((t) => tableHtml(rowsOf($, t)));
}
