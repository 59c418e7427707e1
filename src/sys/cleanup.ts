// What must not outlive a run: temporary files of outputs being written, the private
// folders LibreOffice converts in, and LibreOffice's process groups. Each is registered
// while it exists; on an interrupt, a kill, a closed pipe or a time-out, whoever ends the
// run removes them all. A worker forwards its registrations to the process that started
// it (setForwarder), because a worker stopped from outside runs no code of its own.

import { rmSync } from "node:fs";

export type Resource = { kind: "file" | "dir"; path: string | Buffer } | { kind: "group" | "process"; pid: number };

export type Change = { op: "add" | "remove"; resource: Resource };

const live = new Map<string, Resource>();

/** Tries, and ms added per try, at removing a folder that its killed processes still write into (ENOTEMPTY, EBUSY). */
const RM_RETRIES = 5;
const RM_RETRY_MS = 50;
let forward: ((c: Change) => void) | null = null;

const keyOf = (r: Resource) => ("pid" in r ? `${r.kind}:${r.pid}` : `${r.kind}:${typeof r.path === "string" ? r.path : r.path.toString("latin1")}`);

/** In a worker: send every change to the parent as well, so that it can clean up after us. */
export function setForwarder(f: ((c: Change) => void) | null): void {
  forward = f;
}

export function track(r: Resource): void {
  live.set(keyOf(r), r);
  forward?.({ op: "add", resource: r });
}

export function untrack(r: Resource): void {
  live.delete(keyOf(r));
  forward?.({ op: "remove", resource: r });
}

/** Applies a change a worker forwarded (the parent's side of setForwarder). */
export function apply(c: Change): void {
  if (c.op === "add") live.set(keyOf(c.resource), c.resource);
  else live.delete(keyOf(c.resource));
}

/** Kills a process group and everything in it; a group that is gone already is fine. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: nothing left to kill.
  }
}

/** Undoes one resource now, synchronously. */
export function release(r: Resource): void {
  live.delete(keyOf(r));
  // A folder's processes, just killed, may still write into it for a moment (a busy
  // machine delivers SIGKILL late): the removal is tried again, 50 ms longer each time.
  if (!("pid" in r)) rmSync(r.path, { recursive: r.kind === "dir", force: true, maxRetries: RM_RETRIES, retryDelay: RM_RETRY_MS });
  else if (r.kind === "group") killGroup(r.pid);
  else {
    try {
      process.kill(r.pid, "SIGKILL");
    } catch {
      // Exited already.
    }
  }
}

/**
 * Undoes these resources: processes first, then the files they held — a folder removed
 * while its LibreOffice still runs is written again (its profile) before the kill.
 */
export function releaseEach(all: readonly Resource[]): void {
  for (const r of all) if (r.kind === "group" || r.kind === "process") release(r);
  for (const r of all) if (r.kind === "file" || r.kind === "dir") {
    try {
      release(r);
    } catch {
      // Nothing more can be done at exit; the next --resume removes leftover temporaries.
    }
  }
}

/** Undoes everything still registered. */
export function releaseAll(): void {
  releaseEach([...live.values()]);
}

/** The resources registered now (for tests and for a worker's death). */
export function registered(): Resource[] {
  return [...live.values()];
}
