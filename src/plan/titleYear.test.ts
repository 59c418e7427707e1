// FORMAT.md's title and year rules, on wording from no fixture.
import { describe, expect, it } from "vitest";
import { findTitle, findYear } from "./titleYear.js";

const ps = (...lines: string[]) => lines.map((text, i) => ({ text, lines: [i + 1] }));

describe("title", () => {
  it("the fragments of a covering letter's title printed over three lines give way to the plan's own title", () => {
    const front = ps("某省人民政府关于印发2023年", "省政府工作报告重点任务", "分工方案的通知", "某省人民政府", "2023年3月1日", "2023年省政府工作报告重点任务分工方案");
    expect(findTitle(front, false)).toBe("2023年省政府工作报告重点任务分工方案");
  });
  it("a news headline that only mentions the plan gives way to the plan's own title", () => {
    expect(findTitle(ps("副市长们2023年牵头重点工作公布", "2023年政府工作报告重点工作责任分解"), false)).toBe("2023年政府工作报告重点工作责任分解");
  });
  it("a page title keeps no site name after it", () => {
    expect(findTitle(ps("某县人民政府关于2022年重点工作及责任分解的通知-某某资讯网"), false)).toBe("某县人民政府关于2022年重点工作及责任分解的通知");
  });
});

describe("year", () => {
  it("from the title, else the issue date; a year only in the text does not count", () => {
    expect(findYear("2021年某县政务公开工作要点", [])).toBe(2021);
    expect(findYear(null, ps("发布日期：2020-04-01"))).toBe(2020);
    expect(findYear(null, ps("2014年市政府民生实事项目共有42项任务，进展顺利。"))).toBeNull();
  });
});
