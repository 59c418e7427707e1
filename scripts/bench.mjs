#!/usr/bin/env node
// npm run bench: throughput of a batch conversion and the latency of one-file use.
//   node scripts/bench.mjs [--docs N]
// Batch: every text fixture converted in turn until N documents (default 500), in one
// process, as a batch job would. Pages are the printed pages the layout found (a
// repeated header starts one), 1 for prose. Latency: `workplan convert` of one .txt,
// process start included, median of 15 runs.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { convertFile } = await import(path.join(root, "dist/pipeline.js"));

const arg = process.argv.indexOf("--docs");
const target = arg > 0 ? Number(process.argv[arg + 1]) : 500;
const files = ["fixtures/seeds", "fixtures/layouts", "fixtures/encodings"]
  .flatMap((d) => readdirSync(path.join(root, d)).filter((f) => f.endsWith(".txt") && f !== "binary.txt").map((f) => path.join(root, d, f)))
  .sort();

let docs = 0;
let pages = 0;
let tasks = 0;
const t0 = process.hrtime.bigint();
while (docs < target) {
  for (const f of files) {
    if (docs >= target) break;
    const { plan, laid } = await convertFile(f);
    docs++;
    tasks += plan.tasks.length;
    pages += laid.table ? new Set(laid.table.rows.map((r) => r.page)).size : 1;
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const peakMb = process.resourceUsage().maxRSS / 1024;

const bin = path.join(root, "bin/workplan.js");
const one = path.join(root, "fixtures/seeds/000_992a28b6471132da.txt");
const times = [];
for (let i = 0; i < 15; i++) {
  const s = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, "convert", one], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  times.push(Number(process.hrtime.bigint() - s) / 1e6);
}
times.sort((a, b) => a - b);

const fmt = (n) => n.toFixed(1);
console.log(`batch: ${docs} documents (${files.length} distinct text fixtures), ${pages} pages, ${tasks} tasks in ${fmt(secs)} s`);
console.log(`  documents/s ${fmt(docs / secs)}   pages/s ${fmt(pages / secs)}   tasks/s ${fmt(tasks / secs)}   peak RSS ${fmt(peakMb)} MB`);
console.log(`one file: workplan convert ${path.basename(one)}: median ${fmt(times[7])} ms, min ${fmt(times[0])} ms (process start included)`);
