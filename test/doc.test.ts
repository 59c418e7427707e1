// Legacy .doc through LibreOffice: converted when soffice is there, a clear error when not.
// CI installs LibreOffice (.ci/run), so there the conversion test must run.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { norm, run } from "./helpers.js";

const DOC = "fixtures/doc/003_ef27fd673396f65e.doc";
const hasSoffice = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"]).status === 0;

describe("legacy .doc", () => {
  it.runIf(hasSoffice || process.env.CI === "true")(
    "is converted through LibreOffice and read like the .docx",
    () => {
      const doc = run(["convert", DOC]);
      expect(doc.stderr).toBe("");
      expect(doc.code).toBe(0);
      const docx = run(["convert", "fixtures/docx/003_ef27fd673396f65e.docx"]);
      const tasks = (s: string) => (JSON.parse(s) as { tasks: Array<{ text: string }> }).tasks.map((t) => norm(t.text));
      expect(JSON.parse(doc.stdout).source.format).toBe("doc");
      expect(tasks(doc.stdout)).toEqual(tasks(docx.stdout));
    },
    180_000,
  );

  it("without LibreOffice: one line saying how to make it work, exit 4", () => {
    const r = run(["convert", DOC], { env: { WORKPLAN_SOFFICE: "/nonexistent/soffice" } });
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/003_ef27fd673396f65e\.doc: a legacy \.doc file needs LibreOffice.*install LibreOffice/u);
  });
});
