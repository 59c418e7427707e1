import { describe, expect, it } from "vitest";
import { cell, type Row } from "../../model/document.js";
import { columnsOf } from "../../lexicon/headers.js";
import { outerCellsByNumbering } from "./headingRows.js";

// 序号 | 工作任务 (two category columns side by side, as the space-aligned layout offers them) | 具体要求 | 牵头落实单位.
const cols = columnsOf(["序号", "工作任务", "", "具体要求", "牵头落实单位"]);
const row = (n: number, outer: string, inner: string): Row => ({
  cells: [String(n), outer, inner, `第${n}项任务`, "区某局"].map((t, j) => cell(t, [n * 10 + j])),
  lines: [n * 10],
  page: 1,
  pageStart: false,
});
const outers = (rows: Row[]) => rows.map((r) => r.cells[1]!.text);

describe("outer category cells placed by the inner headings' numbers", () => {
  it("an outer cell put beside inner headings that number on from the one before goes down to the row where they restart at one", () => {
    const rows = [row(1, "一、优化公开服务", "（一）规范目录"), row(2, "", "（二）更新指南"), row(3, "二、加强平台建设", "（三）完善答复"), row(4, "", "（一）整合网站")];
    outerCellsByNumbering(rows, cols);
    expect(outers(rows)).toEqual(["一、优化公开服务", "", "", "二、加强平台建设"]);
  });

  it("an outer cell put on rows without inner headings, above the row where they restart, goes down to it when the rows before it had inner headings", () => {
    const rows = [row(1, "一、优化公开服务", "（一）规范目录"), row(2, "", "（二）更新指南"), row(3, "二、加强平台建设", ""), row(4, "", ""), row(5, "", "（一）整合网站")];
    outerCellsByNumbering(rows, cols);
    expect(outers(rows)).toEqual(["一、优化公开服务", "", "", "", "二、加强平台建设"]);
    // No inner heading before it: an outer category whose first rows have none stays.
    const bare = [row(1, "一、优化公开服务", ""), row(2, "", ""), row(3, "二、加强平台建设", ""), row(4, "", "（一）整合网站")];
    outerCellsByNumbering(bare, cols);
    expect(outers(bare)).toEqual(["一、优化公开服务", "", "二、加强平台建设", ""]);
  });

  it("an outer cell put below the row where the inner headings restarted goes up to it", () => {
    const rows = [row(1, "一、优化公开服务", "（一）规范目录"), row(2, "", "（二）更新指南"), row(3, "", "（一）整合网站"), row(4, "二、加强平台建设", "（二）统一入口")];
    outerCellsByNumbering(rows, cols);
    expect(outers(rows)).toEqual(["一、优化公开服务", "", "二、加强平台建设", ""]);
  });

  it("leaves a table whose numbers agree with the cells as it is, and unmarked outer cells alone", () => {
    const agree = [row(1, "一、优化公开服务", "（一）规范目录"), row(2, "", "（二）更新指南"), row(3, "二、加强平台建设", "（一）整合网站")];
    outerCellsByNumbering(agree, cols);
    expect(outers(agree)).toEqual(["一、优化公开服务", "", "二、加强平台建设"]);
    const unmarked = [row(1, "公开服务", "（一）规范目录"), row(2, "平台建设", "（二）更新指南"), row(3, "", "（一）整合网站")];
    outerCellsByNumbering(unmarked, cols);
    expect(outers(unmarked)).toEqual(["公开服务", "平台建设", ""]);
  });
});
