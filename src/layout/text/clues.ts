// What a plain-text notice shows of a task table or a list, line by line, for `inspect`
// to print when no tasks were found: the lines that hold header words, labels, heading
// markers and item numbers, so that a user sees where the structure is and what to fix
// or which --layout to give.

import type { Clue } from "../../model/document.js";
import { isHeaderWord } from "../../lexicon/headers.js";
import { labelsIn } from "../../lexicon/labels.js";
import { isPartHeading, parseMarker } from "../../lexicon/markers.js";
import { clean } from "../../text/text.js";
import type { SourceLine } from "./lines.js";

/** Lines shown per kind of clue. */
const CLUES_PER_KIND = 6;
/** Characters of a line shown. */
const CLUE_CHARS = 60;

export function textClues(lines: readonly SourceLine[]): Clue[] {
  const out: Clue[] = [];
  const count = new Map<Clue["kind"], number>();
  const add = (kind: Clue["kind"], l: SourceLine, why: string) => {
    const n = count.get(kind) ?? 0;
    if (n >= CLUES_PER_KIND) return;
    count.set(kind, n + 1);
    const t = clean(l.text);
    out.push({ kind, line: l.n, text: t.length > CLUE_CHARS ? t.slice(0, CLUE_CHARS) + "…" : t, why });
  };
  for (const l of lines) {
    const t = clean(l.text);
    if (!t) continue;
    const words = t.split(/[\s|\t]+/u).filter(Boolean);
    const headerWords = words.filter((w) => isHeaderWord(w));
    if (headerWords.length >= 2 || (words.length === 1 && isHeaderWord(t))) add("header", l, `header word${headerWords.length > 1 ? "s" : ""}: ${(headerWords.length > 0 ? headerWords : [t]).join(" ")}`);
    const labels = labelsIn(t);
    if (labels) add("label", l, `label${labels.labels.length > 1 ? "s" : ""}: ${labels.labels.map((x) => `${x.label} → ${x.field}`).join(", ")}`);
    const m = parseMarker(t);
    if (m && isPartHeading(t)) add("heading", l, `heading marker ${m.text}`);
    else if (m) add("item", l, `item number ${m.text}`);
  }
  return out.sort((a, b) => a.line - b.line);
}
