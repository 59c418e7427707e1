// Runs the built CLI the way a user does (node bin/workplan.js …).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The CLI under test; WORKPLAN_BIN points the tests at another build (to show a test fails on an older one). */
export const BIN = process.env["WORKPLAN_BIN"] ?? path.join(ROOT, "bin", "workplan.js");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...opts.env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** FORMAT.md: texts compare after NFKC with all white space removed. */
export const norm = (v: unknown): string => (v == null ? "" : String(v).normalize("NFKC").replace(/\s+/gu, ""));

/** The fields of a task compared with its reference answer (the scorer's, FORMAT.md). */
export const FIELDS = ["number", "path", "title", "text", "unitsText", "deadlineText", "status", "remarks", "units", "deadline"] as const;
export type Field = (typeof FIELDS)[number];

/** A task's field as compared: texts normalised, the path joined, units and deadline by what they say. */
export function value(t: Record<string, unknown>, f: Field): string {
  const v = t[f];
  if (f === "path") return ((v as string[]) ?? []).map(norm).join(" > ");
  if (f === "units") return ((v as Array<{ name: string; role: string }>) ?? []).map((u) => `${norm(u.name)}/${u.role}`).sort().join("|");
  if (f === "deadline") return v == null ? "" : `${(v as { kind: string }).kind}@${(v as { date: string | null }).date ?? ""}`;
  return norm(v);
}

/** A task as the tests read it: its fields, and those its reference answer leaves open. */
export interface ScoredTask extends Record<string, unknown> {
  ambiguous?: string[];
}

/**
 * How many of `gold`'s tasks `got` holds perfectly (every field of FIELDS equal, but
 * those the answer marks ambiguous), tasks paired by `key` in order (a reading that
 * gives a task more or fewer does not shift the rest).
 */
export function perfectTasks(gold: readonly ScoredTask[], got: readonly ScoredTask[], key: (t: ScoredTask) => string): number {
  const byKey = new Map<string, ScoredTask[]>();
  for (const t of got) byKey.set(key(t), [...(byKey.get(key(t)) ?? []), t]);
  let perfect = 0;
  for (const g of gold) {
    const p = byKey.get(key(g))?.shift();
    const skip = new Set(g.ambiguous ?? []);
    if (p && FIELDS.every((field) => skip.has(field) || value(g, field) === value(p, field))) perfect++;
  }
  return perfect;
}
