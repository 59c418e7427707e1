// Documents of two folders paired for a diff (this year's plans against last year's): by
// the rules a user gives (--pair REGEX: the capture groups, or the whole match, of each
// file's path relative to its folder are its key), else by the path without its
// extension (an output's and its source's), and for what is still unpaired, by that path with its years taken out
// (铅山县2019年要点.json ↔ 铅山县2020年要点.docx, 2019/plan.json ↔ 2020/plan.json). Each
// document pairs once; the rest are listed as only on one side.

export interface Pairing {
  pairs: Array<[string, string]>;
  onlyA: string[];
  onlyB: string[];
}

/** A path without its extension; an output keeps its source's (通知.docx.json → 通知). */
const stem = (rel: string) => rel.replace(/\\/gu, "/").replace(/\.json$/iu, "").replace(/\.[^./]+$/u, "");
/** A year as folders and file names print it: 2019, 2019年, 2019年度. */
const YEAR = /(?<!\d)(?:19|20)\d{2}(?:年度?)?(?!\d)/gu;
const withoutYears = (key: string) => key.replace(YEAR, "").replace(/\/{2,}/gu, "/").replace(/^[/_\-\s]+|[/_\-\s]+$/gu, "").replace(/[_\-\s]{2,}/gu, "-");

function byRule(rel: string, rules: readonly RegExp[]): string | null {
  for (const r of rules) {
    const m = r.exec(rel.replace(/\\/gu, "/"));
    if (m) return m.length > 1 ? m.slice(1).join("\u0000") : m[0];
  }
  return null;
}

export function pairDocuments(a: readonly string[], b: readonly string[], rules: readonly RegExp[] = []): Pairing {
  const pairs: Array<[string, string]> = [];
  const leftA = new Set(a);
  const leftB = new Set(b);
  const pass = (key: (rel: string) => string | null) => {
    const index = new Map<string, string[]>();
    for (const y of leftB) {
      const k = key(y);
      if (k != null) index.set(k, [...(index.get(k) ?? []), y]);
    }
    for (const x of [...leftA]) {
      const k = key(x);
      const y = k == null ? undefined : index.get(k)?.find((c) => leftB.has(c));
      if (y == null) continue;
      pairs.push([x, y]);
      leftA.delete(x);
      leftB.delete(y);
    }
  };
  if (rules.length > 0) pass((rel) => byRule(rel, rules));
  pass(stem);
  pass((rel) => withoutYears(stem(rel)) || null);
  const order = new Map(a.map((x, i) => [x, i]));
  pairs.sort((p, q) => order.get(p[0])! - order.get(q[0])!);
  return { pairs, onlyA: [...leftA], onlyB: [...leftB] };
}
