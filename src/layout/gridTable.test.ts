import { describe, expect, it } from "vitest";
import type { Cell } from "../model/document.js";
import { findHeader, repeatsHeader, withMisreadHeader } from "./gridTable.js";

const c = (text: string): Cell => ({ text, lines: [], rowSpan: 1, colSpan: 1 });
const row = (...texts: string[]) => texts.map(c);

describe("withMisreadHeader: a scanned header row with words a character off", () => {
  // [一JU情况 is no printed header's misreading: left as read (the row may hold one such).
  const grid = [row("序县", "工作任务", "具体要求", "责任单位", "[一JU情况", "备汁"), row("1", "一、做好解读", "解读重要政策", "市政府办", "推进中", "")];

  it("takes the misread words for the printed headers, so that the row is the header", () => {
    expect(findHeader(grid)).toBeNull();
    const r = withMisreadHeader(grid)!;
    expect(r.grid[0]!.map((x) => x.text)).toEqual(["序号", "工作任务", "具体要求", "责任单位", "[一JU情况", "备注"]);
    expect(r.misread).toEqual([
      { row: 0, column: 0, read: "序县", as: "序号" },
      { row: 0, column: 5, read: "备汁", as: "备注" },
    ]);
    expect(findHeader(r.grid)).toEqual({ at: 0, rows: 1 });
    // The body keeps what was read.
    expect(r.grid[1]).toBe(grid[1]);
  });

  it("changes nothing where no row becomes a header row", () => {
    expect(withMisreadHeader([row("1", "做好解读", "市政府办"), row("2", "序县", "备汁")])).toBeNull();
  });

  it("knows the header printed again with another word misread", () => {
    expect(repeatsHeader(row("序号", "工作仕务", "具体要求"), ["序号", "工作任务", "具体要求"])).toBe(true);
    expect(repeatsHeader(row("1", "工作仕务", "具体要求"), ["序号", "工作任务", "具体要求"])).toBe(false);
  });
});
