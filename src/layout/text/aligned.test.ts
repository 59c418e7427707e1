// The pieces of the space-aligned layout, on small pages written for each rule.
import { describe, expect, it } from "vitest";
import { blocksOf, pageColumns, segmentsOf } from "./alignedBlocks.js";
import { alignmentVotes, shownAlignment, spanStarts } from "./rowSpans.js";
import { layAligned } from "./aligned.js";
import { sourceLines } from "./lines.js";

const at = (n: number, text: string) => " ".repeat(n) + text;
/** A line with each text at its column. */
const line = (...cells: Array<[number, string]>) => cells.reduce((l, [n, t]) => l.padEnd(n) + t, "");
const texts = (lines: string[]) => blocksOf(segmentsOf(lines)).map((b) => b.segments.map((s) => s.text).join("|"));
/** One column's cells, row by row, of the table laid from these lines (pages apart by \f); `breaks`: line breaks kept, else joined. */
function column(lines: string[], title: string, breaks = false): string[] {
  const table = layAligned(sourceLines(lines.join("\n")))!.table!;
  const at = table.header.indexOf(title);
  return table.rows.map((r) => (breaks ? r.cells[at]!.text : r.cells[at]!.text.replace(/\n/gu, "")));
}

describe("cells as pdftotext laid them out", () => {
  it("a word one space on is the same cell unless a line above or below starts text at its column", () => {
    const segs = segmentsOf(["围绕 2026 年重点任 区财政局", "务，公开预算执行情况说明 局，各街道"]);
    // 2026 starts where no other line starts text: a word of the cell; 区财政局 starts where 局 does.
    expect(segs[0]!.map((s) => s.text)).toEqual(["围绕 2026 年重点任", "区财政局"]);
  });

  it("a word one space past a cell as wide as its wrapped lines starts the next column's cell; half-width digits make a line longer, not wider", () => {
    // 以促进就 is full at 4 characters (促进就业 / 稳岗 below): 深化改革 cannot be its.
    const segs = segmentsOf(["以促进就 深化改革     公开", "促进就业", "稳岗"]);
    expect(segs[0]!.map((s) => s.text)).toEqual(["以促进就", "深化改革", "公开"]);
    // 全面公开，2027 holds 5 full-width and 4 half-width characters: 7 wide, under lines 9 wide.
    const digits = segmentsOf(["全面公开，2027 年底", "各部门系统梳理本机", "关制发的规范性文件", "目录"]);
    expect(digits[0]!.map((s) => s.text)).toEqual(["全面公开，2027 年底"]);
  });

  it("a cell's lines below are full though the next column's cell follows them one space on: a word one space past its first line starts that cell", () => {
    // 2026 makes the first line longer and pushes 区财政局 three characters right of 局 and 教育局.
    const segs = segmentsOf(["按照 2026 年预算公开要 区财政局、区审计", "求，全面公开部门预算 局、区发改委、区", "和决算，细化到项级科 教育局", "目并说明变化原因。"]);
    expect(segs[0]!.map((s) => s.text)).toEqual(["按照 2026 年预算公开要", "区财政局、区审计"]);
  });

  it("a word one space on starts the cell whose column the line above starts an inner cell at, though it would fit the cell before it", () => {
    // 基础工 is short (作， cannot break); 导 would make it as wide as 作，完善, but （一） starts a cell at its column above.
    const segs = segmentsOf([at(5, "一、夯实 （一）加强组织领"), at(5, "基础工 导"), at(5, "作，完善"), at(5, "公开制度")]);
    expect(segs[1]!.map((s) => s.text)).toEqual(["基础工", "导"]);
  });

  it("a word one space past a short line inside a cell is the same line's, though the lines around start words near it", () => {
    // 农业 cannot be a full line of the cell whose lines are 9 wide: 农村局、 goes on it.
    const segs = segmentsOf(["县发展改革委、县农", "业 农村局、县财政", "局 、县税务局等"]);
    expect(segs[1]!.map((s) => s.text)).toEqual(["业 农村局、县财政"]);
  });

  it("a justified cell's letter spacing, printed as a space at a place that moves from line to line, stays inside the cell", () => {
    // 会保 and 政局 start a column apart and so support each other; but each line with the
    // word after its space is no wider than the cell's whole lines (9): the same cell.
    const segs = segmentsOf([at(20, "区住房城乡建设局、"), at(20, "区人力资源社 会保"), at(20, "障局、区财 政局"), at(20, "区教育体育局牵头")]);
    expect(segs[1]!.map((s) => s.text)).toEqual(["区人力资源社 会保"]);
    expect(segs[2]!.map((s) => s.text)).toEqual(["障局、区财 政局"]);
  });

  it("a line below is as wide as its words up to a two-space gap: 10 日内 is a line three wide, so 首月 is no full line", () => {
    const segs = segmentsOf([at(30, "每半年"), at(30, "首月 前"), at(30, "10 日内"), at(30, "完成")]);
    expect(segs[1]!.map((s) => s.text)).toEqual(["首月 前"]);
    expect(segs[2]!.map((s) => s.text)).toEqual(["10 日内"]);
  });

  it("a full line's test looks past a line of another cell between the cell's lines, and stops at the cell's last line", () => {
    // 年内 one space past a full units line (9 wide; 县文旅局、县水利局 below, past a line of another column).
    const units = segmentsOf([at(30, "县统计局、县审计局"), at(30, "县民政局、县商务局 年内"), at(2, "某项任务要求"), at(30, "县文旅局、县水利局"), at(30, "县应急局牵头")]);
    expect(units[1]!.map((s) => s.text)).toEqual(["县民政局、县商务局", "年内"]);
    // The requirement's lines end at 开工作; the next row's line (with its units one space on) says nothing of its width.
    const text = segmentsOf([at(10, "全面梳理行政权力清单 区各部门"), at(10, "并按要求及时向社会公"), at(10, "开工作"), "5", at(10, "完善公开目录动态更新 区政务公开办")]);
    expect(text[0]!.map((s) => s.text)).toEqual(["全面梳理行政权力清单", "区各部门"]);
  });

  it("a full line's second-last line: a word one space past it, between two full-width characters, starts the next cell, wherever half-width letters pushed it", () => {
    // The line above is as wide (9); (pdf和ofd版) makes this one longer and pushes 街道办事处 past its column.
    const segs = segmentsOf([at(4, "按月公开本级财政收支情"), at(4, "况，上传电子文本(pdf和ofd版)。2.县 街道办事处"), at(4, "开设专栏集中公开。")]);
    expect(segs[1]!.map((s) => s.text)).toEqual(["况，上传电子文本(pdf和ofd版)。2.县", "街道办事处"]);
    // A date one space past a full units line is the deadline cell; one past a date's own digits is the same date.
    const date = segmentsOf([at(30, "区政务公开办，各"), at(30, "试点街道、部门、 9 月底前"), at(30, "开发区")]);
    expect(date[1]!.map((s) => s.text)).toEqual(["试点街道、部门、", "9 月底前"]);
    const own = segmentsOf([at(30, "区政务公开办牵"), at(30, "2027 年 7 月"), at(30, "底前")]);
    expect(own[1]!.map((s) => s.text)).toEqual(["2027 年 7 月"]);
    // A space beside a digit is a word break inside the cell (2028 年), never a gutter by this rule.
    const digits = segmentsOf([at(4, "围绕年度重点任务公开"), at(4, "进展情况，于 2028 年"), at(4, "底前完成。")]);
    expect(digits[1]!.map((s) => s.text)).toEqual(["进展情况，于 2028 年"]);
  });

  it("a cell pdftotext pushed one space past a longer line before it joins the column it was pushed from, up to PUSH_REACH right of its start", () => {
    const page = segmentsOf([
      line([0, "1"], [4, "公开年度预算和决算"], [16, "区财政局"]),
      line([4, "情况说明"]),
      line([0, "2"], [4, "公开债务(2028—2030年)余额"], [23, "区审计局"]),
      line([4, "余额情况"]),
    ]);
    const cols = pageColumns(blocksOf(page));
    // 区审计局 stands seven characters right of 区财政局, one space past the digits' line: one units column, not two.
    expect(cols.map((c) => c.blocks.map((b) => b.segments[0]!.text))).toEqual([["1", "2"], ["公开年度预算和决算"], ["区财政局", "区审计局"]]);
  });

  it("a word one space before digits, at a column no line near starts at, is the first word of the cell the digits start (推进 2028 年…)", () => {
    // 推进 stands a character right of the heading above it and three left of the lines below.
    const segs = segmentsOf([line([2, "（一）"], [6, "预算"]), line([2, "公开"], [7, "推进"], [10, "2028 年部门预算公开"]), line([10, "工作，细化到项级科目"])]);
    expect(segs[1]!.map((s) => s.text)).toEqual(["公开", "推进 2028 年部门预算公开"]);
  });

  it("a heading marker with its heading one space on is one cell, though a line below starts text where the heading does", () => {
    const segs = segmentsOf([line([2, "（二）"], [6, "规范执法"]), line([7, "围绕年度执法计划公开"])]);
    expect(segs[0]!.map((s) => s.text)).toEqual(["（二） 规范执法"]);
  });

  it("a cell stays open across a line of another cell printed between two of its lines", () => {
    expect(texts(["公开预算执行情况", "                 区财政局", "及时回应关切"])).toEqual(["公开预算执行情况|及时回应关切", "区财政局"]);
  });

  it("a blank line or a long run of other cells' lines ends a cell", () => {
    expect(texts(["持续推进", "", "年底前"])).toEqual(["持续推进", "年底前"]);
    expect(texts(["          持续推进", "区", "区", "区", "          年底前"]).filter((t) => !t.startsWith("区"))).toEqual(["持续推进", "年底前"]);
  });

  it("a number never wraps: two 序号 in one column are two cells", () => {
    expect(texts(["2", "   公开", "3"])).toEqual(["2", "公开", "3"]);
  });

  it("two cells a few characters apart whose lines interleave (no line holds both) are two columns", () => {
    const lines = [at(29, "需进一步加"), at(25, "已完成"), at(29, "强投资和工"), at(25, "并持"), at(29, "程建设项目"), at(25, "续推进"), at(29, "信息公开")];
    const cols = pageColumns(blocksOf(segmentsOf(lines)));
    expect(cols.map((c) => c.blocks.map((b) => b.segments.map((x) => x.text).join("")))).toEqual([["已完成并持续推进"], ["需进一步加强投资和工程建设项目信息公开"]]);
  });

  it("a page's columns: starts a few characters apart are one column, unless their cells share a line; numbers stand apart", () => {
    const cols = pageColumns(blocksOf(segmentsOf(["1", "   公开清单", "   及时公开", "", "   二、  做好", "", "    三、加强"])));
    expect(cols.map((c) => c.blocks.map((b) => b.segments[0]!.text))).toEqual([["1"], ["公开清单", "二、", "三、加强"], ["做好"]]);
  });
});

describe("rows of space-aligned pages", () => {
  const header = [line([0, "序号"], [5, "工作任务"], [22, "具体要求"], [42, "责任单位"]), ""];
  it("two rows' requirements run together are cut where the next row's text starts, a line below its number", () => {
    const laid = layAligned(
      sourceLines([...header, "1", at(22, "公开甲项信息并", ), at(22, "及时更新目录"), at(22, "做好归档"), at(6, "类别"), "2", at(22, "公开乙项信息"), at(22, "并做好解读")].join("\n")),
    );
    const textAt = laid!.table!.header.findIndex((h) => h === "具体要求");
    expect(laid!.table!.rows.map((r) => r.cells[textAt]!.text.replace(/\n/gu, ""))).toEqual(["公开甲项信息并及时更新目录做好归档", "公开乙项信息并做好解读"]);
  });

  it("a requirement's lines with a line of another cell between them, and one pushed a few characters left, are one cell: the row's number does not start a second", () => {
    const laid = layAligned(
      sourceLines(
        [
          ...header,
          line([22, "公开年度预算执行情况，"]),
          line([42, "区财政局、区"]),
          line([0, "1"], [20, "说明收支增减变化原因"]),
          line([42, "审计局"]),
          line([22, "并接受社会监督。"]),
          "",
          line([0, "2"], [22, "公开部门决算。"], [42, "区财政局"]),
        ].join("\n"),
      ),
    );
    const textAt = laid!.table!.header.findIndex((h) => h === "具体要求");
    expect(laid!.table!.rows.map((r) => r.cells[textAt]!.text.replace(/\n/gu, ""))).toEqual(["公开年度预算执行情况，说明收支增减变化原因并接受社会监督。", "公开部门决算。"]);
  });

  it("a category cell as wide as both levels, on a page that prints one, is the level that stood as far left of the requirements", () => {
    const page1 = [
      ...header,
      line([0, "1"], [3, "一、推进"], [10, "（一）加"], [18, "按季度公开本级预算执行情况，说明收支"], [42, "区财政局"]),
      line([3, "财政公开"], [10, "强预算公"], [18, "增减变化的原因。"]),
      line([3, "工作"], [10, "开"]),
      "",
      line([0, "2"], [18, "在政府网站集中公开部门决算和说明，接"], [42, "区财政局"]),
      line([18, "受社会监督。"]),
    ];
    const page2 = [
      "\f",
      line([0, "3"], [10, "强化审计"], [18, "及时公开审计查出问题的整改结果，逐项"], [42, "区审计局"]),
      line([10, "结果公开"], [18, "说明整改措施和进度。"]),
      "",
      line([0, "4"], [18, "每年公开本级审计工作报告和审计结果公"], [42, "区审计局"]),
      line([18, "告。"]),
    ];
    const laid = layAligned(sourceLines([...page1, ...page2].join("\n")));
    const row3 = laid!.table!.rows.find((r) => r.cells[0]!.text === "3")!;
    // The second category column, as on page 1 (8 left of the requirements), not the first.
    expect(row3.cells.map((c) => c.text.replace(/\n/gu, ""))).toEqual(["3", "", "强化审计结果公开", "及时公开审计查出问题的整改结果，逐项说明整改措施和进度。", "区审计局"]);
  });

  it("a one-line category cell wider than the column it was packed into is of the narrowest column that holds it", () => {
    const page1 = [
      ...header,
      line([0, "1"], [3, "推进财"], [10, "做好预算执行"], [18, "按季度公开本级预算执行情况，说明收支"], [42, "区财政局"]),
      line([3, "政公开"], [10, "情况公开"], [18, "增减变化的原因。"]),
      "",
      line([0, "2"], [10, "推进债务信息"], [18, "公开政府债务限额和余额。"], [42, "区财政局"]),
      line([10, "公开"]),
    ];
    // Page 2: the outer level goes on (merged); 深化国有资产公开 (6 wide) is packed left, where the outer (3 wide) stood.
    const page2 = ["\f" + line([0, "3"], [3, "深化国有资产"], [18, "公开国有资产管理情况报告。"], [42, "区财政局"]), "", line([0, "4"], [18, "公开行政事业单位资产情况。"], [42, "区财政局"])];
    const laid = layAligned(sourceLines([...page1, ...page2].join("\n")));
    const row3 = laid!.table!.rows.find((r) => r.cells[0]!.text === "3")!;
    expect(row3.cells.slice(0, 3).map((c) => c.text.replace(/\n/gu, ""))).toEqual(["3", "", "深化国有资产"]);
  });

  it("two category levels of one heading style: a page that prints only the inner one puts a heading where its numbering goes on", () => {
    const page1 = [
      ...header,
      line([0, "1"], [3, "一、专项"], [18, "清理本级规范性文件，公布现行有效目录。"], [42, "区司法局"]),
      line([3, "工作"]),
      "",
      line([0, "2"], [3, "二、年度"], [10, "一、稳"], [18, "公开助企政策的申报条件和办理流程。"], [42, "区商务局"]),
      line([3, "任务"], [10, "就业"]),
    ];
    // Page 2 prints no outer cell (二、年度任务 goes on, merged): 二、促消费 numbers on from 一、稳就业, not back from 二、年度任务.
    const page2 = ["\f" + line([0, "3"], [3, "二、促"], [18, "公开消费券发放规则和核销结果。"], [42, "区商务局"]), line([3, "消费"])];
    const laid = layAligned(sourceLines([...page1, ...page2].join("\n")));
    const row3 = laid!.table!.rows.find((r) => r.cells[0]!.text === "3")!;
    expect(row3.cells.slice(0, 3).map((c) => c.text.replace(/\n/gu, ""))).toEqual(["3", "", "二、促消费"]);
  });

  it("the rest of a category cell the page break cut, packed into the outer column at the next page's top, goes on the cell it was cut from", () => {
    const page1 = [
      ...header,
      line([0, "1"], [3, "一、夯实"], [10, "（一）强"], [18, "明确专人负责政务公开日常工作。"], [42, "区政府办"]),
      line([3, "基础"], [10, "化组织"]),
      "",
      line([0, "2"], [10, "（二）加"], [18, "做好政府信息管理和公开数据统"], [42, "区政府办"]),
      line([10, "强相关基"]),
    ];
    // Page 2: no outer cell; 础工作 is packed to the left, where the outer column stood on page 1.
    const page2 = ["\f" + line([3, "础工作"], [18, "计等基础性工作。"]), "", line([0, "3"], [10, "（三）规"], [18, "按时报送政务公开工作年度报告。"], [42, "区政府办"]), line([10, "范报送"])];
    const laid = layAligned(sourceLines([...page1, ...page2].join("\n")));
    const row2 = laid!.table!.rows.find((r) => r.cells[0]!.text === "2")!;
    expect(row2.cells.slice(0, 4).map((c) => c.text.replace(/\n/gu, ""))).toEqual(["2", "", "（二）加强相关基础工作", "做好政府信息管理和公开数据统计等基础性工作。"]);
  });

  it("a merged cell printed on both pages of a row the break cuts is its text once", () => {
    const head = [line([0, "序号"], [5, "工作任务"], [18, "具体要求"], [38, "责任单位"], [50, "时限"]), ""];
    const page1 = [line([0, "1"], [5, "一、公开"], [18, "公开部门预算和决算，"], [38, "区财政局"], [50, "全年"]), line([18, "细化到项级科目，"])];
    const page2 = ["\f" + line([18, "并说明变化原因。"], [50, "全年"]), "", line([0, "2"], [18, "公开审计整改结果。"], [38, "区审计局"], [50, "年底前"])];
    const laid = layAligned(sourceLines([...head, ...page1, ...page2].join("\n")));
    const rows = laid!.table!.rows.map((r) => r.cells.map((c) => c.text.replace(/\n/gu, "")));
    expect(rows[0]).toEqual(["1", "一、公开", "", "公开部门预算和决算，细化到项级科目，并说明变化原因。", "区财政局", "全年"]);
  });

  it("a merged cell the break cuts, filling its column to the page's last line, goes on at the next page's top: every row it covers reads it whole", () => {
    const page1 = [...header, line([0, "1"], [22, "公开年度预算执行情况。"], [42, "区财政局、区"]), line([42, "审计局、区发"])];
    const page2 = (rest: string) => ["\f" + line([0, "2"], [22, "公开部门决算。"], [42, rest]), "", line([0, "3"], [22, "公开审计结果。"], [42, "区审计局"])];
    const units = (lines: string[]) => column(lines, "责任单位");
    expect(units([...page1, ...page2("改委")])).toEqual(["区财政局、区审计局、区发改委", "区财政局、区审计局、区发改委", "区审计局"]);
    // The page's last line shorter than the column: the cell ended there, and row 2's is its own.
    const ended = [...header, line([0, "1"], [22, "公开年度预算执行情况。"], [42, "区财政局、区"]), line([42, "审计局"])];
    expect(units([...ended, ...page2("区发改委")])).toEqual(["区财政局、区审计局", "区发改委", "区审计局"]);
  });

  it("a cell's line at the edge of a few pages is no furniture: furniture stands at the edge of half the pages or more", () => {
    const words = ["预算", "决算", "审计", "采购", "债务"];
    const page = (w: string, k: number) => [
      (k > 0 ? "\f" : "") + line([0, String(k + 1)], [22, `公开${w}信息，`], [42, "区财政局、区"]),
      line([22, `并说明${w}的变`], [42, "审计局、区发"]),
      line([22, "化原因。"], [42, "改委、"]),
      line([22, `公开${w}年报。`], [42, "区民政局，"]),
      // The unit cell's last line alone at the page's foot: the same on two pages of five.
      line([42, k < 2 ? "各街道" : `${w}所`]),
    ];
    const units = column([...header, ...words.flatMap(page)], "责任单位");
    expect(units.slice(0, 2)).toEqual(["区财政局、区审计局、区发改委、区民政局，各街道", "区财政局、区审计局、区发改委、区民政局，各街道"]);
    expect(units[2]).toMatch(/审计所$/u);
  });

  it("a row the break cuts, with a merged cell's copy above the break and a cell of its own below: its own, unless the merged cell ran to the page's foot", () => {
    const page1 = [...header, line([0, "1"], [22, "公开甲项。"], [42, "区财政局、区"]), line([42, "民政局"]), "", line([0, "2"], [22, "公开乙项。"]), "", line([0, "3"], [22, "公开丙项信息并"]), line([22, "及时更新"])];
    const page2 = ["\f" + line([22, "目录。"], [42, "区审计局"]), "", line([0, "4"], [22, "公开丁项。"], [42, "区商务局"])];
    expect(column([...page1, ...page2], "责任单位")).toEqual(["区财政局、区民政局", "区财政局、区民政局", "区审计局", "区商务局"]);
  });

  it("a requirement cell opening with numbered items (1.…。2.…) is no heading: a page that prints only requirements keeps them in their column, though the inner category is numbered 1.", () => {
    const page1 = [
      ...header,
      line([0, "1"], [3, "一、财政"], [10, "1.预算公"], [18, "按季度公开本级预算执行情况。"], [42, "区财政局"]),
      line([3, "公开"], [10, "开"]),
    ];
    const long = "2.公开部门决算和说明，细化到项级科目，逐项说明变化原因，并在政府网站集中公开，接受社会监督，及时回应关切，做好解读，同步发布图解。";
    const page2 = ["\f" + line([0, "2"], [18, long.slice(0, 18)], [42, "区财政局"]), ...[18, 36, 54].map((a) => line([18, long.slice(a, a + 18)]))];
    const laid = layAligned(sourceLines([...page1, ...page2].join("\n")))!;
    const at = laid.table!.header.indexOf("具体要求");
    const row2 = laid.table!.rows.find((r) => r.cells[0]!.text === "2")!;
    expect(row2.cells[at]!.text.replace(/\n/gu, "")).toBe(long);
  });

  it("a category cell's first line as short as a piece of a header word is no header line when it opens with a heading marker (一、年 / 底前工 / 作)", () => {
    // 一、年 stands alone on the line under the header: the cell is centred over its row.
    const body = [line([3, "一、年"]), line([0, "1"], [3, "底前工"], [18, "清理本级规范性文件，公布现行有效目录。"], [42, "区司法局"]), line([3, "作"]), "", line([0, "2"], [18, "公开年度报告。"], [42, "区政府办"])];
    const laid = layAligned(sourceLines([...header, ...body].join("\n")))!;
    expect(laid.table!.rows[0]!.cells[1]!.text.replace(/\n/gu, "")).toBe("一、年底前工作");
  });

  it("a heading that numbers on two category columns of one style at once is the inner one's: a later page prints the outer level merged, not again", () => {
    const page1 = [
      ...header,
      line([0, "1"], [3, "二、年度"], [10, "一、稳"], [18, "公开助企政策的申报条件和办理流程。"], [42, "区商务局"]),
      line([3, "任务"], [10, "就业"]),
      "",
      line([0, "2"], [10, "二、促"], [18, "公开消费券发放规则和核销结果。"], [42, "区商务局"]),
      line([10, "消费"]),
    ];
    // 三、 numbers on both 二、年度任务 and 二、促消费: on page 2 the outer is merged from page 1.
    const page2 = ["\f" + line([0, "3"], [3, "三、稳"], [18, "公开外贸企业扶持政策。"], [42, "区商务局"]), line([3, "外贸"])];
    const laid = layAligned(sourceLines([...page1, ...page2].join("\n")));
    const row3 = laid!.table!.rows.find((r) => r.cells[0]!.text === "3")!;
    expect(row3.cells.slice(0, 3).map((c) => c.text.replace(/\n/gu, ""))).toEqual(["3", "", "三、稳外贸"]);
  });

  it("a progress cell a page set under 备注, beside its row's empty 完成情况, is the row's 完成情况", () => {
    const head = [line([0, "序号"], [5, "具体要求"], [26, "责任单位"], [36, "完成情况"], [46, "备注"]), ""];
    const body = [
      line([0, "1"], [5, "公开部门预算和决算。"], [26, "区财政局"], [36, "已完成"], [46, "需细化到项级科目"]),
      "",
      // The page packed row 2's cells: its progress stands where the remarks do.
      line([0, "2"], [5, "公开审计整改结果。"], [26, "区审计局"], [46, "持续推进中"]),
    ];
    const laid = layAligned(sourceLines([...head, ...body].join("\n")))!;
    const rows = laid.table!.rows.map((r) => r.cells.map((c) => c.text));
    expect(rows[1]).toEqual(["2", "公开审计整改结果。", "区审计局", "持续推进中", ""]);
    expect(rows[0]).toEqual(["1", "公开部门预算和决算。", "区财政局", "已完成", "需细化到项级科目"]);
  });

  it("a row the break cuts: its cell that filled its column to the page's foot runs on into its rest, without a line break (区发 / 改委)", () => {
    const page1 = [...header, line([0, "1"], [22, "公开年度预算执行情况，"], [42, "区财政局、区"]), line([22, "说明收支增减"], [42, "审计局、区发"])];
    const page2 = ["\f" + line([22, "变化的原因。"], [42, "改委"]), "", line([0, "2"], [22, "公开审计结果。"], [42, "区审计局"])];
    expect(column([...page1, ...page2], "责任单位", true)).toEqual(["区财政局、区审计局、区发改委", "区审计局"]);
  });

  it("a row the break cuts: its own cell whose last line above the break fills the column runs on into its rest", () => {
    const page1 = [...header, line([0, "1"], [22, "公开年度预算执行情况。"], [42, "区财政局、区"]), line([42, "审计局"]), "", line([0, "2"], [22, "公开部门决算，"], [42, "区民政局、区"])];
    const page2 = ["\f" + line([22, "说明变化原因。"], [42, "发改委"]), "", line([0, "3"], [22, "公开审计结果。"], [42, "区审计局"])];
    expect(column([...page1, ...page2], "责任单位", true)).toEqual(["区财政局、区审计局", "区民政局、区发改委", "区审计局"]);
  });

  it("two rows' cells of one column run together (set at their rows' top, no blank line): a line at the next row's top after a line that ends the text starts its cell", () => {
    const head = [line([0, "序号"], [5, "具体要求"], [26, "责任单位"], [38, "完成时限"]), ""];
    const body = [
      line([0, "1"], [5, "按月公开财政收支情况，"], [26, "区财政局"], [38, "按月度、季度"]),
      line([5, "解读增减变化原因。"], [38, "公布"]),
      line([0, "2"], [5, "公开部门决算。"], [26, "区审计局"], [38, "全年工作"]),
    ];
    expect(column([...head, ...body], "完成时限")).toEqual(["按月度、季度公布", "全年工作"]);
  });

  it("a header row's lower cell printed one character a line past a blank line (重 / 点 / 重点任务 / 领 / 域) is header, however many lines it takes", () => {
    const head = [line([0, "序号"], [5, "工作任务"], [22, "具体要求"], [42, "责任单位"]), "", "重", "点", line([4, "重点任务"]), "领", "域", ""];
    const body = [line([0, "1"], [3, "一、公开"], [22, "公开部门预算和决算。"], [42, "区财政局"]), line([3, "财政"]), "", line([0, "2"], [22, "公开审计结果。"], [42, "区审计局"])];
    const laid = layAligned(sourceLines([...head, ...body].join("\n")))!;
    expect(laid.table!.rows[0]!.cells.map((c) => c.text.replace(/\n/gu, "")).join("|")).not.toMatch(/领|域/u);
    expect(laid.table!.rows[0]!.cells[1]!.text.replace(/\n/gu, "")).toBe("一、公开财政");
  });

  it("one 工作任务 header over three heading columns a page prints side by side is offered three times, beside a 任务名称 column", () => {
    const head = [line([0, "序号"], [8, "工作任务"], [26, "任务名称"], [36, "具体要求"], [56, "责任单位"]), ""];
    const body = [
      line([0, "1"], [3, "一、年度"], [10, "一、稳"], [17, "（一）公"], [26, "助企政策"], [36, "公开助企政策的申报条"], [56, "区商务局"]),
      line([3, "任务"], [10, "就业"], [17, "开政策"], [36, "件和办理流程。"]),
      "",
      line([0, "2"], [10, "二、促"], [17, "（一）公"], [36, "公开消费券发放规则和"], [56, "区商务局"]),
      line([10, "消费"], [17, "开规则"], [36, "核销结果。"]),
    ];
    const laid = layAligned(sourceLines([...head, ...body].join("\n")));
    expect(laid!.table!.header).toEqual(["序号", "工作任务", "", "", "任务名称", "具体要求", "责任单位"]);
    expect(laid!.table!.rows.map((r) => r.cells.slice(0, 5).map((c) => c.text.replace(/\n/gu, "")))).toEqual([
      ["1", "一、年度任务", "一、稳就业", "（一）公开政策", "助企政策"],
      ["2", "", "二、促消费", "（一）公开规则", ""],
    ]);
  });
});

describe("rows a merged cell covers", () => {
  const rows = [
    { top: 0, bottom: 3 },
    { top: 5, bottom: 6 },
    { top: 8, bottom: 9 },
  ];
  it("a cell centred over three rows starts at the first", () => {
    expect(spanStarts([{ top: 4, bottom: 5 }], rows)).toEqual([0]);
  });
  it("a cell between two rows covers both; the next starts after them", () => {
    expect(spanStarts([{ top: 0, bottom: 0 }, { top: 7, bottom: 7 }], rows)).toEqual([0, 1]);
  });
  it("cells set at their rows' top (a top-aligned table)", () => {
    expect(spanStarts([{ top: 0, bottom: 1 }, { top: 8, bottom: 9 }], rows)).toEqual([0, 2]);
  });
  it("a cell below the page's first row leaves that row to a cell of the page before", () => {
    expect(spanStarts([{ top: 8, bottom: 8 }], rows)).toEqual([2]);
  });
  it("on the table's first page no cell of a page before goes on: the first cell covers the first rows", () => {
    expect(spanStarts([{ top: 8, bottom: 8 }], rows, false)).toEqual([0]);
  });
  it("a cell at the top of a page's third row starts there, though a span from the page's top down past its rows would centre it too", () => {
    const five = [...rows, { top: 11, bottom: 14 }, { top: 16, bottom: 19 }];
    expect(spanStarts([{ top: 8, bottom: 9 }], five)).toEqual([2]);
  });
  it("a cell read as well at one row's top as centred over the rows before: the table's alignment decides", () => {
    const even = [0, 5, 10, 15, 20].map((top) => ({ top, bottom: top + 2 }));
    const cells = [
      { top: 0, bottom: 1 },
      { top: 9, bottom: 10 },
    ];
    expect(spanStarts(cells, even, false, "top")).toEqual([0, 2]);
    expect(spanStarts(cells, even, false, "middle")).toEqual([0, 1]);
  });
  it("a cell not the page's last is read in its column's alignment: only the last may be a cell the break cuts, set at its rows' top", () => {
    const rows5 = [
      { top: 0, bottom: 2 },
      { top: 5, bottom: 7 },
      { top: 10, bottom: 14 },
      { top: 17, bottom: 19 },
      { top: 22, bottom: 24 },
    ];
    const cells = [
      { top: 0, bottom: 1 },
      { top: 10, bottom: 13 },
      { top: 22, bottom: 23 },
    ];
    // 10–13 stands at row 2's top, and is centred over rows 1–3: a centring table reads the second.
    expect(spanStarts(cells, rows5, false, "middle")).toEqual([0, 1, 4]);
    expect(spanStarts(cells, rows5, false, "top")).toEqual([0, 2, 4]);
  });
  it("a cell wholly below a page's first row that goes on from the page before does not start there: that row's cells started on the page before", () => {
    const rows4 = [
      { top: 0, bottom: 2 },
      { top: 5, bottom: 7 },
      { top: 10, bottom: 14 },
      { top: 17, bottom: 19 },
    ];
    const cell = [{ top: 9, bottom: 12 }];
    // Centred over all four rows, it could start at the page's top; the first row is cut.
    expect(spanStarts(cell, rows4, true, undefined, false)).toEqual([0]);
    expect(spanStarts(cell, rows4, true, undefined, true)).not.toContain(0);
  });
  it("a column whose rows may be empty: a cell stands in the row whose tile holds it, the row between left empty, not covered by a centred span", () => {
    const rows5 = [
      { top: 0, bottom: 6, tileTop: -1, tileBottom: 7 },
      { top: 9, bottom: 21, tileTop: 8, tileBottom: 22 },
      { top: 24, bottom: 30, tileTop: 23, tileBottom: 32 },
      { top: 34, bottom: 38, tileTop: 32, tileBottom: 40 },
      { top: 41, bottom: 44, tileTop: 40, tileBottom: 45 },
    ];
    // The third cell (32–40) is taller than row 3's text (34–38): centred over rows 2–4 it would fit too.
    const cells = [
      { top: 1, bottom: 5 },
      { top: 14, bottom: 16 },
      { top: 32, bottom: 40 },
    ];
    expect(spanStarts(cells, rows5, false, undefined, false)).toEqual([0, 1, 2]);
    expect(spanStarts(cells, rows5, false, undefined, false, 0.5)).toEqual([0, 1, 3]);
  });
  it("a column's alignment is what its cells show, not counting a page's last cell (its rows may go on past the break)", () => {
    const votes = { top: 0, middle: 0 };
    alignmentVotes([{ top: 0, bottom: 1 }, { top: 8, bottom: 9 }], rows, [0, 2], votes);
    expect(votes).toEqual({ top: 1, middle: 0 });
    expect(shownAlignment(votes)).toBe("top");
    expect(shownAlignment({ top: 2, middle: 2 })).toBeUndefined();
  });
});
