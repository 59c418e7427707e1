// `workplan inspect FILE`: what was detected and why, for an analyst deciding whether to
// trust a conversion.

import type { Diagnosis, Row } from "../model/document.js";
import type { Conversion } from "../model/conversion.js";
import { compact } from "../text/text.js";
import { columnsOf } from "../lexicon/headers.js";

interface Node {
  name: string;
  count: number;
  children: Map<string, Node>;
}

function sectionTree(c: Conversion): Node {
  const root: Node = { name: "", count: 0, children: new Map() };
  for (const t of c.plan.tasks) {
    let n = root;
    n.count++;
    for (const level of t.path) {
      // Reprints that differ only in spacing or width are one section.
      const key = compact(level);
      let child = n.children.get(key);
      if (!child) {
        child = { name: level, count: 0, children: new Map() };
        n.children.set(key, child);
      }
      child.count++;
      n = child;
    }
  }
  return root;
}

function printTree(n: Node, indent: string, out: string[]): void {
  for (const child of n.children.values()) {
    out.push(`${indent}${child.name}  [${child.count}]`);
    printTree(child, indent + "  ", out);
  }
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);

function fit(s: string, w: number): string {
  let out = "";
  for (const ch of s.replace(/\s+/gu, " ")) {
    if (width(out + ch) > w) return out.slice(0, -1) + "…" + " ".repeat(Math.max(0, w - width(out.slice(0, -1) + "…")));
    out += ch;
  }
  return out + " ".repeat(w - width(out));
}

/**
 * The cell grid as read: a merged cell shows its span ([r3] rows, [c2] columns) where it
 * starts, ↑ where it is copied down, ← where it spans across.
 */
export function renderGrid(rows: Row[], limit: number): string[] {
  const shown = rows.slice(0, limit);
  const cols = Math.max(0, ...shown.map((r) => r.cells.length));
  const w = Math.max(6, Math.min(16, Math.floor(96 / Math.max(1, cols))));
  const out = shown.map((r) => {
    const cells = r.cells.map((c) => {
      if (c.from === "above") return fit("↑", w);
      if (c.from === "left") return fit("←", w);
      const span = (c.rowSpan > 1 ? `[r${c.rowSpan}]` : "") + (c.colSpan > 1 ? `[c${c.colSpan}]` : "");
      return fit(span + c.text, w);
    });
    return `  ${String(r.page ?? "").padStart(2)}| ${cells.join("|")}`;
  });
  if (rows.length > limit) out.push(`  … ${rows.length - limit} more rows (--rows N to show more)`);
  return out;
}

/** `inspect` of a document that gave no tasks: why, what was tried, and where structure shows. */
export function renderFailure(file: string, message: string, d: Diagnosis): string {
  const out: string[] = [];
  out.push(`file:      ${file}`);
  out.push(`result:    no tasks — ${message.startsWith(file) ? message.slice(file.length).replace(/^:\s*/u, "") : message}`);
  out.push(`layout:    ${d.layout} (${d.reason})`);
  if (d.tried.length > 0) {
    out.push("tried:     (layouts not taken, and why)");
    for (const t of d.tried) out.push(`  ${t.layout.padEnd(14)} ${t.outcome}`);
  }
  if (d.clues.length > 0) {
    out.push("clues:     (lines that show part of a table or list; a few of each kind)");
    for (const c of d.clues) out.push(`  ${String(c.line).padStart(5)}  ${c.kind.padEnd(7)} ${c.text}  — ${c.why}`);
  } else if (d.layout.startsWith("pdf") || d.layout.startsWith("html") || d.layout.startsWith("docx")) out.push("clues:     (see the pages and layout above; text clues are shown for plain text)");
  else out.push("clues:     none: no header words, labels, heading markers or item numbers in the text");
  out.push("hint:      --layout NAME reads a text in the layout you name (tabbed, cell-lines, cell-per-line, pipe-rows, pipe-cells, spaced, prose); --encoding NAME decodes it as you say");
  return out.join("\n") + "\n";
}

export function renderInspect(c: Conversion, gridRows = 12): string {
  const { plan, laid } = c;
  const out: string[] = [];
  out.push(`file:      ${plan.source.file}`);
  out.push(`format:    ${plan.source.format}${plan.source.encoding ? `, encoding ${plan.source.encoding}` : ""}`);
  out.push(`layout:    ${laid.layout} (${laid.reason})`);
  out.push(`title:     ${plan.title ?? "(none found)"}`);
  out.push(`year:      ${plan.year ?? "(none found)"}`);
  if (laid.table) {
    out.push(`columns:`);
    const cols = columnsOf(laid.table.header);
    laid.table.header.forEach((h, i) => {
      out.push(`  ${String(i + 1).padStart(2)}. ${h || "(spanned)"} → ${cols[i]?.field ?? "extra"}`);
    });
    if (laid.table.columns) {
      out.push(`cells:     laid out by content, not by column: ${laid.table.columns.map((c) => `${c.field}${c.header ? ` (${c.header})` : ""}`).join(", ")}`);
    }
    out.push(`rows:      ${laid.table.rows.length} table rows on ${new Set(laid.table.rows.map((r) => r.page)).size} page(s)`);
    if (gridRows > 0) out.push("grid:      (page | cells; [rN]/[cN] a merged cell's span, ↑ copied down, ← spanned across)", ...renderGrid(laid.table.rows, gridRows));
  } else out.push(`columns:   none (prose: ${laid.paragraphs.length} paragraphs)`);
  if (laid.pages) {
    out.push("pages:     (rulings drawn; ruled tables as rows×cols with merged cells; text items placed in cells / left outside)");
    for (const p of laid.pages) {
      const tables = p.tables.map((t) => `${t.rows}×${t.cols}${t.merged ? `, ${t.merged} merged` : ""}`).join("; ") || "no ruled table";
      out.push(`  ${String(p.page).padStart(3)}: ${String(p.rulings).padStart(4)} rulings; ${tables}; text ${p.placed} placed / ${p.free} outside`);
    }
  }
  out.push(`front:     ${c.front.length} paragraph(s) before the body (title, letter, metadata)`);
  out.push(`back:      ${laid.back.length} paragraph(s) after it (signature, footer)`);
  out.push(`tasks:     ${plan.tasks.length}`);
  const tree = sectionTree(c);
  const lines: string[] = [];
  printTree(tree, "  ", lines);
  if (lines.length > 0) out.push(`sections:`, ...lines);
  out.push(`warnings:  ${plan.warnings.length}`);
  for (const w of plan.warnings) out.push(`  [${w.code}] ${w.message}${w.lines ? ` (line ${w.lines.join(", ")})` : ""}`);
  return out.join("\n") + "\n";
}
