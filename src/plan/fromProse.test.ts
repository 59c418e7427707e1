// FORMAT.md's title rule for prose items, on wording from no fixture.
import { describe, expect, it } from "vitest";
import { planProse } from "./fromProse.js";

const item = (text: string) => planProse([{ text, lines: [1] }]).value.tasks[0]!;

describe("a prose item's title", () => {
  it("is its first sentence, up to the first 。, when that has at most 20 characters and no ，、；:", () => {
    expect([item("1.优化办事流程。推行一次告知、一表申请（县政务服务中心负责）").title, item("1.优化办事流程。推行一次告知、一表申请（县政务服务中心负责）").text]).toEqual(["优化办事流程", "推行一次告知、一表申请"]);
  });
  it("is null when the first sentence holds a comma or a colon, runs past 20 characters, or is the whole item", () => {
    expect(item("2.优化流程，减少环节。推行一次告知（县政务服务中心负责）").title).toBeNull();
    expect(item("3.加强组织领导：成立工作专班（县政府办负责）").title).toBeNull();
    expect(item("4.全面梳理本县各级各部门依申请公开事项及办理流程并统一公布。推行网上办理（县政府办负责）").title).toBeNull();
    expect(item("5.推行网上办理。（县政府办负责）").title).toBeNull();
  });
});

describe("a trailing parenthesis names units only where a name in it ends like one", () => {
  it("reads a unit list, with its role phrases and a trailing 等", () => {
    const units = (text: string) => item(text).unitCells.map((c) => c.text);
    expect(units("1.推行一次告知、一表申请（县政务服务中心牵头，各乡镇配合）")).toEqual(["县政务服务中心牵头，各乡镇配合"]);
    expect(units("2.公开涉企收费清单〔县发改委、县财政局等按职责分工负责〕")).toEqual(["县发改委、县财政局等按职责分工负责"]);
  });
  it("leaves a bracket that only mentions unit words in the text: it names none", () => {
    const tasks = planProse([
      { text: "1.推行一次告知（县政务服务中心负责）", lines: [1] },
      { text: "2.整理各地报来的任务分工表，统一格式（含责任单位和完成时限两列）。", lines: [2] },
    ]).value.tasks;
    expect(tasks[1]!.unitCells).toEqual([]);
    expect(tasks[1]!.text).toContain("（含责任单位和完成时限两列）");
  });
});
