// Writing results: stdout, or a file written atomically (a temporary file beside it, then
// a rename), so that a failed or interrupted run never leaves a half-written output. The
// temporary file is registered for clean-up (cleanup.ts) from before it exists until the
// rename. The writing itself is synchronous: a signal handler runs only between two
// turns of the event loop, so it can never meet a temporary file that an open in the
// thread pool is about to create after the handler removed it (that race left an empty
// .tmp behind about once in 25 kills). Only a kill -9 can leave one; --resume removes it.

import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WorkplanError } from "../model/errors.js";
import { track, untrack, type Resource } from "./cleanup.js";
import { fsReason } from "./fsError.js";
import { displayPath, joinPath, splitPath, type FsPath } from "./fsPath.js";

/** The name of a temporary file beside `file`: `.NAME.PID.HEX.tmp`, what --resume looks for. */
export function temporaryName(file: FsPath): FsPath {
  const { dir, base } = splitPath(file);
  const tail = `.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  return typeof base === "string" ? path.join(dir as string, `.${base}${tail}`) : joinPath(dir, Buffer.concat([Buffer.from("."), base, Buffer.from(tail)]));
}

/** Temporary names this program writes (see temporaryName): left behind only by a kill -9. */
export const TEMPORARY = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/u;

export async function writeAtomic(file: FsPath, data: string | Uint8Array): Promise<void> {
  writeAtomicSync(file, data);
}

export function writeAtomicSync(file: FsPath, data: string | Uint8Array): void {
  const tmp: Resource = { kind: "file", path: temporaryName(file) };
  track(tmp);
  try {
    mkdirSync(splitPath(tmp.path).dir, { recursive: true });
    writeFileSync(tmp.path, data);
    renameSync(tmp.path, file);
  } catch (e) {
    // The write's own failure is the one to report; the temp file may not even exist.
    try {
      rmSync(tmp.path, { force: true });
    } catch {
      // Reported below; the file could not be made in the first place.
    }
    throw new WorkplanError("writeFailed", `${displayPath(file)}: cannot write output (${fsReason(e)})`, { cause: e });
  } finally {
    untrack(tmp);
  }
}

/** Writes to stdout, resolving once the data is handed over (a closed pipe is handled in cli/exit.ts). */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    process.stdout.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

export async function emit(data: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out && out !== "-") return writeAtomic(out, data);
  await writeStdout(data);
}
