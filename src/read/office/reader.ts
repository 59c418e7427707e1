// Word formats that are not OOXML — legacy .doc (Word 97–2003, most WPS attachments),
// RTF and OpenDocument text — are converted to .docx by LibreOffice in a private
// temporary folder, and the DOCX reader goes on from there. Without LibreOffice the
// error says how to make it work.
//
// LibreOffice runs in a process group of its own (soffice starts soffice.bin, which
// outlives a killed soffice): a time-out, an interrupt or a closed pipe kills the whole
// group and removes the folder (src/sys/cleanup.ts), whichever process ends the run.
//
// And without network: a .doc can hold INCLUDEPICTURE "http://…" fields, which
// LibreOffice fetches while it converts. It runs in a network namespace of its own
// (`unshare -n`, or `unshare -rn` for a user without the privilege), which has no
// interface to fetch through; where namespaces are not available, its proxy is a closed
// port on this machine, so a remote link fails at once and nothing leaves it.

import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WorkplanError } from "../../model/errors.js";
import { killGroup, track, untrack, type Resource } from "../../sys/cleanup.js";
import { findProgram } from "../../sys/programs.js";
import { readDocx } from "../docx/reader.js";
import type { Source } from "../../model/source.js";

/** Longest a conversion may take, in milliseconds; a batch's --timeout stops it sooner. */
const OFFICE_TIMEOUT_MS = 120_000;

export type OfficeFormat = "doc" | "rtf" | "odt" | "xls" | "ods";

const WHAT: Record<OfficeFormat, string> = { doc: "a legacy .doc file", rtf: "an RTF file", odt: "an OpenDocument text (.odt)", xls: "a legacy .xls (or WPS .et) workbook", ods: "an OpenDocument spreadsheet (.ods)" };
/** Spreadsheets become .xlsx, text documents .docx: each then goes to its OOXML reader. */
const SHEETS: ReadonlySet<OfficeFormat> = new Set(["xls", "ods"]);
const HOW = "install LibreOffice (e.g. apt-get install libreoffice-writer-nogui) or save the file as .docx";

/** `WORKPLAN_SOFFICE` if set, else soffice or libreoffice on the PATH. */
export function findSoffice(): string | null {
  return findProgram("WORKPLAN_SOFFICE", ["soffice", "libreoffice"]);
}

/** A port nothing listens on (discard, unassigned on any ordinary machine): the proxy of last resort. */
const CLOSED_PROXY = "http://127.0.0.1:9";

let isolation: string[] | null | undefined;

/** How to start a program without network: `unshare -n` (or -rn), found once; null where neither works. */
function withoutNetwork(): string[] | null {
  if (isolation !== undefined) return isolation;
  isolation = null;
  for (const args of [["-n"], ["-rn"]]) {
    const probe = spawnSync("unshare", [...args, "true"], { stdio: "ignore", timeout: 5000 });
    if (probe.status === 0) {
      isolation = ["unshare", ...args];
      break;
    }
  }
  return isolation;
}

/** Runs LibreOffice on `input` in `dir`; resolves when it exits, rejects on failure or time-out. */
function runOffice(soffice: string, dir: string, input: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [`-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", to, "--outdir", dir, input];
    const jail = withoutNetwork();
    const [command, ...rest] = jail ? [...jail, soffice, ...args] : [soffice, ...args];
    const proxy = { http_proxy: CLOSED_PROXY, https_proxy: CLOSED_PROXY, ftp_proxy: CLOSED_PROXY, all_proxy: CLOSED_PROXY, no_proxy: "" };
    const child = spawn(command!, rest, {
      detached: true, // a group of its own, so that soffice.bin can be killed with it
      stdio: "ignore",
      env: { ...process.env, ...proxy, HOME: dir },
    });
    const group: Resource | null = child.pid != null ? { kind: "group", pid: child.pid } : null;
    if (group) track(group);
    const timer = setTimeout(() => {
      if (group) killGroup(group.pid);
      reject(new Error(`no answer after ${OFFICE_TIMEOUT_MS / 1000} s`));
    }, OFFICE_TIMEOUT_MS);
    const done = (err: Error | null) => {
      clearTimeout(timer);
      if (group) {
        killGroup(group.pid); // anything it left running
        untrack(group);
      }
      if (err) reject(err);
      else resolve();
    };
    child.once("error", (e) => done(e));
    child.once("exit", (code, signal) => done(code === 0 ? null : new Error(signal ? `killed by ${signal}` : `exit code ${code}`)));
  });
}

export async function readOffice(bytes: Uint8Array, file: string, format: OfficeFormat): Promise<Source> {
  const soffice = findSoffice();
  if (!soffice) throw new WorkplanError("invalidInput", `${file}: ${WHAT[format]} needs LibreOffice to be converted; ${HOW}`);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "workplan-office-"));
  const folder: Resource = { kind: "dir", path: tmp };
  track(folder);
  try {
    const input = path.join(tmp, `notice.${format}`);
    await writeFile(input, bytes);
    const sheet = SHEETS.has(format);
    const to = sheet ? "xlsx" : "docx";
    await runOffice(soffice, tmp, input, sheet ? "xlsx:Calc MS Excel 2007 XML" : "docx").catch((e: unknown) => {
      throw new WorkplanError("invalidInput", `${file}: LibreOffice could not convert ${WHAT[format]} (${e instanceof Error ? e.message.split("\n")[0] : "failed"})`, { cause: e });
    });
    let out: Buffer;
    try {
      out = await readFile(path.join(tmp, `notice.${to}`));
    } catch {
      throw new WorkplanError("invalidInput", `${file}: LibreOffice could not convert ${WHAT[format]} (corrupt, or not a ${sheet ? "spreadsheet" : "text document"})`);
    }
    if (sheet) {
      const { readXlsx } = await import("../xlsx/reader.js");
      return await readXlsx(new Uint8Array(out), file);
    }
    return await readDocx(new Uint8Array(out), file);
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    untrack(folder);
  }
}
