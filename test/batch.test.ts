// Batches: many files, some bad, in parallel; ordered, resumable, never half-written.
import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, norm, ROOT, run } from "./helpers.js";

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wp-batch-"));
  mkdirSync(path.join(dir, "2019"));
  mkdirSync(path.join(dir, "2020"));
  copyFileSync(path.join(ROOT, "fixtures/seeds/000_992a28b6471132da.txt"), path.join(dir, "2019/000.txt"));
  copyFileSync(path.join(ROOT, "fixtures/html/003_ef27fd673396f65e.html"), path.join(dir, "2020/003.html"));
  copyFileSync(path.join(ROOT, "fixtures/pdf/004_091f97d7362963d8.pdf"), path.join(dir, "2019/004.pdf"));
  copyFileSync(path.join(ROOT, "fixtures/docx/002_4354457bd10285a1.docx"), path.join(dir, "2020/002.docx"));
  // A PDF with no extension, told by its content.
  copyFileSync(path.join(ROOT, "fixtures/pdf/000_992a28b6471132da.pdf"), path.join(dir, "2019/scan0001"));
  const pdf = readFileSync(path.join(ROOT, "fixtures/pdf/001_29682c494441ef65.pdf"));
  writeFileSync(path.join(dir, "2020/corrupt.pdf"), pdf.subarray(0, 2000));
  writeFileSync(path.join(dir, "2020/empty.txt"), "");
  writeFileSync(path.join(dir, "2020/locked.txt"), "x");
  chmodSync(path.join(dir, "2020/locked.txt"), 0o000);
  return dir;
}

const gold = (name: string) => (JSON.parse(readFileSync(path.join(ROOT, "fixtures/gold", `${name}.json`), "utf8")) as { tasks: Array<{ text: string }> }).tasks.map((t) => norm(t.text));

describe("batch", () => {
  it("converts the good files of a folder, reports the bad ones, exits 7", () => {
    const dir = folder();
    const out = path.join(dir, "..", `${path.basename(dir)}-out`);
    const report = path.join(out, "report.json");
    const r = run(["convert", dir, "-o", `${out}/`, "--jobs", "2", "--report", report]);
    expect(r.code).toBe(7);
    const texts = (f: string) => (JSON.parse(readFileSync(path.join(out, f), "utf8")) as { tasks: Array<{ text: string }> }).tasks.map((t) => norm(t.text));
    expect(texts("2019/000.txt.json")).toEqual(gold("000_992a28b6471132da"));
    expect(texts("2020/003.html.json")).toEqual(gold("003_ef27fd673396f65e"));
    expect(texts("2019/004.pdf.json")).toEqual(gold("004_091f97d7362963d8"));
    expect(texts("2020/002.docx.json")).toEqual(gold("002_4354457bd10285a1"));
    expect(texts("2019/scan0001.json")).toEqual(gold("000_992a28b6471132da"));
    expect(r.stderr).toMatch(/corrupt\.pdf: not a readable PDF/u);
    expect(r.stderr).toMatch(/empty\.txt: empty file/u);
    if (process.getuid?.() !== 0) expect(r.stderr).toMatch(/locked\.txt: permission denied/u);
    expect(r.stderr).toMatch(/^workplan: \d+ converted, 0 skipped, \d+ failed of 8 files/mu);
    const rep = JSON.parse(readFileSync(report, "utf8")) as { files: Array<{ source: string; status: string; format: string | null; tasks: number; pages: number; error?: { exitCode: number } }> };
    expect(rep.files.map((f) => path.relative(dir, f.source))).toEqual([
      "2019/000.txt", "2019/004.pdf", "2019/scan0001", "2020/002.docx", "2020/003.html", "2020/corrupt.pdf", "2020/empty.txt", "2020/locked.txt",
    ].filter((f) => rep.files.some((x) => path.relative(dir, x.source) === f)));
    const corrupt = rep.files.find((f) => f.source.endsWith("corrupt.pdf"))!;
    expect(corrupt.status).toBe("failed");
    expect(corrupt.error?.exitCode).toBe(4);
    expect(rep.files.find((f) => f.source.endsWith("scan0001"))!.format).toBe("pdf");
    // Every page read counts, whether or not a task comes from it (the count was 1 here).
    expect(rep.files.find((f) => f.source.endsWith("004.pdf"))!.pages).toBe(4);
    expect(rep.files.find((f) => f.source.endsWith("scan0001"))!.pages).toBe(12);
    expect(readdirSync(path.join(out, "2020")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("never overwrites an output without --force; --resume skips what is done", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wp-again-"));
    cpSync(path.join(ROOT, "fixtures/seeds"), dir, { recursive: true, filter: (f) => !f.endsWith(".json") });
    const out = `${dir}-out/`;
    expect(run(["convert", dir, "-o", out, "--quiet"]).code).toBe(0);
    const again = run(["convert", dir, "-o", out]);
    expect(again.code).toBe(7);
    expect(again.stderr).toMatch(/exists; use --force to overwrite/u);
    expect(run(["convert", dir, "-o", out, "--force", "--quiet"]).code).toBe(0);
    const resumed = run(["convert", dir, "-o", out, "--resume", "--report", `${out}/r.json`]);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(readFileSync(`${out}/r.json`, "utf8")).summary).toMatchObject({ skipped: 5, converted: 0, failed: 0 });
  });

  it("a batch killed midway leaves no partial output; --resume then finishes it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wp-kill-"));
    for (let i = 0; i < 40; i++) copyFileSync(path.join(ROOT, "fixtures/pdf/001_29682c494441ef65.pdf"), path.join(dir, `n${String(i).padStart(2, "0")}.pdf`));
    const out = `${dir}-out/`;
    const child = spawn(process.execPath, [BIN, "convert", dir, "-o", out, "--jobs", "1", "--quiet"], { stdio: "ignore" });
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (existsSync(out) && readdirSync(out).some((f) => f.endsWith(".json"))) {
          clearInterval(t);
          child.kill("SIGTERM");
          resolve();
        }
      }, 20);
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c, sig) => resolve(c ?? (sig ? 143 : null))));
    expect(code).toBe(143);
    const left = readdirSync(out);
    expect(left.filter((f) => f.startsWith(".") || f.endsWith(".tmp"))).toEqual([]);
    expect(left.length).toBeLessThan(40);
    for (const f of left) expect(() => JSON.parse(readFileSync(path.join(out, f), "utf8"))).not.toThrow();
    const r = run(["convert", dir, "-o", out, "--resume", "--quiet", "--report", `${dir}-report.json`]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith(".json"))).toHaveLength(40);
    expect(JSON.parse(readFileSync(`${dir}-report.json`, "utf8")).summary.skipped).toBe(left.length);
  }, 120_000);

  it("one CSV with a source column, or NDJSON, in input order whatever the number of workers", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wp-one-"));
    cpSync(path.join(ROOT, "fixtures/seeds"), dir, { recursive: true, filter: (f) => !f.endsWith(".json") });
    const one = run(["convert", dir, "--format", "ndjson", "--jobs", "1", "--quiet"]).stdout;
    const two = run(["convert", `${dir}/*.txt`, "--format", "ndjson", "--jobs", "2", "--quiet"]).stdout;
    expect(two).toBe(one);
    const lines = one.trim().split("\n").map((l) => JSON.parse(l) as { source: string; text: string });
    expect(lines).toHaveLength(287);
    expect(lines[0]!.source).toBe("000_992a28b6471132da.txt");
    const csvFile = path.join(dir, "all.csv");
    expect(run(["convert", dir, "--format", "csv", "-o", csvFile, "--quiet"]).code).toBe(0);
    const csv = readFileSync(csvFile, "utf8");
    expect(csv.startsWith("\ufeffsource,planTitle,planYear,number,level1,level2,level3,level4,title,")).toBe(true);
    expect(run(["convert", dir, "--format", "json", "--quiet"]).code).toBe(2);
  });
});
