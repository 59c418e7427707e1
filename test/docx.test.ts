// Word notices: merges mammoth reads, merges it loses, and files that are not Word.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { convertFile } from "../src/pipeline.js";
import { run } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "wp-docx-"));
const key = (t: { number: string | null; path: string[]; text: string | null; unitsText: string | null; deadlineText: string | null }) =>
  [t.number, t.path.join(">").replace(/\s/gu, ""), t.text, (t.unitsText ?? "").replace(/\s/gu, ""), t.deadlineText];

describe("DOCX", () => {
  it("reads the same tasks as the same notice in text and HTML", async () => {
    const docx = (await convertFile("fixtures/docx/003_ef27fd673396f65e.docx")).plan;
    const html = (await convertFile("fixtures/html/003_ef27fd673396f65e.html")).plan;
    expect(docx.source.format).toBe("docx");
    expect(docx.title).toBe(html.title);
    expect(docx.year).toBe(2020);
    expect(docx.tasks.map(key)).toEqual(html.tasks.map(key));
  });

  it("rebuilds merges mammoth drops when a row holds a bookmark", async () => {
    const { plan } = await convertFile("fixtures/docx/000-bookmark.docx");
    expect(plan.warnings.map((w) => w.code)).toContain("docx-merges-rebuilt");
    const clean = (await convertFile("fixtures/docx/000_992a28b6471132da.docx")).plan;
    expect(plan.tasks.map(key)).toEqual(clean.tasks.map(key));
  });

  it("reads a prose notice", async () => {
    const { plan } = await convertFile("fixtures/docx/004_091f97d7362963d8.docx");
    expect(plan.source.layout).toBe("docx-prose");
    expect(plan.tasks).toHaveLength(16);
  });

  it("a .docx that is not a zip, and a zip that is not a Word file: one-line errors, exit 4", async () => {
    const notZip = path.join(dir, "fake.docx");
    writeFileSync(notZip, "just some text");
    const zip = new JSZip();
    zip.file("hello.txt", "not word");
    const notWord = path.join(dir, "archive.docx");
    writeFileSync(notWord, await zip.generateAsync({ type: "nodebuffer" }));
    const truncated = path.join(dir, "truncated.docx");
    const real = await import("node:fs").then((fs) => fs.readFileSync("fixtures/docx/000_992a28b6471132da.docx"));
    writeFileSync(truncated, real.subarray(0, real.length / 2));
    for (const [f, reason] of [
      [notZip, /fake\.docx: the extension says DOCX, but the content is not/u],
      [notWord, /archive\.docx: a zip archive, but not a Word document/u],
      [truncated, /truncated\.docx: not a valid \.docx/u],
    ] as const) {
      const r = run(["convert", f]);
      expect(r.code, f).toBe(4);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
    }
  });
});
