// Two plans compared task by task: what an archivist wants to know between one year's
// plan and the next — which tasks were kept, changed (which fields, which units gained
// and lost), added and removed. Tasks are matched one to one and in order (an
// alignment that maximises the total similarity of matched texts, as a diff of lines
// does for equal lines), so that two similar tasks in different parts do not swap.

import { renamingOf, standardName } from "../lexicon/bodies.js";
import type { Plan, Task } from "../schema/plan.js";
import { escapeMarkup } from "../text/text.js";
import { bigrams, dice, normalizeText, type Bigrams } from "./similar.js";

/** Texts at least this alike (Dice on bigrams, 0–1) are one task, edited; below, two tasks. */
export const SAME_TASK = 0.5;

export type Change =
  | { kind: "kept"; a: number; b: number }
  | { kind: "changed"; a: number; b: number; similarity: number; fields: string[]; unitsGained: string[]; unitsLost: string[]; unitsRenamed: Renamed[] }
  | { kind: "added"; b: number }
  | { kind: "removed"; a: number };

/** A unit lost and its successor gained, which a reform renamed (lexicon/bodies.ts): a renaming, not a change of hands. */
export interface Renamed {
  from: string;
  to: string;
  year: number;
}

export interface PlanDiff {
  a: { file: string; title: string | null; year: number | null; tasks: number };
  b: { file: string; title: string | null; year: number | null; tasks: number };
  summary: { kept: number; changed: number; added: number; removed: number };
  changes: Change[];
}

const unitName = (u: { name: string; canonical?: string }) => u.canonical ?? u.name;

/** Pairs of a lost unit and the gained one the history says took over from it. */
function renamings(gained: string[], lost: string[]): Renamed[] {
  const out: Renamed[] = [];
  for (const l of lost) {
    const r = renamingOf(standardName(l));
    const g = r ? gained.find((u) => standardName(u) === r.successor && !out.some((o) => o.to === u)) : undefined;
    if (r && g) out.push({ from: l, to: g, year: r.year });
  }
  return out;
}

function fieldsChanged(x: Task, y: Task): { fields: string[]; gained: string[]; lost: string[]; renamed: Renamed[] } {
  const fields: string[] = [];
  if (normalizeText(x.text) !== normalizeText(y.text)) fields.push("text");
  if (normalizeText(x.title) !== normalizeText(y.title)) fields.push("title");
  if (x.path.map(normalizeText).join(">") !== y.path.map(normalizeText).join(">")) fields.push("path");
  const ux = new Set(x.units.map(unitName));
  const uy = new Set(y.units.map(unitName));
  const renamed = renamings([...uy].filter((u) => !ux.has(u)), [...ux].filter((u) => !uy.has(u)));
  const gained = [...uy].filter((u) => !ux.has(u) && !renamed.some((r) => r.to === u));
  const lost = [...ux].filter((u) => !uy.has(u) && !renamed.some((r) => r.from === u));
  if (renamed.length > 0) fields.push("renamed");
  if (gained.length > 0 || lost.length > 0) fields.push("units");
  else {
    // Roles compared with a renamed unit under its successor's name.
    const as = (u: Task["units"][number]) => renamed.find((r) => r.from === unitName(u))?.to ?? unitName(u);
    if (x.units.map((u) => `${as(u)}/${u.role}`).sort().join("|") !== y.units.map((u) => `${unitName(u)}/${u.role}`).sort().join("|")) fields.push("roles");
  }
  if (normalizeText(x.deadlineText) !== normalizeText(y.deadlineText)) fields.push("deadline");
  if (normalizeText(x.status) !== normalizeText(y.status)) fields.push("status");
  return { fields, gained, lost, renamed };
}

const key = (t: Task) => normalizeText([t.title, t.text].filter(Boolean).join(""));

export function diffPlans(a: Plan, b: Plan): PlanDiff {
  const ga: Bigrams[] = a.tasks.map((t) => bigrams(key(t)));
  const gb: Bigrams[] = b.tasks.map((t) => bigrams(key(t)));
  const n = ga.length;
  const m = gb.length;
  // score[i][j]: the best total similarity aligning a[i..] with b[j..]; a pair counts only
  // when its texts are alike enough to be one task.
  const sim = (i: number, j: number) => {
    const s = dice(ga[i]!, gb[j]!);
    return s >= SAME_TASK ? s : -1;
  };
  const sims: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => sim(i, j)));
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sims[i]![j]!;
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s > 0 ? s + best[i + 1]![j + 1]! : -Infinity);
    }
  }
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = sims[i]![j]!;
      if (s > 0 && Math.abs(best[i]![j]! - (s + best[i + 1]![j + 1]!)) < 1e-9) {
        const f = fieldsChanged(a.tasks[i]!, b.tasks[j]!);
        changes.push(f.fields.length === 0 ? { kind: "kept", a: i, b: j } : { kind: "changed", a: i, b: j, similarity: Math.round(s * 1000) / 1000, fields: f.fields, unitsGained: f.gained, unitsLost: f.lost, unitsRenamed: f.renamed });
        i++;
        j++;
        continue;
      }
      if (best[i + 1]![j]! >= best[i]![j + 1]!) changes.push({ kind: "removed", a: i++ });
      else changes.push({ kind: "added", b: j++ });
    } else if (i < n) changes.push({ kind: "removed", a: i++ });
    else changes.push({ kind: "added", b: j++ });
  }
  const count = (k: Change["kind"]) => changes.filter((c) => c.kind === k).length;
  const side = (p: Plan) => ({ file: p.source.file, title: p.title, year: p.year, tasks: p.tasks.length });
  return { a: side(a), b: side(b), summary: { kept: count("kept"), changed: count("changed"), added: count("added"), removed: count("removed") }, changes };
}

/** One line: "12 kept, 3 changed, 2 added, 1 removed". */
export function diffSummary(d: PlanDiff): string {
  return `${d.summary.kept} kept, ${d.summary.changed} changed, ${d.summary.added} added, ${d.summary.removed} removed (${d.a.file}: ${d.a.tasks} tasks; ${d.b.file}: ${d.b.tasks})`;
}

/** The diff as Markdown, for reading. */
export function diffMarkdown(d: PlanDiff, a: Plan, b: Plan): string {
  const out = [`# ${d.a.file} → ${d.b.file}`, "", diffSummary(d), ""];
  const label = (t: Task) => `${t.number ?? "–"} ${(t.title ?? t.text ?? "").slice(0, 60)}`;
  for (const c of d.changes) {
    if (c.kind === "added") out.push(`- **added** ${label(b.tasks[c.b]!)}`);
    else if (c.kind === "removed") out.push(`- **removed** ${label(a.tasks[c.a]!)}`);
    else if (c.kind === "changed") {
      const units = [...c.unitsGained.map((u) => `+${u}`), ...c.unitsLost.map((u) => `−${u}`), ...c.unitsRenamed.map((r) => `${r.from}→${r.to} (${r.year})`)].join(" ");
      out.push(`- **changed** (${c.fields.join(", ")}) ${label(a.tasks[c.a]!)} → ${label(b.tasks[c.b]!)}${units ? ` [${units}]` : ""}`);
    }
  }
  return out.join("\n") + "\n";
}

/** Longest text compared character by character; longer texts are marked as a whole. */
const MARK_MAX_CHARS = 2000;

/** The characters of `a` and `b` outside their longest common subsequence: what was deleted and inserted. */
export function charDiff(a: string, b: string): { a: Array<[string, boolean]>; b: Array<[string, boolean]> } {
  const x = [...a];
  const y = [...b];
  if (x.length > MARK_MAX_CHARS || y.length > MARK_MAX_CHARS) return { a: [[a, true]], b: [[b, true]] };
  const n = x.length;
  const m = y.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const outA: Array<[string, boolean]> = [];
  const outB: Array<[string, boolean]> = [];
  const push = (out: Array<[string, boolean]>, ch: string, changed: boolean) => {
    const last = out[out.length - 1];
    if (last && last[1] === changed) last[0] += ch;
    else out.push([ch, changed]);
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      push(outA, x[i]!, false);
      push(outB, y[j]!, false);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push(outB, y[j++]!, true);
    else push(outA, x[i++]!, true);
  }
  return { a: outA, b: outB };
}

const esc = escapeMarkup;

/** One diff as a section of the page: a heading, the summary, the two versions side by side. */
function diffSection(d: PlanDiff, a: Plan, b: Plan): string {
  const label = (t: Task | undefined) => (t ? `${t.number ? `${esc(t.number)} ` : ""}<span class="path">${esc(t.path.join(" › "))}</span>` : "");
  const body = (t: Task | undefined, marks?: Array<[string, boolean]>, tag?: "del" | "ins") => {
    if (!t) return "";
    const text = marks ? marks.map(([s, ch]) => (ch ? `<${tag}>${esc(s)}</${tag}>` : esc(s))).join("") : esc(t.text ?? t.title ?? "");
    const units = t.units.map((u) => esc(u.canonical ?? u.name)).join("、");
    return `<div class="text">${text}</div><div class="meta">${units ? `单位：${units}` : ""}${t.deadlineText ? ` · 时限：${esc(t.deadlineText)}` : ""}</div>`;
  };
  const rows = d.changes.map((c) => {
    const ta = "a" in c ? a.tasks[c.a] : undefined;
    const tb = "b" in c ? b.tasks[c.b] : undefined;
    const marks = c.kind === "changed" && ta && tb ? charDiff(ta.text ?? "", tb.text ?? "") : null;
    const what = c.kind === "changed" ? `${c.fields.join(", ")}${c.unitsGained.length ? ` · +${c.unitsGained.map(esc).join(" +")}` : ""}${c.unitsLost.length ? ` · −${c.unitsLost.map(esc).join(" −")}` : ""}${c.unitsRenamed.map((r) => ` · ${esc(r.from)} → ${esc(r.to)} (${r.year})`).join("")}` : "";
    return `<tr class="${c.kind}"><td class="kind">${c.kind}${what ? `<br><small>${what}</small>` : ""}</td><td>${label(ta)}${body(ta, marks?.a, "del")}</td><td>${label(tb)}${body(tb, marks?.b, "ins")}</td></tr>`;
  });
  return `<section>
<h1>${esc(d.a.title ?? d.a.file)} → ${esc(d.b.title ?? d.b.file)}</h1>
<p class="summary">${esc(diffSummary(d))}</p>
<table><colgroup><col style="width:10%"><col style="width:45%"><col style="width:45%"></colgroup><thead><tr><th>change</th><th>${esc(d.a.file)}</th><th>${esc(d.b.file)}</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></section>`;
}

/** A self-contained, printable page of one or more diffs (a folder pair: one section per pair); `notes` lines go first. */
export function diffPage(title: string, parts: ReadonlyArray<{ d: PlanDiff; a: Plan; b: Plan }>, notes: readonly string[] = []): string {
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.2em}p.summary{font-size:1em}section{margin-bottom:2em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;font-size:.9em}
th{background:#f3f3f3}td.kind{font-weight:bold}
tr.added td.kind{color:#1a7f37}tr.removed td.kind{color:#cf222e}tr.changed td.kind{color:#9a6700}tr.kept td.kind{color:#888}
tr.kept{color:#888}ins{background:#d2f8d2;text-decoration:none}del{background:#ffd7d5}
.path{color:#666;font-size:.85em}.meta{color:#555;font-size:.85em;margin-top:.3em}
@media print{tr{break-inside:avoid}section{break-before:page}section:first-of-type{break-before:auto}}
</style></head><body>
${notes.map((n) => `<p class="note">${esc(n)}</p>`).join("\n")}
${parts.map((p) => diffSection(p.d, p.a, p.b)).join("\n")}
</body></html>
`;
}

/** A self-contained page: the two versions side by side, changed characters marked; printable. */
export function diffHtml(d: PlanDiff, a: Plan, b: Plan): string {
  return diffPage(`${d.a.file} → ${d.b.file}`, [{ d, a, b }]);
}
