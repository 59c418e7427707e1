// Batch inputs: files, folders (walked recursively) and globs, each with the path its
// output takes under the output folder (the tree below the folder or the glob's base
// is mirrored). Symbolic links are not followed: a link in an archive may point out of it.

import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

export interface Input {
  /** The file as given or found. */
  file: string;
  /** Where its output goes, relative to the output folder (never above it). */
  rel: string;
}

/** Files a folder walk picks up: notices by extension, or files without one (sniffed later). */
const NOTICE = /\.(?:txt|text|html?|docx|doc|pdf)$/iu;

export function isGlob(s: string): boolean {
  return /[*?[\]{}]/u.test(s);
}

async function walk(dir: string, base: string, out: Input[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, base, out);
    else if (e.isFile() && (NOTICE.test(e.name) || !path.extname(e.name))) out.push({ file: p, rel: path.relative(base, p) });
  }
}

/** A relative path that cannot climb out of the output folder. */
export function safeRel(rel: string, file: string): string {
  const norm = path.normalize(rel);
  return norm.startsWith("..") || path.isAbsolute(norm) || norm === "" ? path.basename(file) : norm;
}

export async function expandInputs(args: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (isGlob(arg)) {
      const { glob } = await import("tinyglobby");
      const files = (await glob(arg, { onlyFiles: true, followSymbolicLinks: false, dot: false, expandDirectories: false })).sort();
      const base = arg.split(/[\\/]/u).filter((part, i, all) => i < all.length - 1 && !isGlob(part));
      const root = base.length > 0 ? base.join("/") : ".";
      for (const f of files) out.push({ file: f, rel: safeRel(path.relative(root, f), f) });
      continue;
    }
    let st;
    try {
      st = await lstat(arg);
    } catch {
      out.push({ file: arg, rel: path.basename(arg) }); // reported as unreadable by the conversion
      continue;
    }
    if (st.isDirectory()) await walk(arg, arg, out);
    else out.push({ file: arg, rel: path.basename(arg) });
  }
  // The same file named twice is converted once.
  const seen = new Set<string>();
  return out.filter((i) => {
    const k = path.resolve(i.file);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
