// External programs workplan may call (LibreOffice, Tesseract): found the same way,
// an environment variable naming the program first, else the PATH.

import { accessSync, constants } from "node:fs";
import path from "node:path";

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The program `env` names if set (null when that is not executable), else the first of `names` on the PATH. */
export function findProgram(env: string, names: readonly string[]): string | null {
  const explicit = process.env[env];
  if (explicit) return executable(explicit) ? explicit : null;
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const p = path.join(dir, name);
      if (executable(p)) return p;
    }
  }
  return null;
}
