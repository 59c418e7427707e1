#!/usr/bin/env node
// Outputs of every fixture, seed and shared real notice, for checking that a refactor
// changes nothing: `node scripts/snapshot.mjs OUTDIR [BIN]` writes one JSON per input
// (or its error line), `node scripts/snapshot.mjs --diff A B` lists the inputs whose
// outputs differ (the generator field aside).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [a, b, c] = process.argv.slice(2);

if (a === "--diff") {
  const strip = (t) => t.replace(/"generator": \{[^}]*\},?\s*/u, "");
  let diffs = 0;
  for (const f of readdirSync(b).sort()) {
    const x = strip(readFileSync(path.join(b, f), "utf8"));
    const y = existsSync(path.join(c, f)) ? strip(readFileSync(path.join(c, f), "utf8")) : "(missing)";
    if (x !== y) {
      diffs++;
      console.log(f);
    }
  }
  console.log(`${diffs} differ`);
  process.exit(diffs > 0 ? 1 : 0);
}

const out = a;
const bin = b ?? path.join(root, "bin/workplan.js");
mkdirSync(out, { recursive: true });
const dirs = ["fixtures/seeds", "fixtures/layouts", "fixtures/scrambled", "fixtures/encodings", "fixtures/html", "fixtures/docx", "fixtures/doc", "fixtures/pdf", "fixtures/pdf/bad", "../shared/real", "../shared/real-files"];
for (const d of dirs) {
  const dir = path.join(root, d);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith(".json") || f.endsWith(".md")) continue;
    const p = path.join(dir, f);
    const r = spawnSync(process.execPath, [bin, "convert", p], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
    if (r.status === null) continue;
    const name = `${d.replace(/[/.]+/gu, "_")}__${f}.out`;
    writeFileSync(path.join(out, name), r.status === 0 ? r.stdout : `exit ${r.status}: ${r.stderr}`);
  }
}
