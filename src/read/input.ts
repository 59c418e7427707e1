// The bytes of one input: a file, standard input ("-"), or a pipe or device named like a
// file (/dev/stdin, a process substitution), whose size is not known before it is read.
// Every read is bounded by --max-size.

import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { WorkplanError } from "../model/errors.js";
import { errnoOf, fsReason } from "../sys/fsError.js";
import { displayPath, type FsPath } from "../sys/fsPath.js";

/** How a user names standard input. */
export const STDIN = "-";

/** Names of standard input itself: a pipe from a parent may be a socket, which cannot be opened by name. */
const STDIN_NAMES = new Set(["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

/** Whether `file` names standard input ("-", /dev/stdin). */
export function isStdin(file: string): boolean {
  return file === STDIN || STDIN_NAMES.has(file);
}

function tooLarge(name: string, size: number, maxSize: number): WorkplanError {
  // As --max-size takes it: MB, with the decimals a limit such as 0.5 needs.
  const mb = (n: number) => `${Number((n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1))} MB`;
  return new WorkplanError("invalidInput", `${name}: too large (${mb(size)}; the limit is ${mb(maxSize)}, see --max-size)`);
}

/** Reads a stream (a pipe, standard input, a device) up to `maxSize` bytes: its size is not known before. */
function readStream(fd: number, name: string, maxSize: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if (errnoOf(e) === "EAGAIN") continue; // a non-blocking pipe with nothing yet
      if (errnoOf(e) === "EOF") break;
      throw new WorkplanError("unreadable", `${name}: cannot be read (${fsReason(e)})`, { cause: e });
    }
    if (n === 0) break;
    total += n;
    if (total > maxSize) throw tooLarge(name, total, maxSize); // the size read so far: the rest is not read
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Synchronous on purpose: the thread that reads a file converts it and has nothing else
 * to do meanwhile (a worker, or the CLI with one file), and the promise API costs five
 * hand-offs to the thread pool and back per file.
 */
/** `name`: how the file is shown in messages (its path as given, or decoded from bytes). */
export function readInput(file: FsPath, maxSize: number, name: string = displayPath(file)): Uint8Array {
  if (typeof file === "string" && isStdin(file)) return readStream(0, file === STDIN ? "stdin" : file, maxSize);
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw new WorkplanError("unreadable", `${name}: ${errnoOf(e) === "ENOENT" ? "no such file" : fsReason(e)}`, { cause: e });
  }
  if (st.isDirectory()) throw new WorkplanError("unreadable", `${name}: is a folder, not a file`);
  if (!st.isFile()) {
    // A pipe or a device (/dev/stdin, a process substitution): read it as a stream.
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch (e) {
      throw new WorkplanError("unreadable", `${name}: cannot be read (${fsReason(e)})`, { cause: e });
    }
    try {
      return readStream(fd, name, maxSize);
    } finally {
      closeSync(fd);
    }
  }
  if (st.size === 0) throw new WorkplanError("invalidInput", `${name}: empty file`);
  if (st.size > maxSize) throw tooLarge(name, st.size, maxSize);
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new WorkplanError("unreadable", `${name}: cannot be read (${fsReason(e)})`, { cause: e });
  }
}


/** Standard input, whole (up to `maxSize`). */
export function readStdin(maxSize: number): Uint8Array {
  return readStream(0, "stdin", maxSize);
}
