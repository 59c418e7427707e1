// Hostile input: limits with clear errors, path rules, no network, and a short fuzz run.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { safeRel } from "../src/batch/inputs.js";
import { expandSpans } from "../src/layout/grid.js";
import { ROOT, run } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "wp-limits-"));
const oneLine = (stderr: string) => expect(stderr.trim().split("\n")).toHaveLength(1);

describe("limits", () => {
  it("--max-size refuses a larger input before reading it", () => {
    const r = run(["convert", "fixtures/pdf/001_29682c494441ef65.pdf", "--max-size", "0.1"]);
    expect(r.code).toBe(4);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/001_29682c494441ef65\.pdf: too large \(0\.\d+ MB; the limit is 0\.1 MB, see --max-size\)/u);
  });

  it("--timeout stops a file that takes too long, alone and in a batch", () => {
    const r = run(["convert", "fixtures/pdf/001_29682c494441ef65.pdf", "--timeout", "0.05"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/timed out after 0\.05 s/u);
    const b = run(["convert", "fixtures/pdf/001_29682c494441ef65.pdf", "fixtures/seeds/000_992a28b6471132da.txt", "--format", "ndjson", "--timeout", "0.2", "--jobs", "1", "--quiet"]);
    expect(b.code).toBe(7);
    expect(b.stdout.trim().split("\n").length).toBe(44); // the text notice still converted
  });

  it("a Word file that would inflate past the limit, or holds too many entries, is refused before inflating", async () => {
    const zip = await JSZip.loadAsync(readFileSync("fixtures/docx/000_992a28b6471132da.docx"));
    const buf = Buffer.from(await zip.generateAsync({ type: "nodebuffer" }));
    // Declare document.xml as 1.5 GB in the central directory (compressed data unchanged).
    const cd = buf.indexOf(Buffer.from("504b0102", "hex"));
    let at = cd;
    while (at >= 0) {
      const nameLen = buf.readUInt16LE(at + 28);
      if (buf.subarray(at + 46, at + 46 + nameLen).toString() === "word/document.xml") buf.writeUInt32LE(1_500_000_000, at + 24);
      at = buf.indexOf(Buffer.from("504b0102", "hex"), at + 4);
    }
    const bomb = path.join(dir, "bomb.docx");
    writeFileSync(bomb, buf);
    const r = run(["convert", bomb]);
    expect(r.code).toBe(4);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/bomb\.docx: would inflate to \d+ MB \(limit 512 MB\): a zip bomb\?/u);

    const many = new JSZip();
    many.file("word/document.xml", "<w:document/>");
    for (let i = 0; i < 10_001; i++) many.file(`x/${i}`, "");
    const crowded = path.join(dir, "crowded.docx");
    writeFileSync(crowded, await many.generateAsync({ type: "nodebuffer" }));
    const c = run(["convert", crowded]);
    expect(c.code).toBe(4);
    expect(c.stderr).toMatch(/crowded\.docx: \d{5} entries in the archive \(limit 10000\)/u);
  });

  it("a table past the maximum size is refused", () => {
    expect(() => expandSpans([Array.from({ length: 201 }, () => ({ text: "x", lines: [], rowSpan: 1, colSpan: 1 }))])).toThrow(/table too large \(201 columns, limit 200\)/u);
    expect(() => expandSpans([[{ text: "x", lines: [], rowSpan: 1, colSpan: 150 }], ...Array.from({ length: 4000 }, () => [{ text: "y", lines: [], rowSpan: 1, colSpan: 150 }])])).toThrow(/over 500000 cells/u);
    const html = path.join(dir, "wide.html");
    writeFileSync(html, `<table><tr><th>序号</th><th>具体要求</th><th>责任单位</th></tr><tr><td colspan="1000">x</td></tr>${"<tr><td colspan=\"190\">y</td></tr>".repeat(3000)}</table>`);
    const r = run(["convert", html]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/wide\.html: table too large/u);
  });
});

describe("paths", () => {
  it("an output path never leaves the output folder", () => {
    expect(safeRel("../../etc/passwd", "/x/passwd")).toBe("passwd");
    expect(safeRel("/etc/passwd", "/etc/passwd")).toBe("passwd");
    expect(safeRel("2019/a.txt", "/x/2019/a.txt")).toBe(path.join("2019", "a.txt"));
  });

  it("a glob reaching up with .. writes under the output folder, mirroring below its base", () => {
    const base = mkdtempSync(path.join(os.tmpdir(), "wp-glob-"));
    mkdirSync(path.join(base, "in", "2020"), { recursive: true });
    copyFileSync("fixtures/seeds/004_091f97d7362963d8.txt", path.join(base, "in", "2020", "n.txt"));
    const out = path.join(base, "out");
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/workplan.js"), "convert", "../in/**/*.txt", "-o", `${out}/`, "--quiet"], { cwd: path.join(base, "out-cwd-placeholder".replace("out-cwd-placeholder", "in")), encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(["2020", path.join("2020", "n.txt.json")]);
  });

  it("symbolic links in an input folder are not followed", () => {
    const tree = mkdtempSync(path.join(os.tmpdir(), "wp-links-"));
    const outside = mkdtempSync(path.join(os.tmpdir(), "wp-outside-"));
    copyFileSync("fixtures/seeds/004_091f97d7362963d8.txt", path.join(outside, "secret.txt"));
    copyFileSync("fixtures/seeds/003_ef27fd673396f65e.txt", path.join(tree, "real.txt"));
    symlinkSync(path.join(outside, "secret.txt"), path.join(tree, "link.txt"));
    symlinkSync(outside, path.join(tree, "linkdir"));
    const r = run(["convert", tree, "--format", "ndjson", "--quiet", "--report", path.join(tree, "..", `${path.basename(tree)}.json`)]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(readFileSync(path.join(tree, "..", `${path.basename(tree)}.json`), "utf8")) as { files: Array<{ source: string; status: string; reason?: string }> };
    expect(rep.files.map((f) => path.basename(f.source)).sort()).toEqual(["link.txt", "linkdir", "real.txt"]);
    expect(rep.files.filter((f) => f.status === "converted").map((f) => path.basename(f.source))).toEqual(["real.txt"]);
    expect(rep.files.find((f) => f.source.endsWith("link.txt"))).toMatchObject({ status: "skipped", reason: "a symbolic link (not followed)" });
  });
});

describe("no network, no document code", () => {
  it("converting every format opens no socket and fetches nothing", async () => {
    const net = await import("node:net");
    const dns = (await import("node:dns")).default;
    const calls: string[] = [];
    const saved = { connect: net.Socket.prototype.connect, lookup: dns.lookup, fetch: globalThis.fetch };
    net.Socket.prototype.connect = function (...args: unknown[]) {
      calls.push(`connect ${JSON.stringify(args[0])}`);
      throw new Error("network is off in this test");
    } as typeof net.Socket.prototype.connect;
    (dns as { lookup: unknown }).lookup = () => {
      calls.push("dns");
      throw new Error("network is off in this test");
    };
    globalThis.fetch = (async (u: unknown) => {
      calls.push(`fetch ${String(u)}`);
      throw new Error("network is off in this test");
    }) as typeof fetch;
    try {
      const { convertFile } = await import("../src/pipeline.js");
      for (const f of ["fixtures/seeds/000_992a28b6471132da.txt", "fixtures/html/001_29682c494441ef65.html", "fixtures/docx/002_4354457bd10285a1.docx", "fixtures/pdf/000_992a28b6471132da-chromium-header-footer.pdf"]) {
        expect((await convertFile(f)).plan.tasks.length, f).toBeGreaterThan(0);
      }
      // A page whose script would fetch and write: never run.
      const page = path.join(dir, "script.html");
      writeFileSync(page, `<script>fetch("http://example.invalid/");document.write("<table><tr><td>序号</td><td>具体要求</td><td>责任单位</td></tr></table>")</script><table><tr><td>序号</td><td>具体要求</td><td>责任单位</td></tr><tr><td>1</td><td>做好公开。</td><td>市政府办</td></tr></table>`);
      expect((await convertFile(page)).plan.tasks.map((t) => t.text)).toEqual(["做好公开。"]);
    } finally {
      net.Socket.prototype.connect = saved.connect;
      (dns as { lookup: unknown }).lookup = saved.lookup;
      globalThis.fetch = saved.fetch;
    }
    expect(calls).toEqual([]);
  });
});

describe("fuzz (short, fixed seed)", () => {
  it("mutated and hostile cases of every format end in valid output or a clean error, within 10 s and 1 GB each, nothing half-written", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/fuzz.mjs"), "--cases", "150", "--seed", "42", "--scale", "0.1"], { cwd: ROOT, encoding: "utf8" });
    const counts = JSON.parse(r.stdout.trim().split("\n")[0]!) as { cases: number; valid: number; cleanErrors: number; crashes: number; overBudget: number; partial: number };
    expect(counts.cases).toBe(150);
    expect(counts.valid + counts.cleanErrors).toBe(150);
    expect({ crashes: counts.crashes, overBudget: counts.overBudget, partial: counts.partial }, r.stdout).toEqual({ crashes: 0, overBudget: 0, partial: 0 });
  }, 300_000);
});
