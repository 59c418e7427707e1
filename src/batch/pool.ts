// Child processes that convert files, for one file as for a batch: the same limits in
// both, and a file that crashes its converter — a V8 heap abort, a WebAssembly trap,
// memory outside the heap — kills only its own process, never the run (worker threads
// share the process's fate: one .docx aborting on its heap took a whole batch down).
// Each child has a heap cap, is killed when its resident memory passes the memory limit
// or its file the time limit, and is replaced; what it left running (LibreOffice) or on
// disk is cleaned up by this process, which it tells of everything it starts.

import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { ExitCode, type FailureKind } from "../model/errors.js";
import { DEFAULT_MAX_MEMORY_MB } from "../model/limits.js";
import type { ConvertOptions } from "../pipeline.js";
import type { Plan } from "../schema/plan.js";
import type { Render } from "../export/render.js";
import { apply, releaseEach, untrack, type Change, type Resource } from "../sys/cleanup.js";
import type { FsPath } from "../sys/fsPath.js";
import { kindOf, pick } from "./affinity.js";
import { startWorker, takeSpare } from "./spawn.js";

export interface Summary {
  format: string;
  layout: string;
  tasks: number;
  warnings: number;
  /** How many warnings of each code, in order of first appearance. */
  kinds: Record<string, number>;
}


/** A converted file: its plan (when asked for `{ as: "plan" }`) or its output text. */
export type Outcome =
  | { ok: true; plan?: Plan; text?: string; summary: Summary; pages: number; ms: number }
  | { ok: false; error: { kind: FailureKind; message: string; exitCode: number; report?: string; drawings?: Array<{ page: number; svg: string }> }; ms: number };

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

/** One file to convert: a path, or bytes already read (standard input) with the name they go by. */
export interface Job {
  /** The file as shown in messages. */
  file: string;
  /** The file as the file system names it, when that is not `file` (a name that is not UTF-8). */
  path?: FsPath;
  bytes?: Uint8Array;
}

export interface Limits {
  /** Seconds a file may take before its process is stopped (0: no limit). */
  timeoutS: number;
  /** Memory one conversion may use, in MB: the child's V8 heap cap, and the resident size past which it is killed. */
  memoryMb: number;
}

/** How often the resident memory of busy children is read, in milliseconds. */
const WATCH_MS = 100;

/**
 * Resident memory allowed above the heap cap, as a share of the limit: PDFium's
 * WebAssembly memory, zlib's buffers and the process itself live outside the V8 heap.
 */
const NATIVE_SHARE = 0.5;

/** Resident memory of a process in MB, from /proc (Linux); null where that cannot be read. */
function residentMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/u.exec(readFileSync(`/proc/${pid}/status`, "latin1"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface Slot {
  child: ChildProcess;
  busy: boolean;
  ready: boolean;
  /** What the child has running or on disk that must not outlive it (forwarded from sys/cleanup). */
  held: Map<string, Resource>;
  /** The end of its stderr: V8 says there why it aborted. */
  stderr: string;
  /** Why this process stopped the child, when it did. */
  stopped: string | null;
  self: Resource;
}

interface Waiting {
  job: Job;
  kind: string;
  opts: ConvertOptions;
  how: Render;
  resolve: (o: Outcome) => void;
}

const failure = (file: string, why: string, ms = 0): Outcome => ({ ok: false, error: { kind: "invalidInput", message: `${file}: ${why}`, exitCode: ExitCode.invalidInput }, ms });

export class Pool {
  private readonly workers: Slot[] = [];
  private waiting: Waiting[] = [];
  /** Which worker took each kind of file first (see affinity.ts). */
  private readonly owner = new Map<string, number>();
  private readonly inflight = new Map<number, { file: string; resolve: (o: Outcome) => void; slot: number; timer: NodeJS.Timeout | null; started: number }>();
  private nextId = 1;
  private closing = false;
  private readonly watch: NodeJS.Timeout;
  private readonly limits: Limits;

  constructor(size: number, limits: Partial<Limits> = {}) {
    this.limits = { timeoutS: limits.timeoutS ?? 0, memoryMb: limits.memoryMb ?? DEFAULT_MAX_MEMORY_MB };
    for (let i = 0; i < size; i++) this.workers.push(this.spawn(i));
    this.watch = setInterval(() => this.checkMemory(), WATCH_MS);
    this.watch.unref();
  }

  private spawn(slot: number): Slot {
    // The first child may have been started before the CLI loaded (spawn.ts prestart).
    const started = (slot === 0 && this.workers.length === 0 ? takeSpare(this.limits.memoryMb) : null) ?? startWorker(this.limits.memoryMb);
    const { child, self } = started;
    started.stopKeeping();
    const me: Slot = { child, busy: false, ready: false, held: new Map(), stderr: "", stopped: null, self };
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (d: string) => {
      me.stderr = (me.stderr + d).slice(-4096);
    });
    const onMessage = (m: { id: number; outcome: Outcome } | { ready: true } | { cleanup: Change }) => {
      if ("cleanup" in m) {
        // Mirrored here, so that this process can clean up after a child it stops.
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
    };
    child.on("message", onMessage);
    // What a prestarted child said before the pool listened (its "ready").
    for (const m of started.early.splice(0)) onMessage(m as Parameters<typeof onMessage>[0]);
    child.on("error", () => undefined); // a failed send to a dying child: its exit says what happened
    child.on("exit", (code, signal) => {
      untrack(self);
      this.releaseHeld(me);
      if (this.closing || this.workers[slot] !== me) return;
      const why =
        me.stopped ??
        (/heap out of memory|Reached heap limit|Allocation failed/u.test(me.stderr)
          ? `out of memory (its heap passed ${this.limits.memoryMb} MB; see --max-memory)`
          : `the converter stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`);
      for (const [id, job] of this.inflight) {
        if (job.slot !== slot) continue;
        this.inflight.delete(id);
        if (job.timer) clearTimeout(job.timer);
        job.resolve(failure(job.file, why, performance.now() - job.started));
      }
      this.workers[slot] = this.spawn(slot);
      this.pump();
    });
    return me;
  }

  /** Kills a child for a reason of ours; its exit then fails its file with that reason. */
  private stop(slot: Slot, why: string): void {
    slot.stopped = why;
    slot.child.kill("SIGKILL");
  }

  /** Busy children over the memory limit are stopped (the heap cap does not see native memory). */
  private checkMemory(): void {
    const cap = this.limits.memoryMb * (1 + NATIVE_SHARE);
    for (const w of this.workers) {
      if (!w.busy || w.stopped || !w.child.pid) continue;
      const mb = residentMb(w.child.pid);
      if (mb != null && mb > cap) this.stop(w, `out of memory (over ${Math.round(cap)} MB resident; see --max-memory)`);
    }
  }

  /** Kills what a stopped child left running and removes what it left on disk. */
  private releaseHeld(slot: Slot): void {
    releaseEach([...slot.held.values()]);
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
      const { timeoutS } = this.limits;
      const timer = timeoutS > 0 ? setTimeout(() => this.stop(w, `timed out after ${timeoutS} s (see --timeout)`), timeoutS * 1000) : null;
      this.inflight.set(id, { file, resolve: next.resolve, slot, timer, started: performance.now() });
      w.child.send({ id, file, path: next.job.path, bytes: next.job.bytes, opts: next.opts, how: next.how });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watch);
    await Promise.all(
      this.workers.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.child.exitCode != null || s.child.signalCode != null) return resolve();
            s.child.once("exit", () => resolve());
            s.child.kill("SIGKILL");
          }),
      ),
    );
  }
}
