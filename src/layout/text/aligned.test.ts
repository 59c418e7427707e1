// The pieces of the space-aligned layout, on small pages written for each rule.
import { describe, expect, it } from "vitest";
import { blocksOf, pageColumns, segmentsOf } from "./alignedBlocks.js";
import { spanStarts } from "./rowSpans.js";

const texts = (lines: string[]) => blocksOf(segmentsOf(lines)).map((b) => b.segments.map((s) => s.text).join("|"));

describe("cells as pdftotext laid them out", () => {
  it("a word one space on is the same cell unless a line above or below starts text at its column", () => {
    const segs = segmentsOf(["围绕 2026 年重点任 区财政局", "务，公开预算执行情况说明 局，各街道"]);
    // 2026 starts where no other line starts text: a word of the cell; 区财政局 starts where 局 does.
    expect(segs[0]!.map((s) => s.text)).toEqual(["围绕 2026 年重点任", "区财政局"]);
  });

  it("a word one space past a cell as wide as its wrapped lines starts the next column's cell; half-width digits make a line longer, not wider", () => {
    // 以促进就 is full at 4 characters (促进就业 / 稳岗 below): 深化改革 cannot be its.
    const segs = segmentsOf(["以促进就 深化改革     公开", "促进就业", "稳岗"]);
    expect(segs[0]!.map((s) => s.text)).toEqual(["以促进就", "深化改革", "公开"]);
    // 全面公开，2027 holds 5 full-width and 4 half-width characters: 7 wide, under lines 9 wide.
    const digits = segmentsOf(["全面公开，2027 年底", "各部门系统梳理本机", "关制发的规范性文件", "目录"]);
    expect(digits[0]!.map((s) => s.text)).toEqual(["全面公开，2027 年底"]);
  });

  it("a word one space past a short line inside a cell is the same line's, though the lines around start words near it", () => {
    // 农业 cannot be a full line of the cell whose lines are 9 wide: 农村局、 goes on it.
    const segs = segmentsOf(["县发展改革委、县农", "业 农村局、县财政", "局 、县税务局等"]);
    expect(segs[1]!.map((s) => s.text)).toEqual(["业 农村局、县财政"]);
  });

  it("a cell stays open across a line of another cell printed between two of its lines", () => {
    expect(texts(["公开预算执行情况", "                 区财政局", "及时回应关切"])).toEqual(["公开预算执行情况|及时回应关切", "区财政局"]);
  });

  it("a blank line or a long run of other cells' lines ends a cell", () => {
    expect(texts(["持续推进", "", "年底前"])).toEqual(["持续推进", "年底前"]);
    expect(texts(["          持续推进", "区", "区", "区", "          年底前"]).filter((t) => !t.startsWith("区"))).toEqual(["持续推进", "年底前"]);
  });

  it("a number never wraps: two 序号 in one column are two cells", () => {
    expect(texts(["2", "   公开", "3"])).toEqual(["2", "公开", "3"]);
  });

  it("a page's columns: starts a few characters apart are one column, unless their cells share a line; numbers stand apart", () => {
    const cols = pageColumns(blocksOf(segmentsOf(["1", "   公开清单", "   及时公开", "", "   二、  做好", "", "    三、加强"])));
    expect(cols.map((c) => c.blocks.map((b) => b.segments[0]!.text))).toEqual([["1"], ["公开清单", "二、", "三、加强"], ["做好"]]);
  });
});

describe("rows a merged cell covers", () => {
  const rows = [
    { top: 0, bottom: 3 },
    { top: 5, bottom: 6 },
    { top: 8, bottom: 9 },
  ];
  it("a cell centred over three rows starts at the first", () => {
    expect(spanStarts([{ top: 4, bottom: 5 }], rows)).toEqual([0]);
  });
  it("a cell between two rows covers both; the next starts after them", () => {
    expect(spanStarts([{ top: 0, bottom: 0 }, { top: 7, bottom: 7 }], rows)).toEqual([0, 1]);
  });
  it("cells set at their rows' top (a top-aligned table)", () => {
    expect(spanStarts([{ top: 0, bottom: 1 }, { top: 8, bottom: 9 }], rows)).toEqual([0, 2]);
  });
  it("a cell below the page's first row leaves that row to a cell of the page before", () => {
    expect(spanStarts([{ top: 8, bottom: 8 }], rows)).toEqual([2]);
  });
  it("on the table's first page no cell of a page before goes on: the first cell covers the first rows", () => {
    expect(spanStarts([{ top: 8, bottom: 8 }], rows, false)).toEqual([0]);
  });
  it("a cell at the top of a page's third row starts there, though a span from the page's top down past its rows would centre it too", () => {
    const five = [...rows, { top: 11, bottom: 14 }, { top: 16, bottom: 19 }];
    expect(spanStarts([{ top: 8, bottom: 9 }], five)).toEqual([2]);
  });
});
