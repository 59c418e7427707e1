// Batch inputs: files, folders (walked recursively) and globs, each with the path its
// output takes under the output folder (the tree below the folder or the glob's base is
// mirrored). A path that exists is taken as it is, whatever characters its name holds
// (a browser names a second download `附件1[1].docx`); only a path that does not exist
// is a glob. Symbolic links are not followed: a link in an archive may point out of it.
// What a folder walk leaves out is listed with the reason, never dropped unsaid.

import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { displayPath, joinPath, nameOf, pathKey, type FsPath } from "../sys/fsPath.js";

export interface Input {
  /** The file as shown (in messages, reports, a CSV's source column). */
  file: string;
  /** The file as the file system names it: `file`, or its bytes when its name is not UTF-8. */
  path: FsPath;
  /** Where its output goes, relative to the output folder (never above it), as shown. */
  rel: string;
  /** The same, as the file system will name it. */
  relPath: FsPath;
}

export interface Skipped {
  file: string;
  reason: string;
}

const given = (file: string, rel: string): Input => ({ file, path: file, rel, relPath: rel });

/** Extensions of the documents workplan reads; files without one are sniffed too. */
const READ = new Set([".txt", ".text", ".html", ".htm", ".docx", ".docm", ".doc", ".wps", ".rtf", ".odt", ".pdf", ".xlsx", ".xlsm", ".xls", ".et", ".ods", ".png", ".jpg", ".jpeg"]);

/** Document kinds a walk meets that workplan does not read, by extension, and why. */
const NOT_READ: Record<string, string> = {
  // Named on the command line a CSV is read; a walk leaves it out, as it may be an output.
  ".csv": "a spreadsheet export (CSV): a folder walk leaves it out (it may be workplan's own output); name the file to convert it",
  ".ppt": "a presentation: not a notice",
  ".pptx": "a presentation: not a notice",
  ".dps": "a presentation: not a notice",
  ".zip": "an archive: unpack it first",
  ".rar": "an archive: unpack it first",
  ".7z": "an archive: unpack it first",
  ".tif": "an image workplan does not read: save it as PNG or in a PDF (img2pdf makes one)",
  ".tiff": "an image workplan does not read: save it as PNG or in a PDF (img2pdf makes one)",
  ".gif": "an image workplan does not read: save it as PNG or in a PDF (img2pdf makes one)",
};

/** Why a walk leaves a file out, or null when it is converted. */
export function skipReason(name: string): string | null {
  // An owner file Word and WPS keep beside an open document (~$通知.docx): not a document.
  if (name.startsWith("~$")) return "a lock file of an open Word or WPS document";
  if (name.startsWith(".~lock.")) return "a lock file of an open LibreOffice document";
  const ext = path.extname(name).toLowerCase();
  if (ext === "" || READ.has(ext)) return null;
  return NOT_READ[ext] ?? `not a notice (${ext} files are not read)`;
}

/** A pattern, as opposed to a name: used only for paths that do not exist. */
export function isGlob(s: string): boolean {
  return /[*?[\]{}]/u.test(s);
}

/**
 * A folder's files, depth first in byte order of their names. Names are read as bytes:
 * a name that is not UTF-8 stays a distinct file (see sys/fsPath.ts).
 */
async function walk(dir: FsPath, rel: FsPath | null, out: Input[], skipped: Skipped[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, encoding: "buffer" });
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const e of entries) {
    const name = nameOf(e.name);
    const shown = displayPath(name);
    if (shown.startsWith(".") && !shown.startsWith(".~lock.")) continue; // hidden: not the user's documents
    const p = joinPath(dir, name);
    const r = rel == null ? name : joinPath(rel, name);
    if (e.isDirectory()) await walk(p, r, out, skipped);
    else if (e.isSymbolicLink()) skipped.push({ file: displayPath(p), reason: "a symbolic link (not followed)" });
    else if (e.isFile()) {
      const why = skipReason(shown);
      if (why) skipped.push({ file: displayPath(p), reason: why });
      else out.push({ file: displayPath(p), path: p, rel: displayPath(r), relPath: r });
    }
  }
}

/** A relative path that cannot climb out of the output folder. */
export function safeRel(rel: string, file: string): string {
  const norm = path.normalize(rel);
  return norm.startsWith("..") || path.isAbsolute(norm) || norm === "" ? path.basename(file) : norm;
}

async function exists(p: string): Promise<{ dir: boolean } | null> {
  try {
    const st = await lstat(p);
    return { dir: st.isDirectory() };
  } catch {
    return null;
  }
}

export async function expandInputs(args: string[]): Promise<{ inputs: Input[]; skipped: Skipped[] }> {
  const out: Input[] = [];
  const skipped: Skipped[] = [];
  for (const arg of args) {
    const found = await exists(arg);
    if (found?.dir) {
      await walk(arg, null, out, skipped);
      continue;
    }
    if (found || !isGlob(arg)) {
      // A file named on the command line is converted whatever its extension (its
      // content decides); a missing one is reported as unreadable by the conversion.
      out.push(given(arg, path.basename(arg)));
      continue;
    }
    const [{ glob }, { default: picomatch }] = await Promise.all([import("tinyglobby"), import("picomatch")]);
    const files = (await glob(arg, { onlyFiles: true, followSymbolicLinks: false, dot: false, expandDirectories: false })).sort();
    // The base is the part of the pattern before its first wildcard: `/data/*/附件/*.txt`
    // mirrors `2019/附件/notice.txt` under the output folder, not `notice.txt`.
    const base = picomatch.scan(arg).base || ".";
    for (const f of files) {
      const why = skipReason(path.basename(f));
      if (why && path.basename(f).startsWith("~$")) skipped.push({ file: f, reason: why });
      else out.push(given(f, safeRel(path.relative(base, f), f)));
    }
  }
  // The same file named twice is converted once.
  const seen = new Set<string>();
  const inputs = out.filter((i) => {
    const k = pathKey(i.path);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { inputs, skipped };
}
