import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { tablesFromXml } from "./tables.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const tc = (text: string, pr = "") => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const doc = (rows: string[]) => `<w:document ${W}><w:body><w:tbl>${rows.map((r) => `<w:tr>${r}</w:tr>`).join("")}</w:tbl></w:body></w:document>`;

describe("tables from document.xml", () => {
  it("turns vMerge restart/continue into a rowspan and gridSpan into a colspan", () => {
    const [html] = tablesFromXml(
      load(doc([tc("1") + tc("一、甲", '<w:vMerge w:val="restart"/>') + tc("要求", '<w:gridSpan w:val="2"/>'), tc("2") + tc("", "<w:vMerge/>") + tc("a") + tc("b")]), { xml: true }),
    );
    expect(html).toBe('<table><tr><td>1</td><td rowspan="2">一、甲</td><td colspan="2">要求</td></tr><tr><td>2</td><td>a</td><td>b</td></tr></table>');
  });

  it("keeps the columns of a row that starts with w:gridBefore, and a bookmark between cells is no cell", () => {
    const [html] = tablesFromXml(
      load(doc([tc("A") + tc("B") + tc("C"), `<w:trPr><w:gridBefore w:val="1"/></w:trPr><w:bookmarkStart w:id="1" w:name="x"/>` + tc("b") + tc("c")]), { xml: true }),
    );
    expect(html).toBe("<table><tr><td>A</td><td>B</td><td>C</td></tr><tr><td></td><td>b</td><td>c</td></tr></table>");
  });

  it("follows a vertical merge over 20 rows", () => {
    const rows = [tc("0") + tc("县政府各部门", '<w:vMerge w:val="restart"/>'), ...Array.from({ length: 20 }, (_, i) => tc(String(i + 1)) + tc("", "<w:vMerge/>"))];
    const [html] = tablesFromXml(load(doc(rows), { xml: true }));
    expect(html).toContain('<td rowspan="21">县政府各部门</td>');
  });

  it("reads line breaks and paragraphs in a cell as lines", () => {
    const cell = `<w:tc><w:p><w:r><w:t>市财政局</w:t><w:br/><w:t>市税务局</w:t></w:r></w:p><w:p><w:r><w:t>各县区政府</w:t></w:r></w:p></w:tc>`;
    const [html] = tablesFromXml(load(doc([cell]), { xml: true }));
    expect(html).toBe("<table><tr><td>市财政局<br>市税务局<br>各县区政府</td></tr></table>");
  });
});
