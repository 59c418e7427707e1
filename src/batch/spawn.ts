// Starting a conversion process. A one-file run starts one as the very first thing it
// does (prestart), so that the child's start-up — a Node of its own, the converter's code
// — overlaps the CLI loading and reading its arguments; the pool takes that child if its
// limits are the ones asked for.

import { fork, type ChildProcess } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_MAX_MEMORY_MB, IN_PROCESS_MAX_BYTES } from "../model/limits.js";
import { track, type Resource } from "../sys/cleanup.js";

/**
 * How long a function runs in V8's baseline tiers before TurboFan optimizes it: 1 MiB
 * of bytecode budget instead of Node 20's 66 KiB. A batch makes many short-lived
 * callbacks (to map, filter, sort); each full GC drops their optimized code, and at the
 * default TurboFan compiled ~1200 functions on the 500-document bench, 60% of them
 * closures compiled again, ~4.6 s of CPU on V8's helper threads. At 1 MiB: ~300
 * compiles, ~1 s. It only changes when code is optimized, never what it computes.
 */
const INTERRUPT_BUDGET = "--interrupt-budget=1048576";

/**
 * The young generation's semi-space, in MB (V8 default 16 on 64-bit): smaller keeps a
 * converter's resident memory down at no measured cost in speed (scavenges of short-lived
 * cell and run objects are cheap either way).
 */
const SEMI_SPACE_MB = 8;

/** The child's environment: no extra CA certificates (it never opens a connection; loading them costs ~70 ms per start). */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env["NODE_EXTRA_CA_CERTS"];
  return env;
}

/** A started conversion process, and what it said before anyone listened (its "ready"). */
export interface Started {
  child: ChildProcess;
  memoryMb: number;
  self: Resource;
  early: unknown[];
  /** Stops keeping its messages (the pool listens from now on). */
  stopKeeping: () => void;
}

export function startWorker(memoryMb: number): Started {
  const child = fork(fileURLToPath(new URL("./worker.js", import.meta.url)), [], {
    execArgv: [`--max-old-space-size=${memoryMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, INTERRUPT_BUDGET],
    env: childEnv(),
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  const self: Resource = { kind: "process", pid: child.pid ?? 0 };
  if (child.pid) track(self); // killed on exit, whether or not a pool ever takes it
  const early: unknown[] = [];
  const keep = (m: unknown) => early.push(m);
  child.on("message", keep);
  return { child, memoryMb, self, early, stopKeeping: () => child.off("message", keep) };
}

let spare: Started | null = null;

/** Options of convert and inspect that take a value: their value is not an input. */
const VALUED = new Set(["-f", "--format", "-o", "--output", "-j", "--jobs", "--report", "--timeout", "--max-size", "--max-memory", "--pages", "--password", "--ocr", "--ocr-lang", "--ocr-engine", "--lang", "--rows", "--layout", "--encoding", "--aliases"]);

/** The one input of a command line, or null when it names none or several (a batch). */
function onlyInput(argv: string[]): string | null {
  const inputs: string[] = [];
  for (let i = 3; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUED.has(a)) i++;
    else if (!a.startsWith("-") || a === "-") inputs.push(a);
  }
  return inputs.length === 1 ? inputs[0]! : null;
}

/**
 * Starts the child a one-file `convert` or `inspect` will need, before the CLI is even
 * loaded (bin/workplan.js) — not for a small text or web page, which converts in the
 * process itself (IN_PROCESS_MAX_BYTES). `--max-memory` is read naively here; the pool
 * checks it and starts another child if it differs.
 */
export function prestart(argv: string[]): void {
  if (spare || !["convert", "inspect"].includes(argv[2] ?? "") || argv.includes("--help") || argv.includes("-h")) return;
  const input = onlyInput(argv);
  if (input == null || input === "-") return;
  const limited = argv.includes("--timeout") || argv.includes("--max-memory");
  let size;
  try {
    size = statSync(input, { throwIfNoEntry: false });
  } catch {
    return; // ENOTDIR, EACCES…: the CLI reads the path again and says what is wrong
  }
  if (!size?.isFile()) return; // a folder, a glob, a missing file: the CLI decides
  if (!limited && size.size <= IN_PROCESS_MAX_BYTES && /\.(?:txt|text|html?|md)$/iu.test(input)) return;
  const at = argv.indexOf("--max-memory");
  const asked = at > 0 ? Number(argv[at + 1]) : DEFAULT_MAX_MEMORY_MB;
  if (!Number.isFinite(asked) || asked <= 0) return;
  spare = startWorker(Math.max(64, Math.round(asked)));
  // Until a pool takes it, the spare keeps nothing alive: a run that fails before (a usage
  // error, a refused input) ends at once, and its exit kills the spare (sys/cleanup.ts).
  holdOpen(spare.child, false);
}

/** Whether a child, its channel and its stderr pipe keep this process's event loop alive. */
function holdOpen(child: ChildProcess, hold: boolean): void {
  const handles = [child, child.channel, child.stderr] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
  for (const h of handles) (hold ? h?.ref : h?.unref)?.call(h);
}

/** The prestarted child, if its memory limit is `memoryMb` (else it is stopped). */
export function takeSpare(memoryMb: number): Started | null {
  const s = spare;
  spare = null;
  if (!s) return null;
  holdOpen(s.child, true);
  if (s.memoryMb === memoryMb && s.child.exitCode == null) {
    s.stopKeeping();
    return s;
  }
  s.child.kill("SIGKILL");
  return null;
}
