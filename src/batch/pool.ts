// Worker threads that convert files in parallel. Each worker has a memory cap, so a
// batch's memory stays bounded whatever it is fed; a worker that dies (out of memory)
// fails its file and is replaced.

import os from "node:os";
import v8 from "node:v8";
import { Worker } from "node:worker_threads";
import { ExitCode, type FailureKind } from "../model/errors.js";
import type { ConvertOptions } from "../pipeline.js";
import type { Plan } from "../schema/plan.js";
import { kindOf, pick } from "./affinity.js";
import type { Render } from "../export/render.js";
import { apply, release, type Change, type Resource } from "../sys/cleanup.js";

export interface Summary {
  format: string;
  layout: string;
  tasks: number;
  warnings: number;
}

/** A converted file: its plan (when asked for `{ as: "plan" }`) or its output text. */
export type Outcome =
  | { ok: true; plan?: Plan; text?: string; summary: Summary; pages: number; ms: number }
  | { ok: false; error: { kind: FailureKind; message: string; exitCode: number }; ms: number };

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

/** One file to convert: a path, or bytes already read (standard input) with the name they go by. */
export interface Job {
  file: string;
  bytes?: Uint8Array;
}

interface Slot {
  w: Worker;
  busy: boolean;
  ready: boolean;
  /** What the worker has running or on disk that must not outlive it (forwarded from sys/cleanup). */
  held: Map<string, Resource>;
}

const failure = (file: string, why: string, ms = 0): Outcome => ({ ok: false, error: { kind: "invalidInput", message: `${file}: ${why}`, exitCode: ExitCode.invalidInput }, ms });

export class Pool {
  private workers: Slot[] = [];
  private waiting: Array<{ job: Job; kind: string; opts: ConvertOptions; how: Render; resolve: (o: Outcome) => void }> = [];
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

  private spawn(slot: number): Slot {
    const w = new Worker(new URL("./worker.js", import.meta.url), LIMITS);
    const me: Slot = { w, busy: false, ready: false, held: new Map() };
    w.on("message", (m: { id: number; outcome: Outcome } | { ready: true } | { cleanup: Change }) => {
      if ("cleanup" in m) {
        // Mirrored here, so that this process can clean up after a worker it stops.
        const key = JSON.stringify(m.cleanup.resource);
        if (m.cleanup.op === "add") me.held.set(key, m.cleanup.resource);
        else me.held.delete(key);
        apply(m.cleanup);
        return;
      }
      if ("ready" in m) {
        me.ready = true;
        this.pump();
        return;
      }
      const job = this.inflight.get(m.id);
      if (!job) return;
      this.inflight.delete(m.id);
      if (job.timer) clearTimeout(job.timer);
      me.busy = false;
      job.resolve(m.outcome);
      this.pump();
    });
    const died = (why: string) => {
      this.releaseHeld(me);
      if (this.closing || this.workers[slot] !== me) return;
      for (const [id, job] of this.inflight) {
        if (job.slot !== slot) continue;
        this.inflight.delete(id);
        if (job.timer) clearTimeout(job.timer);
        job.resolve(failure(job.file, `conversion stopped (${why})`));
      }
      this.workers[slot] = this.spawn(slot);
      this.pump();
    };
    w.on("error", (e) => died(/heap|memory/iu.test(e.message) ? "out of memory" : e.message));
    w.on("exit", (code) => {
      if (code !== 0) died(`worker exited with code ${code}`);
    });
    return me;
  }

  /** Kills what a stopped worker left running and removes what it left on disk. */
  private releaseHeld(slot: Slot): void {
    for (const r of slot.held.values()) {
      try {
        release(r);
      } catch {
        // Gone already.
      }
    }
    slot.held.clear();
  }

  run(job: Job | string, opts: ConvertOptions, how: Render = { as: "plan" }): Promise<Outcome> {
    const j = typeof job === "string" ? { file: job } : job;
    return new Promise((resolve) => {
      this.waiting.push({ job: j, kind: kindOf(j.file), opts, how, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (let slot = 0; slot < this.workers.length; slot++) {
      const w = this.workers[slot]!;
      if (w.busy || !w.ready) continue;
      if (this.waiting.length === 0) return;
      const next = this.waiting.splice(pick(this.waiting, this.owner, slot, this.workers.length), 1)[0]!;
      if (!this.owner.has(next.kind)) this.owner.set(next.kind, slot);
      const id = this.nextId++;
      w.busy = true;
      const file = next.job.file;
      const timer =
        this.timeoutS > 0
          ? setTimeout(() => {
              // A file that takes too long: its worker is stopped and replaced, and what it left running killed.
              const stuck = this.inflight.get(id);
              if (!stuck) return;
              this.inflight.delete(id);
              stuck.resolve(failure(file, `timed out after ${this.timeoutS} s (see --timeout)`, this.timeoutS * 1000));
              const old = this.workers[slot]!;
              this.workers[slot] = this.spawn(slot);
              this.releaseHeld(old);
              void old.w.terminate();
              this.pump();
            }, this.timeoutS * 1000)
          : null;
      this.inflight.set(id, { file, resolve: next.resolve, slot, timer });
      w.w.postMessage({ id, file, bytes: next.job.bytes, opts: next.opts, how: next.how });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(async (s) => {
      await s.w.terminate();
      this.releaseHeld(s);
    }));
  }
}
