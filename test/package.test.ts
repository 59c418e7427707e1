// The package as npm delivers it: packed, installed in an empty folder, it runs, converts,
// and imports as a library with its types; what it ships is what it needs.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("npm pack", () => {
  it("ships the CLI, the library with its types, the licence and the output contract, and no source maps", () => {
    const out = execFileSync(npm, ["pack", "--ignore-scripts", "--dry-run", "--json"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    for (const f of ["LICENSE", "README.md", "fixtures/FORMAT.md", "bin/workplan.js", "dist/main.js", "dist/index.js", "dist/worker.js", "dist/types/index.d.ts", "package.json"]) expect(files, f).toContain(f);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);
  });

  it("the tarball installed in an empty folder: --version, a conversion, import('workplan')", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wp-pack-"));
    execFileSync(npm, ["pack", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, stdio: "ignore" });
    const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const app = path.join(dir, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(dir, `workplan-${version}.tgz`)], { cwd: app, stdio: "ignore" });
    const bin = path.join(app, "node_modules", ".bin", "workplan");
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()).toBe(version);
    const converted = spawnSync(bin, ["convert", path.join(ROOT, "fixtures/seeds/004_091f97d7362963d8.txt"), "--compact"], { encoding: "utf8" });
    expect(converted.status).toBe(0);
    expect((JSON.parse(converted.stdout) as { tasks: unknown[] }).tasks).toHaveLength(16);
    writeFileSync(
      path.join(app, "use.mjs"),
      `import { convert, toCsv, PlanSchema, GENERATOR } from "workplan";
const plan = await convert(${JSON.stringify(path.join(ROOT, "fixtures/seeds/004_091f97d7362963d8.txt"))});
PlanSchema.parse(plan);
console.log(plan.tasks.length, toCsv(plan, { bom: false }).split("\\n")[0].slice(0, 6), GENERATOR.version);`,
    );
    expect(execFileSync(process.execPath, ["use.mjs"], { cwd: app, encoding: "utf8" }).trim()).toBe(`16 number ${version}`);
  }, 240_000);
});
