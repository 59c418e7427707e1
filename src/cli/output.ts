// Writing results: stdout, or a file written atomically (temp file + rename) so that a
// failed or interrupted run never leaves a half-written output behind.

import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { WorkplanError } from "../model/errors.js";

/** Temporary files being written: removed if the process is interrupted. */
const unfinished = new Set<string>();
let handlersSet = false;

function removeUnfinished(): void {
  for (const f of unfinished) rmSync(f, { force: true });
  unfinished.clear();
}

/** On Ctrl-C or a kill, no temporary file is left behind (outputs are never half-written). */
function cleanUpOnSignals(): void {
  if (handlersSet) return;
  handlersSet = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      removeUnfinished();
      process.exit(code);
    });
  }
}

export async function writeAtomic(file: string, data: string): Promise<void> {
  cleanUpOnSignals();
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  unfinished.add(tmp);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
    unfinished.delete(tmp);
  } catch (e) {
    unfinished.delete(tmp);
    // The write's own failure is the one to report; the temp file may not even exist.
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new WorkplanError("writeFailed", `${file}: cannot write output (${(e as NodeJS.ErrnoException).code ?? "error"})`, { cause: e });
  }
}

export async function emit(data: string, out: string | undefined): Promise<void> {
  if (out && out !== "-") return writeAtomic(out, data);
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(data, (err) => (err ? reject(err) : resolve()));
  });
}
