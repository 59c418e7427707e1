// The seeds' PDF fixtures as `pdftotext -layout` (poppler) prints them: text whose table
// columns are aligned with spaces, the form a user gets from a PDF they cannot hand to
// workplan. Each text is converted in one batch and compared with the PDF's reference
// answer, task by task (matched by number and the text's start: a text may give a task
// more or fewer). The floor guards what the space-aligned reader has reached; the
// issue's target (95%) is not met, and the note says why.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { norm, perfectTasks, ROOT, run, type ScoredTask } from "./helpers.js";

const hasPdftotext = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0;
/**
 * Perfect tasks, at least, of the 1463 the fixtures hold: measured 1058 with poppler
 * 22.12; a few below, as another poppler may lay a line out a character apart.
 */
const FLOOR = 1030;

interface Task extends ScoredTask {
  number?: string;
  text?: string;
}

describe.skipIf(!hasPdftotext)("the seeds' PDF fixtures as pdftotext -layout text", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "workplan-pdftotext-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const pdfs = readdirSync(path.join(ROOT, "fixtures/pdf"))
    .filter((f) => f.endsWith(".pdf"))
    .sort();
  for (const f of pdfs) spawnSync("pdftotext", ["-layout", path.join(ROOT, "fixtures/pdf", f), path.join(work, f.replace(/\.pdf$/u, ".txt"))]);
  const out = path.join(work, "out");
  const r = run(["convert", work, "-o", `${out}/`, "-q"]);

  it("are all read as tables, none refused", () => {
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith(".json"))).toHaveLength(pdfs.length);
  });

  it(`read at least ${FLOOR} tasks perfectly`, () => {
    let perfect = 0;
    let total = 0;
    for (const f of pdfs) {
      const gold = JSON.parse(readFileSync(path.join(ROOT, "fixtures/pdf", f.replace(/\.pdf$/u, ".json")), "utf8")) as { tasks: Task[] };
      const got = JSON.parse(readFileSync(path.join(out, f.replace(/\.pdf$/u, ".txt.json")), "utf8")) as { tasks: Task[] };
      total += gold.tasks.length;
      perfect += perfectTasks(gold.tasks, got.tasks, (t) => `${norm(t.number)}|${norm(t.text).slice(0, 12)}`);
    }
    expect(total).toBe(1463);
    expect(perfect).toBeGreaterThanOrEqual(FLOOR);
  });
});

describe.runIf(!hasPdftotext)("pdftotext -layout texts", () => {
  it.skip("skipped: pdftotext (Debian poppler-utils) is not installed", () => undefined);
});
