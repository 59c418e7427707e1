// Each text layout read from a file in fixtures/layouts (written for the shapes real
// notices use beyond the seeds) through the whole pipeline.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { convertFile } from "../../pipeline.js";

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../fixtures/layouts");
const units = (t: { units: Array<{ name: string; role: string }> }) => t.units.map((u) => `${u.name}/${u.role[0]}`);

describe("text layouts beyond the seeds", () => {
  it("numbered items followed by labelled lines 牵头单位：/责任单位：/配合单位：/完成时限：", async () => {
    const { plan } = await convertFile(path.join(FIX, "labelled-lines.txt"));
    expect(plan.source.layout).toBe("labelled");
    expect(plan.tasks).toHaveLength(3);
    const [a, b, c] = plan.tasks;
    expect(a!.path).toEqual(["一、加强政策解读"]);
    expect(a!.number).toBe("1");
    expect(a!.title).toBe("深入解读重要政策");
    expect(a!.unitsText).toBe("市政府办公室；市发展改革委、财政局；市融媒体中心");
    expect(units(a!)).toEqual(["市政府办公室/l", "市发展改革委/r", "市财政局/r", "市融媒体中心/s"]);
    expect(a!.deadline).toEqual({ kind: "by-date", date: "2021-06-30" });
    expect(units(b!)).toEqual(["市委网信办/l", "各县（市、区）政府/r"]);
    expect(c!.path).toEqual(["二、推进平台建设"]);
    expect(c!.number).toBe("1");
  });

  it("prose items ending in （责任领导：…；牵头单位：…；责任单位：…）, people to extra", async () => {
    const { plan } = await convertFile(path.join(FIX, "labelled-parens.txt"));
    expect(plan.title).toBe("某县2022年政务公开重点工作");
    expect(plan.year).toBe(2022);
    const [a, , c] = plan.tasks;
    expect(a!.number).toBe("（一）");
    expect(a!.text).toBe("按要求公开预决算信息，细化公开内容。");
    expect(a!.unitsText).toBe("县财政局；县直各单位");
    expect(units(a!)).toEqual(["县财政局/l", "县直各单位/r"]);
    expect(a!.extra).toEqual({ 责任领导: "王某某" });
    expect(c!.unitsText).toBe("县政务公开办牵头落实");
  });

  it("a flattened table with a lone | line between cells", async () => {
    const { plan } = await convertFile(path.join(FIX, "pipe-lone.txt"));
    expect(plan.source.layout).toBe("pipe-cells");
    expect(plan.title).toBe("2020年政务公开重点工作任务清单");
    expect(plan.tasks.map((t) => [t.number, t.path, t.deadlineText])).toEqual([
      ["1", ["一、政策解读"], "6月底前"],
      ["2", ["一、政策解读"], "全年"],
    ]);
    expect(units(plan.tasks[0]!)).toEqual(["市政府办公室/r", "各县区政府/r"]);
  });

  it("pipe rows whose merged first cell is left out on the rows it spans", async () => {
    const { plan } = await convertFile(path.join(FIX, "pipe-rows-shifted.txt"));
    expect(plan.source.layout).toBe("pipe-rows");
    expect(plan.tasks.map((t) => [t.number, t.path.join(">"), t.unitsText, t.deadlineText])).toEqual([
      ["1", "一、深化决策公开", "市司法局、各县区政府", "9月底前"],
      ["2", "一、深化决策公开", "市政府办公室", "全年"],
      ["3", "一、深化决策公开", "市政府各部门", "持续推进"],
      ["4", "二、加强平台建设", "市数据资源局", "年底前"],
      ["5", "二、加强平台建设", "市委网信办、市数据资源局", "每季度"],
    ]);
  });

  it("a traditional-character notice (重點任務, 工作內容, 負責科室)", async () => {
    const { plan } = await convertFile(path.join(FIX, "traditional.txt"));
    expect(plan.columns).toEqual(["重點任務", "工作內容", "負責科室", "完成時限"]);
    expect(plan.year).toBe(2021);
    expect(units(plan.tasks[0]!)).toEqual(["縣財政局/l", "縣稅務局/l"]);
    expect(plan.tasks.map((t) => t.deadline?.kind)).toEqual(["by-date", "year-round", "ongoing"]);
    expect(plan.tasks[2]!.path).toEqual(["二、推進平台建設"]);
  });

  it("a table across pages: covering letter, page numbers, a row continued after the repeated header", async () => {
    const { plan, laid } = await convertFile(path.join(FIX, "page-break.txt"));
    expect(plan.title).toBe("某市2024年政务公开重点任务分工表");
    expect(plan.year).toBe(2024);
    expect(laid.back.map((p) => p.text)).toEqual(["抄送：市委办公室，市人大常委会办公室。", "某市人民政府办公室 2024年3月1日印发"]);
    expect(plan.tasks.map((t) => t.number)).toEqual(["1", "2", "3", "4"]);
    const three = plan.tasks[2]!;
    expect(three.text).toBe("围绕优化营商环境等重点工作，开展政策进企业、进社区活动，持续扩大政策知晓面，让群众看得到、听得懂、信得过。");
    expect(three.unitsText).toBe("市发展改革委；市商务局、市市场监管局等部门");
    expect(units(three)).toEqual(["市发展改革委/l", "市商务局/s", "市市场监管局/s"]);
    expect(three.deadlineText).toBe("9月底前");
    expect(three.provenance.lines).toEqual([11, 16]);
    const four = plan.tasks[3]!;
    expect(four.path).toEqual(["二、加强平台建设"]);
    expect(four.unitsText).toBe("市数据资源局");
  });

  it("a two-row header (责任单位 over 牵头单位 | 配合单位), repeated on the next page", async () => {
    const { plan } = await convertFile(path.join(FIX, "two-row-header.txt"));
    expect(plan.columns).toEqual(["序号", "工作任务", "具体要求", "牵头单位", "配合单位", "完成时限", "完成情况"]);
    expect(plan.year).toBe(2020); // 二〇二〇年
    expect(plan.tasks.map((t) => [t.number, t.title, units(t).join(" "), t.deadline?.date ?? null, t.status])).toEqual([
      ["1", "政策解读", "区政府办公室/l 区司法局/s", "2020-12-31", "已完成"],
      ["2", "回应关切", "区委网信办/l", null, "推进中"],
      ["3", "平台建设", "区数据资源局/l 区融媒体中心/s", "2020-06-30", null],
    ]);
  });

  it("a markdown table: the |---| rule under the header is not a row", async () => {
    const { plan } = await convertFile(path.join(FIX, "markdown-table.txt"));
    expect(plan.tasks.map((t) => [t.number, t.path.join(">"), t.text])).toEqual([
      ["1", "一、决策公开", "推进重大行政决策预公开。"],
      ["2", "一、决策公开", "做好决策草案意见征集。"],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it("one cell per line without tabs, headings in blocks of their own", async () => {
    const { plan } = await convertFile(path.join(FIX, "cell-per-line-plain.txt"));
    expect(plan.source.layout).toBe("cell-per-line");
    expect(plan.tasks.map((t) => [t.number, t.path.join(">"), t.unitsText, t.deadlineText])).toEqual([
      ["1", "一、政策解读", "县政府办公室", "6月底前"],
      ["2", "一、政策解读", "县司法局", "全年"],
      ["3", "二、平台建设", "县数据资源局", "持续推进"],
    ]);
  });

  it("hard-wrapped prose (a PDF's text at a fixed width) reads like the unwrapped notice", async () => {
    const wrapped = await convertFile(path.join(FIX, "prose-wrapped.txt"));
    const plain = await convertFile(path.join(FIX, "../seeds/004_091f97d7362963d8.txt"));
    const key = (t: (typeof plain.plan.tasks)[number]) => [t.number, t.path, t.title, t.text, t.unitsText].map((v) => JSON.stringify(v).replace(/\s+/gu, ""));
    expect(wrapped.plan.title).toBe(plain.plan.title);
    expect(wrapped.plan.tasks.map(key)).toEqual(plain.plan.tasks.map(key));
  });
});
