// Writing results: stdout, or a file written atomically (temp file + rename) so that a
// failed or interrupted run never leaves a half-written output behind.

import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { WorkplanError } from "../model/errors.js";

export async function writeAtomic(file: string, data: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
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
