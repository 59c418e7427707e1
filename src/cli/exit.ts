// How a run ends when it is not allowed to finish: Ctrl-C, a kill, a hang-up, or the
// reader of stdout going away (`workplan … | head`). Each ends quietly with its own
// documented exit code, after removing what must not outlive the run (temporary files,
// LibreOffice's folders and processes: src/sys/cleanup.ts).

import { ExitCode } from "../model/errors.js";
import { releaseAll } from "../sys/cleanup.js";
import { errnoOf } from "../sys/fsError.js";

/** What an interrupt says before the run ends (the batch's hint to use --resume). */
const lastWords: Array<(signal: NodeJS.Signals) => void> = [];

export function onInterrupt(say: (signal: NodeJS.Signals) => void): () => void {
  lastWords.push(say);
  return () => {
    const i = lastWords.indexOf(say);
    if (i >= 0) lastWords.splice(i, 1);
  };
}

let installed = false;

export function installExitHandling(): void {
  if (installed) return;
  installed = true;
  const signals: Array<[NodeJS.Signals, number]> = [["SIGINT", ExitCode.interrupted], ["SIGTERM", ExitCode.terminated], ["SIGHUP", ExitCode.hangUp]];
  for (const [signal, code] of signals) {
    process.once(signal, () => {
      for (const say of lastWords) {
        try {
          say(signal);
        } catch {
          // Saying goodbye must not stop the clean-up.
        }
      }
      releaseAll();
      process.exit(code);
    });
  }
  process.on("exit", releaseAll);
  // The reader of stdout stopped (| head): nothing more is wanted, so stop, as filters do.
  process.stdout.on("error", (e) => {
    if (errnoOf(e) === "EPIPE" || errnoOf(e) === "ERR_STREAM_DESTROYED") {
      releaseAll();
      process.exit(ExitCode.closedPipe);
    }
    throw e;
  });
  // stderr gone too: there is nowhere left to report anything.
  process.stderr.on("error", () => undefined);
}
