// `workplan diff A B` and `workplan units OUT/`: the archivist's commands, over plans
// (JSON outputs) or, for diff, source documents converted on the way.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { WorkplanError } from "../model/errors.js";
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

export async function diffCommand(a: string, b: string, opts: { format: string; output?: string }): Promise<void> {
  if (!["json", "md", "csv", "html"].includes(opts.format)) throw new WorkplanError("usage", `--format takes json, md, csv or html, not ${opts.format}`);
  const [pa, pb] = await Promise.all([planOf(a), planOf(b)]);
  const { diffPlans, diffMarkdown, diffSummary, diffHtml } = await import("../compare/diff.js");
  const d = diffPlans(pa, pb);
  let text: string;
  if (opts.format === "json") text = JSON.stringify(d, null, 2) + "\n";
  else if (opts.format === "html") text = diffHtml(d, pa, pb);
  else if (opts.format === "md") text = diffMarkdown(d, pa, pb);
  else {
    const { stringify } = await import("csv-stringify/sync");
    const row = (c: (typeof d.changes)[number]) => {
      const ta = "a" in c ? pa.tasks[c.a] : undefined;
      const tb = "b" in c ? pb.tasks[c.b] : undefined;
      return [c.kind, ta?.number ?? "", ta?.text ?? "", tb?.number ?? "", tb?.text ?? "", c.kind === "changed" ? c.fields.join(" ") : "", c.kind === "changed" ? c.unitsGained.join("；") : "", c.kind === "changed" ? c.unitsLost.join("；") : ""];
    };
    text = "\ufeff" + stringify([["change", "numberA", "textA", "numberB", "textB", "fields", "unitsGained", "unitsLost"], ...d.changes.map(row)]);
  }
  await emit(text, opts.output);
  process.stderr.write(`workplan: ${diffSummary(d)}\n`);
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
    await emit("\ufeff" + stringify([["name", "count", "documents", "lead", "support", "responsible"], ...units.map((u) => [u.name, u.count, u.documents.length, u.roles["lead"] ?? 0, u.roles["support"] ?? 0, u.roles["responsible"] ?? 0])]), opts.output);
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
