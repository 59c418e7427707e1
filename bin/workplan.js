#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through `prepare`).
// Written for any Node that can start it, so that an old one gets a sentence, not a
// syntax error from deep inside the bundle.
const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  process.stderr.write(`workplan: needs Node.js 20 or newer; this is Node.js ${process.versions.node} (see https://nodejs.org)\n`);
  process.exit(2);
}
// A one-file conversion starts its converter process at once, while the CLI loads.
import("../dist/spawn.js").then(
  ({ prestart }) => {
    try {
      prestart(process.argv);
    } catch {
      // only a head start: the CLI does the same work itself and reports any failure
    }
  },
  () => undefined,
);
import("../dist/main.js").then(
  ({ main }) =>
    main(process.argv).then((code) => {
      process.exitCode = code;
    }),
  (e) => {
    process.stderr.write(`workplan: cannot start: ${e && e.code === "ERR_MODULE_NOT_FOUND" ? "dist/ is missing; run npm install (or npm run build) in the package folder" : e}\n`);
    process.exitCode = 1;
  },
);
