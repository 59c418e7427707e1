import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planTable } from "../../plan/fromTable.js";
import { sourceLines } from "./lines.js";
import { tabRows } from "./tabbed.js";
import { assemble, hasTwoCells } from "./assemble.js";
import { looksLikeDeadline, looksLikeUnits } from "../../lexicon/cells.js";
import { unscramble } from "./unscramble.js";

const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../fixtures/seeds");

function tableOf(seed: string) {
  const lines = sourceLines(readFileSync(path.join(SEEDS, seed), "utf8"));
  const a = assemble(tabRows(lines), hasTwoCells);
  if (!a) throw new Error("no table");
  return a.table;
}

describe("cell classification", () => {
  it("tells unit lists from categories that end in a role word", () => {
    expect(looksLikeUnits("市财政局、地税局按照职责分工分别牵头落实")).toBe(true);
    expect(looksLikeUnits("各县(区)人民政府， 市级各部门负责落实")).toBe(true);
    expect(looksLikeUnits("市审计局落实")).toBe(true);
    expect(looksLikeUnits("(二) 抓好政府信息公开条例的贯彻落实")).toBe(false);
    expect(looksLikeUnits("做好农产品价格信息公开工作，在部门网站上及时转载")).toBe(false);
  });

  it("tells deadlines from short requirements that start with 每年/定期/及时", () => {
    for (const d of ["全年工作", "2017 年 11 月底前完成", "每季度第一周内", "按月度、季度公布", "及时转载发布", "国家指导意见印发后 60 日内完成", "2017年7月底前对企业门户网站开展1次内容保障普查"]) {
      expect(looksLikeDeadline(d), d).toBe(true);
    }
    for (const t of ["定期公开住房公积金年度报告", "及时公布流通领域商品质量抽检结果", "每年公布水质最好和最差的县（区）、区名单以及河道生态补偿情况"]) {
      expect(looksLikeDeadline(t), t).toBe(false);
    }
  });
});

describe("unscramble", () => {
  it("leaves a table alone when no page shows the scramble", () => {
    expect(unscramble(tableOf("000_992a28b6471132da.txt")).scrambledPages).toBe(0);
  });

  it("finds the scrambled pages of a merged-cell PDF table", () => {
    expect(unscramble(tableOf("001_29682c494441ef65.txt")).scrambledPages).toBeGreaterThanOrEqual(3);
  });

  it("re-pairs the k-th number with the k-th requirement on a page", () => {
    const tasks = planTable(unscramble(tableOf("001_29682c494441ef65.txt")).table).value;
    const one = tasks.find((t) => t.number === "1")!;
    expect(one.text?.startsWith("加强政务信息主动公开")).toBe(true);
    expect(one.deadlineText).toBe("全年工作");
    const four = tasks.find((t) => t.number === "4")!;
    expect(four.unitCells.map((u) => u.text)).toEqual(["市财政局牵头落实"]);
  });

  it("reading a clean table by content gives the same tasks as reading it by column", () => {
    const table = tableOf("000_992a28b6471132da.txt");
    const byColumn = planTable(table).value;
    const byContent = planTable(unscramble(table, true).table).value;
    const key = (t: (typeof byColumn)[number]) => [t.number, t.path.join(">").replace(/\s/gu, ""), t.text, t.unitCells.map((u) => u.text).join("|"), t.deadlineText];
    expect(byContent.map(key)).toEqual(byColumn.map(key));
  });
});
