// One fixture per family of flattened notices seen on the web (fixtures/families/),
// written in new wording from the structure each family has, with the answer FORMAT.md
// gives written by hand below. These are the structures the text layouts read in
// general: rows cut at their 序号, short rows placed by content, sub-rows, labelled
// lines, run-on lists, group unit lines, notes in unit cells — and a document that is
// not a plan.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { convertFile } from "../../pipeline.js";
import { WorkplanError } from "../../model/errors.js";

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../fixtures/families");
const read = async (name: string) => (await convertFile(path.join(FIX, name))).plan;
/** Units as name/role-initial, in order. */
const units = (t: { units: Array<{ name: string; role: string }> }) => t.units.map((u) => `${u.name}/${u.role[0]}`).join(" ");
/** The fields compared by FORMAT.md's rule: NFKC, white space removed. */
const norm = (s: string | null) => (s == null ? null : s.normalize("NFKC").replace(/\s+/gu, ""));

describe("flattened tables", () => {
  it("one cell per line, a blank line between every two cells: rows cut at 序号, a sub-row with its own unit and status", async () => {
    const plan = await read("cell-lines-blank.txt");
    expect(plan.source.layout).toBe("cell-lines");
    expect(plan.title).toBe("2023年度县政府民生实事项目完成情况");
    expect(plan.year).toBe(2023);
    expect(plan.columns).toEqual(["序号", "项目名称", "牵头单位", "完成情况"]);
    expect(plan.tasks.map((t) => [t.number, t.unitsText, units(t), norm(t.status)])).toEqual([
      ["1", "县住建局", "县住建局/l", "已完成改造13个,惠及居民3210户。"],
      ["2", "县交通运输局", "县交通运输局/l", "已建成42座。"],
      ["3", "县卫生健康局", "县卫生健康局/l", "完成体检2.1万人。"],
      [null, "县医保局", "县医保局/l", "已落实体检费用结算。"],
      ["4", "县教育局", "县教育局/l", "新增学位640个。"],
    ]);
    // The sub-row shares the merged requirement of its row.
    expect(plan.tasks[3]!.text).toBe(plan.tasks[2]!.text);
    expect(plan.tasks[0]!.text).toBe("改造老旧小区12个,惠及居民3000户。");
  });

  it("one cell per line, no blank lines: merged unit, person and deadline cells left out of later rows", async () => {
    const plan = await read("cell-lines-dense.txt");
    expect(plan.source.layout).toBe("cell-lines");
    expect(plan.tasks.map((t) => [t.number, t.text, t.unitsText, t.deadlineText, norm(t.status)])).toEqual([
      ["1", "建成社区嵌入式养老服务站8个", "区民政局；老龄工作科", "12月底前", "已完成选址6个,其中2个已开工建设。"],
      ["2", "新增家庭养老照护床位200张", "区民政局；老龄工作科", "9月底前", "已完成床位改造126张。"],
      ["3", "开展老年人防诈骗宣传进社区活动50场", "区民政局；老龄工作科", "9月底前", "已开展宣传活动21场。"],
    ]);
    // A person is not a unit.
    expect(plan.tasks[0]!.extra).toEqual({ 分管负责人: "李某" });
  });

  it("cells ending in ' |', rows ending in '||': an unknown header column, a merged category never printed", async () => {
    const plan = await read("pipe-cells-numbered.txt");
    expect(plan.columns).toEqual(["序号", "主要任务", "年度目标", "分管领导", "牵头单位", "协同单位", "1-5月推进情况", "1-6月推进情况", "是否按期", "说明"]);
    expect(plan.tasks.map((t) => [t.number, t.path, t.text, units(t), t.status, t.remarks])).toEqual([
      ["7", [], "新建口袋公园3个。", "镇建设办/l 各村(社区)/s", "已开工2个。", null],
      ["8", [], "改造农村供水管网15公里。", "镇水务站/l 镇财政所/s", "已完成管网铺设9公里。", "受汛期影响,施工暂停一个月,下半年加快推进。"],
    ]);
    expect(plan.tasks[1]!.extra).toMatchObject({ 分管领导: "周某", "1-5月推进情况": "完成招标。", 是否按期: "否" });
  });

  it("pipe rows: heading rows padded with pipes, 1.名称 cells, a row that left out one cell, names split at a flattened line break", async () => {
    const plan = await read("pipe-rows-short.txt");
    const t = plan.tasks;
    expect(t.map((x) => [x.number, x.path.length, x.title, x.text == null])).toEqual([
      ["1", 2, "集中发布惠企政策", false],
      ["2", 2, "做好政策直达解读", false],
      ["3", 2, "公开行政检查事项清单", true],
      ["4", 2, "公开双随机抽查结果", false],
    ]);
    expect(t[0]!.path).toEqual(["一、聚焦优化营商环境深化政务公开", "(一) 做好惠企政策公开"]);
    expect(units(t[0]!)).toBe("市工信局/l 市商务局/l 各区(县)政府/r");
    expect(units(t[2]!)).toBe("市司法局/l 市市场监管局/l 市直有关部门/r");
    expect(t[2]!.status).toBe("已完成");
    // Row 4 left out its 牵头单位: the units it prints are the 责任单位, its status its own.
    expect(t[3]!.status).toBe("推进中");
    expect(t[3]!.text).toBe("抽查结束后20个工作日内公开抽查结果。");
  });

  it("pipe rows without a 序号 column: the number is the requirement cell's own 1./2.", async () => {
    const plan = await read("pipe-rows-text-numbers.txt");
    expect(plan.tasks.map((t) => [t.number, t.path, t.title, units(t)])).toEqual([
      ["1", ["(一)围绕重大决策推进公开"], null, "市政府办公室/r 市司法局/r 各县(区)人民政府/r"],
      ["2", ["(一)围绕重大决策推进公开"], null, "市司法局/l 市直有关单位/r"],
      ["3", ["(一)围绕重大决策推进公开"], null, "市政府办公室/l 市直有关单位/r 各县(区)人民政府/r"],
    ]);
    expect(plan.tasks[1]!.text).toBe("涉及群众切身利益的决策草案,公开征求意见时间不少于30日。");
  });

  it("rows of single-space separated cells under a header that ends the letter's line", async () => {
    const plan = await read("spaced-rows.txt");
    expect(plan.source.layout).toBe("spaced");
    expect(plan.title).toBe("东湖区2019年政府工作任务分解表");
    expect(plan.year).toBe(2019);
    expect(plan.tasks.map((t) => [t.number, t.path, t.text, units(t)])).toEqual([
      ["1", ["一、主要经济指标(3项)"], "地区生产总值增长6.5%左右.", "发改局/l"],
      ["2", ["一、主要经济指标(3项)"], "一般公共预算收入增长6%.", "财政局/l"],
      ["3", ["一、主要经济指标(3项)"], "城乡居民人均可支配收入分别增长7%和8%.", "统计局/l 人社局/l"],
    ]);
  });
});

describe("labelled lines and prose", () => {
  it("short items (1﹒) with their labelled lines below: items, not headings; people left out", async () => {
    const plan = await read("labelled-below.txt");
    expect(plan.tasks.map((t) => [t.number, t.path, t.text, units(t), t.deadline])).toEqual([
      ["1", ["一、稳住经济基本盘"], "全市生产总值增长6%左右。", "市发展改革委/l 市政府各部门/s", { kind: "by-date", date: "2023-12-31" }],
      ["2", ["一、稳住经济基本盘"], "规模以上工业增加值增长7%以上。", "市经济和信息化局/l 市发展改革委/s 市统计局/s 市税务局/s", null],
      ["3", ["二、扩大有效投资"], "重点项目完成投资500亿元以上。", "市发展改革委/l 市住房城乡建设局/s 市自然资源和规划局/s", null],
    ]);
    expect(plan.tasks[0]!.extra).toEqual({ 牵头负责领导: "张某。" });
  });

  it("two labels on one line (主责部门:A 配合部门:B)", async () => {
    const plan = await read("labelled-inline.txt");
    expect(plan.year).toBe(2016);
    expect(plan.tasks.map((t) => [t.number, t.unitsText, units(t)])).toEqual([
      ["1", "建设局、城管局；各街道", "建设局/r 城管局/r 各街道/s"],
      ["2", "卫计局；财政局", "卫计局/r 财政局/s"],
      ["3", "团区委；教育局、相关街道", "团区委/r 教育局/s 相关街道/s"],
    ]);
  });

  it("cells set apart by runs of spaces, as many as the header has: each is its column's (项目名称 the title, 建设内容 the text)", async () => {
    const plan = await read("spaced-wide-gaps.txt");
    expect(plan.tasks.map((t) => [t.number, t.title, t.text, units(t), t.deadlineText])).toEqual([
      ["1", "农村道路提升", "改造农村公路45公里", "县交通运输局/l", "10月底前"],
      ["2", "城区供水改造", "更换老旧供水管网12公里", "县水务局/l", "11月底前"],
      ["3", "公办幼儿园扩容", "新增学位360个", "县教体局/l", "9月底前"],
    ]);
  });

  it("one cell per line, rows between blank lines, a cell wrapped over two lines and a units cell listing one name per line", async () => {
    const plan = await read("cell-lines-wrapped-cell.txt");
    expect(plan.tasks.map((t) => [t.number, t.path, t.text, t.unitsText, units(t), t.deadlineText])).toEqual([
      ["1", [], "完善重大行政决策程序，编制年度决策事项目录。", "区司法局", "区司法局/r", "3月底前"],
      ["2", [], "推进基层政务公开标准化，更新各领域公开目录。", "区政务公开办\n各街道", "区政务公开办/r 各街道/r", "持续推进"],
      ["3", [], "开展政府开放日活动。", "区政府办公室", "区政府办公室/r", "全年"],
    ]);
  });

  it("a sub-row that left out its merged 序号, 项目名称 and unit: its cells are the inner columns', and the merged name is both tasks' path", async () => {
    const plan = await read("pipe-rows-sub-row.txt");
    expect(plan.tasks.map((t) => [t.number, t.path, t.title, t.text, units(t), t.status])).toEqual([
      ["1", [], "城乡供水一体化", "新增覆盖人口2万人", "县水利局/l", "已完成60%"],
      ["2", ["老旧小区改造"], null, "改造小区8个", "县住建局/l", "完成5个"],
      [null, ["老旧小区改造"], null, "加装电梯20台", "县住建局/l", "完成12台"],
      ["3", [], "托育服务", "新增托位300个", "县卫健局/l", "新增200个"],
    ]);
  });

  it("one cell per line with header cells wrapped onto two lines (责任 / 单位, 完成 / 时限)", async () => {
    const plan = await read("cell-lines-wrapped-header.txt");
    expect(plan.columns).toEqual(["序号", "重点工作", "具体措施", "责任单位", "完成时限"]);
    expect(plan.tasks.map((t) => [t.number, t.title, t.text, units(t), t.deadlineText])).toEqual([
      ["1", "优化营商环境", "全面推行证明事项告知承诺制。", "县司法局/r", "6月底前"],
      ["2", "深化“放管服”改革", "推进政务服务“跨省通办”。", "县政务服务中心/r", "年底前"],
    ]);
  });

  it("a covering letter with numbered instructions of its own (一、高度重视。…) before the plan's title: the letter is front matter", async () => {
    const plan = await read("prose-covering-letter-items.txt");
    expect(plan.title).toBe("青山县2024年政务公开工作要点");
    expect(plan.tasks.map((t) => [t.number, t.path[0], t.unitsText, units(t)])).toEqual([
      ["（一）", "一、深化重点领域信息公开", "县财政局负责", "县财政局/r"],
      ["（二）", "一、深化重点领域信息公开", "县发改委、县住建局按职责分工负责", "县发改委/r 县住建局/r"],
      ["（三）", "二、强化政策解读回应", "县政府办公室；县融媒体中心", "县政府办公室/r 县融媒体中心/s"],
    ]);
  });

  it("a site's metadata block (索引号, 分类, 标题, 来源, 点击数) above a prose plan: each line its own, the title found", async () => {
    const plan = await read("prose-site-metadata.txt");
    expect(plan.title).toBe("东湖区2023年政务公开工作要点");
    expect(plan.year).toBe(2023);
    expect(plan.tasks.map((t) => [t.number, t.path[0], units(t)])).toEqual([
      ["1", "一、加强政策解读", "区政府办公室/l 区直各部门/r"],
      ["2", "一、加强政策解读", "区司法局/r 各街道/r"],
      ["3", "二、优化政务服务", "区数据局/l 区直各部门/s"],
    ]);
  });

  it("several labels on one line, separated by ； or ，: the separator is no part of the value; the line's 。 stays", async () => {
    const plan = await read("labelled-semicolons.txt");
    expect(plan.tasks.map((t) => [t.number, t.path.join(">"), t.unitsText, units(t), t.deadlineText])).toEqual([
      ["1", "一、产业发展", "镇农业服务中心；镇财政所、各村", "镇农业服务中心/l 镇财政所/s 各村/s", "2024年10月底前"],
      ["2", "一、产业发展", "镇经济发展办公室", "镇经济发展办公室/l", "年底前。"],
      ["3", "二、民生保障", "镇规划建设办；镇综治中心", "镇规划建设办/r 镇综治中心/s", "2024年11月底前"],
    ]);
  });

  it("a numbered list run into one line, each item with its labelled fields", async () => {
    const plan = await read("run-on.txt");
    expect(plan.tasks.map((t) => [t.number, t.text, units(t), t.status])).toEqual([
      ["1", "新建改建农村公路120公里。", "市交通局/r 各县(市)政府/s", "已完成72公里,占年度目标的60%。"],
      ["2", "新增城市停车泊位5000个。", "市公安局/r 市住建局/s 市城管局/s", "已新增泊位3100个。"],
      ["3", "建成市民健身步道30公里。", "市体育局/r", "已建成18公里。"],
    ]);
  });

  it("sub-items (1)…(3) sharing one unit line; a 〔牵头单位:…,责任单位:…〕 clause", async () => {
    const plan = await read("prose-group.txt");
    const t = plan.tasks;
    expect(t.map((x) => [x.number, x.path.at(-1), units(x)])).toEqual([
      ["1", "1.完善灾害监测网络", "市应急局/r 市气象局/r 各县(区)人民政府/r"],
      ["2", "1.完善灾害监测网络", "市应急局/r 市气象局/r 各县(区)人民政府/r"],
      ["3", "1.完善灾害监测网络", "市应急局/r 市气象局/r 各县(区)人民政府/r"],
      ["2", "(一)监测预警能力建设", "市应急局/l 市直有关部门/r 各乡镇(街道)/r"],
    ]);
    expect(t[3]!.title).toBe("提升预警发布能力");
    expect(t[3]!.unitsText).toBe("市应急局；市直有关部门,各乡镇(街道)");
  });

  it("a note in brackets after the last unit is not a name, and its 牵头 makes no one lead", async () => {
    const plan = await read("unit-notes.txt");
    expect(units(plan.tasks[0]!)).toBe("县经信局/l 县发改局/r 县统计局/r");
    expect(plan.tasks[0]!.unitsText).toContain("下同");
    expect(units(plan.tasks[1]!)).toBe("县商务局/r 县投资促进中心/r");
  });
});

describe("not a work plan", () => {
  it("a budget's contents, functions and unit table give no tasks: exit 5 with the reason", async () => {
    const failure = expect(read("not-a-plan.txt")).rejects;
    await failure.toBeInstanceOf(WorkplanError);
    await failure.toMatchObject({ exitCode: 5, message: expect.stringMatching(/not read as a work plan|no task table/u) });
  });
});

describe("a Word table's text, a blank line after every paragraph and merged cells left out (mammoth's raw text)", () => {
  it("a two-row header printed row after row: the sub-headers after the last cell stand under 工作任务", async () => {
    const plan = await read("cell-lines-two-row-header.txt");
    expect(plan.columns).toEqual(["序号", "重点领域", "重点任务", "具体要求", "责任单位", "完成时限"]);
    const fin = "一、深化财政信息公开";
    expect(plan.tasks.map((t) => [t.number, t.path, t.unitsText, t.deadlineText])).toEqual([
      ["1", [fin, "（一）预算公开"], "区财政局", "3月底前"],
      ["2", [fin, "（一）预算公开"], "区财政局", "6月底前"],
      // Its outer category left out: （二） goes under the column that holds （一）, not 一、.
      ["3", [fin, "（二）采购公开"], "区财政局，各街道", "持续推进"],
      ["4", ["二、加强政策解读", "（一）解读材料同步发布"], "区政府办公室", "全年"],
    ]);
  });

  it("two unmarked category levels: a row that prints one category prints the inner one (an outer one starts with its first inner one)", async () => {
    const plan = await read("cell-lines-unmarked-levels.txt");
    const jobs = "以公开促进稳就业";
    // An inner category of one task is that task's title (FORMAT.md).
    expect(plan.tasks.map((t) => [t.number, t.path, t.title])).toEqual([
      ["1", [jobs, "做好就业政策公开"], null],
      ["2", [jobs, "做好就业政策公开"], null],
      ["3", [jobs], "强化技能培训信息公开"],
      ["4", ["以公开优化营商环境"], "推进涉企收费公开"],
    ]);
  });

  it("one 工作任务 header over two category levels: the first row's two category cells spread it over two columns", async () => {
    const plan = await read("cell-lines-spanning-categories.txt");
    const outer = "一、推进基层政务公开";
    expect(plan.tasks.map((t) => [t.number, t.path, t.text, t.unitsText, t.deadlineText])).toEqual([
      ["1", [outer, "（一）完善公开目录"], "梳理镇级公开事项，编制公开目录。", "镇党政办", "5月底前"],
      ["2", [outer, "（一）完善公开目录"], "在村务公开栏公开惠民补贴发放结果。", "各村委会", "每季度"],
      ["3", [outer, "（二）规范公开平台"], "更新镇政府网站栏目，做到信息及时准确。", "镇党政办", "持续推进"],
    ]);
  });
});

describe("a word processor's text export (every cell a line, an empty cell an empty line)", () => {
  it("rows by position from each 序号: merged cells empty, a two-row header, a skipped number, a count that starts again, a cell of two paragraphs", async () => {
    const plan = await read("cell-slots.txt");
    expect(plan.source.layout).toBe("cell-lines");
    // 工作任务 over 重点领域 | 重点任务; the other header cells span both header rows.
    expect(plan.columns).toEqual(["序号", "重点领域", "重点任务", "具体要求", "责任单位", "完成时限"]);
    const fin = "一、财政信息公开";
    const env = "二、环境信息公开";
    expect(plan.tasks.map((t) => [t.number, t.path, norm(t.text), norm(t.unitsText), t.deadlineText])).toEqual([
      ["1", [fin, "（一）预算决算公开"], "公开区级部门预算和决算,细化到项级科目。", "区财政局", "3月底前"],
      // Its category and unit cells are empty lines: merged with the row above.
      ["2", [fin, "（一）预算决算公开"], "公开“三公”经费预算执行情况。", "区财政局", "6月底前"],
      ["4", [fin, "（二）政府采购公开"], "公开政府采购意向,做到应公开尽公开。", "区财政局,各街道", "持续推进"],
      ["1", [env, "（一）空气质量公开"], "按月公开空气质量状况。每季度公开重点排污单位名录。", "区生态环境分局", "每月"],
      ["2", [env, "（一）空气质量公开"], "公开建设项目环评审批结果。", "区生态环境分局", "年底前"],
    ]);
  });
});

describe("a PDF table's text in drawing order (pdftotext without -layout)", () => {
  it("cells of neighbouring columns interleaved line by line give no fragments as tasks: exit 5, saying why and what to do", async () => {
    const failure = expect(read("stream-order.txt")).rejects;
    await failure.toBeInstanceOf(WorkplanError);
    await failure.toMatchObject({ exitCode: 5, message: expect.stringMatching(/no cells in row order .*pdftotext -layout/u) });
  });
});

describe("space-aligned text (pdftotext -layout)", () => {
  it("rows between blank lines, each row's columns from where its lines start; two category columns under one header", async () => {
    const plan = await read("aligned-layout.txt");
    expect(plan.source.layout).toBe("aligned");
    expect(plan.title).toBe("2022 年某区政务公开重点工作任务分工");
    expect(plan.tasks.map((t) => [t.number, t.path, norm(t.text), norm(t.unitsText), t.deadlineText])).toEqual([
      ["1", ["一、深化重点领域信息公开", "(一) 做好规划信息公开"], "围绕年度重点改革任务,及时公开规划编制和实施情况,做好规划解读。", "区发展改革委、区自然资源局", "全年"],
      ["2", ["一、深化重点领域信息公开", "(一) 做好规划信息公开"], "公开重大建设项目审批、核准和实施信息。", "区发展改革委", "6 月底前"],
      ["3", ["一、深化重点领域信息公开", "(二) 做好财政信息公开"], "按规定公开部门预决算,细化公开到项级科目。", "区财政局,区直各部门", "年底前"],
    ]);
  });
});

describe("space-aligned text: merged cells centred over their rows, pages", () => {
  it("a category centred over three rows, a unit cell between two rows with no blank line, a header and furniture repeated on the next page", async () => {
    const plan = await read("aligned-merged.txt");
    expect(plan.source.layout).toBe("aligned");
    expect(plan.title).toBe("某区 2026 年政务公开重点工作任务清单");
    expect(plan.tasks.map((t) => [t.number, t.path, norm(t.text), norm(t.unitsText), t.deadlineText])).toEqual([
      ["1", ["一、优化营商环境信息公开"], "公开市场准入负面清单及其调整情况,做好政策解读。", "区发展改革局", "6 月底前"],
      ["2", ["一、优化营商环境信息公开"], "按月公开涉企收费目录清单,接受社会监督。", "区市场监管局,各街道办事处", "持续推进"],
      ["3", ["一、优化营商环境信息公开"], "公开行政许可和行政处罚结果,七个工作日内完成。", "区市场监管局,各街道办事处", "年底前"],
      ["4", ["二、推进基层政务公开标准化"], "编制基层政务公开事项目录,逐项明确公开主体。", "各街道办事处", "9 月底前"],
      ["5", ["二、推进基层政务公开标准化"], "设立政务公开专区。", "区政务服务中心", "全年"],
    ]);
    // The browser's print line and the file URL at each page's edge are no cell of any row.
    expect(JSON.stringify(plan.tasks)).not.toMatch(/file:|上午9:15/u);
  });
});

describe("a merged cell over rows of two categories (space-aligned text)", () => {
  it("a deadline cell centred between the rows of two categories is both rows' deadline", async () => {
    const plan = await read("aligned-merged-across.txt");
    expect(plan.source.layout).toBe("aligned");
    expect(plan.tasks.map((t) => [t.number, t.path, norm(t.unitsText), t.deadlineText])).toEqual([
      ["1", ["一、财政信息公开"], "县财政局", "全年持续推进"],
      // Another category: the plan alone would not carry a merged cell into it.
      ["2", ["二、生态环境信息公开"], "县生态环境分局", "全年持续推进"],
      ["3", ["二、生态环境信息公开"], "县生态环境分局", "6 月底前"],
    ]);
  });
});

describe("two unmarked category levels (space-aligned text)", () => {
  it("a page that prints only the inner level where the outer stood: the cells' wrap width tells their column", async () => {
    const plan = await read("aligned-category-widths.txt");
    expect(plan.source.layout).toBe("aligned");
    const outer = ["以公开促进财政透明"];
    // Each inner category covers one task: it is that task's title (FORMAT.md).
    expect(plan.tasks.map((t) => [t.number, t.path, t.title, norm(t.unitsText), t.deadlineText])).toEqual([
      ["1", outer, "做好预算执行情况公开", "县财政局", "每季度结束后"],
      ["2", outer, "推进政府债务信息公开", "县财政局", "年底前"],
      // Page 2: 规范政府采购信 / 息公开 wraps at 7 characters like the inner cells, not at 4 like 以公开促 / 进财政透 / 明.
      ["3", outer, "规范政府采购信息公开", "县财政局、县公共资源交易中心", "6 月底前"],
      ["4", outer, "深化国有资产信息公开", "县财政局", "年底前"],
    ]);
  });
});

describe("category cells stacked without a blank line (space-aligned text)", () => {
  it("a line opening with the next heading marker of its column's style starts the next category cell", async () => {
    const plan = await read("aligned-stacked-categories.txt");
    expect(plan.source.layout).toBe("aligned");
    const outer = "一、深化民生领域信息公开";
    expect(plan.tasks.map((t) => [t.number, t.path, norm(t.unitsText), t.deadlineText])).toEqual([
      ["1", [outer, "（一）做好就业信息公开"], "县人社局", "6 月底前"],
      // （二）… stands on the line under 开, the last of （一）…: a cell of its own.
      ["2", [outer, "（二）做好社会救助信息公开"], "县民政局", "每季度"],
      ["3", [outer, "（三）做好教育信息公开"], "县教育局", "8 月底前"],
      ["4", ["二、加强政策解读", "（一）做好政策解读"], "县政府办", "全年"],
    ]);
  });
});

describe("the header printed again mid-page in another wrapping (space-aligned text)", () => {
  it("序 / 工作任务 具体要求 … / 号 where the first header was one line: no row, and no 序号 category", async () => {
    const plan = await read("aligned-header-again.txt");
    expect(plan.source.layout).toBe("aligned");
    expect(plan.tasks.map((t) => [t.number, t.path, norm(t.unitsText), t.deadlineText])).toEqual([
      ["1", ["一、深化财政信息公开"], "县财政局", "每季度"],
      ["2", ["一、深化财政信息公开"], "县财政局", "年底前"],
      ["3", ["二、推进基层政务公开"], "各乡镇人民政府", "9 月底前"],
      ["4", ["二、推进基层政务公开"], "县政务服务中心", "全年"],
    ]);
  });
});

describe("a header printed again between rows", () => {
  it("one cell per line: the repeated header is no row's cells", async () => {
    const plan = await read("cell-lines-repeated-header.txt");
    expect(plan.tasks.map((t) => [t.number, t.unitsText, t.deadlineText])).toEqual([
      ["1", "镇农业服务中心", "10月底前"],
      ["2", "镇党政办", "6月底前"],
      ["3", "镇应急办", "每季度"],
    ]);
  });
});

describe("a header cell wrapped onto two lines", () => {
  it("a progress table one cell per line: a merged column before 序号, a header over category and indicator, a wrapped role, quantities and a footnote mark", async () => {
    const plan = await read("cell-lines-progress.txt");
    // 行动 / 名称 and 县级牵头 / 责任单位 are one header cell each; 完成比例 / (%) too.
    expect(plan.columns).toEqual(["行动名称", "序号", "工 作 内 容", "年度目标", "县级牵头责任单位", "进度", "完成比例(%)", "备注"]);
    const path = ["健康服务行动", "提升基层医疗能力"];
    expect(plan.tasks.map((t) => [t.number, t.path, t.title, t.text, units(t), t.status, t.remarks, t.extra])).toEqual([
      ["1", path, null, "新建标准化村卫生室(个)", "县卫生健康委员会/l", "14", "超额完成", { 年度目标: "12", "完成比例(%)": "116.7" }],
      // The merged name, category and unit are left out of rows 2 and 3's lines and carried down.
      ["2", path, null, "培训乡村医生(人次)", "县卫生健康委员会/l", "320", "超额完成", { 年度目标: "300", "完成比例(%)": "106.7" }],
      ["3", path, null, "开展家庭医生签约服务，重点人群应签尽签", "县卫生健康委员会/l 县医保局/l 县残联/l", "完成签约1.2万人", "按计划推进", { 年度目标: "应签尽签", "完成比例(%)": "96" }],
      ["4", path, null, "适龄妇女免费筛查(人)", "县妇联/l", "5210", "超额完成", { 年度目标: "5000", "完成比例(%)": "104.2" }],
      ["5", path, null, "义诊下乡(场)", "县红十字会/l", "46", "超额完成", { 年度目标: "40", "完成比例(%)": "115" }],
    ]);
    // The unit name broken over two lines is kept as printed in unitsText, one name in units.
    expect(plan.tasks[0]!.unitsText).toBe("县卫生健康\n委员会");
    expect(plan.warnings).toEqual([]);
  });


  it("a qualifier on a line of its own belongs to the header cell above it: 完成进度 / (%)", async () => {
    const plan = await read("cell-lines-qualifier.txt");
    expect(plan.columns).toEqual(["序号", "项目名称", "牵头单位", "完成进度(%)", "备注"]);
    expect(plan.tasks.map((t) => [t.number, units(t), t.status, t.remarks])).toEqual([
      ["1", "县住建局/l", "85", null],
      ["2", "县交通运输局/l", "100", "已完成"],
    ]);
  });
});
