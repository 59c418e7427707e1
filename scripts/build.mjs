#!/usr/bin/env node
// npm run build: the CLI and the library as a few bundled files in dist/, and the
// library's type declarations in dist/types (the types are checked apart, by
// `npm run typecheck`). Why bundle: Node 20 has no module compile cache, and loading
// zod's ~100 modules one by one cost ~75 ms of every one-file conversion; bundled, our
// code, zod, commander and csv-stringify load in one go. The readers' heavy libraries
// stay outside and are still imported only when a file of their format comes: a .txt
// never loads PDFium or the HTML parser.
// Every file sits in dist/ itself, chunks included, so that `new URL("./worker.js",
// import.meta.url)` finds the worker from whichever chunk the pool ends up in.
// In an installed package (no src/, dist/ shipped built) there is nothing to build.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

if (!existsSync("src")) process.exit(0);
const { build } = await import("esbuild");
rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: { main: "src/cli/main.ts", spawn: "src/batch/spawn.ts", worker: "src/batch/worker.ts", pipeline: "src/pipeline.ts", pool: "src/batch/pool.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  minify: true,
  chunkNames: "chunk-[hash]",
  external: ["@embedpdf/pdfium", "onnxruntime-node", "parse5", "parse5-htmlparser2-tree-adapter", "htmlparser2", "domhandler", "tinyglobby", "picomatch", "string-width"],
  // commander and csv-stringify are CommonJS and require() Node's own modules.
  banner: { js: 'import { createRequire as __workplanRequire } from "node:module"; const require = __workplanRequire(import.meta.url);' },
  logLevel: "warning",
});
// The library's declarations (import("workplan") in TypeScript).
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.types.json"], { stdio: "inherit" });
