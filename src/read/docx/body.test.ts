import { isTag, isText, type ChildNode } from "domhandler";
import { describe, expect, it } from "vitest";
import { BodyReader } from "./body.js";
import { parseXml } from "./xml.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const tc = (text: string, pr = "") => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const table = (rows: string[]) => `<w:tbl>${rows.map((r) => `<w:tr>${r}</w:tr>`).join("")}</w:tbl>`;

/** The nodes as HTML, the way the web-page layout would have parsed them. */
function render(nodes: ChildNode[]): string {
  return nodes
    .map((n) => {
      if (isText(n)) return n.data.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
      if (!isTag(n)) return "";
      if (n.name === "br") return "<br>";
      const attrs = Object.entries(n.attribs).map(([k, v]) => ` ${k}="${v}"`).join("");
      return `<${n.name}${attrs}>${render(n.children)}</${n.name}>`;
    })
    .join("");
}

function html(body: string): string {
  const reader = new BodyReader("body", null);
  parseXml(`<w:document ${W}><w:body>${body}</w:body></w:document>`, reader);
  return render(reader.result());
}

describe("document.xml to HTML", () => {
  it("turns vMerge restart/continue into a rowspan and gridSpan into a colspan", () => {
    expect(html(table([tc("1") + tc("一、甲", '<w:vMerge w:val="restart"/>') + tc("要求", '<w:gridSpan w:val="2"/>'), tc("2") + tc("", "<w:vMerge/>") + tc("a") + tc("b")]))).toBe(
      '<table><tr><td>1</td><td rowspan="2">一、甲</td><td colspan="2">要求</td></tr><tr><td>2</td><td>a</td><td>b</td></tr></table>',
    );
  });

  it("keeps the columns of a row that starts with w:gridBefore, and a bookmark between cells is no cell", () => {
    expect(html(table([tc("A") + tc("B") + tc("C"), `<w:trPr><w:gridBefore w:val="1"/></w:trPr><w:bookmarkStart w:id="1" w:name="x"/>` + tc("b") + tc("c")]))).toBe(
      "<table><tr><td>A</td><td>B</td><td>C</td></tr><tr><td></td><td>b</td><td>c</td></tr></table>",
    );
  });

  it("follows a vertical merge over 20 rows", () => {
    const rows = [tc("0") + tc("县政府各部门", '<w:vMerge w:val="restart"/>'), ...Array.from({ length: 20 }, (_, i) => tc(String(i + 1)) + tc("", "<w:vMerge/>"))];
    expect(html(table(rows))).toContain('<td rowspan="21">县政府各部门</td>');
  });

  it("reads line breaks and paragraphs in a cell as lines", () => {
    const cell = `<w:tc><w:p><w:r><w:t>市财政局</w:t><w:br/><w:t>市税务局</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>各县区政府</w:t></w:r></w:p></w:tc>`;
    expect(html(table([cell]))).toBe("<table><tr><td>市财政局<br>市税务局<br>各县区政府</td></tr></table>");
  });

  it("looks through content controls and custom XML around rows and cells", () => {
    const row = `<w:sdt><w:sdtPr><w:alias w:val="行"/></w:sdtPr><w:sdtContent><w:tr><w:customXml w:element="c">${tc("1")}</w:customXml>${tc("做好解读")}</w:tr></w:sdtContent></w:sdt>`;
    expect(html(`<w:tbl>${row}</w:tbl>`)).toBe("<table><tr><td>1</td><td>做好解读</td></tr></table>");
  });

  it("reads what a reader sees: inserted text yes, deleted text and field instructions no", () => {
    const p =
      `<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">见 </w:t></w:r>` +
      `<w:del w:id="1"><w:r><w:delText>旧文</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>新文</w:t></w:r></w:ins>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:hyperlink r:id="x"><w:r><w:t>&amp;链接&lt;</w:t></w:r></w:hyperlink></w:p>`;
    expect(html(p)).toBe("<p>见 新文3&amp;链接&lt;</p>");
  });

  it("reads a text box after the paragraph that anchors it, one branch of alternate content only", () => {
    const box = (t: string) => `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
    const p = `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box("框内")}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box("框内")}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    expect(html(p)).toBe("<p>正文<br>框内</p>");
  });

  it("keeps a table nested in a cell inside that cell", () => {
    const inner = table([tc("x") + tc("y")]);
    const outer = table([`<w:tc><w:p><w:r><w:t>上</w:t></w:r></w:p>${inner}<w:p/></w:tc>` + tc("右")]);
    expect(html(outer)).toBe("<table><tr><td>上<br><table><tr><td>x</td><td>y</td></tr></table></td><td>右</td></tr></table>");
  });
});
