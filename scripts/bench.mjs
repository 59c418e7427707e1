#!/usr/bin/env node
// npm run bench: throughput of a batch conversion and the latency of one-file use.
//   node scripts/bench.mjs [--docs N]
// Batch: the text, HTML, DOCX and PDF fixtures converted in turn until N documents
// (default 500), in one process, as a batch job would. Pages are printed pages: a PDF's
// pages read, a repeated header in text, 1 for a document without pages.
// PDF: every PDF fixture read 5 times, pages per second, beside `pdftotext -layout`
// (poppler) on the same files when it is installed — the speed floor.
// Latency: `workplan convert` of one .txt and one .pdf, process start included.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { convertFile } = await import(path.join(root, "dist/pipeline.js"));

const arg = process.argv.indexOf("--docs");
const target = arg > 0 ? Number(process.argv[arg + 1]) : 500;
const list = (dir, ext) =>
  readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith(ext) && f !== "binary.txt")
    .map((f) => path.join(root, dir, f))
    .sort();
const files = [
  ...["fixtures/seeds", "fixtures/layouts", "fixtures/scrambled", "fixtures/encodings"].flatMap((d) => list(d, ".txt")),
  ...list("fixtures/html", ".html"),
  ...list("fixtures/docx", ".docx"),
  ...list("fixtures/pdf", ".pdf"),
];
const pagesOf = (plan, laid) => (plan.source.format === "pdf" ? Math.max(1, ...plan.tasks.map((t) => t.provenance.page ?? 1)) : laid.table ? new Set(laid.table.rows.map((r) => r.page)).size : 1);
const fmt = (n) => n.toFixed(1);

let docs = 0;
let pages = 0;
let tasks = 0;
const byFormat = new Map();
const t0 = process.hrtime.bigint();
while (docs < target) {
  for (const f of files) {
    if (docs >= target) break;
    const s = process.hrtime.bigint();
    const { plan, laid } = await convertFile(f);
    const ms = Number(process.hrtime.bigint() - s) / 1e6;
    const p = pagesOf(plan, laid);
    docs++;
    tasks += plan.tasks.length;
    pages += p;
    const b = byFormat.get(plan.source.format) ?? { docs: 0, pages: 0, ms: 0 };
    byFormat.set(plan.source.format, { docs: b.docs + 1, pages: b.pages + p, ms: b.ms + ms });
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`batch: ${docs} documents (${files.length} distinct fixtures), ${pages} pages, ${tasks} tasks in ${fmt(secs)} s`);
console.log(`  documents/s ${fmt(docs / secs)}   pages/s ${fmt(pages / secs)}   tasks/s ${fmt(tasks / secs)}   peak RSS ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
for (const [f, b] of [...byFormat].sort()) console.log(`  ${f.padEnd(5)} ${String(b.docs).padStart(4)} docs  ${fmt((b.docs * 1000) / b.ms).padStart(7)} docs/s  ${fmt((b.pages * 1000) / b.ms).padStart(7)} pages/s`);

const pdfs = list("fixtures/pdf", ".pdf");
let ours = 0;
let pdfPages = 0;
for (let k = 0; k < 5; k++) {
  for (const f of pdfs) {
    const s = process.hrtime.bigint();
    const { plan, laid } = await convertFile(f);
    ours += Number(process.hrtime.bigint() - s) / 1e9;
    pdfPages += pagesOf(plan, laid);
  }
}
let floor = "";
if (spawnSync("sh", ["-c", "command -v pdftotext"]).status === 0) {
  let theirs = 0;
  for (let k = 0; k < 5; k++) {
    for (const f of pdfs) {
      const s = process.hrtime.bigint();
      execFileSync("pdftotext", ["-layout", f, "-"], { stdio: ["ignore", "ignore", "ignore"] });
      theirs += Number(process.hrtime.bigint() - s) / 1e9;
    }
  }
  floor = `; pdftotext -layout ${fmt(pdfPages / theirs)} pages/s (${fmt(ours / theirs)}× its time per page, process start included for it, not for us)`;
}
console.log(`pdf: ${pdfs.length} files × 5, ${pdfPages} pages: ${fmt(pdfPages / ours)} pages/s${floor}`);

const bin = path.join(root, "bin/workplan.js");
for (const one of [path.join(root, "fixtures/seeds/000_992a28b6471132da.txt"), path.join(root, "fixtures/pdf/000_992a28b6471132da.pdf")]) {
  const times = [];
  for (let i = 0; i < 11; i++) {
    const s = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, "convert", one], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`one file: workplan convert ${path.basename(one)}: median ${fmt(times[5])} ms, min ${fmt(times[0])} ms (process start included)`);
}
