// Batch progress on stderr: a bar redrawn in place on a terminal (files done, tasks,
// failures, rate, time left), a plain line per file otherwise, nothing with --quiet.
// Failures are always reported.

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

  done(file: string, status: "converted" | "failed" | "skipped", detail: string, tasks: number): void {
    this.files++;
    this.tasks += tasks;
    if (status === "failed") this.failed++;
    if (status === "failed") {
      if (this.tty && !this.quiet) process.stderr.write("\r\x1b[K");
      process.stderr.write(`workplan: ${detail}\n`);
    } else if (!this.quiet && !this.tty) process.stderr.write(`${status === "converted" ? "ok  " : "skip"} ${file} (${detail})\n`);
    if (this.tty && !this.quiet) this.draw();
  }

  private draw(): void {
    const secs = (Date.now() - this.t0) / 1000;
    const rate = this.files / Math.max(secs, 0.001);
    const left = rate > 0 ? (this.total - this.files) / rate : 0;
    const width = 24;
    const fill = Math.round((width * this.files) / this.total);
    const bar = "#".repeat(fill) + ".".repeat(width - fill);
    process.stderr.write(`\r\x1b[K[${bar}] ${this.files}/${this.total} files, ${this.tasks} tasks, ${this.failed} failed, ${rate.toFixed(1)} files/s, ${Math.ceil(left)} s left`);
  }

  finish(converted: number, skipped: number, failed: number): void {
    if (this.tty && !this.quiet) process.stderr.write("\r\x1b[K");
    if (this.quiet) return;
    const secs = ((Date.now() - this.t0) / 1000).toFixed(1);
    process.stderr.write(`workplan: ${converted} converted, ${skipped} skipped, ${failed} failed of ${this.total} files; ${this.tasks} tasks in ${secs} s\n`);
  }
}
