#!/usr/bin/env node
// npm run bench: what a batch job and a one-file user see.
//   node scripts/bench.mjs [--docs N] [--runs R]
// 1. A corpus of N documents (default 500) copied from the text, HTML, DOCX and PDF
//    fixtures, converted by the CLI in one batch with --jobs 1 and --jobs 2, R times
//    each (default 3), alternating: documents, pages and tasks per second, peak resident
//    memory of all its processes together (conversions run in child processes), for the
//    median run of each. Alternating
//    runs and medians, because a shared VM's speed drifts by a quarter from minute to
//    minute: one run of each can show any speed-up.
// 2. The PDF fixtures read in process beside `pdftotext -layout` (poppler, if installed),
//    the speed floor, in pages per second.
// 3. The .xlsx fixtures read in process: spreadsheets and tasks per second.
// 4. One scanned PDF through OCR (where Tesseract is installed), with each engine: seconds per page, peak memory.
// 5. One-file latency: `workplan convert` of one .txt and one .pdf, process start included.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// --bin another build's bin/workplan.js: the same corpus through an older version.
const binArg = process.argv.indexOf("--bin");
const bin = binArg > 0 ? path.resolve(process.argv[binArg + 1]) : path.join(root, "bin/workplan.js");
const arg = process.argv.indexOf("--docs");
const target = arg > 0 ? Number(process.argv[arg + 1]) : 500;
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1])) : 3;
const fmt = (n) => n.toFixed(1);
const list = (dir, ext) =>
  readdirSync(path.join(root, dir))
    // Files that exist to be refused are no part of a throughput corpus.
    .filter((f) => f.endsWith(ext) && f !== "binary.txt" && !f.startsWith("not-chinese"))
    .map((f) => path.join(root, dir, f))
    .sort();
const sources = [
  ...["fixtures/seeds", "fixtures/layouts", "fixtures/scrambled", "fixtures/encodings"].flatMap((d) => list(d, ".txt")),
  ...list("fixtures/html", ".html"),
  ...list("fixtures/docx", ".docx"),
  ...list("fixtures/pdf", ".pdf"),
];

const work = mkdtempSync(path.join(os.tmpdir(), "workplan-bench-"));
const corpus = path.join(work, "corpus");
for (let i = 0; i < target; i++) {
  const src = sources[i % sources.length];
  const dir = path.join(corpus, String(Math.floor(i / 50)).padStart(2, "0"));
  mkdirSync(dir, { recursive: true });
  copyFileSync(src, path.join(dir, `${String(i).padStart(4, "0")}-${path.basename(src)}`));
}
console.log(`corpus: ${target} documents from ${sources.length} fixtures (text, HTML, DOCX, PDF) in ${corpus}`);

/** Resident memory of a process and all its descendants, in MB, from /proc (Linux). */
function treeRss(pid) {
  let kb = 0;
  const visit = (p) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${p}/status`, "latin1"))?.[1] ?? 0);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, "latin1").trim().split(/\s+/u).filter(Boolean)) visit(c);
      }
    } catch {
      // Gone between two reads.
    }
  };
  visit(pid);
  return kb / 1024;
}

/** Runs the CLI, sampling the resident memory of its whole process tree (conversions run in child processes). */
function timed(args) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 20);
    child.on("exit", (code) => {
      clearInterval(poll);
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) reject(new Error(`batch failed (${code}): ${stderr}`));
      else resolve({ secs, rss: peak });
    });
  });
}

const batch = async (jobs, k) => {
  const out = path.join(work, `out-${jobs}-${k}`);
  const report = path.join(work, `report-${jobs}-${k}.json`);
  const { secs, rss } = await timed(["convert", corpus, "-o", `${out}/`, "--jobs", String(jobs), "--quiet", "--report", report]);
  const rep = JSON.parse(readFileSync(report, "utf8"));
  // Outputs stay until the end. Deleting them here made the next run pay for it: ext4
  // without a journal (this VM's) skips inodes freed in the last minutes when it makes
  // a file, and each of the next run's 500 creations scanned past the 500 just freed
  // (perf: half the main thread's time in the kernel's recently_deleted()).
  return { secs, rss, pages: rep.files.reduce((s, f) => s + (f.pages ?? 0), 0), tasks: rep.summary.tasks };
};
const results = { 1: [], 2: [] };
for (let k = 0; k < runs; k++) for (const jobs of [1, 2]) results[jobs].push(await batch(jobs, k));
const median = (jobs) => [...results[jobs]].sort((a, b) => a.secs - b.secs)[Math.floor((runs - 1) / 2)];
for (const jobs of [1, 2]) {
  const m = median(jobs);
  const all = results[jobs].map((x) => fmt(x.secs)).join(", ");
  console.log(`--jobs ${jobs}: ${fmt(m.secs)} s (runs: ${all}), ${fmt(target / m.secs)} documents/s, ${fmt(m.pages / m.secs)} pages/s, ${fmt(m.tasks / m.secs)} tasks/s, peak RSS ${fmt(Math.max(...results[jobs].map((x) => x.rss)))} MB (all processes)`);
}
console.log(`speed-up with 2 workers (medians): ${fmt(median(1).secs / median(2).secs)}×`);
rmSync(work, { recursive: true, force: true });

const { convertFile } = await import(path.join(root, "dist/pipeline.js"));
/** Each file converted in this process five times: seconds, pages and tasks in all. */
async function inProcess(files) {
  const out = { secs: 0, pages: 0, tasks: 0 };
  for (let k = 0; k < 5; k++) {
    for (const f of files) {
      const s = process.hrtime.bigint();
      const { laid, plan } = await convertFile(f);
      out.secs += Number(process.hrtime.bigint() - s) / 1e9;
      out.pages += laid.pages?.length ?? 1;
      out.tasks += plan.tasks.length;
    }
  }
  return out;
}
const pdfs = list("fixtures/pdf", ".pdf");
const { secs: ours, pages: pdfPages } = await inProcess(pdfs);
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
  floor = `; pdftotext -layout ${fmt(pdfPages / theirs)} pages/s (${fmt(ours / theirs)}× its time per page)`;
}
console.log(`pdf: ${pdfs.length} files × 5, ${pdfPages} pages in process: ${fmt(pdfPages / ours)} pages/s${floor}`);

// Spreadsheets beside them (.xlsx read by our own reader; .xls and .ods go through
// LibreOffice, whose start-up is its own cost and is left out here).
const sheets = list("fixtures/xlsx", ".xlsx");
const { secs: sheetSecs, tasks: sheetTasks } = await inProcess(sheets);
console.log(`xlsx: ${sheets.length} files × 5 in process: ${fmt((sheets.length * 5) / sheetSecs)} spreadsheets/s, ${fmt(sheetTasks / sheetSecs)} tasks/s`);

// A scanned PDF through OCR, where Tesseract is installed: seconds per page, peak memory
// of the whole process tree (Tesseract runs as a child).
if (spawnSync("sh", ["-c", "command -v tesseract"]).status === 0) {
  const scan = path.join(root, "fixtures/scans/004_091f97d7362963d8-300dpi.pdf");
  const pages = 4;
  const out = path.join(os.tmpdir(), `workplan-bench-scan-${process.pid}.json`);
  // Each engine: the PP-OCR line recogniser (auto, where installed) and Tesseract alone.
  for (const engine of ["auto", "tesseract"]) {
    const { secs, rss } = await timed(["convert", scan, "-o", out, "--force", "--quiet", "--timeout", "900", "--ocr-engine", engine]);
    rmSync(out, { force: true });
    console.log(`ocr (--ocr-engine ${engine}): workplan convert ${path.basename(scan)} (${pages} pages, 300 dpi): ${fmt(secs)} s, ${fmt(secs / pages)} s/page, peak RSS ${fmt(rss)} MB (Tesseract included)`);
  }
}

for (const f of [path.join(root, "fixtures/seeds/000_992a28b6471132da.txt"), path.join(root, "fixtures/pdf/000_992a28b6471132da.pdf")]) {
  const times = [];
  for (let i = 0; i < 11; i++) {
    const s = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, "convert", f], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`one file: workplan convert ${path.basename(f)}: median ${fmt(times[5])} ms, min ${fmt(times[0])} ms (process start included)`);
}
