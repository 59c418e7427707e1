// A conversion process: converts the files it is sent, one at a time, and answers with
// the failure, or a summary and the output text (the plan itself only when asked), so
// that the process that started it only writes. It is stopped from outside when a file
// takes too long or too much memory; it tells its parent of everything it starts or
// writes (LibreOffice, temporary folders), so that nothing outlives it.

import { WorkplanError } from "../model/errors.js";
import { convertBytes, convertFile, layoutFile, type ConvertOptions } from "../pipeline.js";
import { tablesOf } from "../export/tables.js";
import { render, type Render } from "../export/render.js";
import { renderFailure } from "../export/inspect.js";
import { drawPages } from "../export/draw.js";
import { releaseAll, setForwarder } from "../sys/cleanup.js";
import type { FsPath } from "../sys/fsPath.js";
import type { Job, Outcome } from "./pool.js";
import { warningKinds } from "./warnings.js";

export async function convertOne(job: Job, opts: ConvertOptions, how: Render = { as: "plan" }): Promise<Outcome> {
  const t0 = performance.now();
  const file = job.file;
  try {
    if (how.as === "tables") {
      // The layout's grids only: a document that is no plan still has tables.
      const d = await layoutFile({ file, ...(job.path != null ? { path: job.path } : {}), ...(job.bytes ? { bytes: job.bytes } : {}) }, opts);
      const text = JSON.stringify(tablesOf(d), null, 2) + "\n";
      return { ok: true, text, summary: { format: d.format, layout: d.laid.layout, tasks: 0, warnings: 0, kinds: {} }, pages: d.laid.pages?.length ?? 1, ms: performance.now() - t0 };
    }
    const conversion = job.bytes ? await convertBytes(job.bytes, file, opts) : await convertFile(job.path ?? file, opts, file);
    const { plan, laid } = conversion;
    // A PDF counts the pages read (a trailing page of signatures is read too); text
    // counts the pages its repeated headers mark.
    const pages = laid.pages?.length ?? (laid.table ? new Set(laid.table.rows.map((r) => r.page)).size : 1);
    const summary = { format: plan.source.format, layout: plan.source.layout, tasks: plan.tasks.length, warnings: plan.warnings.length, kinds: warningKinds(plan) };
    const output = how.as === "plan" ? { plan } : { text: render(conversion, how) };
    return { ok: true, ...output, summary, pages, ms: performance.now() - t0 };
  } catch (e) {
    const err = e instanceof WorkplanError ? e : new WorkplanError("internal", `${file}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    // inspect shows why a document gave no tasks, instead of only failing.
    const report = how.as === "inspect" && err.diagnosis ? renderFailure(file, err.message, err.diagnosis) : undefined;
    // Drawn even so: the pictures show best why a page gave no table.
    const drawings = how.as === "inspect" && how.draw && err.diagnosis?.pages ? drawPages(err.diagnosis.pages) : undefined;
    return { ok: false, error: { kind: err.kind, message: err.message, exitCode: err.exitCode, ...(report ? { report } : {}), ...(drawings ? { drawings } : {}) }, ms: performance.now() - t0 };
  }
}

const send = process.send?.bind(process);
if (send) {
  setForwarder((cleanup) => send({ cleanup }));
  // Ctrl-C reaches the whole process group: the parent decides, and cleans up after us.
  process.on("SIGINT", () => undefined);
  // The parent is gone (killed): nothing will read our answer, and nobody else cleans up.
  process.on("disconnect", () => {
    releaseAll();
    process.exit(0);
  });
  process.on("message", (m: { id: number; file: string; path?: FsPath; bytes?: Uint8Array; opts: ConvertOptions; how: Render }) => {
    // Bytes cross the channel as a plain Uint8Array, which fs does not take as a path.
    const p = m.path == null || typeof m.path === "string" ? m.path : Buffer.from(m.path);
    const job: Job = { file: m.file, ...(p != null ? { path: p } : {}), ...(m.bytes ? { bytes: m.bytes } : {}) };
    void convertOne(job, m.opts, m.how).then((outcome) => send({ id: m.id, outcome }));
  });
  // Loaded: from now on a file's time limit measures its conversion, not the start-up.
  send({ ready: true });
}
