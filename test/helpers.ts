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
