import { describe, expect, it } from "vitest";
import { showNumber } from "./sheet.js";

// Excel serial days: 45838 = 2025-06-30, 46112.5 = 2026-03-31 12:00.
describe("numbers and dates as their format codes show them", () => {
  it.each([
    [45838, 'yyyy"年"m"月"d"日"', "2025年6月30日"],
    [45838, "yyyy/m/d", "2025/6/30"],
    [45838, "yyyy-mm-dd", "2025-06-30"],
    [45838, 'm"月"d"日"', "6月30日"],
    [45838, "[$-804]yyyy年m月d日", "2025年6月30日"],
    [46112.5, "yyyy-mm-dd hh:mm", "2026-03-31"],
    [45838, "yy.m", "25.6"],
    [0.5, "0%", "50%"],
    [0.1234, "0.00%", "12.34%"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [3, "0.00", "3.00"],
    [3, "@", "3"],
    [3, "# ?/?", "3"],
  ])("%s in %s → %s", (v, code, shown) => {
    expect(showNumber(v, code)).toBe(shown);
  });
});
