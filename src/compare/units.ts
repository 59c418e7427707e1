// Every unit name across a folder of outputs, with how often it occurs, in which
// documents and roles; and suggested groups of names that are likely one body (the
// same level prefix and the same core once the standard short and full forms are made
// one: 市发改委 / 市发展改革委 / 市发展和改革委员会), for a person to confirm. The
// suggestion's output is the alias table `convert --aliases` reads: suggest, edit, convert.

import { renamingOf, standardName } from "../lexicon/bodies.js";
import type { Plan } from "../schema/plan.js";

export interface UnitUse {
  name: string;
  /** The canonical name the outputs give it (the alias table's, or the standard full name). */
  canonical: string | null;
  count: number;
  documents: string[];
  roles: Record<string, number>;
  /** The body a reform replaced this one by, and when (history, not a merge). */
  renamed?: { to: string; year: number };
}

export function collectUnits(plans: ReadonlyArray<{ file: string; plan: Plan }>): UnitUse[] {
  const by = new Map<string, { canonical: string | null; count: number; docs: Set<string>; roles: Record<string, number> }>();
  for (const { file, plan } of plans) {
    for (const t of plan.tasks) {
      for (const u of t.units) {
        const e = by.get(u.name) ?? { canonical: u.canonical ?? null, count: 0, docs: new Set<string>(), roles: {} };
        e.count++;
        e.docs.add(file);
        e.roles[u.role] = (e.roles[u.role] ?? 0) + 1;
        by.set(u.name, e);
      }
    }
  }
  return [...by]
    .map(([name, e]) => {
      const r = renamingOf(standardName(name));
      return { name, canonical: e.canonical, count: e.count, documents: [...e.docs].sort(), roles: e.roles, ...(r ? { renamed: { to: r.successor, year: r.year } } : {}) };
    })
    .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name, "zh"));
}

/**
 * The core two names of one body share: the standard full name (level prefix kept,
 * short forms made full, simplified), and for bodies the table does not know the
 * looser equivalences of their wording (…委员会 = …委, 和 left out). Only suggests:
 * a person confirms each group.
 */
export function unitCore(name: string): string {
  return standardName(name).replace(/委员会$/u, "委").replace(/[和与]/gu, "");
}

export interface Suggestion {
  canonical: string;
  aliases: string[];
}

/** Names grouped by their core; a group of two or more names is a suggestion, the most used name first. */
export function suggestGroups(units: readonly UnitUse[]): Suggestion[] {
  const groups = new Map<string, UnitUse[]>();
  for (const u of units) {
    const core = unitCore(u.name);
    groups.set(core, [...(groups.get(core) ?? []), u]);
  }
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) => {
      const sorted = [...g].sort((x, y) => y.count - x.count || y.name.length - x.name.length);
      // The standard full name where the built-in table knows the body, else the most used name.
      const std = standardName(sorted[0]!.name);
      const canonical = std !== sorted[0]!.name.replace(/\s+/gu, "") && g.every((u) => standardName(u.name) === std) ? std : sorted[0]!.name;
      return { canonical, aliases: sorted.map((u) => u.name).filter((n) => n !== canonical) };
    })
    .sort((x, y) => x.canonical.localeCompare(y.canonical, "zh"));
}

/** An alias table (CSV `canonical,alias` rows, or JSON `{canonical: [aliases]}`) as alias → canonical. */
export function parseAliases(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const t = text.replace(/^\ufeff/u, "").trim();
  if (t.startsWith("{")) {
    let j: unknown;
    try {
      j = JSON.parse(t);
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    for (const [canonical, aliases] of Object.entries(j as Record<string, unknown>)) {
      if (!Array.isArray(aliases)) throw new Error(`${file}: "${canonical}" must list its aliases in an array`);
      out[canonical] = canonical;
      for (const a of aliases) if (typeof a === "string") out[a] = canonical;
    }
    return out;
  }
  for (const [k, line] of t.split(/\r?\n/u).entries()) {
    const cells = line.split(",").map((c) => c.trim().replace(/^"|"$/gu, ""));
    if (k === 0 && cells[0] === "canonical") continue;
    const [canonical, ...aliases] = cells.filter(Boolean);
    if (!canonical) continue;
    out[canonical] = canonical;
    for (const a of aliases) out[a] = canonical;
  }
  return out;
}

/** The suggestions as the CSV alias table. */
export function aliasesCsv(s: readonly Suggestion[]): string {
  return ["canonical,alias", ...s.map((g) => [g.canonical, ...g.aliases].join(","))].join("\n") + "\n";
}
