// Rows cut at their 序号 in a stream of cells: a number the notice skipped still starts a
// row, a quantity that looks like the next number but is followed by it does not.
import { describe, expect, it } from "vitest";
import type { Column } from "../../model/document.js";
import { rowsByNumber } from "./stream.js";

const cols: Column[] = [
  { field: "number", header: "序号" },
  { field: "text", header: "具体要求" },
  { field: "extra", header: "数量" },
];
const stream = (texts: string[]) => texts.map((text, i) => ({ text, lines: [i + 1] }));
const numbers = (texts: string[]) => rowsByNumber(stream(texts), cols)!.rows.map((r) => [r.cells[0]!.text, r.cells[1]!.text, r.cells[2]!.text]);

describe("rows cut at their 序号", () => {
  it("a skipped number (1, 3) starts the next row", () => {
    expect(numbers(["1", "公开预算", "12", "3", "公开决算", "8"])).toEqual([
      ["1", "公开预算", "12"],
      ["3", "公开决算", "8"],
    ]);
  });
  it("a quantity one past the expected number is a cell when that number comes after it", () => {
    expect(numbers(["1", "公开预算", "3", "2", "公开决算", "5"])).toEqual([
      ["1", "公开预算", "3"],
      ["2", "公开决算", "5"],
    ]);
  });
});
