// File names as the file system has them. Most are UTF-8 and Node reads them as strings;
// a name that is not (a GBK name from a zip unpacked on Linux, a byte sequence from an old
// archive) would become U+FFFD — "no such file", and two such names one input. Such a
// name is kept as its bytes (a Buffer, which every fs call takes) and shown decoded as
// well as it can be: as GB18030 when it reads as such, else with U+FFFD for bad bytes.

import path from "node:path";

export type FsPath = string | Buffer;

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const GB18030 = new TextDecoder("gb18030", { fatal: true });
const LOSSY = new TextDecoder("utf-8");

/** A name as read from a folder (bytes): a string when it is UTF-8, else its bytes. */
export function nameOf(bytes: Buffer): FsPath {
  try {
    return UTF8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** How a path is shown in messages, reports and outputs' `source`. */
export function displayPath(p: FsPath): string {
  if (typeof p === "string") return p;
  try {
    return GB18030.decode(p);
  } catch {
    return LOSSY.decode(p);
  }
}

const SLASH = 0x2f;

/** `a` and `b` joined with a slash (bytes when either is). */
export function joinPath(a: FsPath, b: FsPath): FsPath {
  if (typeof a === "string" && typeof b === "string") return path.join(a, b);
  const x = typeof a === "string" ? Buffer.from(a) : a;
  const y = typeof b === "string" ? Buffer.from(b) : b;
  return Buffer.concat([x, x[x.length - 1] === SLASH ? Buffer.alloc(0) : Buffer.from("/"), y]);
}

/** `p` with `suffix` added to its last name. */
export function withSuffix(p: FsPath, suffix: string): FsPath {
  return typeof p === "string" ? p + suffix : Buffer.concat([p, Buffer.from(suffix)]);
}

/** The folder and the last name of `p`. */
export function splitPath(p: FsPath): { dir: FsPath; base: FsPath } {
  if (typeof p === "string") return { dir: path.dirname(path.resolve(p)), base: path.basename(p) };
  const at = p.lastIndexOf(SLASH);
  return at < 0 ? { dir: path.resolve("."), base: p } : { dir: at === 0 ? "/" : p.subarray(0, at), base: p.subarray(at + 1) };
}

/** A key that tells two paths apart exactly (latin1 maps bytes one to one). */
export function pathKey(p: FsPath): string {
  return typeof p === "string" ? `s:${path.resolve(p)}` : `b:${path.resolve(p.toString("latin1"))}`;
}
