// Word notices: merged cells, a row holding a bookmark, numbering, and files that are not Word.
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

  it("keeps vertical merges when a row holds a bookmark (converters such as mammoth drop them)", async () => {
    const { plan } = await convertFile("fixtures/docx/000-bookmark.docx");
    expect(plan.warnings).toEqual([]);
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
    // A part read after the body (styles.xml) whose recorded size is wrong.
    const zipped = Buffer.from(await (await JSZip.loadAsync(real)).generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const name = Buffer.from("word/styles.xml");
    for (let at = zipped.indexOf(name); at >= 0; at = zipped.indexOf(name, at + 1)) {
      if (zipped.readUInt32LE(at - 30) === 0x04034b50) zipped.writeUInt32LE(7, at - 30 + 22);
      if (zipped.readUInt32LE(at - 46) === 0x02014b50) zipped.writeUInt32LE(7, at - 46 + 24);
    }
    const badPart = path.join(dir, "bad-part.docx");
    writeFileSync(badPart, zipped);
    for (const [f, reason] of [
      [notZip, /fake\.docx: the extension says DOCX, but the content is not/u],
      [notWord, /archive\.docx: a zip archive: not a document workplan reads/u],
      [truncated, /truncated\.docx: not a valid \.docx/u],
      [badPart, /bad-part\.docx: not a valid \.docx \(word\/styles\.xml: /u],
    ] as const) {
      const r = run(["convert", f]);
      expect(r.code, f).toBe(4);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
    }
  });
});

describe("DOCX automatic numbering", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (text: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  const tc = (inner: string) => `<w:tc>${inner}</w:tc>`;
  const numbered = (text: string) => p(text, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>');
  const table = (rows: string[][]) =>
    `<w:tbl>${[["序号", "具体要求", "责任单位", "完成时限"].map((h) => tc(p(h))).join(""), ...rows.map((r) => [numbered(""), ...r.map((c) => p(c))].map(tc).join(""))].map((r) => `<w:tr>${r}</w:tr>`).join("")}</w:tbl>`;

  it("writes Word's list numbers (一、 headings through a style, a 序号 column) into the text", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file("word/_rels/document.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
    zip.file("word/numbering.xml", `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`);
    zip.file("word/styles.xml", `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`);
    zip.file(
      "word/document.xml",
      `<w:document ${W}><w:body>${p("某市2023年政务公开重点任务清单")}${p("加强政策解读", '<w:pStyle w:val="Heading2"/>')}${table([
        ["做好重要政策解读。", "市政府办公室", "6月底前"],
        ["加强解读材料审核。", "市司法局", "全年"],
      ])}${p("推进平台建设", '<w:pStyle w:val="Heading2"/>')}${table([["规范政府网站管理。", "市数据资源局", "持续推进"]])}</w:body></w:document>`,
    );
    const f = path.join(dir, "numbered.docx");
    writeFileSync(f, await zip.generateAsync({ type: "nodebuffer" }));
    const { plan } = await convertFile(f);
    expect(plan.title).toBe("某市2023年政务公开重点任务清单");
    expect(plan.tasks.map((t) => [t.number, t.path.join(">"), t.text])).toEqual([
      ["1", "一、加强政策解读", "做好重要政策解读。"],
      ["2", "一、加强政策解读", "加强解读材料审核。"],
      ["3", "二、推进平台建设", "规范政府网站管理。"],
    ]);
  });
});
