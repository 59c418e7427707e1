import { describe, expect, it } from "vitest";
import { fieldOfHeader } from "./headers.js";

describe("fieldOfHeader: header words → fields", () => {
  const cases: Array<[string, string | null]> = [
    ["序号", "number"], ["序 号", "number"], ["编号", "number"],
    ["工作任务", "task"], ["重点任务", "task"], ["重點任務", "task"], ["主要任务", "task"], ["任务名称", "task"], ["重点领域", "task"], ["类别", "task"],
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
