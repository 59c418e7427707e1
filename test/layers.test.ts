// The stages a newcomer sees in the folder names import only below themselves: readers
// only read, layouts never reach back into readers or forward into the plan, and the
// lexicon sits under both. Checked on every import of every source file.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/** What each part of src/ may import (besides itself and node_modules). */
const ALLOWED: Record<string, string[]> = {
  schema: [],
  model: ["schema"],
  sys: ["model"],
  text: [],
  lexicon: ["model", "schema", "text"],
  read: ["model", "schema", "sys", "text"],
  layout: ["model", "text", "lexicon"],
  plan: ["model", "schema", "text", "lexicon"],
  normalize: ["model", "schema", "text", "lexicon", "plan"],
  export: ["model", "schema", "text", "lexicon"],
  "pipeline.ts": ["model", "schema", "sys", "text", "lexicon", "read", "layout", "plan", "normalize", "version.ts"],
  batch: ["model", "schema", "sys", "export", "pipeline.ts", "version.ts"],
  compare: ["schema", "text", "lexicon"],
  cli: ["model", "schema", "sys", "export", "batch", "read", "compare", "pipeline.ts", "version.ts"],
  "version.ts": [],
  "index.ts": ["model", "schema", "export", "pipeline.ts", "version.ts"],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

const src = path.join(ROOT, "src");
const partOf = (file: string) => path.relative(src, file).split(path.sep)[0]!.replace(/\.js$/u, ".ts");

describe("stage boundaries", () => {
  const files = sources(src);
  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s imports only below its stage", (_name, file) => {
    const part = partOf(file);
    const allowed = ALLOWED[part];
    expect(allowed, `${part} has no place in the layer table`).toBeDefined();
    const code = readFileSync(file, "utf8");
    const specs = [...code.matchAll(/(?:from|import\()\s*"(\.[^"]+)"/gu)].map((m) => m[1]!);
    const wrong = specs
      .map((s) => path.resolve(path.dirname(file), s))
      .filter((t) => t.startsWith(src))
      .map(partOf)
      .filter((p) => p !== part && !allowed!.includes(p));
    expect(wrong).toEqual([]);
  });
});
