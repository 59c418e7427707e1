#!/usr/bin/env node
// npm run fuzz: feeds mutated fixtures of every format to the converter and checks that
// each case ends in a valid output (schema-checked by the pipeline) or a clean,
// documented error — never an internal error, a dead worker or a timeout.
//   node scripts/fuzz.mjs [--cases N] [--seed S] [--timeout S]
// Exit 1 if any case crashed or hung.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argOf = (name, d) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const cases = argOf("--cases", 400);
let seed = argOf("--seed", 20261122) >>> 0;
const timeout = argOf("--timeout", 20);
const rnd = (n) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % n;
};
const pick = (xs) => xs[rnd(xs.length)];

const { Pool } = await import(path.join(root, "dist/pool.js"));
const JSZip = (await import("jszip")).default;

const fixtures = ["seeds", "layouts", "html", "docx", "pdf"].flatMap((d) =>
  readdirSync(path.join(root, "fixtures", d))
    .filter((f) => /\.(?:txt|html|docx|pdf)$/u.test(f))
    .map((f) => path.join(root, "fixtures", d, f)),
);

function flip(buf) {
  const b = Buffer.from(buf);
  for (let k = 0, n = 1 + rnd(20); k < n; k++) b[rnd(b.length)] = rnd(256);
  return b;
}
const truncate = (buf) => buf.subarray(0, rnd(buf.length));
const insert = (buf) => Buffer.concat([buf.subarray(0, rnd(buf.length)), Buffer.from(Array.from({ length: 1 + rnd(200) }, () => rnd(256))), buf.subarray(rnd(buf.length))]);

async function zipMutation(buf) {
  const zip = await JSZip.loadAsync(buf);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const how = rnd(3);
  if (how === 0) zip.remove(pick(names));
  else if (how === 1) {
    const n = pick(names);
    zip.file(`${n}.copy`, await zip.file(n).async("uint8array"));
    zip.file(n.replace(/\.xml$/u, "2.xml"), await zip.file(n).async("uint8array"));
  } else {
    const xml = await zip.file("word/document.xml").async("string");
    const at = rnd(xml.length);
    zip.file("word/document.xml", xml.slice(0, at) + pick(["<w:tc>", "</w:tr>", "<w:vMerge/>", "\u0000", "<<", "&bogus;"]) + xml.slice(at + rnd(50)));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

function htmlMutation(text) {
  const how = rnd(4);
  if (how === 0) {
    // Tag soup: tags opened, closed and dropped at random.
    let out = text;
    for (let k = 0; k < 30; k++) {
      const at = rnd(out.length);
      out = out.slice(0, at) + pick(["<table>", "</td>", "<tr><td rowspan=99999 colspan=0>", "</table>", "<p>", "<br>", "<td colspan=-3>", "<!--", "<script>", "</tr>"]) + out.slice(at);
    }
    return out;
  }
  if (how === 1) return `<html><body>${"<table><tr><td>".repeat(300)}序号${"</td></tr></table>".repeat(300)}${text}</body></html>`;
  if (how === 2) return text.replace("<td>", `<td>${"政务公开".repeat(250000)}`);
  return text.replace(/<meta[^>]*>/u, `<meta charset="${pick(["gbk", "shift_jis", "utf-16", "bogus", "iso-8859-1"])}">`);
}

function encodingMutation(text) {
  const how = rnd(3);
  if (how === 0) return Buffer.from(text, "utf16le");
  if (how === 1) return Buffer.from(text, "latin1");
  return Buffer.from(Array.from({ length: 4000 }, () => 0x80 + rnd(128)));
}

async function mutate(file) {
  const buf = readFileSync(file);
  const ext = path.extname(file);
  const kinds = ["flip", "truncate", "insert"];
  if (ext === ".docx") kinds.push("zip", "zip");
  if (ext === ".html") kinds.push("html", "html", "html");
  if (ext === ".txt") kinds.push("encoding");
  const kind = pick(kinds);
  if (kind === "flip") return { kind, data: flip(buf) };
  if (kind === "truncate") return { kind, data: truncate(buf) };
  if (kind === "insert") return { kind, data: insert(buf) };
  if (kind === "zip") return { kind, data: await zipMutation(buf) };
  if (kind === "html") return { kind, data: Buffer.from(htmlMutation(buf.toString("utf8"))) };
  return { kind, data: encodingMutation(buf.toString("utf8")) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "workplan-fuzz-"));
const pool = new Pool(Math.max(1, Math.min(2, os.availableParallelism?.() ?? 2)), timeout);
const counts = { cases: 0, valid: 0, cleanErrors: 0, crashes: 0, hangs: 0 };
const failures = [];
const jobs = [];
for (let i = 0; i < cases; i++) {
  const src = pick(fixtures);
  const { kind, data } = await mutate(src);
  const f = path.join(dir, `case-${String(i).padStart(4, "0")}${path.extname(src)}`);
  writeFileSync(f, data);
  jobs.push(
    pool.run(f, {}).then((o) => {
      counts.cases++;
      if (o.ok) counts.valid++;
      else if (/timed out/u.test(o.error.message)) {
        counts.hangs++;
        failures.push(`hang ${kind} ${path.basename(src)}: ${o.error.message}`);
      } else if (o.error.kind === "internal" || /conversion stopped/u.test(o.error.message)) {
        counts.crashes++;
        failures.push(`crash ${kind} ${path.basename(src)}: ${o.error.message}`);
      } else counts.cleanErrors++;
    }),
  );
}
await Promise.all(jobs);
await pool.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(counts));
for (const f of failures.slice(0, 20)) console.log(f);
process.exit(counts.crashes + counts.hangs > 0 ? 1 : 0);
