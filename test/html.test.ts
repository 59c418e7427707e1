// HTML notices: real merged-cell grids, page furniture, encodings, joined tables.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertFile } from "../src/pipeline.js";
import { run } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "wp-html-"));
async function convertHtml(name: string, body: string, head = '<meta charset="utf-8">') {
  const f = path.join(dir, name);
  writeFileSync(f, `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
  return (await convertFile(f)).plan;
}
const units = (t: { units: Array<{ name: string; role: string }> }) => t.units.map((u) => `${u.name}/${u.role[0]}`).join(" ");

describe("HTML tables", () => {
  it("a progress word over one column per month: each month its own column, the last the status", async () => {
    const plan = await convertHtml(
      "months.html",
      `<table>
      <tr><th rowspan="2">序号</th><th rowspan="2">工作内容</th><th rowspan="2">责任单位</th><th colspan="3">推进情况</th></tr>
      <tr><th>一季度</th><th>二季度</th><th>三季度</th></tr>
      <tr><td>1</td><td>建成社区食堂4个。</td><td>县民政局</td><td>选址完成</td><td>2个开工</td><td>4个建成</td></tr>
      <tr><td>2</td><td>改造老旧小区3个。</td><td>县住建局</td><td>方案报批</td><td></td><td></td></tr>
      </table>`,
    );
    expect(plan.tasks.map((t) => [t.status, t.extra])).toEqual([
      ["4个建成", { "推进情况 一季度": "选址完成", "推进情况 二季度": "2个开工" }],
      [null, { "推进情况 一季度": "方案报批" }],
    ]);
  });

  it("the task table is the one whose header names the most fields, not the first (a summary table before it)", async () => {
    const plan = await convertHtml(
      "summary-first.html",
      `<table><tr><td>序号</td><td>单位</td><td>任务数量</td></tr><tr><td>1</td><td>县民政局</td><td>1</td></tr></table>
      <table><tr><td>序号</td><td>工作内容</td><td>责任单位</td><td>完成时限</td></tr>
      <tr><td>1</td><td>建成社区食堂4个。</td><td>县民政局</td><td>年底前</td></tr></table>`,
    );
    expect(plan.tasks.map((t) => [t.number, t.text, units(t)])).toEqual([["1", "建成社区食堂4个。", "县民政局/r"]]);
    expect(plan.warnings.map((w) => w.code)).toContain("other-table");
  });

  it("sub-rows under one merged 序号 cell: each a task, the first with the number", async () => {
    const plan = await convertHtml(
      "subrows.html",
      `<table><tr><td>序号</td><td>工作内容</td><td>责任单位</td><td>完成时限</td></tr>
      <tr><td rowspan="2">1</td><td>建成社区食堂4个。</td><td>县民政局</td><td rowspan="2">年底前</td></tr>
      <tr><td>开展助餐服务。</td><td>县卫健局</td></tr>
      <tr><td>2</td><td>改造老旧小区3个。</td><td>县住建局</td><td>9月底前</td></tr></table>`,
    );
    expect(plan.tasks.map((t) => [t.number, units(t), t.deadlineText])).toEqual([
      ["1", "县民政局/r", "年底前"],
      [null, "县卫健局/r", "年底前"],
      ["2", "县住建局/r", "9月底前"],
    ]);
  });

  it("a rowspan applies to every row it covers, across a header printed again inside the table", async () => {
    const plan = await convertHtml(
      "rowspan.html",
      `<p>某市2021年政务公开任务清单</p><table>
      <tr><th>序号</th><th>工作任务</th><th>具体要求</th><th>责任单位</th><th>完成时限</th></tr>
      <tr><td>1</td><td rowspan="4">一、政策解读</td><td>做好解读。</td><td rowspan="4">市政府办公室<br>各县区政府</td><td rowspan="2">6月底前</td></tr>
      <tr><td>2</td><td>加强审核。</td></tr>
      <tr><td>序号</td><td>具体要求</td><td>完成时限</td></tr>
      <tr><td>3</td><td>丰富形式。</td><td>全年</td></tr>
      </table>`,
    );
    expect(plan.tasks.map((t) => [t.number, t.path.join(">"), units(t), t.deadlineText])).toEqual([
      ["1", "一、政策解读", "市政府办公室/r 各县区政府/r", "6月底前"],
      ["2", "一、政策解读", "市政府办公室/r 各县区政府/r", "6月底前"],
      ["3", "一、政策解读", "市政府办公室/r 各县区政府/r", "全年"],
    ]);
    expect(plan.tasks[2]!.provenance.page).toBe(2);
  });

  it("a colspan merging 工作任务 with 具体要求 gives the requirement; a full-width row is a heading", async () => {
    const plan = await convertHtml(
      "colspan.html",
      `<table>
      <tr><th>序号</th><th>工作任务</th><th>具体要求</th><th>牵头单位</th><th>配合单位</th></tr>
      <tr><td colspan="5">一、深化决策公开</td></tr>
      <tr><td>1</td><td colspan="2">完善重大行政决策预公开制度。</td><td>市司法局</td><td>市政府各部门</td></tr>
      <tr><td>2</td><td>会议开放</td><td>邀请利益相关方列席会议。</td><td>市政府办公室</td><td></td></tr>
      </table>`,
    );
    expect(plan.tasks.map((t) => [t.number, t.path.join(">"), t.title, t.text, units(t)])).toEqual([
      ["1", "一、深化决策公开", null, "完善重大行政决策预公开制度。", "市司法局/l 市政府各部门/s"],
      ["2", "一、深化决策公开", "会议开放", "邀请利益相关方列席会议。", "市政府办公室/l"],
    ]);
  });

  it("an empty category cell in an explicit grid means no category, not the one above", async () => {
    const plan = await convertHtml(
      "empty-cat.html",
      `<table><tr><th>序号</th><th colspan="2">工作任务</th><th>具体要求</th><th>责任单位</th></tr>
      <tr><td>1</td><td rowspan="2">一、甲</td><td>（一）乙</td><td>做好甲乙。</td><td>市财政局</td></tr>
      <tr><td>2</td><td></td><td>做好甲。</td><td>市税务局</td></tr></table>`,
    );
    expect(plan.tasks.map((t) => t.path)).toEqual([["一、甲", "（一）乙"], ["一、甲"]]);
  });

  it("ignores scripts, navigation, forms and footers, and metadata tables", async () => {
    const plan = await convertHtml(
      "furniture.html",
      `<nav><table><tr><td>序号</td><td>具体要求</td><td>责任单位</td></tr><tr><td>1</td><td>导航</td><td>网站</td></tr></table></nav>
      <script>document.write("<table><tr><td>序号</td><td>具体要求</td><td>责任单位</td></tr></table>")</script>
      <table><tr><td>索引号：</td><td>123</td><td>发布机构：</td><td>市政府办</td></tr></table>
      <h2>某市2022年重点工作任务分工</h2>
      <table><tr><td>序号</td><td>具体要求</td><td>责任单位</td></tr><tr><td>1</td><td>做好公开。</td><td>市政府办</td></tr></table>
      <footer><p>主办：市人民政府办公室</p></footer>`,
    );
    expect(plan.title).toBe("某市2022年重点工作任务分工");
    expect(plan.tasks.map((t) => t.text)).toEqual(["做好公开。"]);
  });
});

describe("HTML fixtures", () => {
  const text = async (f: string) => (await convertFile(f)).plan.tasks.map((t) => [t.number, t.path.join(">").replace(/\s/gu, ""), t.text, t.units, t.deadline]);

  it("decodes GB2312 declared in a meta tag, and GBK declared nowhere", async () => {
    expect((await convertFile("fixtures/html/002_4354457bd10285a1.html")).plan.source.encoding).toBe("gb18030 (declared)");
    expect((await convertFile("fixtures/html/003_ef27fd673396f65e.html")).plan.source.encoding).toBe("gb18030");
  });

  it("gives the same tasks as the same notice in text", async () => {
    expect(await text("fixtures/html/003_ef27fd673396f65e.html")).toEqual(await text("fixtures/seeds/003_ef27fd673396f65e.txt"));
    expect(await text("fixtures/html/004_091f97d7362963d8.html")).toEqual(await text("fixtures/seeds/004_091f97d7362963d8.txt"));
  });

  it("joins a notice continued in a second table", async () => {
    const { plan, laid } = await convertFile("fixtures/html/001_29682c494441ef65.html");
    expect(laid.reason).toMatch(/2 with the task header joined/u);
    expect(plan.tasks).toHaveLength(133);
  });

  it("a page with no task table and no numbered items: exit 5, one line", () => {
    const f = path.join(dir, "news.html");
    writeFileSync(f, "<html><body><h1>新闻</h1><p>今天天气很好。</p><table><tr><td>a</td><td>b</td></tr></table></body></html>");
    const r = run(["convert", f]);
    expect(r.code).toBe(5);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/news\.html: no task table/u);
  });
});
