// Issue 20, as far as it goes: diff of two plans, the unit names of a folder of
// outputs with suggested groups, and canonical names from an alias table.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "wp-compare-"));

describe("diff", () => {
  it("the same notice in two formats: no change", () => {
    const r = run(["diff", "fixtures/html/000_992a28b6471132da.html", "fixtures/docx/000_992a28b6471132da.docx"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { summary: Record<string, number> };
    expect(d.summary).toEqual({ kept: 44, changed: 0, added: 0, removed: 0 });
    expect(r.stderr).toMatch(/44 kept, 0 changed, 0 added, 0 removed/u);
  });

  it("a copy with known edits reports exactly those", () => {
    const a = path.join(dir, "a.json");
    const b = path.join(dir, "b.json");
    expect(run(["convert", "fixtures/seeds/004_091f97d7362963d8.txt", "-o", a, "-q"]).code).toBe(0);
    const plan = JSON.parse(readFileSync(a, "utf8")) as { tasks: Array<Record<string, unknown> & { units: Array<{ name: string; role: string }>; path: string[] }> };
    const t = plan.tasks;
    const removed = t.splice(3, 1)[0]!; // task 4 removed
    t[0]!.units = [...t[0]!.units, { name: "县审计局", role: "responsible" }]; // units changed
    t[1]!.deadlineText = "9月底前"; // deadline moved
    t[1]!.deadline = { kind: "by-date", date: "2019-09-30" };
    t[6]!.path = [...t[6]!.path.slice(0, -1), "（九）重新措辞的一个小标题"]; // a heading reworded
    t.push({ ...t[5]!, number: "99", text: "新增一项关于政务公开平台适老化改造的全新任务要求。", title: null }); // one added
    writeFileSync(b, JSON.stringify(plan));
    const r = run(["diff", a, b]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { summary: Record<string, number>; changes: Array<{ kind: string; a?: number; fields?: string[]; unitsGained?: string[] }> };
    expect(d.summary).toEqual({ kept: 12, changed: 3, added: 1, removed: 1 });
    expect(d.changes.find((c) => c.kind === "removed")!.a).toBe(3);
    expect(removed).toBeTruthy();
    const changed = d.changes.filter((c) => c.kind === "changed");
    expect(changed.map((c) => c.fields)).toEqual([["units"], ["deadline"], ["path"]]);
    expect(changed[0]!.unitsGained).toEqual(["县审计局"]);
  });
});

describe("diff: renamings and folders", () => {
  it("two cities' plans of the same year (both after the national 2019 要点) pair their shared tasks", () => {
    const r = run(["diff", "fixtures/seeds/000_992a28b6471132da.txt", "fixtures/seeds/004_091f97d7362963d8.txt"]);
    const d = JSON.parse(r.stdout) as { summary: Record<string, number> };
    expect(d.summary["changed"]).toBeGreaterThanOrEqual(5);
  });

  it("a unit the 2018 reform renamed is reported as renamed, not as lost and gained", () => {
    const a = path.join(dir, "ra.json");
    const b = path.join(dir, "rb.json");
    expect(run(["convert", "fixtures/seeds/004_091f97d7362963d8.txt", "-o", a, "-q"]).code).toBe(0);
    const plan = JSON.parse(readFileSync(a, "utf8")) as { tasks: Array<{ units: Array<{ name: string; role: string; canonical?: string }> }> };
    const i = plan.tasks.findIndex((t) => t.units.some((u) => u.name === "县生态环境局"));
    expect(i).toBeGreaterThanOrEqual(0);
    // The earlier year's plan names the body before the reform, in its short form.
    plan.tasks[i]!.units = plan.tasks[i]!.units.map((u) => (u.name === "县生态环境局" ? { name: "县环保局", role: u.role } : u));
    writeFileSync(a, JSON.stringify(plan));
    expect(run(["convert", "fixtures/seeds/004_091f97d7362963d8.txt", "-o", b, "-q"]).code).toBe(0);
    const r = JSON.parse(run(["diff", a, b]).stdout) as { changes: Array<{ kind: string; fields?: string[]; unitsGained?: string[]; unitsLost?: string[]; unitsRenamed?: unknown[] }> };
    const c = r.changes.find((x) => x.kind === "changed")!;
    expect(c.fields).toEqual(["renamed"]);
    expect(c.unitsRenamed).toEqual([{ from: "县环保局", to: "县生态环境局", year: 2018 }]);
    expect([c.unitsGained, c.unitsLost]).toEqual([[], []]);
  });

  it("two folders: documents paired by name (an output with its source), each pair diffed, the rest listed; a bad one does not stop the others", () => {
    const x = path.join(dir, "y2019");
    const y = path.join(dir, "y2020");
    expect(run(["convert", "fixtures/seeds/000_992a28b6471132da.txt", "fixtures/seeds/004_091f97d7362963d8.txt", "-o", x + "/", "-q"]).code).toBe(0);
    mkdirSync(y);
    copyFileSync("fixtures/html/000_992a28b6471132da.html", path.join(y, "000_992a28b6471132da.html"));
    writeFileSync(path.join(y, "004_091f97d7362963d8.txt"), "not a plan at all\n");
    writeFileSync(path.join(y, "new-2020.txt"), "not a plan either\n");
    const r = run(["diff", x, y, "-f", "json"]);
    expect(r.code).toBe(7);
    const d = JSON.parse(r.stdout) as { summary: Record<string, number>; pairs: Array<{ fileA: string; fileB: string; summary: Record<string, number> }>; onlyB: string[]; failed: Array<{ a: string }> };
    expect(d.pairs.map((p) => [p.fileA, p.fileB, p.summary["kept"]])).toEqual([["000_992a28b6471132da.txt.json", "000_992a28b6471132da.html", 44]]);
    expect(d.failed.map((f) => f.a)).toEqual(["004_091f97d7362963d8.txt.json"]);
    expect(d.onlyB).toEqual(["new-2020.txt"]);
    expect(r.stderr).toMatch(/1 pairs compared \(44 kept, 0 changed, 0 added, 0 removed\); 0 only in .*, 1 only in .*, 1 not compared\n$/u);
  });
});

describe("units and aliases", () => {
  it("lists names with counts; --suggest groups the short and full forms of one body", () => {
    const out = path.join(dir, "out");
    expect(run(["convert", "fixtures/seeds/", "-o", out + "/", "-q"]).code).toBe(0);
    const list = run(["units", out, "-f", "json"]);
    expect(list.code).toBe(0);
    const units = JSON.parse(list.stdout) as Array<{ name: string; count: number; documents: string[] }>;
    expect(units.length).toBeGreaterThan(20);
    expect(units[0]!.count).toBeGreaterThanOrEqual(units[1]!.count);
    const s = run(["units", out, "--suggest", "-f", "json"]);
    const groups = JSON.parse(s.stdout) as Record<string, string[]>;
    const all = Object.entries(groups).map(([c, a]) => [c, ...a].sort());
    expect(all.some((g) => g.includes("市发改委") && g.includes("市发展改革委"))).toBe(true);
  });

  it("--aliases gives each unit in the table its canonical name; the printed name stays", () => {
    const table = path.join(dir, "aliases.csv");
    writeFileSync(table, "canonical,alias\n县发改委（铅山）,县发展改革委,县发改委\n");
    const r = run(["convert", "fixtures/seeds/004_091f97d7362963d8.txt", "--aliases", table, "--no-builtin-aliases", "-q"]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { tasks: Array<{ units: Array<{ name: string; canonical?: string }> }> };
    const u = plan.tasks.flatMap((t) => t.units).find((x) => x.name === "县发展改革委");
    expect(u).toEqual({ name: "县发展改革委", role: expect.any(String), canonical: "县发改委（铅山）" });
    expect(plan.tasks.flatMap((t) => t.units).filter((x) => x.name !== "县发展改革委").every((x) => x.canonical == null)).toBe(true);
  });

  it("by default every unit has the standard full name as canonical; the user's table wins over it", () => {
    const table = path.join(dir, "aliases2.csv");
    writeFileSync(table, "canonical,alias\n县发改委（铅山）,县发展和改革委员会\n");
    const all = (args: string[]) => (JSON.parse(run(["convert", "fixtures/seeds/004_091f97d7362963d8.txt", "-q", ...args]).stdout) as { tasks: Array<{ units: Array<{ name: string; canonical?: string }> }> }).tasks.flatMap((t) => t.units);
    const byDefault = all([]);
    expect(byDefault.every((u) => typeof u.canonical === "string")).toBe(true);
    expect(byDefault.find((u) => u.name === "县发展改革委")?.canonical).toBe("县发展和改革委员会");
    expect(byDefault.find((u) => u.name === "县教体局")?.canonical).toBe("县教育和体育局");
    // The table names the standard form: every printed form of the body takes the table's name.
    expect(all(["--aliases", table]).find((u) => u.name === "县发展改革委")?.canonical).toBe("县发改委（铅山）");
  });
});

const found = ["chromium", "chromium-browser", "google-chrome"].map((c) => spawnSync("sh", ["-c", `command -v ${c}`], { encoding: "utf8" }).stdout.trim()).find(Boolean);
// A browser that is installed but cannot start here (no sandbox support, no /dev/shm) is absent for this test.
const chromium = found && spawnSync(found, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "about:blank"], { timeout: 60_000 }).status === 0 ? found : undefined;
if (!chromium) console.warn(`skipping the diff page's browser test: ${found ? `${found} does not start headless here` : "no Chromium installed"}`);

describe("diff --format html", () => {
  it.skipIf(!chromium)("a self-contained page Chromium renders: both versions side by side, changed characters marked", () => {
    const a = path.join(dir, "ha.json");
    const b = path.join(dir, "hb.json");
    expect(run(["convert", "fixtures/seeds/004_091f97d7362963d8.txt", "-o", a, "-q"]).code).toBe(0);
    const plan = JSON.parse(readFileSync(a, "utf8")) as { tasks: Array<{ text: string }> };
    plan.tasks[0]!.text = plan.tasks[0]!.text.replace("公开", "主动公开");
    writeFileSync(b, JSON.stringify(plan));
    const page = path.join(dir, "diff.html");
    expect(run(["diff", a, b, "--format", "html", "-o", page]).code).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).toMatch(/^<!doctype html>/u);
    expect(html).toContain("<ins>主动</ins>");
    const dom = spawnSync(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", `file://${page}`], { encoding: "utf8", timeout: 60_000 });
    expect(dom.status).toBe(0);
    expect((dom.stdout.match(/<tr class="(?:kept|changed|added|removed)"/gu) ?? []).length).toBe(16);
    const shot = path.join(dir, "diff.png");
    const s = spawnSync(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", `--screenshot=${shot}`, "--window-size=1100,900", `file://${page}`], { timeout: 60_000 });
    expect(s.status).toBe(0);
    expect(readFileSync(shot).subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
