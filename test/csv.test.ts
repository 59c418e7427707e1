// CSV as a spreadsheet saves it: the records are a table's rows, read by the same HTML
// layout as a workbook, with an empty cell standing for a merged one (CSV keeps no merges).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertFile } from "../src/pipeline.js";
import { WorkplanError } from "../src/model/errors.js";
import { ROOT } from "./helpers.js";

const read = async (name: string) => (await convertFile(path.join(ROOT, "fixtures/csv", name))).plan;

describe("CSV", () => {
  it("a GB18030 CSV: records with quoted line breaks, merged cells left empty, provenance on the file's lines", async () => {
    const plan = await read("gbk-merged.csv");
    expect(plan.source).toMatchObject({ format: "csv", layout: "csv-table", encoding: "gb18030" });
    expect(plan.title).toBe("北岭县2026年政务公开重点工作任务分工");
    expect(plan.columns).toEqual(["序号", "工作任务", "具体要求", "责任单位", "完成时限"]);
    expect(plan.tasks.map((t) => [t.number, t.path, t.text, t.unitsText, t.deadlineText, t.provenance.lines])).toEqual([
      ["1", ["一、深化决策公开"], "编制年度重大行政决策事项目录，并向社会公布。", "县司法局", "3月底前", [3]],
      // Its category and deadline are empty: merged with the row above. The record above ran over two lines.
      ["2", ["一、深化决策公开"], "决策草案公开征求意见不少于30日。", "县政府各部门", "3月底前", [5]],
      ["3", ["二、强化政策解读"], "文件与解读材料同步起草、同步审签、同步发布。", '县政府办公室，"县融媒体中心"', "持续推进", [6]],
      ["4", ["二、强化政策解读"], "开展政策“进社区”宣讲活动。", '县政府办公室，"县融媒体中心"', "年底前", [7]],
    ]);
  });

  it("a CSV that holds no task table: exit 5 with the reason", async () => {
    const failure = expect(read("no-table.csv")).rejects;
    await failure.toBeInstanceOf(WorkplanError);
    await failure.toMatchObject({ exitCode: 5 });
  });
});
