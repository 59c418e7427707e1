import { describe, expect, it } from "vitest";
import type { Cell } from "../model/document.js";
import { expandSpans } from "./grid.js";

const c = (text: string, rowSpan = 1, colSpan = 1): Cell => ({ text, lines: [], rowSpan, colSpan });
const show = (g: Cell[][]) => g.map((r) => r.map((x) => (x.from === "left" ? "<" : x.from === "above" ? `^${x.text}` : x.text)).join("|"));

describe("expandSpans", () => {
  it("copies a rowspan down to every row it covers", () => {
    const g = expandSpans([[c("1"), c("一、甲", 3), c("要求1"), c("市财政局", 2)], [c("2"), c("要求2")], [c("3"), c("要求3"), c("市税务局")]]);
    expect(show(g)).toEqual(["1|一、甲|要求1|市财政局", "2|^一、甲|要求2|^市财政局", "3|^一、甲|要求3|市税务局"]);
  });

  it("leaves placeholders across a colspan (工作任务 merged with 具体要求)", () => {
    const g = expandSpans([[c("序号"), c("工作任务", 1, 2), c("责任单位")], [c("1"), c("做好解读工作", 1, 2), c("市政府办")]]);
    expect(show(g)).toEqual(["序号|工作任务|<|责任单位", "1|做好解读工作|<|市政府办"]);
  });

  it("handles a cell spanning rows and columns at once", () => {
    const g = expandSpans([[c("A", 2, 2), c("B")], [c("C")]]);
    expect(show(g)).toEqual(["A|<|B", "^A|<|C"]);
  });

  it("continues a vertical merge over 20 rows", () => {
    const rows = [[c("0"), c("县政府各部门", 21)], ...Array.from({ length: 20 }, (_, i) => [c(String(i + 1))])];
    const g = expandSpans(rows);
    expect(g).toHaveLength(21);
    expect(g.every((r) => r[1]!.text === "县政府各部门")).toBe(true);
    expect(g.slice(1).every((r) => r[1]!.from === "above")).toBe(true);
  });

  it("pads short rows and ignores spans past the last row", () => {
    const g = expandSpans([[c("a"), c("b", 5)], [c("c")]]);
    expect(show(g)).toEqual(["a|b", "c|^b"]);
  });
});
