#!/usr/bin/env node
// The worst time and peak memory of one conversion per hostile input kind and size
// (scripts/hostile-inputs.mjs), for a build of the CLI:
//   node scripts/hostile.mjs [--bin PATH] [--limit SECONDS] [--only KIND,KIND]
// Needs GNU time (/usr/bin/time, Debian package `time`) for the peak memory.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as h from "./hostile-inputs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, d) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : d;
};
const bin = arg("--bin", path.join(root, "bin/workplan.js"));
const limit = Number(arg("--limit", "120"));
const only = arg("--only", "")
  .split(",")
  .filter(Boolean);

/** kind, sizes, how to make one of a size, the file's extension. */
const KINDS = [
  ["docx: empty paragraphs (MB of XML)", [25, 100, 250], (n) => h.docxEmptyParagraphs(n), "docx"],
  ["docx: table rows", [10000, 40000, 90000], (n) => h.docxRows(n), "docx"],
  ["docx: cells in a row", [2000, 20000], (n) => h.docxWide(n), "docx"],
  ["docx: nested tables", [100, 1000], (n) => h.docxNestedTables(n), "docx"],
  ["docx: nested w:ins", [1000, 10000], (n) => h.docxNestedWrappers(n, "ins"), "docx"],
  ["docx: nested w:sdt", [1000, 10000], (n) => h.docxNestedWrappers(n, "sdt"), "docx"],
  ["docx: nested text boxes", [1000, 10000], (n) => h.docxNestedWrappers(n, "box"), "docx"],
  ["docx: numbering ilvl 1.5", [1], () => h.docxNumbering("1.5", 1), "docx"],
  ["docx: numbering ilvl 1e9", [1], () => h.docxNumbering("1e9", 1), "docx"],
  ["docx: numbering start 1e15 roman", [1], () => h.docxNumbering("0", "1e15"), "docx"],
  ["docx: zip64 extra field at the end", [1], () => h.zip64ExtraAtEnd(), "docx"],
  ["text: spaces in a line", [40000, 80000, 400000], (n) => h.spaces(n), "txt"],
  ["text: 局 in a unit cell", [40000, 100000], (n) => h.unitCell("局".repeat(n)), "txt"],
  ["text: 等 in a unit cell", [100000], (n) => h.unitCell("等".repeat(n)), "txt"],
  ["text: 牵头 in a unit cell", [100000], (n) => h.unitCell("牵头".repeat(n)), "txt"],
  ["text: tabs in a line", [100000], (n) => h.tabs(n), "txt"],
  ["text: cells in a line", [100000], (n) => h.cells(n), "txt"],
  ["text: lines of one paragraph", [20000, 80000], (n) => h.proseLines(n), "txt"],
  ["html: spaces in a cell", [40000, 80000], (n) => h.htmlSpaces(n), "html"],
  ["html: nesting depth", [10000, 100000], (n) => h.htmlDeep(n), "html"],
  ["html: table rows", [200000], (n) => h.htmlRows(n), "html"],
  ["pdf: ruling dashes", [20000, 200000], (n) => h.pdfDashes(n), "pdf"],
  ["pdf: n × n rulings", [500, 2000], (n) => h.pdfGrid(n), "pdf"],
  ["pdf: one page listed n times", [100000, 1000000], (n) => h.pdfManyPages(n), "pdf"],
];

const dir = mkdtempSync(path.join(os.tmpdir(), "workplan-hostile-"));
console.log(`| input | size | file | seconds | peak MB | exit | message |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const [kind, sizes, make, ext] of KINDS) {
  if (only.length > 0 && !only.some((o) => kind.includes(o))) continue;
  for (const n of sizes) {
    const file = path.join(dir, `case.${ext}`);
    const bytes = make(n);
    writeFileSync(file, bytes);
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "timeout", "-s", "KILL", String(limit), process.execPath, bin, "convert", file], { encoding: "utf8", maxBuffer: 1 << 30 });
    const lines = r.stderr.trim().split("\n");
    const [secs, kb] = (lines.pop() ?? "").split(" ");
    const code = r.status === 0 ? 0 : /Command terminated by signal 9|status 137/u.test(r.stderr) ? "killed" : r.status;
    const message = (lines.find((l) => l.startsWith("workplan:")) ?? lines.find((l) => !/Command (exited|terminated)/u.test(l)) ?? "").replace(/\|/gu, "\\|").slice(0, 90);
    const size = bytes.length >= 1048576 ? `${(bytes.length / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes.length / 1024)} KB`;
    console.log(`| ${kind} | ${n} | ${size} | ${secs} | ${Math.round(Number(kb) / 1024)} | ${Number(secs) >= limit ? `timeout ${limit}` : code} | ${message} |`);
  }
}
rmSync(dir, { recursive: true, force: true });
