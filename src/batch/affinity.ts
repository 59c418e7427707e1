// Which waiting file a free worker takes. Each worker is a V8 isolate that compiles the
// code it runs on its own, and a reader with its layout (PDF, Word, web page, text) is
// a few hundred functions to compile. Keeping a kind of file on the worker that took it
// first saves the other workers compiling the same code again: on the 500-document
// bench, two workers spent ~10 s of CPU instead of ~12–14 s.

import path from "node:path";

/** A file's kind for this purpose: its extension (a hint only; the worker sniffs the content). */
export function kindOf(file: string): string {
  return path.extname(file).toLowerCase();
}

/**
 * The index in `waiting` of the job worker `slot` takes: the oldest of a kind it owns,
 * else the oldest of a kind nobody owns (the caller records it as this worker's), else
 * the oldest of all, so that no worker idles while files wait. With one worker: the oldest.
 */
export function pick(waiting: ReadonlyArray<{ kind: string }>, owner: ReadonlyMap<string, number>, slot: number, workers: number): number {
  if (workers === 1) return 0;
  let fresh = -1;
  for (let i = 0; i < waiting.length; i++) {
    const o = owner.get(waiting[i]!.kind);
    if (o === slot) return i;
    if (o === undefined && fresh < 0) fresh = i;
  }
  return Math.max(fresh, 0);
}
