// A conversion worker: converts the files it is sent, one at a time, and answers with
// the plan or the failure. Runs in a worker thread so that a batch uses every core.

import { parentPort } from "node:worker_threads";
import { WorkplanError } from "../model/errors.js";
import { convertFile, type ConvertOptions } from "../pipeline.js";
import type { Outcome } from "./pool.js";

export async function convertOne(file: string, opts: ConvertOptions): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const { plan, laid } = await convertFile(file, opts);
    const pages = plan.source.format === "pdf" ? Math.max(1, ...plan.tasks.map((t) => t.provenance.page ?? 1)) : laid.table ? new Set(laid.table.rows.map((r) => r.page)).size : 1;
    return { ok: true, plan, pages, ms: performance.now() - t0 };
  } catch (e) {
    const err = e instanceof WorkplanError ? e : new WorkplanError("internal", `${file}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, error: { kind: err.kind, message: err.message, exitCode: err.exitCode }, ms: performance.now() - t0 };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (m: { id: number; file: string; opts: ConvertOptions }) => {
    void convertOne(m.file, m.opts).then((outcome) => port.postMessage({ id: m.id, outcome }));
  });
  // Loaded: from now on a file's time limit measures its conversion, not the start-up.
  port.postMessage({ ready: true });
}
