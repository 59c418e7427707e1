import { describe, expect, it } from "vitest";
import { classifyDeadline } from "./deadline.js";

const c = (s: string, year: number | null = 2019) => {
  const d = classifyDeadline(s, year);
  return `${d.kind}@${d.date ?? ""}`;
};

describe("classifyDeadline (FORMAT.md Deadlines)", () => {
  it("year-round, dated at the plan year's end", () => {
    expect(c("全年")).toBe("year-round@2019-12-31");
    expect(c("全年工作")).toBe("year-round@2019-12-31");
    expect(c("全年持续")).toBe("year-round@2019-12-31");
    expect(c("全年", null)).toBe("year-round@");
  });

  it("by-date: month ends, 上/中/下旬, days", () => {
    expect(c("6月底前")).toBe("by-date@2019-06-30");
    expect(c("11月中旬前")).toBe("by-date@2019-11-20");
    expect(c("3月上旬")).toBe("by-date@2019-03-10");
    expect(c("2月下旬")).toBe("by-date@2019-02-28");
    expect(c("8月25日前")).toBe("by-date@2019-08-25");
    expect(c("9月投入使用")).toBe("by-date@2019-09-30");
    expect(c("12月末")).toBe("by-date@2019-12-31");
  });

  it("by-date: N月前 means by the end of month N−1", () => {
    expect(c("7月前")).toBe("by-date@2019-06-30");
    expect(c("1月前")).toBe("by-date@2018-12-31");
  });

  it("by-date: quarters, halves and the year end", () => {
    expect(c("一季度")).toBe("by-date@2019-03-31");
    expect(c("三季度前")).toBe("by-date@2019-09-30");
    expect(c("上半年")).toBe("by-date@2019-06-30");
    expect(c("下半年")).toBe("by-date@2019-12-31");
    expect(c("年底前")).toBe("by-date@2019-12-31");
    expect(c("年内")).toBe("by-date@2019-12-31");
  });

  it("by-date: the year in the text wins over the plan year; several dates give the latest", () => {
    expect(c("2017年7月底前")).toBe("by-date@2017-07-31");
    expect(c("2017 年 11 月底前完成")).toBe("by-date@2017-11-30");
    expect(c("6月底前启动，11月底前完成")).toBe("by-date@2019-11-30");
    expect(c("6月底前", null)).toBe("by-date@");
    expect(c("2020年底前")).toBe("by-date@2020-12-31");
  });

  it("by-date: a date written with digits, as a date cell shows it; version numbers are no dates", () => {
    expect(c("2025/6/30")).toBe("by-date@2025-06-30");
    expect(c("2025-09-30")).toBe("by-date@2025-09-30");
    expect(c("2025.12.31前")).toBe("by-date@2025-12-31");
    expect(c("2025.6")).toBe("by-date@2025-06-30");
    expect(c("2025-13-01")).toBe("other@");
    expect(c("按2.0版标准")).not.toMatch(/^by-date/u);
  });

  it("an explicit date wins over earlier kinds", () => {
    expect(c("全年持续，10月底前完成")).toBe("by-date@2019-10-31");
  });

  it("recurring", () => {
    for (const s of ["每月", "每季度", "按月", "按季度", "按月度、季度公布", "每年", "定期", "每季度后20日内", "每月、每季度 后 20 日内完成", "每季度第一周内"]) {
      expect(c(s), s).toBe("recurring@");
    }
  });

  it("ongoing", () => {
    for (const s of ["持续推进", "长期坚持", "长期推进", "长期", "常态化", "及时", "正在推进", "按时序推进", "已完成并持续推进", "及时转载发布"]) {
      expect(c(s), s).toBe("ongoing@");
    }
  });

  it("relative: counted from an event", () => {
    expect(c("…印发后60日内")).toBe("relative@");
    expect(c("国家指导意见印发后 60 日内完成")).toBe("relative@");
    expect(c("收到申请之日起15个工作日内")).toBe("relative@");
  });

  it("other", () => {
    expect(c("视情况而定")).toBe("other@");
  });
});
