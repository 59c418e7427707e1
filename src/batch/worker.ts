// A conversion worker: converts the files it is sent, one at a time, and answers with
// the failure, or a summary and the output text (the plan itself only when asked): a
// string crosses to the main thread in one copy, where a plan's object graph would be
// cloned field by field and then serialized there, on the thread every worker waits on.
// Runs in a worker thread so that a batch uses every core.

import { parentPort } from "node:worker_threads";
import { WorkplanError } from "../model/errors.js";
import { convertBytes, convertFile, type ConvertOptions } from "../pipeline.js";
import { render, type Render } from "../export/render.js";
import { setForwarder } from "../sys/cleanup.js";
import type { Job, Outcome } from "./pool.js";

export async function convertOne(job: Job, opts: ConvertOptions, how: Render = { as: "plan" }): Promise<Outcome> {
  const t0 = performance.now();
  const file = job.file;
  try {
    const { plan, laid } = job.bytes ? await convertBytes(job.bytes, file, opts) : await convertFile(file, opts);
    // A PDF counts the pages read (a trailing page of signatures is read too); text
    // counts the pages its repeated headers mark.
    const pages = laid.pages?.length ?? (laid.table ? new Set(laid.table.rows.map((r) => r.page)).size : 1);
    const summary = { format: plan.source.format, layout: plan.source.layout, tasks: plan.tasks.length, warnings: plan.warnings.length };
    const output = how.as === "plan" ? { plan } : { text: render(plan, how) };
    return { ok: true, ...output, summary, pages, ms: performance.now() - t0 };
  } catch (e) {
    const err = e instanceof WorkplanError ? e : new WorkplanError("internal", `${file}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, error: { kind: err.kind, message: err.message, exitCode: err.exitCode }, ms: performance.now() - t0 };
  }
}

if (parentPort) {
  const port = parentPort;
  // What this worker starts or writes (LibreOffice, its folders) is known to the pool,
  // which cleans up after a worker it stops.
  setForwarder((cleanup) => port.postMessage({ cleanup }));
  port.on("message", (m: { id: number; file: string; bytes?: Uint8Array; opts: ConvertOptions; how: Render }) => {
    const job: Job = m.bytes ? { file: m.file, bytes: m.bytes } : { file: m.file };
    void convertOne(job, m.opts, m.how).then((outcome) => port.postMessage({ id: m.id, outcome }));
  });
  // Loaded: from now on a file's time limit measures its conversion, not the start-up.
  port.postMessage({ ready: true });
}
