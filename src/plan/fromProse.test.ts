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
