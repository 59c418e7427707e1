import { describe, expect, it } from "vitest";
import { fieldOfHeader, misreadHeader, qualifiesUnitHeader, withMeasures } from "./headers.js";

describe("fieldOfHeader: header words → fields", () => {
  const cases: Array<[string, string | null]> = [
    ["序号", "number"], ["序 号", "number"], ["编号", "number"],
    ["工作任务", "task"], ["工程名称", "task"], ["项目名称", "task"], ["重点任务", "task"], ["重點任務", "task"], ["主要任务", "task"], ["任务名称", "task"], ["重点领域", "task"], ["类别", "task"],
    ["具体要求", "text"], ["具 体 要 求", "text"], ["工作要求", "text"], ["主要内容", "text"], ["工作內容", "text"], ["工作措施", "text"], ["目标任务", "text"],
    ["责任单位", "units"], ["牵头单位", "units"], ["配合单位", "units"], ["责任部门", "units"], ["負責科室", "units"], ["牵头落实单位", "units"], ["责任主体", "units"], ["协同责任单位", "units"],
    ["时限要求", "deadline"], ["完成时限", "deadline"], ["完成時限", "deadline"], ["完成时间", "deadline"], ["进度安排", "deadline"],
    ["完成情况", "status"], ["进展情况", "status"], ["落实情况", "status"], ["1月进展", "status"],
    ["备注", "remarks"], ["備註", "remarks"],
    ["责任领导", "people"], ["牵头领导", "people"], ["责任人", "people"],
    ["索引号", null], ["文号", null], ["", null],
    // Counts, amounts and shares measure a row; they name no field, whatever word comes first.
    ["任务数量", null], ["项目个数", null], ["投资金额", null], ["完成率", null], ["单位任务数", null],
  ];
  it.each(cases)("%s → %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });
});

describe("qualifiesUnitHeader: a role word wrapped above its unit header", () => {
  it("joins a role without a noun to the unit header after it, and nothing else", () => {
    expect(qualifiesUnitHeader("县级牵头", "责任单位")).toBe(true);
    expect(qualifiesUnitHeader("配合", "部门")).toBe(true);
    // Two columns, each naming its units: 牵头单位 | 配合单位.
    expect(qualifiesUnitHeader("牵头单位", "配合单位")).toBe(false);
    // Two role columns without nouns: 牵头 | 配合.
    expect(qualifiesUnitHeader("牵头", "配合")).toBe(false);
    expect(qualifiesUnitHeader("完成时限", "责任单位")).toBe(false);
  });
});

describe("withMeasures: a requirement-named column of quantities", () => {
  const cols = [
    { field: "number" as const, header: "序号" },
    { field: "text" as const, header: "建设内容" },
    { field: "text" as const, header: "年度目标" },
    { field: "units" as const, header: "责任单位" },
  ];
  it("keeps a later requirement column of numbers in extra, and the first as the requirement", () => {
    const texts = [["1", "2", "3"], ["改造供水管网", "新建公厕", "修缮校舍"], ["12.5公里", "30", "应修尽修"], ["县水务局", "县城管局", "县教体局"]];
    expect(withMeasures(cols, (j) => texts[j]!).map((c) => c.field)).toEqual(["number", "text", "extra", "units"]);
  });
  it("leaves two worded requirement columns alone", () => {
    const texts = [["1"], ["改造供水管网"], ["年底前完成主体工程"], ["县水务局"]];
    expect(withMeasures(cols, (j) => texts[j]!)).toBe(cols);
  });
});

describe("misreadHeader: a recognised header cell one character off a printed header", () => {
  it.each([
    ["序县", "序号"], ["时限耍求", "时限要求"], ["责壬单位", "责任单位"], ["具体耍求", "具体要求"],
    // One character read as two, or one lost.
    ["牵头落实单", "牵头落实单位"], ["完成情兄况", "完成情况"],
  ])("%s → %s", (read, printed) => {
    expect(misreadHeader(read)).toBe(printed);
  });
  it.each([
    // Two characters off, or no printed header near: not a header.
    ["[一JU情况"], ["市财政局"], ["推进中"], ["号"],
    // A two-character header is never taken for a three-character reading.
    ["备注栏"],
    // Near two printed headers at once (完成时间 / 完成时限): undecided.
    ["完成时X"],
  ])("%s → null", (read) => {
    expect(misreadHeader(read)).toBeNull();
  });
});
