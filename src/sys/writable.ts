// Whether a destination can be written, checked before the first conversion: a run that
// cannot write fails at once, not after converting everything.

import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { WorkplanError } from "../model/errors.js";
import { errnoOf, fsReason } from "./fsError.js";

export function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function makeWritable(dir: string): void {
  if (isFolder(dir)) {
    accessSync(dir, constants.W_OK);
    return;
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    // mkdir says EEXIST when a part of the path is a file: say what is wrong.
    if (errnoOf(e) === "EEXIST") throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    throw e;
  }
  accessSync(dir, constants.W_OK);
}

/** Makes `dir` (and its parents) and checks that files can be created in it. */
export function checkFolder(dir: string, what: string): void {
  try {
    makeWritable(dir);
  } catch (e) {
    throw new WorkplanError("writeFailed", `${dir}: cannot write ${what} here (${fsReason(e)})`, { cause: e });
  }
}

/** Checks that `file` can be written: its folder can be made and written in, it is not a folder, and it does not exist unless `force`. */
export function checkFile(file: string, what: string, force: boolean): void {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    if (errnoOf(e) !== "ENOENT") throw new WorkplanError("writeFailed", `${file}: cannot write ${what} (${fsReason(e)})`, { cause: e });
  }
  if (st?.isDirectory()) throw new WorkplanError("writeFailed", `${file}: is a folder; end it with / to write into it`);
  if (st && !force) throw new WorkplanError("writeFailed", `${file}: exists; use --force to overwrite it`);
  try {
    makeWritable(path.dirname(path.resolve(file)));
  } catch (e) {
    throw new WorkplanError("writeFailed", `${file}: cannot write ${what} (${fsReason(e)})`, { cause: e });
  }
}
