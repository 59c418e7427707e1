// `workplan inspect FILE`: what was detected and why, for an analyst deciding whether to
// trust a conversion.

import type { Conversion } from "../../pipeline.js";
import { compact } from "../../normalize/text.js";
import { columnsOf } from "../../plan/fromTable.js";

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

export function renderInspect(c: Conversion): string {
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
    out.push(`rows:      ${laid.table.rows.length} table rows on ${new Set(laid.table.rows.map((r) => r.page)).size} page(s)`);
  } else out.push(`columns:   none (prose: ${laid.paragraphs.length} paragraphs)`);
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
