#!/usr/bin/env node
// npm run fuzz: hostile cases of every format, converted by the CLI as a user's batch
// would be, each within a time and memory budget. A case passes when it ends in a valid
// output or a clean, documented error; it fails when it crashes its converter (an
// internal error, a dead process), passes the budget (10 s, 1 GB), or leaves a partial or
// temporary file behind.
//   node scripts/fuzz.mjs [--cases N] [--seed S] [--scale F] [--jobs J] [--table] [--keep DIR] [--bin PATH]
// --keep copies every failing case to DIR, for a closer look.
// --scale shrinks the structure mutators' sizes (CI runs a small fixed seed at 0.1).
// Mutators: byte flips, truncation and insertion on every fixture; and by structure —
// text: long runs of one character in a field, floods of lines; web pages: tag soup, deep
// nesting, span bombs, huge cells and tables, bad charsets; Word: zip structure (entries
// removed, doubled, sizes lying, zip64 fields), XML size, deep nesting, huge spans and
// merges, bad numbering levels and starts, long runs; workbooks: the same zip mutations,
// sheets of many rows, a million rows declared, merges past the sheet or overlapping,
// shared strings out of range or by the million, sheets inflating to hundreds of MB; PDF: path floods, dense grids, page
// trees listing one page many times or looping, self-painting forms, text floods.
// Exit 1 if any case failed.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as h from "./hostile-inputs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argOf = (name, d) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const cases = argOf("--cases", 400);
let seed = argOf("--seed", 20261201) >>> 0;
const scale = argOf("--scale", 1);
const jobs = argOf("--jobs", Math.max(1, Math.min(2, os.availableParallelism?.() ?? 2)));
const table = process.argv.includes("--table");
const keepAt = process.argv.indexOf("--keep");
const keep = keepAt > 0 ? process.argv[keepAt + 1] : null;
const binAt = process.argv.indexOf("--bin");
const bin = binAt > 0 ? path.resolve(process.argv[binAt + 1]) : path.join(root, "bin/workplan.js");
/** The budget per case: seconds, and memory (the CLI kills a conversion past 1.5 × --max-memory resident). */
const BUDGET_S = 10;
const BUDGET_MB = 1024;
const rnd = (n) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % n;
};
const pick = (xs) => xs[rnd(xs.length)];
/** A size between lo and hi (scaled), log-uniform: small and huge cases both come up. */
const size = (lo, hi) => Math.max(1, Math.round(Math.exp(Math.log(lo * scale) + (rnd(1000) / 1000) * (Math.log(hi * scale) - Math.log(lo * scale)))));

const JSZip = (await import("jszip")).default;
const { PlanSchema } = await import(path.join(root, "dist/index.js"));

const fixtures = ["seeds", "layouts", "html", "docx", "pdf", "xlsx"].flatMap((d) =>
  readdirSync(path.join(root, "fixtures", d))
    .filter((f) => /\.(?:txt|html|docx|pdf|xlsx)$/u.test(f))
    .map((f) => path.join(root, "fixtures", d, f)),
);
const ofExt = (ext) => fixtures.filter((f) => f.endsWith(ext));

// Byte-level mutators, for every format.
function flip(buf) {
  const b = Buffer.from(buf);
  for (let k = 0, n = 1 + rnd(20); k < n; k++) b[rnd(b.length)] = rnd(256);
  return b;
}
const truncate = (buf) => buf.subarray(0, rnd(buf.length));
const insert = (buf) => Buffer.concat([buf.subarray(0, rnd(buf.length)), Buffer.from(Array.from({ length: 1 + rnd(200) }, () => rnd(256))), buf.subarray(rnd(buf.length))]);

// Text: a run of one token in a field, a flood of lines.
const TOKENS = [" ", "\t", "|", "局", "等", "牵头", "。", "（", "）", "1", "、", "\n", "　", "一、", "(1)", "负责落实", "-"];
function textRun(text) {
  const at = rnd(text.length);
  return text.slice(0, at) + pick(TOKENS).repeat(size(1000, 200000)) + text.slice(at);
}
function textLines(text) {
  const lines = text.split("\n");
  const k = rnd(lines.length);
  lines.splice(k, 0, ...Array.from({ length: size(1000, 60000) }, () => lines[k] ?? "1\t做好\t市政府办公室"));
  return lines.join("\n");
}
function encodingMutation(text) {
  const how = rnd(3);
  if (how === 0) return Buffer.from(text, "utf16le");
  if (how === 1) return Buffer.from(text, "latin1");
  return Buffer.from(Array.from({ length: 4000 }, () => 0x80 + rnd(128)));
}

// Web pages.
function htmlMutation(text) {
  switch (rnd(7)) {
    case 0: {
      let out = text;
      for (let k = 0; k < 30; k++) {
        const at = rnd(out.length);
        out = out.slice(0, at) + pick(["<table>", "</td>", "<tr><td rowspan=99999 colspan=0>", "</table>", "<p>", "<br>", "<td colspan=-3>", "<!--", "<script>", "</tr>", "<td rowspan=1000 colspan=1000>"]) + out.slice(at);
      }
      return out;
    }
    case 1:
      return h.htmlDeep(size(500, 200000)).toString("utf8");
    case 2:
      return text.replace("<td>", `<td>${pick(TOKENS).repeat(size(1000, 300000))}`);
    case 3:
      return h.htmlRows(size(1000, 250000)).toString("utf8");
    case 4:
      return text.replace(/<td/gu, () => `<td rowspan="${size(1, 5000)}" colspan="${size(1, 300)}"`);
    case 5:
      return h.htmlSpaces(size(1000, 400000)).toString("utf8");
    default:
      return text.replace(/<meta[^>]*>/u, `<meta charset="${pick(["gbk", "shift_jis", "utf-16", "bogus", "iso-8859-1"])}">`);
  }
}

// Word: the archive, and the XML inside it.
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
    const part = zip.file("word/document.xml") ? "word/document.xml" : pick(names.filter((n) => n.endsWith(".xml")));
    const xml = await zip.file(part).async("string");
    const at = rnd(xml.length);
    zip.file(part, xml.slice(0, at) + pick(["<w:tc>", "</w:tr>", "<w:vMerge/>", "\u0000", "<<", "&bogus;", '<w:gridSpan w:val="99999"/>', '<mergeCell ref="A1:XFD1048576"/>', '<c r="A1" t="s"><v>99999</v></c>', "<row>"]) + xml.slice(at + rnd(50)));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}
/** Bytes of a zip's structure changed where readers trust them: sizes, counts, offsets, extra fields. */
function zipStructure(buf) {
  const b = Buffer.from(buf);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return flip(b);
  const field = pick([[8, 2], [10, 2], [12, 4], [16, 4]]);
  const central = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  if (rnd(2) === 0 || central < 0) b.writeUIntLE(pick([0, 1, 0xffff, 0xffffffff, rnd(1 << 16)]) % 2 ** (8 * field[1]), eocd + field[0], field[1]);
  else b.writeUInt32LE(pick([0, 0xffffffff, rnd(1 << 30), 7]), central + pick([20, 24, 42]));
  return b;
}
function docxStructure() {
  switch (rnd(7)) {
    case 0:
      return h.docxEmptyParagraphs(size(1, 80));
    case 1:
      return h.docxRows(size(100, 60000));
    case 2:
      return h.docxNestedTables(size(10, 5000));
    case 3:
      return h.docxNestedWrappers(size(10, 20000), pick(["ins", "sdt", "box"]));
    case 4:
      return h.docxNumbering(pick(["-1", "9", "1e9", "NaN", "01", "1.5", "", "8"]), pick(["-5", "0", "1", "32768", "1e15", "x", "999999999"]), pick(["upperRoman", "lowerLetter", "chineseCounting", "decimalEnclosedCircle", "bogus", "bullet"]));
    case 5:
      return h.docxWide(size(10, 30000), size(1, 20));
    default:
      return h.docx(`<w:p><w:r><w:t>${pick(TOKENS).repeat(size(1000, 300000))}</w:t></w:r></w:p>`);
  }
}

// Workbooks: generated sheets.
function xlsxStructure() {
  switch (rnd(6)) {
    case 0:
      return h.xlsxRows(size(10, 200000));
    case 1:
      return h.xlsxMillionRows();
    case 2:
      return h.xlsxBadMerges(size(1, 300000));
    case 3:
      return h.xlsxBadStrings(pick(["99999", "-1", "1e400", "NaN", "", "0x10", "4294967296"]));
    case 4:
      return h.xlsxManyStrings(size(1000, 3000000));
    default:
      return h.xlsxBomb(size(1, 700));
  }
}

// PDF: generated object graphs.
function pdfStructure() {
  switch (rnd(7)) {
    case 0:
      return h.pdfDashes(size(1000, 300000));
    case 1:
      return h.pdfGrid(size(10, 3000));
    case 2:
      return h.pdfManyPages(size(10, 2000000));
    case 3: // a page tree whose Kids list the tree itself
      return Buffer.from(h.pdf("BT /F1 10 Tf 50 30 Td (x) Tj ET").toString("latin1").replace("/Kids [3 0 R]", "/Kids [2 0 R 3 0 R]"), "latin1");
    case 4: // text runs by the hundred thousand
      return h.pdf(Array.from({ length: size(1000, 200000) }, (_, i) => `BT /F1 6 Tf ${20 + (i % 90) * 6} ${20 + Math.floor(i / 90) % 800} Td (${i}) Tj ET`).join("\n"));
    case 5: // a huge page
      return h.pdf("0.5 w 0 0 m 14400 14400 l S BT /F1 10 Tf 50 30 Td (x) Tj ET", 1, 14400);
    default:
      return h.pdfDashes(size(10, 1000));
  }
}

async function mutate(file) {
  const buf = readFileSync(file);
  const ext = path.extname(file);
  const kinds = ["flip", "truncate", "insert"];
  if (ext === ".docx") kinds.push("zip", "zip-structure", "docx-structure", "docx-structure", "docx-structure");
  if (ext === ".html") kinds.push("html", "html", "html", "html");
  if (ext === ".xlsx") kinds.push("zip", "zip-structure", "xlsx-structure", "xlsx-structure", "xlsx-structure");
  if (ext === ".txt") kinds.push("encoding", "text-run", "text-run", "text-lines");
  if (ext === ".pdf") kinds.push("pdf-structure", "pdf-structure", "pdf-structure");
  const kind = pick(kinds);
  switch (kind) {
    case "flip":
      return { kind, data: flip(buf) };
    case "truncate":
      return { kind, data: truncate(buf) };
    case "insert":
      return { kind, data: insert(buf) };
    case "zip":
      return { kind, data: await zipMutation(buf) };
    case "zip-structure":
      return { kind, data: zipStructure(buf) };
    case "docx-structure":
      return { kind, data: docxStructure() };
    case "xlsx-structure":
      return { kind, data: xlsxStructure() };
    case "html":
      return { kind, data: Buffer.from(htmlMutation(buf.toString("utf8"))) };
    case "text-run":
      return { kind, data: Buffer.from(textRun(buf.toString("utf8"))) };
    case "text-lines":
      return { kind, data: Buffer.from(textLines(buf.toString("utf8"))) };
    case "pdf-structure":
      return { kind, data: pdfStructure() };
    default:
      return { kind, data: encodingMutation(buf.toString("utf8")) };
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), "workplan-fuzz-"));
if (keep) mkdirSync(keep, { recursive: true });
const stats = new Map(); // "format kind" → counts
const failures = [];
let worstMs = 0;
const CHUNK = 250;
for (let start = 0; start < cases; start += CHUNK) {
  const dir = path.join(work, `in-${start}`);
  const out = path.join(work, `out-${start}`);
  mkdirSync(dir);
  const meta = new Map();
  for (let i = start; i < Math.min(cases, start + CHUNK); i++) {
    const src = pick(fixtures);
    const { kind, data } = await mutate(src);
    const name = `case-${String(i).padStart(5, "0")}${path.extname(src)}`;
    writeFileSync(path.join(dir, name), data);
    meta.set(name, { kind, format: path.extname(src).slice(1), src: path.basename(src) });
  }
  const report = path.join(work, `report-${start}.json`);
  const r = spawnSync(process.execPath, [bin, "convert", dir, "-o", `${out}/`, "--report", report, "--quiet", "--jobs", String(jobs), "--timeout", String(BUDGET_S), "--max-memory", String(Math.round(BUDGET_MB / 1.5))], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (!existsSync(report)) {
    failures.push(`batch ${start}: no report (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
    continue;
  }
  const rep = JSON.parse(readFileSync(report, "utf8"));
  for (const f of rep.files) {
    const name = path.basename(f.source);
    const m = meta.get(name) ?? { kind: "?", format: "?", src: "?" };
    const key = `${m.format} ${m.kind}`;
    const s = stats.get(key) ?? { cases: 0, valid: 0, clean: 0, crashes: 0, overBudget: 0, partial: 0 };
    stats.set(key, s);
    s.cases++;
    worstMs = Math.max(worstMs, f.durationMs);
    const msg = f.error?.message ?? "";
    if (f.status === "converted") {
      let ok = false;
      try {
        ok = PlanSchema.safeParse(JSON.parse(readFileSync(path.join(out, `${name}.json`), "utf8"))).success;
      } catch {
        ok = false;
      }
      if (ok) s.valid++;
      else {
        s.partial++;
        failures.push(`partial ${key} (${m.src}): ${name}`);
      }
    } else if (/timed out|out of memory/u.test(msg)) {
      s.overBudget++;
      failures.push(`over budget ${key} (${m.src}): ${msg}`);
      if (keep) copyFileSync(path.join(dir, name), path.join(keep, name));
    } else if (f.error?.kind === "internal" || /converter stopped/u.test(msg)) {
      s.crashes++;
      failures.push(`crash ${key} (${m.src}): ${msg}`);
      if (keep) copyFileSync(path.join(dir, name), path.join(keep, name));
    } else s.clean++;
  }
  // Nothing half-written: no temporary file anywhere under the outputs.
  if (existsSync(out)) {
    for (const f of readdirSync(out, { recursive: true })) {
      if (String(f).endsWith(".tmp")) {
        failures.push(`temporary file left: ${f}`);
        const s = stats.get("? ?") ?? { cases: 0, valid: 0, clean: 0, crashes: 0, overBudget: 0, partial: 0 };
        s.partial++;
        stats.set("? ?", s);
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });
const total = { cases: 0, valid: 0, cleanErrors: 0, crashes: 0, overBudget: 0, partial: 0, worstSeconds: Math.round(worstMs / 100) / 10 };
for (const s of stats.values()) {
  total.cases += s.cases;
  total.valid += s.valid;
  total.cleanErrors += s.clean;
  total.crashes += s.crashes;
  total.overBudget += s.overBudget;
  total.partial += s.partial;
}
console.log(JSON.stringify(total));
if (table) {
  console.log("| format | mutator | cases | valid | clean errors | crashes | over budget | partial |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [k, s] of [...stats].sort()) console.log(`| ${k.replace(" ", " | ")} | ${s.cases} | ${s.valid} | ${s.clean} | ${s.crashes} | ${s.overBudget} | ${s.partial} |`);
}
for (const f of failures.slice(0, 30)) console.log(f);
process.exit(total.crashes + total.overBudget + total.partial > 0 ? 1 : 0);
