// Where output goes, by one rule for one document and for a batch (see `convert --help`):
// no -o, or -o -, is stdout; a path ending in / or naming an existing folder is a folder
// (one output per document, named after the input with its extension kept); any other
// path is a file.

import path from "node:path";
import { isFolder } from "../sys/writable.js";

export type Target = { kind: "stdout" } | { kind: "file"; path: string } | { kind: "folder"; path: string };

export function targetOf(output: string | undefined): Target {
  if (output == null || output === "-") return { kind: "stdout" };
  if (output.endsWith("/") || output.endsWith(path.sep) || isFolder(output)) return { kind: "folder", path: output };
  return { kind: "file", path: output };
}

