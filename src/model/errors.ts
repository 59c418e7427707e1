// Failures a user can act on. Each kind has its own documented exit code (see README),
// so batch scripts can tell "fix the file" from "fix the command".

import type { Diagnosis } from "./document.js";

export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  unreadable: 3,
  invalidInput: 4,
  noTasks: 5,
  writeFailed: 6,
  /** A batch in which some files failed (the others were converted). */
  someFailed: 7,
  /** --strict: converted, but with warnings. */
  warnings: 8,
  /** The reader of stdout closed it (`| head`): the run stopped quietly (128 + SIGPIPE, as filters end). */
  closedPipe: 141,
  hangUp: 129,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCodeName = keyof typeof ExitCode;

/** The kinds of failure a single conversion can end in. */
export type FailureKind = "internal" | "usage" | "unreadable" | "invalidInput" | "noTasks" | "writeFailed" | "warnings";

export class WorkplanError extends Error {
  /** No tasks found: what the layouts saw, for `inspect` to show. */
  readonly diagnosis: Diagnosis | undefined;
  /** `inspect --draw` of a document that failed: its pages drawn, as SVG, by the process that read it. */
  readonly drawings: ReadonlyArray<{ page: number; svg: string }> | undefined;

  constructor(
    readonly kind: FailureKind,
    message: string,
    options?: { cause?: unknown; diagnosis?: Diagnosis; drawings?: ReadonlyArray<{ page: number; svg: string }> },
  ) {
    super(message, options);
    this.name = "WorkplanError";
    this.diagnosis = options?.diagnosis;
    this.drawings = options?.drawings;
  }

  get exitCode(): number {
    return ExitCode[this.kind];
  }
}
