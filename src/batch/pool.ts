// Worker threads that convert files in parallel. Each worker has a memory cap, so a
// batch's memory stays bounded whatever it is fed; a worker that dies (out of memory)
// fails its file and is replaced.

import os from "node:os";
import v8 from "node:v8";
import { Worker } from "node:worker_threads";
import type { ExitCodeName } from "../model/errors.js";
import type { ConvertOptions } from "../pipeline.js";
import type { Plan } from "../schema/plan.js";
import { kindOf, pick } from "./affinity.js";
import type { Render } from "./formats.js";

export interface Summary {
  format: string;
  layout: string;
  tasks: number;
  warnings: number;
}

/** A converted file: its plan (when asked for `{ as: "plan" }`) or its output text. */
export type Outcome =
  | { ok: true; plan?: Plan; text?: string; summary: Summary; pages: number; ms: number }
  | { ok: false; error: { kind: Exclude<ExitCodeName, "ok" | "someFailed">; message: string; exitCode: number }; ms: number };

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

/**
 * Heap caps of one worker, so that memory stays bounded whatever a batch is fed and a
 * hostile file fails alone. The old generation's cap also sets how eagerly V8 collects
 * it (a small cap, a small growth factor), and every full collection throws away the
 * optimized code of closures made per call (callbacks to map, filter and sort), which
 * TurboFan then compiles again on its background threads. Measured on the 500-document
 * bench: 1024 MB gave no gain over 256; a 32 or 48 MB young generation halved the
 * scavenges but not the CPU, and took two workers from ~245 to ~280 MB peak.
 */
const LIMITS = { resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 24 } };

/**
 * How long a function runs in V8's baseline tiers before TurboFan optimizes it: 1 MiB
 * of bytecode budget instead of Node 20's 66 KiB. A batch makes many short-lived
 * callbacks (to map, filter, sort); each full GC drops their optimized code, and at the
 * default TurboFan compiled ~1200 functions on the 500-document bench, 60% of them
 * closures compiled again, ~4.6 s of CPU on V8's helper threads, which two workers on
 * two cores have to share. At 1 MiB: ~300 compiles, ~1 s, and --jobs 2 ran ~20%
 * faster (--jobs 1 no slower, a 10-file batch ~15% faster). V8 flags are per process;
 * this is set before any worker starts, so every worker's isolate uses it. It only
 * changes when code is optimized, never what it computes (outputs are byte-identical).
 */
const INTERRUPT_BUDGET = "--interrupt-budget=1048576";
let tuned = false;

export class Pool {
  private workers: Array<{ w: Worker; busy: boolean; ready: boolean }> = [];
  private waiting: Array<{ file: string; kind: string; opts: ConvertOptions; how: Render; resolve: (o: Outcome) => void }> = [];
  /** Which worker took each kind of file first (see affinity.ts). */
  private owner = new Map<string, number>();
  private inflight = new Map<number, { file: string; resolve: (o: Outcome) => void; slot: number; timer: NodeJS.Timeout | null }>();
  private nextId = 1;
  private closing = false;

  /** `timeoutS`: seconds a file may take before its worker is stopped (0: no limit). */
  constructor(
    size: number,
    private readonly timeoutS = 0,
  ) {
    if (!tuned && !process.execArgv.some((a) => a.startsWith("--interrupt-budget"))) v8.setFlagsFromString(INTERRUPT_BUDGET);
    tuned = true;
    for (let i = 0; i < size; i++) this.workers.push(this.spawn(i));
  }

  private spawn(slot: number): { w: Worker; busy: boolean; ready: boolean } {
    const w = new Worker(new URL("./worker.js", import.meta.url), LIMITS);
    w.on("message", (m: { id: number; outcome: Outcome } | { ready: true }) => {
      if ("ready" in m) {
        const me = this.workers[slot];
        if (me?.w === w) me.ready = true;
        this.pump();
        return;
      }
      const job = this.inflight.get(m.id);
      if (!job) return;
      this.inflight.delete(m.id);
      if (job.timer) clearTimeout(job.timer);
      this.workers[slot]!.busy = false;
      job.resolve(m.outcome);
      this.pump();
    });
    const died = (why: string) => {
      if (this.closing) return;
      for (const [id, job] of this.inflight) {
        if (job.slot !== slot) continue;
        this.inflight.delete(id);
        if (job.timer) clearTimeout(job.timer);
        job.resolve({ ok: false, error: { kind: "invalidInput", message: `${job.file}: conversion stopped (${why})`, exitCode: 4 }, ms: 0 });
      }
      this.workers[slot] = this.spawn(slot);
      this.pump();
    };
    w.on("error", (e) => died(/heap|memory/iu.test(e.message) ? "out of memory" : e.message));
    w.on("exit", (code) => {
      if (code !== 0 && this.workers[slot]?.w === w) died(`worker exited with code ${code}`);
    });
    return { w, busy: false, ready: false };
  }

  run(file: string, opts: ConvertOptions, how: Render = { as: "plan" }): Promise<Outcome> {
    return new Promise((resolve) => {
      this.waiting.push({ file, kind: kindOf(file), opts, how, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (let slot = 0; slot < this.workers.length; slot++) {
      const w = this.workers[slot]!;
      if (w.busy || !w.ready) continue;
      if (this.waiting.length === 0) return;
      const job = this.waiting.splice(pick(this.waiting, this.owner, slot, this.workers.length), 1)[0]!;
      if (!this.owner.has(job.kind)) this.owner.set(job.kind, slot);
      const id = this.nextId++;
      w.busy = true;
      const timer =
        this.timeoutS > 0
          ? setTimeout(() => {
              // A file that takes too long: its worker is stopped and replaced.
              const stuck = this.inflight.get(id);
              if (!stuck) return;
              this.inflight.delete(id);
              stuck.resolve({ ok: false, error: { kind: "invalidInput", message: `${job.file}: timed out after ${this.timeoutS} s (see --timeout)`, exitCode: 4 }, ms: this.timeoutS * 1000 });
              const old = this.workers[slot]!.w;
              this.workers[slot] = this.spawn(slot);
              void old.terminate();
              this.pump();
            }, this.timeoutS * 1000)
          : null;
      this.inflight.set(id, { file: job.file, resolve: job.resolve, slot, timer });
      w.w.postMessage({ id, file: job.file, opts: job.opts, how: job.how });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ w }) => w.terminate()));
  }
}
