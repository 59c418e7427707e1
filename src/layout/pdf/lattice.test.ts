import { describe, expect, it } from "vitest";
import { unradical } from "../../text/radicals.js";
import type { TextItem } from "../../model/geometry.js";
import { findTables, joinItems, lastLineFull } from "./lattice.js";
import { layoutPdf } from "./index.js";

/** A horizontal and a vertical ruling. */
const h = (at: number, from: number, to: number) => ({ dir: "h" as const, at, from, to });
const v = (at: number, from: number, to: number) => ({ dir: "v" as const, at, from, to });
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

describe("a cell's text that may go on past a page break", () => {
  // A cell from x 0 to 100, its bottom ruling at y 100; lines of 10 pt.
  const lines = (last: number) => [item("推进发展新", 48, last - 12), item("产业工作公", 48, last)];
  it("runs on where its last line fills the cell's width and stands at its foot", () => {
    expect(lastLineFull(lines(96), 100, 100)).toBe(true);
    expect(lastLineFull(lines(96), 100)).toBe(true);
  });
  it("ended where its last line stands higher in the cell (a merged cell's text centred or at the top), or stops short", () => {
    expect(lastLineFull(lines(60), 100, 100)).toBe(false);
    expect(lastLineFull([item("推进发展新", 48, 84), item("公开", 0, 96)], 100, 100)).toBe(false);
  });
});

describe("ruled tables", () => {

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

describe("separated borders", () => {
  /** A cell's own box, as a browser draws it with cell spacing. */
  const box = (x0: number, y0: number, x1: number, y1: number) => [h(y0, x0, x1), h(y1, x0, x1), v(x0, y0, y1), v(x1, y0, y1)];

  it("reads cells that each draw their own box, a spacing apart, inside a frame, as one grid", () => {
    // 2 × 3 cells, 3 pt apart, the left cell of rows 2–3 merged; the frame 3 pt outside.
    const segments = [
      ...box(47, 97, 453, 193), // the table's frame
      ...box(50, 100, 197, 127), ...box(200, 100, 450, 127),
      ...box(50, 130, 197, 190), ...box(200, 130, 450, 157), ...box(200, 160, 450, 190),
    ];
    const items = [item("序号", 60, 120), item("具体要求", 210, 120), item("一、甲", 60, 165), item("要求一", 210, 150), item("要求二", 210, 180)];
    const { tables, free } = findTables({ number: 1, width: 600, height: 800, segments, items });
    expect(free).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.map((c) => `${c.text}${c.rowSpan > 1 ? `[r${c.rowSpan}]` : ""}`))).toEqual([["序号", "具体要求"], ["一、甲[r2]", "要求一"], ["要求二"]]);
  });

  it("does not make a row of a merged cell's box that ends a few points short of its row line", () => {
    // The right column's merged box (rows 1–2) ends at 206, the row line is at 210/213.
    const segments = [
      ...box(50, 100, 197, 157), ...box(50, 160, 197, 210), ...box(50, 213, 197, 260),
      ...box(200, 100, 450, 206), ...box(200, 213, 450, 260),
    ];
    const items = [item("甲", 60, 130), item("乙", 60, 190), item("丙", 60, 240), item("全年", 210, 150), item("持续推进", 210, 240)];
    const { tables } = findTables({ number: 1, width: 600, height: 800, segments, items });
    expect(tables[0]!.rows.map((r) => r.map((c) => `${c.text}${c.rowSpan > 1 ? `[r${c.rowSpan}]` : ""}`))).toEqual([["甲", "全年[r2]"], ["乙"], ["丙", "持续推进"]]);
  });
});

describe("radicals", () => {
  it("maps Kangxi radicals and simplified supplement radicals back to ideographs", () => {
    expect(unradical("⼯作任务、⻅效、⻓期、⻔户、⺠⽣")).toBe("工作任务、见效、长期、门户、民生");
    expect(unradical("政务公开")).toBe("政务公开");
  });
});

describe("the reason a PDF gives when no ruled table is read", () => {
  it("names the ruled tables found without a header row and the first one's top row, for inspect", () => {
    // A ruled table whose header words were misread (序县 for 序号, 要来 for 具体要求).
    const page = {
      number: 1, width: 600, height: 800,
      segments: [h(100, 50, 450), h(130, 50, 450), h(160, 50, 450), v(50, 100, 160), v(200, 100, 160), v(450, 100, 160)],
      items: [item("序县", 60, 120), item("要来", 210, 120), item("1", 60, 150), item("公开预算", 210, 150)],
    };
    const laid = layoutPdf([page]);
    expect(laid.reason).toMatch(/^no ruled table with a header row \(1 ruled table\(s\); the first's top row: 序县 \| 要来\)/u);
  });
});
