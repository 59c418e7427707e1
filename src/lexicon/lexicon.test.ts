// Each kind of lexicon entry, with words and phrases that appear in no fixture: the
// vocabulary is the domain's, not the seeds'.
import { describe, expect, it } from "vitest";
import { brokenUnitName, isQuantity, looksLikeDeadline, looksLikeUnits, NUMBER_CELL } from "./cells.js";
import { datesIn, phraseKind } from "./deadlines.js";
import { EDGE_PAGE_NUMBER, PAGE_NUMBER } from "./furniture.js";
import { fieldOfHeader } from "./headers.js";
import { isLabelLine, labelAt, namesUnits } from "./labels.js";
import { isPartHeading, parseMarker } from "./markers.js";
import { parseSmallNumber, yearNumber } from "./numerals.js";
import { headerRole, phraseRole } from "./roles.js";
import { COVERING_LETTER, PLAN_WORD } from "./titles.js";
import { EXPANDABLE_END, UNIT_NAME_END } from "./units.js";

describe("headers", () => {
  it.each([
    ["责任处室", "units"], ["协办单位", "units"], ["主办单位", "units"], ["工作进度", "status"], ["时间节点", "deadline"], ["拟完成时间", "deadline"],
    ["重点领域", "task"], ["任务内容", "text"], ["分管领导", "people"], ["联系人", "people"], ["備註", "remarks"], ["說明", "remarks"], ["編號", "number"],
    ["預算金額", null],
  ])("%s → %s", (h, field) => expect(fieldOfHeader(h)).toBe(field));
});

describe("heading markers", () => {
  it("reads every style and ordinal", () => {
    const m = (s: string) => {
      const x = parseMarker(s);
      return x && `${x.style}:${x.ordinal}`;
    };
    expect([m("第三章 总体要求"), m("（十二）强化督查"), m("二十、其他"), m("⑤做好归档"), m("(7)落实"), m("15.开展评估")]).toEqual(["part:3", "pcn:12", "cn:20", "circ:5", "par:7", "ar:15"]);
    expect([m("3.5%的比例"), m("2026年起"), m("十分重要")]).toEqual([null, null, null]);
  });
  it("a part heading is short; a long marked line is a numbered requirement", () => {
    expect(isPartHeading("（三）强化涉企政策解读回应")).toBe(true);
    expect(isPartHeading(`（三）${"围绕优化营商环境持续开展惠企政策直达快享工作".repeat(3)}`)).toBe(false);
    expect(isPartHeading("1.做好政策解读")).toBe(false);
  });
});

describe("cells", () => {
  it("number cells, unit lists and deadlines by content", () => {
    expect(["12", "12、", "3.", "７"].map((t) => NUMBER_CELL.test(t.normalize("NFKC")))).toEqual([true, true, true, true]);
    expect(looksLikeUnits("区融媒体中心、区文旅局牵头")).toBe(true);
    expect(looksLikeUnits("区档案馆，各街道办事处")).toBe(true);
    expect(looksLikeUnits("推动政务服务事项全程网上办理")).toBe(false);
    expect(["稳步推进", "2026年9月前", "每半年", "逐步推进"].map(looksLikeDeadline)).toEqual([true, true, true, true]);
    expect(looksLikeDeadline("每年组织一次业务培训并形成报告")).toBe(false);
  });
});

describe("texts that name units", () => {
  it.each([["县财政局牵头落实"], ["各镇（街道）负责落实"], ["牵头单位：县发改委；完成时限：6月底前"], ["县教育局、县卫健委等"]])("%s names units", (t) => {
    expect(namesUnits(t)).toBe(true);
  });
  it.each([["含责任单位和完成时限两列"], ["负责落实"], ["责任领导：张三"], ["2024年6月底前"]])("%s names none", (t) => {
    expect(namesUnits(t)).toBe(false);
  });
});

describe("unit names", () => {
  it("how names of bodies end, and which take their sibling's level prefix", () => {
    expect(["区档案馆", "县供销社", "市公安局交警支队", "县人民法院", "区退役军人事务局", "市委宣传部"].every((n) => UNIT_NAME_END.test(n))).toBe(true);
    expect(UNIT_NAME_END.test("加强培训")).toBe(false);
    expect(["退役军人事务局", "宣传部", "国资委"].every((n) => EXPANDABLE_END.test(n))).toBe(true);
    expect(EXPANDABLE_END.test("供电公司")).toBe(false);
  });
});

describe("roles", () => {
  it("role phrases after a list, and the roles headers give", () => {
    expect([phraseRole("按职责分工分别负责落实"), phraseRole("分别牵头"), phraseRole("协同"), phraseRole("参与")]).toEqual(["responsible", "lead", "support", "support"]);
    expect([headerRole("协办处室"), headerRole("主办单位"), headerRole("牵头处室"), headerRole("牽頭科室"), headerRole("协作部门"), headerRole("责任主体与协同单位")]).toEqual(["support", "responsible", "lead", "lead", "support", "responsible"]);
  });
});

describe("labels", () => {
  it("a header word of a task field and a colon", () => {
    expect(["责任科室：办公室", "主要协作单位:各乡镇", "完成情况：已完成", "（牵头处室：县发改局", "責任單位：縣財政局"].map(isLabelLine)).toEqual([true, true, true, true, true]);
    expect(["一是加强领导：成立专班", "工作目标：全面完成", "附件：任务清单"].map(isLabelLine)).toEqual([false, false, false]);
    expect(labelAt("牵头处室：县发改局")).toEqual({ label: "牵头处室", field: "units", rest: "县发改局" });
  });
});

describe("deadline phrases, by pattern", () => {
  it.each([
    ["加快推进", "ongoing"], ["逐步推进", "ongoing"], ["按计划推进", "ongoing"], ["常态化开展", "ongoing"], ["长期坚持", "ongoing"], ["及时办理", "ongoing"],
    ["每半年", "recurring"], ["按季度报送", "recurring"], ["定期更新", "recurring"], ["每学期", "recurring"],
    ["文件印发后30日内", "relative"], ["收到申请之日起5个工作日内", "relative"], ["全年持续", "year-round"], ["视情况确定", null],
  ])("%s → %s", (t, kind) => expect(phraseKind(t)).toBe(kind));
  it("dates: quarters, halves, month ends and days", () => {
    expect(datesIn("2026年三季度末")).toEqual([{ year: 2026, month: 9, day: "last" }]);
    expect(datesIn("10月中旬前")).toEqual([{ year: null, month: 10, day: 20 }]);
    expect(datesIn("每月5日前")).toEqual([]);
  });
});

describe("furniture", () => {
  it("page numbers: printed forms anywhere, bare numbers only at a page's edge", () => {
    expect(["－ 12 －", "第 3 页 共 9 页", "7/20"].every((l) => PAGE_NUMBER.test(l))).toBe(true);
    expect(PAGE_NUMBER.test("12")).toBe(false);
    expect(["12", "第12页"].every((l) => EDGE_PAGE_NUMBER.test(l))).toBe(true);
    expect(EDGE_PAGE_NUMBER.test("附件2")).toBe(false);
  });
});

describe("titles and numerals", () => {
  it("plan words, covering letters, Chinese numerals", () => {
    expect(PLAN_WORD.test("某区2026年重点民生实事项目清单")).toBe(true);
    expect(PLAN_WORD.test("某区2025年部门预算")).toBe(false);
    expect(COVERING_LETTER.test("关于印发某区2026年政务公开工作要点的通知")).toBe(true);
    expect([parseSmallNumber("二十五"), parseSmallNumber("十"), parseSmallNumber("廿")]).toEqual([25, 10, null]);
    expect(yearNumber("二〇二六")).toBe(2026);
  });
});

describe("cells: numbers, quantities and broken names", () => {
  it("reads a 序号 with a footnote mark as its digits", () => {
    expect(["7*", "12＊", "3.", "1000", "3**"].map((t) => NUMBER_CELL.exec(t)?.[1] ?? null)).toEqual(["7", "12", "3", null, null]);
  });
  it("tells a quantity from a requirement", () => {
    expect(["1800", "2.75", "98%", "35万元", "6人次"].every(isQuantity)).toBe(true);
    expect(["新建2所学校", "应收尽收", "2025年底前"].some(isQuantity)).toBe(false);
  });
  it("sees a unit name broken after its head", () => {
    expect(brokenUnitName("区住房和城乡", "建设局")).toBe(true);
    // A whole name, a requirement, or a head without a level prefix is no broken name.
    expect(brokenUnitName("县城关镇", "人民政府")).toBe(true);
    expect(brokenUnitName("区住建局", "交通局")).toBe(false);
    expect(brokenUnitName("县城关镇", "县双河镇")).toBe(false);
    expect(brokenUnitName("开展技能培训", "区人社局")).toBe(false);
    expect(brokenUnitName("住房和城乡", "建设局")).toBe(false);
  });
});
