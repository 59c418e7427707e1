// PDF notices: what the lattice reading must keep, and the files it must refuse clearly.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertFile } from "../src/pipeline.js";
import { run } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "wp-pdf-"));
const key = (t: { number: string | null; path: string[]; text: string | null; unitsText: string | null; deadlineText: string | null }) =>
  [t.number, t.path.join(">").replace(/\s/gu, ""), (t.text ?? "").replace(/\s/gu, ""), (t.unitsText ?? "").replace(/\s/gu, ""), t.deadlineText];

describe("PDF", () => {
  it("reads the same tasks as the same notice in Word and HTML, from LibreOffice and Chromium", async () => {
    const word = (await convertFile("fixtures/docx/000_992a28b6471132da.docx")).plan;
    const docx = word.tasks.map(key);
    for (const f of ["fixtures/pdf/000_992a28b6471132da.pdf", "fixtures/pdf/000_992a28b6471132da-chromium-header-footer.pdf"]) {
      const { plan, laid } = await convertFile(f);
      expect(laid.layout, f).toBe("pdf-lattice");
      // The title as typed, with its space: a PDF's real spaces are text, not gaps.
      expect(plan.title).toBe(word.title);
      expect(plan.title).toBe("2019 年政务公开重点工作任务分工");
      expect(plan.tasks.map(key), f).toEqual(docx);
    }
  });

  it("reads a table printed without rulings from the positions of its text", async () => {
    const stream = await convertFile("fixtures/pdf/003_ef27fd673396f65e-chromium-borderless.pdf");
    expect(stream.laid.layout).toBe("pdf-stream");
    const docx = (await convertFile("fixtures/docx/003_ef27fd673396f65e.docx")).plan.tasks.map(key);
    expect(stream.plan.tasks.map(key)).toEqual(docx);
  });

  it("reads a page stored sideways and turned by /Rotate the way it is shown", async () => {
    // Made with qpdf from the landscape PDF: content turned a quarter back into a
    // portrait MediaBox, then /Rotate 90 on the page.
    const bytes = readFileSync("fixtures/pdf/002_4354457bd10285a1-rotated.pdf", "latin1");
    expect(bytes).toMatch(/\/Rotate 90/u);
    const turned = await convertFile("fixtures/pdf/002_4354457bd10285a1-rotated.pdf");
    const flat = await convertFile("fixtures/pdf/002_4354457bd10285a1-chromium-landscape.pdf");
    expect(turned.laid.layout).toBe("pdf-lattice");
    expect(turned.plan.tasks.map(key)).toEqual(flat.plan.tasks.map(key));
  });

  it("drops running headers and footers (date, title, URL, page numbers)", async () => {
    const { plan, laid } = await convertFile("fixtures/pdf/000_992a28b6471132da-chromium-header-footer.pdf");
    expect(laid.reason).toMatch(/[1-9]\d* running header\/footer lines dropped/u);
    expect(JSON.stringify(plan.tasks)).not.toMatch(/file:\/\/|\d+\/9/u);
  });

  it("joins a table continued over pages and rows split by a page break; gives each task its page", async () => {
    const { plan } = await convertFile("fixtures/pdf/003_ef27fd673396f65e.pdf");
    const pages = new Set(plan.tasks.map((t) => t.provenance.page));
    expect(pages.size).toBeGreaterThan(3);
    expect(plan.tasks.find((t) => t.number === "40")!.deadlineText).toBe("11月底前");
  });

  it("inspect reports, per page, the rulings, the ruled grid with its merged cells and the text placed", () => {
    const r = run(["inspect", "fixtures/pdf/003_ef27fd673396f65e.pdf", "--rows", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/layout:\s+pdf-lattice/u);
    expect(r.stdout).toMatch(/^ +1: +\d+ rulings; \d+×6, \d+ merged; text \d+ placed \/ \d+ outside$/mu);
    expect(r.stdout).toMatch(/\[r\d\]一、围绕/u);
  });

  it("--pages reads only the pages asked for", () => {
    const all = JSON.parse(run(["convert", "fixtures/pdf/003_ef27fd673396f65e.pdf"]).stdout).tasks.length;
    const r = run(["convert", "fixtures/pdf/003_ef27fd673396f65e.pdf", "--pages", "1-2"]);
    expect(r.code).toBe(0);
    const some = JSON.parse(r.stdout).tasks;
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all);
    expect(new Set(some.map((t: { provenance: { page: number } }) => t.provenance.page))).toEqual(new Set([1, 2]));
    expect(run(["convert", "fixtures/pdf/003_ef27fd673396f65e.pdf", "--pages", "x"]).code).toBe(2);
  });

  it("an encrypted PDF needs --password; with it, it reads", () => {
    const locked = run(["convert", "fixtures/pdf/bad/encrypted.pdf"]);
    expect(locked.code).toBe(4);
    expect(locked.stderr).toMatch(/encrypted\.pdf: encrypted PDF: it needs a password \(--password\)/u);
    expect(run(["convert", "fixtures/pdf/bad/encrypted.pdf", "--password", "wrong"]).stderr).toMatch(/the password is wrong/u);
    const open = run(["convert", "fixtures/pdf/bad/encrypted.pdf", "--password", "secret"]);
    expect(open.code).toBe(0);
    expect(JSON.parse(open.stdout).tasks).toHaveLength(16);
  });

  it("a scanned PDF (no text layer), a truncated PDF, a fake one and a broken one: one line each, exit 4", () => {
    const real = readFileSync("fixtures/pdf/000_992a28b6471132da.pdf");
    const truncated = path.join(dir, "truncated.pdf");
    writeFileSync(truncated, real.subarray(0, Math.floor(real.length / 3)));
    const fake = path.join(dir, "fake.pdf");
    writeFileSync(fake, "这不是PDF文件");
    const header = path.join(dir, "header-only.pdf");
    writeFileSync(header, "%PDF-1.7\n%\xe2\xe3\n1 0 obj << /Type /Catalog >>\nstartxref 0\n%%EOF\n");
    for (const [f, reason] of [
      ["fixtures/pdf/bad/no-text.pdf", /no-text\.pdf: no text layer/u],
      [truncated, /truncated\.pdf: (?:not a readable PDF|no text layer|PDF could not be read)/u],
      [fake, /fake\.pdf: the extension says PDF, but the content is not/u],
      [header, /header-only\.pdf: not a readable PDF \(corrupt or truncated\)/u],
    ] as const) {
      const r = run(["convert", f]);
      expect(r.code, f).toBe(4);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
    }
  });
});
