// Legacy .doc (Word 97–2003, and most WPS attachments) is a binary format, not XML:
// LibreOffice converts it to .docx in a private temporary folder, and the DOCX reader
// goes on from there. Without LibreOffice the error says how to make it work.

import { execFile } from "node:child_process";
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WorkplanError } from "../../model/errors.js";
import { readDocx } from "../docx/reader.js";
import type { ReadOutcome } from "../text/reader.js";

const HOW = "install LibreOffice (e.g. apt-get install libreoffice-writer-nogui) or save the file as .docx";

/** `WORKPLAN_SOFFICE` if set, else soffice or libreoffice on the PATH. */
async function findSoffice(): Promise<string | null> {
  const explicit = process.env["WORKPLAN_SOFFICE"];
  if (explicit) return (await access(explicit).then(() => true, () => false)) ? explicit : null;
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of ["soffice", "libreoffice"]) {
      const p = path.join(dir, name);
      if (await access(p).then(() => true, () => false)) return p;
    }
  }
  return null;
}

export async function readDoc(bytes: Uint8Array, file: string): Promise<ReadOutcome> {
  const soffice = await findSoffice();
  if (!soffice) throw new WorkplanError("invalidInput", `${file}: a legacy .doc file needs LibreOffice to be converted; ${HOW}`);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "workplan-doc-"));
  try {
    const input = path.join(tmp, "notice.doc");
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(path.join(tmp, "profile")).href}`, "--headless", "--norestore", "--convert-to", "docx", "--outdir", tmp, input],
        { timeout: 120_000, env: { ...process.env, HOME: tmp } },
        (err) => (err ? reject(err) : resolve()),
      );
    }).catch((e: unknown) => {
      throw new WorkplanError("invalidInput", `${file}: LibreOffice could not convert this .doc (${e instanceof Error ? e.message.split("\n")[0] : "failed"})`, { cause: e });
    });
    let docx: Buffer;
    try {
      docx = await readFile(path.join(tmp, "notice.docx"));
    } catch {
      throw new WorkplanError("invalidInput", `${file}: LibreOffice could not convert this .doc (corrupt or not a Word file)`);
    }
    return await readDocx(new Uint8Array(docx), file);
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}
