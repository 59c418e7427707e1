// Which program made an output: written into every JSON output and batch report, so that
// an archive of outputs says what made each one, and --resume can redo those that an
// older version made.

import pkg from "../package.json" with { type: "json" };

export const GENERATOR = { name: "workplan", version: pkg.version } as const;
