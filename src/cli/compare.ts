// `workplan diff A B` and `workplan units OUT/`: the archivist's commands, over plans
// (JSON outputs) or, for diff, source documents converted on the way.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ExitCode, WorkplanError } from "../model/errors.js";
import { skipReason } from "../batch/inputs.js";
import type { PlanDiff } from "../compare/diff.js";
import { PlanSchema, type Plan } from "../schema/plan.js";
import { emit } from "../sys/atomic.js";
import { convertInChild } from "./convert.js";

/** A plan from a JSON output, or from any document workplan reads (converted first). */
async function planOf(file: string): Promise<Plan> {
  if (/\.json$/iu.test(file)) {
    let raw: string;
    try {
      raw = readFileSync(file, "utf8");
    } catch {
      throw new WorkplanError("unreadable", `${file}: cannot be read`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new WorkplanError("invalidInput", `${file}: not JSON`);
    }
    const p = PlanSchema.safeParse(parsed);
    if (!p.success) throw new WorkplanError("invalidInput", `${file}: not a workplan output (${p.error.issues[0]?.path.join(".") ?? ""} ${p.error.issues[0]?.message ?? ""})`);
    return p.data;
  }
  return JSON.parse((await convertInChild(file, {}, { as: "json", compact: true })).text) as Plan;
}

export interface DiffOptions {
  format: string;
  output?: string;
  /** Folder pairs: regular expressions whose groups (or match) key a document's relative path. */
  pair?: string[];
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    throw new WorkplanError("unreadable", `${p}: no such file or folder`);
  }
}

type ChangeOf = PlanDiff["changes"][number];

function csvRows(d: PlanDiff, pa: Plan, pb: Plan, prefix: string[] = []): string[][] {
  return d.changes.map((c: ChangeOf) => {
    const ta = "a" in c ? pa.tasks[c.a] : undefined;
    const tb = "b" in c ? pb.tasks[c.b] : undefined;
    const ch = c.kind === "changed" ? c : null;
    return [...prefix, c.kind, ta?.number ?? "", ta?.text ?? "", tb?.number ?? "", tb?.text ?? "", ch ? ch.fields.join(" ") : "", ch ? ch.unitsGained.join("；") : "", ch ? ch.unitsLost.join("；") : "", ch ? ch.unitsRenamed.map((r) => `${r.from}→${r.to}(${r.year})`).join("；") : ""];
  });
}
const CSV_HEAD = ["change", "numberA", "textA", "numberB", "textB", "fields", "unitsGained", "unitsLost", "unitsRenamed"];

export async function diffCommand(a: string, b: string, opts: DiffOptions): Promise<number> {
  if (!["json", "md", "csv", "html"].includes(opts.format)) throw new WorkplanError("usage", `--format takes json, md, csv or html, not ${opts.format}`);
  const folders = [isFolder(a), isFolder(b)];
  if (folders[0] !== folders[1]) throw new WorkplanError("usage", `diff compares two plans or two folders of plans; ${folders[0] ? a : b} is a folder and ${folders[0] ? b : a} is not`);
  if (folders[0]) return diffFolders(a, b, opts);
  const [pa, pb] = await Promise.all([planOf(a), planOf(b)]);
  const { diffPlans, diffMarkdown, diffSummary, diffHtml } = await import("../compare/diff.js");
  const d = diffPlans(pa, pb);
  let text: string;
  if (opts.format === "json") text = JSON.stringify(d, null, 2) + "\n";
  else if (opts.format === "html") text = diffHtml(d, pa, pb);
  else if (opts.format === "md") text = diffMarkdown(d, pa, pb);
  else {
    const { stringify } = await import("csv-stringify/sync");
    text = "\ufeff" + stringify([CSV_HEAD, ...csvRows(d, pa, pb)]);
  }
  await emit(text, opts.output);
  process.stderr.write(`workplan: ${diffSummary(d)}\n`);
  return ExitCode.ok;
}

/** The documents of a folder as paths relative to it: outputs (.json) and documents workplan reads. */
function documentsIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && (e.name.toLowerCase().endsWith(".json") || skipReason(e.name) == null))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * Two folders (last year's plans and this year's): documents paired by name
 * (compare/pairs.ts), each pair diffed; a pair that cannot be read is reported and the
 * others go on (exit 7, as a batch with failures).
 */
async function diffFolders(a: string, b: string, opts: DiffOptions): Promise<number> {
  let rules: RegExp[];
  try {
    rules = (opts.pair ?? []).map((r) => new RegExp(r, "u"));
  } catch (e) {
    throw new WorkplanError("usage", `--pair takes a regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { pairDocuments } = await import("../compare/pairs.js");
  const { diffPlans, diffMarkdown, diffSummary, diffPage } = await import("../compare/diff.js");
  const pairing = pairDocuments(documentsIn(a), documentsIn(b), rules);
  const done: Array<{ a: string; b: string; d: PlanDiff; pa: Plan; pb: Plan }> = [];
  const failed: Array<{ a: string; b: string; error: string }> = [];
  for (const [x, y] of pairing.pairs) {
    try {
      const [pa, pb] = [await planOf(path.join(a, x)), await planOf(path.join(b, y))];
      const d = diffPlans(pa, pb);
      done.push({ a: x, b: y, d, pa, pb });
      process.stderr.write(`workplan: ${x} → ${y}: ${diffSummary(d)}\n`);
    } catch (e) {
      if (!(e instanceof WorkplanError)) throw e;
      failed.push({ a: x, b: y, error: e.message });
      process.stderr.write(`workplan: ${x} → ${y}: ${e.message}\n`);
    }
  }
  const sum = (k: keyof PlanDiff["summary"]) => done.reduce((n, p) => n + p.d.summary[k], 0);
  const summary = { pairs: done.length, failed: failed.length, onlyA: pairing.onlyA.length, onlyB: pairing.onlyB.length, kept: sum("kept"), changed: sum("changed"), added: sum("added"), removed: sum("removed") };
  const only = [...pairing.onlyA.map((f) => `only in ${a}: ${f}`), ...pairing.onlyB.map((f) => `only in ${b}: ${f}`), ...failed.map((f) => `not compared: ${f.a} → ${f.b}: ${f.error}`)];
  let text: string;
  if (opts.format === "json") text = JSON.stringify({ a, b, summary, pairs: done.map((p) => ({ fileA: p.a, fileB: p.b, ...p.d })), onlyA: pairing.onlyA, onlyB: pairing.onlyB, failed }, null, 2) + "\n";
  else if (opts.format === "html") text = diffPage(`${a} → ${b}`, done.map((p) => ({ d: p.d, a: p.pa, b: p.pb })), only);
  else if (opts.format === "md") text = [`# ${a} → ${b}`, "", ...only.map((l) => `- ${l}`), "", ...done.map((p) => diffMarkdown(p.d, p.pa, p.pb).replace(/^# /u, "## "))].join("\n");
  else {
    const { stringify } = await import("csv-stringify/sync");
    text = "\ufeff" + stringify([["fileA", "fileB", ...CSV_HEAD], ...done.flatMap((p) => csvRows(p.d, p.pa, p.pb, [p.a, p.b]))]);
  }
  await emit(text, opts.output);
  process.stderr.write(`workplan: ${summary.pairs} pairs compared (${summary.kept} kept, ${summary.changed} changed, ${summary.added} added, ${summary.removed} removed); ${summary.onlyA} only in ${a}, ${summary.onlyB} only in ${b}${failed.length ? `, ${failed.length} not compared` : ""}\n`);
  return failed.length > 0 ? ExitCode.someFailed : ExitCode.ok;
}

function jsonFiles(p: string): string[] {
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new WorkplanError("unreadable", `${p}: no such file or folder`);
  }
  if (st.isFile()) return [p];
  return readdirSync(p, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export async function unitsCommand(inputs: string[], opts: { suggest?: boolean; format: string; output?: string }): Promise<void> {
  const plans: Array<{ file: string; plan: Plan }> = [];
  for (const f of inputs.flatMap(jsonFiles)) {
    try {
      const p = PlanSchema.safeParse(JSON.parse(readFileSync(f, "utf8")));
      if (p.success) plans.push({ file: f, plan: p.data });
    } catch {
      // Not a workplan output (a report, another JSON): not counted.
    }
  }
  if (plans.length === 0) throw new WorkplanError("invalidInput", `no workplan outputs (JSON) in ${inputs.join(" ")}`);
  const { collectUnits, suggestGroups, aliasesCsv } = await import("../compare/units.js");
  const units = collectUnits(plans);
  if (opts.suggest) {
    const groups = suggestGroups(units);
    await emit(opts.format === "json" ? JSON.stringify(Object.fromEntries(groups.map((g) => [g.canonical, g.aliases])), null, 2) + "\n" : aliasesCsv(groups), opts.output);
    process.stderr.write(`workplan: ${groups.length} suggested groups from ${units.length} names in ${plans.length} outputs; review them, then convert with --aliases\n`);
    return;
  }
  if (opts.format === "json") await emit(JSON.stringify(units, null, 2) + "\n", opts.output);
  else {
    const { stringify } = await import("csv-stringify/sync");
    const renamed = (u: (typeof units)[number]) => (u.renamed ? `${u.renamed.year} → ${u.renamed.to}` : "");
    await emit("\ufeff" + stringify([["name", "canonical", "count", "documents", "lead", "support", "responsible", "renamed"], ...units.map((u) => [u.name, u.canonical ?? "", u.count, u.documents.length, u.roles["lead"] ?? 0, u.roles["support"] ?? 0, u.roles["responsible"] ?? 0, renamed(u)])]), opts.output);
  }
}

/** The alias table a convert uses (--aliases FILE). */
export async function loadAliases(file: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new WorkplanError("unreadable", `${file}: the alias table cannot be read`);
  }
  const { parseAliases } = await import("../compare/units.js");
  try {
    return parseAliases(text, file);
  } catch (e) {
    throw new WorkplanError("invalidInput", e instanceof Error ? e.message : String(e));
  }
}
