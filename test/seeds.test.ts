// End to end on the five real notices, on scrambled-PDF renderings of two of them
// (fixtures/scrambled) and on web pages, Word files and PDFs carrying their tasks in
// merged-cell tables (fixtures/html, fixtures/docx, fixtures/pdf): the CLI's JSON against the reference answer (beside the input, or
// the seed's in fixtures/gold), field by field; fields marked ambiguous are skipped.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PlanSchema } from "../src/schema/plan.js";
import { FIELDS, norm, ROOT, run, value } from "./helpers.js";

interface GoldTask {
  ambiguous?: string[];
  [k: string]: unknown;
}

const inputs = ["seeds", "scrambled", "html", "docx", "pdf", "xlsx"].flatMap((dir) =>
  readdirSync(path.join(ROOT, "fixtures", dir))
    .filter((f) => /\.(?:txt|html|docx|pdf|xlsx|xls|ods)$/u.test(f))
    .sort()
    .map((f) => path.join("fixtures", dir, f)),
);

function expectedFor(input: string): string {
  const beside = input.replace(/\.[a-z]+$/u, ".json");
  return existsSync(path.join(ROOT, beside)) ? beside : path.join("fixtures/gold", `${path.basename(input).replace(/\.[a-z]+$/u, "")}.json`);
}
let perfectAll = 0;
let totalAll = 0;

describe.each(inputs)("%s", (input) => {
  const gold = JSON.parse(readFileSync(path.join(ROOT, expectedFor(input)), "utf8")) as { title: string; year: number; tasks: GoldTask[] };
  const r = run(["convert", input]);

  it("converts with exit 0 and a schema-valid output; stderr has the warnings line only when there are warnings", () => {
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { warnings: unknown[] };
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    if (plan.warnings.length === 0) expect(r.stderr).toBe("");
    else expect(r.stderr).toMatch(new RegExp(`^workplan: \\S+: ${plan.warnings.length} warnings?: [^\\n]+\\n$`, "u"));
  });

  it("finds the title, the year and every task", () => {
    const out = JSON.parse(r.stdout) as { title: string; year: number; tasks: Array<Record<string, unknown>> };
    expect(norm(out.title)).toBe(norm(gold.title));
    expect(out.year).toBe(gold.year);
    expect(out.tasks.map((t) => norm(t.text).slice(0, 12))).toEqual(gold.tasks.map((t) => norm(t.text).slice(0, 12)));
  });

  it("matches the reference field by field (≥ 85% perfect tasks)", () => {
    const out = JSON.parse(r.stdout) as { tasks: Array<Record<string, unknown>> };
    const misses: string[] = [];
    let perfect = 0;
    gold.tasks.forEach((g, i) => {
      const p = out.tasks[i] ?? {};
      const skip = new Set(g.ambiguous ?? []);
      let ok = true;
      for (const f of FIELDS) {
        if (skip.has(f)) continue;
        if (value(g, f) !== value(p, f)) {
          ok = false;
          misses.push(`task ${String(g.number)} ${f}: expected ${value(g, f).slice(0, 60)} got ${value(p, f).slice(0, 60)}`);
        }
      }
      if (ok) perfect++;
    });
    perfectAll += perfect;
    totalAll += gold.tasks.length;
    expect(perfect / gold.tasks.length, misses.join("\n")).toBeGreaterThanOrEqual(0.85);
  });
});

describe("all seeds", () => {
  it("have at least 95% perfect tasks overall", () => {
    expect(totalAll).toBeGreaterThan(0);
    expect(perfectAll / totalAll).toBeGreaterThanOrEqual(0.95);
  });
});
