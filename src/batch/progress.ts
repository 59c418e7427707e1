// Batch progress on stderr: on a terminal, one line redrawn in place (files done, tasks,
// failures, rate, time left) that always fits the terminal's width — wider, it would wrap
// and every redraw would stack a new line; a plain line per file otherwise; nothing with
// --quiet. Failures are always reported. Interrupted, the line is cleared and a hint
// says how to finish.

import stringWidth from "string-width";
import { oneLine } from "../sys/printable.js";

export interface ProgressState {
  done: number;
  total: number;
  tasks: number;
  failed: number;
  seconds: number;
}

/** Columns a terminal shows when it does not say. */
const DEFAULT_COLUMNS = 80;

/** Cuts `s` to `width` terminal columns (a CJK character counts two). */
export function fitWidth(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (stringWidth(out + ch + "…") > width) break;
    out += ch;
  }
  return out + "…";
}

/** The progress line for `state`, at most `columns - 1` wide (the last column would wrap on some terminals). */
export function progressLine(state: ProgressState, columns: number): string {
  const width = Math.max(10, columns - 1);
  const rate = state.done / Math.max(state.seconds, 0.001);
  const left = rate > 0 ? Math.ceil((state.total - state.done) / rate) : 0;
  const counts = `${state.done}/${state.total} files, ${state.tasks} tasks, ${state.failed} failed`;
  const speed = `${rate.toFixed(1)} files/s, ${left} s left`;
  // The bar takes what the words leave, between 10 and 30 columns, or goes.
  const words = `${counts}, ${speed}`;
  const room = width - stringWidth(words) - 3;
  if (room >= 10) {
    const bar = Math.min(30, room);
    const fill = Math.round((bar * state.done) / Math.max(1, state.total));
    return `[${"#".repeat(fill)}${".".repeat(bar - fill)}] ${words}`;
  }
  return fitWidth(words, width);
}

export class Progress {
  private readonly t0 = Date.now();
  private files = 0;
  private tasks = 0;
  private failed = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly total: number,
    private readonly quiet: boolean,
  ) {}

  private clear(): void {
    if (this.tty && !this.quiet) process.stderr.write("\r\x1b[K");
  }

  done(file: string, status: "converted" | "failed" | "skipped", detail: string, tasks: number): void {
    this.files++;
    this.tasks += tasks;
    if (status === "failed") {
      this.failed++;
      this.clear();
      process.stderr.write(`workplan: ${oneLine(detail)}\n`);
    } else if (!this.quiet && !this.tty) process.stderr.write(`${status === "converted" ? "ok  " : "skip"} ${oneLine(file)} (${oneLine(detail)})\n`);
    if (this.tty && !this.quiet) this.draw();
  }

  private draw(): void {
    const state = { done: this.files, total: this.total, tasks: this.tasks, failed: this.failed, seconds: (Date.now() - this.t0) / 1000 };
    process.stderr.write(`\r\x1b[K${progressLine(state, process.stderr.columns || DEFAULT_COLUMNS)}`);
  }

  /** Ctrl-C or a kill: a clean line, what was done, and how to finish. */
  interrupted(hint: string): void {
    this.clear();
    process.stderr.write(`workplan: interrupted after ${this.files} of ${this.total} files; ${hint}\n`);
  }

  finish(converted: number, skipped: number, failed: number): void {
    this.clear();
    if (this.quiet) return;
    const secs = ((Date.now() - this.t0) / 1000).toFixed(1);
    process.stderr.write(`workplan: ${converted} converted, ${skipped} skipped, ${failed} failed of ${this.total} files; ${this.tasks} tasks in ${secs} s\n`);
  }
}
