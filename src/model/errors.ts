// Failures a user can act on. Each kind has its own documented exit code (see README),
// so batch scripts can tell "fix the file" from "fix the command".

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
} as const;

export type ExitCodeName = keyof typeof ExitCode;

export class WorkplanError extends Error {
  constructor(
    readonly kind: Exclude<ExitCodeName, "ok" | "someFailed">,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WorkplanError";
  }

  get exitCode(): number {
    return ExitCode[this.kind];
  }
}
