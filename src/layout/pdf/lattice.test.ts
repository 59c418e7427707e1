import { describe, expect, it } from "vitest";
import { unradical } from "../../text/radicals.js";
import type { TextItem } from "../../model/geometry.js";
import { findTables, joinItems } from "./lattice.js";

const item = (text: string, x0: number, y: number, size = 10): TextItem => ({ text, x0, x1: x0 + text.length * size, y0: y - size, y1: y, size });

describe("cell text", () => {
  it("joins CJK without spaces and Latin with one", () => {
    expect(joinItems([item("政务", 0, 10), item("公开", 21, 10)], null)).toBe("政务公开");
    expect(joinItems([item("word", 0, 10), item("pdf", 50, 10)], null)).toBe("word pdf");
  });

  it("joins a line that filled the cell, keeps a break where a line stopped short", () => {
    // cell right edge at 100: the first line reaches it, so it wrapped
    expect(joinItems([item("市发展改革委、", 30, 10), item("市财政局", 0, 22)], 100)).toBe("市发展改革委、市财政局");
    expect(joinItems([item("市财政局", 0, 10), item("市税务局", 0, 22)], 100)).toBe("市财政局\n市税务局");
    // a bracket that did not fit went to the next line: 各县 | （区）人民政府
    expect(joinItems([item("金融办，各县", 0, 10), item("（区）人民政府", 0, 22)], 95)).toBe("金融办，各县（区）人民政府");
  });
});

describe("ruled tables", () => {
  const h = (at: number, from: number, to: number) => ({ dir: "h" as const, at, from, to });
  const v = (at: number, from: number, to: number) => ({ dir: "v" as const, at, from, to });

  it("builds the grid from rulings and merges cells where a border is missing", () => {
    // 2 columns × 3 rows; the left column has no border between rows 2 and 3 (a rowspan).
    const page = {
      number: 1, width: 600, height: 800,
      segments: [h(100, 50, 450), h(130, 50, 450), h(160, 200, 450), h(190, 50, 450), v(50, 100, 190), v(200, 100, 190), v(450, 100, 190)],
      items: [item("序号", 60, 120), item("具体要求", 210, 120), item("一、甲", 60, 160), item("要求一", 210, 150), item("要求二", 210, 180)],
    };
    const { tables, free } = findTables(page);
    expect(free).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.map((c) => `${c.text}${c.rowSpan > 1 ? `[r${c.rowSpan}]` : ""}`))).toEqual([["序号", "具体要求"], ["一、甲[r2]", "要求一"], ["要求二"]]);
  });
});

describe("radicals", () => {
  it("maps Kangxi radicals and simplified supplement radicals back to ideographs", () => {
    expect(unradical("⼯作任务、⻅效、⻓期、⻔户、⺠⽣")).toBe("工作任务、见效、长期、门户、民生");
    expect(unradical("政务公开")).toBe("政务公开");
  });
});
