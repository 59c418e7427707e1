// Each unit's canonical name (issue 20: one name per unit across years): the user's alias
// table first (a name as printed, or its standard form, as the table lists it), then the
// built-in table of standard full names (lexicon/bodies.ts) unless switched off. FORMAT's
// `name` stays as printed; `canonical` is what names are grouped and compared by.

import { standardName } from "../lexicon/bodies.js";
import type { Unit } from "../schema/plan.js";

export interface CanonicalOptions {
  /** The user's alias table: a name → its canonical name (--aliases). */
  aliases?: Readonly<Record<string, string>>;
  /** The built-in standard names (default on; --no-builtin-aliases). */
  builtin: boolean;
}

export function canonicalOf(name: string, o: CanonicalOptions): string | null {
  if (o.aliases) {
    if (Object.hasOwn(o.aliases, name)) return o.aliases[name]!;
    const std = standardName(name);
    if (Object.hasOwn(o.aliases, std)) return o.aliases[std]!;
  }
  return o.builtin ? standardName(name) : null;
}

export function withCanonical(u: Unit, o: CanonicalOptions): Unit {
  const { canonical: _old, ...rest } = u;
  const c = canonicalOf(u.name, o);
  return c == null || c === "" ? rest : { ...rest, canonical: c };
}
