import { describe, expect, it } from "vitest";
import { BODIES, renamingOf, RENAMINGS, standardName } from "./bodies.js";

describe("standard names of government bodies", () => {
  it.each([
    ["市发改委", "市发展和改革委员会"],
    ["市发展改革委", "市发展和改革委员会"],
    ["市发展和改革委员会", "市发展和改革委员会"],
    ["攀枝花市人社局", "攀枝花市人力资源和社会保障局"],
    ["县市场监管局", "县市场监督管理局"],
    ["縣發展和改革局", "县发展和改革局"],
    ["縣發改局", "县发展和改革局"],
    ["县政府", "县人民政府"],
    ["县政府办", "县人民政府办公室"],
    ["县人民政府办公室", "县人民政府办公室"],
    ["各县（区）政府", "各县(区)人民政府"],
    ["国家发展改革委", "国家发展和改革委员会"],
    // No known body, or a form not at a level boundary: as it compares, nothing more.
    ["人民银行攀枝花中心 支行", "人民银行攀枝花中心支行"],
    ["市农业农村局", "市农业农村局"],
    ["县政府各部门", "县政府各部门"],
    ["乡村振兴局", "乡村振兴局"],
  ])("%s → %s", (name, std) => {
    expect(standardName(name)).toBe(std);
  });

  it("a body the 2018 reform replaced keeps its own name; its renaming is history", () => {
    expect(standardName("市环保局")).toBe("市环境保护局");
    expect(renamingOf("市环境保护局")).toMatchObject({ successor: "市生态环境局", year: 2018 });
    expect(renamingOf(standardName("县扶贫办"))).toMatchObject({ successor: "县乡村振兴局", year: 2021 });
    expect(renamingOf("县农业农村局")).toBeNull();
    expect(renamingOf("市文化和旅游局")).toBeNull();
  });

  it("each ending is defined once, and every renamed body's forms are known", () => {
    const endings = BODIES.flatMap((b) => [b.full, ...b.forms]);
    expect(new Set(endings).size).toBe(endings.length);
    for (const r of RENAMINGS) expect(standardName(`市${r.from}`)).toBe(`市${r.from}`);
  });
});
