// Splits a responsible-unit cell into units with roles, per FORMAT.md "Units".
// Works on one cell (one unit column or one labelled line) at a time, because prefix
// expansion and role phrases never reach across cells.

export type Role = "lead" | "support" | "responsible";

export interface Unit {
  name: string;
  role: Role;
}

const SEPARATORS = /[、，,；;\n]/u;
const LEVEL_WORD = /^[省市县區区乡鄉镇鎮縣]$/u;
const LEVEL_PREFIX = /^[市县縣区區省]/u;
const NO_EXPAND_START = /^(?:[市县縣区區省各中]|国家|國家|国务院|國務院|人民)/u;
const EXPANDABLE_END = /(?:局|委|办|辦|厅|廳|室|中心|部)$/u;


const DUTY = "(?:按照?(?:职责|職責)(?:分工)?)?";
const SEP = "(?:分别|分別)?";
const LEAD_PHRASE = new RegExp(`${DUTY}${SEP}(?:牵头|牽頭)(?:落实|落實|负责|負責)?$`, "u");
const SUPPORT_PHRASE = new RegExp(`${DUTY}${SEP}(?:配合|协助|協助|参与|參與|协同|協同)(?:落实|落實)?$`, "u");
const RESP_PHRASE = new RegExp(`${DUTY}${SEP}(?:负责落实|負責落實|负责|負責|落实|落實)$`, "u");
// The same phrases anywhere in a piece: a phrase ends its list even without a separator.
const ANY_PHRASE = new RegExp(
  `${DUTY}${SEP}(?:牵头|牽頭|配合|协助|協助|参与|參與|协同|協同|负责|負責|落实|落實)(?:落实|落實|负责|負責)?`,
  "gu",
);

function phraseRole(phrase: string): Role | null {
  if (LEAD_PHRASE.test(phrase)) return "lead";
  if (SUPPORT_PHRASE.test(phrase)) return "support";
  if (RESP_PHRASE.test(phrase)) return "responsible";
  return null;
}

/** `X（A、B等）` → `X、A、B等`: a parenthesised list of examples names units of its own. */
function expandExampleLists(text: string): string {
  return text.replace(/([^、，,；;（(]*)[（(]([^（）()]*)[）)]/gu, (whole: string, outer: string, inner: string) => {
    const pieces = inner.split(/[、，,]/u).map((p) => p.trim()).filter(Boolean);
    const onlyLevels = pieces.every((p) => LEVEL_WORD.test(p));
    if (onlyLevels) return whole;
    if (pieces.length < 2 && !/等/u.test(inner)) return whole;
    return `${outer}、${pieces.join("、")}`;
  });
}

function tidyName(raw: string): string {
  let name = raw.replace(/\s+/gu, "");
  name = name.replace(/^(?:由|会同|會同)/u, "");
  const etc = name.indexOf("等");
  if (etc > 0) name = name.slice(0, etc);
  name = name.replace(/[。；：.;:，,、]+$/u, "");
  return name;
}

interface Piece {
  text: string;
  /** A role phrase that closed the list at this piece. */
  role: Role | null;
  /** The piece starts a list introduced by 会同: its names support. */
  startsSupportList: boolean;
}

/** Splits at separators that are not inside brackets: 各县（市、区）政府 is one name. */
function splitOutsideBrackets(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "（" || ch === "(") depth++;
    else if ((ch === "）" || ch === ")") && depth > 0) depth--;
    if (depth === 0 && SEPARATORS.test(ch)) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Cuts the cell into name pieces, splitting inside a piece where a role phrase ends a list. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const part of splitOutsideBrackets(text)) {
    let rest = part.replace(/\s+/gu, "");
    if (!rest) {
      out.push({ text: "", role: null, startsSupportList: false });
      continue;
    }
    while (rest) {
      ANY_PHRASE.lastIndex = 0;
      let cut: RegExpExecArray | null = null;
      for (let m = ANY_PHRASE.exec(rest); m; m = ANY_PHRASE.exec(rest)) {
        // A phrase followed by more text ends a list in mid-piece only if a name follows.
        if (m.index + m[0].length < rest.length) {
          if (m.index > 0) {
            cut = m;
            break;
          }
          continue;
        }
        cut = m;
      }
      const huitong = /^(?:会同|會同)/u.test(rest);
      if (!cut) {
        out.push({ text: rest, role: null, startsSupportList: huitong });
        break;
      }
      const name = rest.slice(0, cut.index);
      out.push({ text: name, role: phraseRole(cut[0]), startsSupportList: huitong });
      rest = rest.slice(cut.index + cut[0].length);
    }
  }
  return out;
}

/** Joins a piece that is only a level word with its neighbours: 各县、市、区政府 → 各县市区政府. */
function joinLevelWords(list: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (LEVEL_WORD.test(p.text) && p.role == null && out.length > 0 && i + 1 < list.length) {
      const prev = out.pop()!;
      const next = list[i + 1]!;
      out.push({ text: prev.text + p.text + next.text, role: next.role, startsSupportList: prev.startsSupportList });
      i++;
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * Splits one unit cell. `defaultRole` comes from the column header or label
 * (牵头单位 → lead, 配合单位 → support, else responsible).
 */
export function splitUnits(cell: string, defaultRole: Role = "responsible"): Unit[] {
  const text = expandExampleLists(cell.normalize("NFC"));
  const list = joinLevelWords(pieces(text));
  const units: Unit[] = [];
  let pending: string[] = [];
  let supportList = false;
  const flush = (role: Role) => {
    for (const n of pending) units.push({ name: n, role });
    pending = [];
    supportList = false;
  };
  for (const p of list) {
    if (p.startsSupportList) supportList = true;
    const name = tidyName(p.text);
    if (name) pending.push(name);
    if (p.role) flush(supportList ? "support" : p.role);
  }
  flush(supportList ? "support" : defaultRole);
  return expandPrefixes(units);
}

/** 市财政局、发展改革委 → 市财政局、市发展改革委: siblings take the first prefixed name's level. */
function expandPrefixes(units: Unit[]): Unit[] {
  const first = units.find((u) => LEVEL_PREFIX.test(u.name));
  if (!first) return units;
  const prefix = first.name[0]!;
  return units.map((u) =>
    !NO_EXPAND_START.test(u.name) && EXPANDABLE_END.test(u.name) ? { ...u, name: prefix + u.name } : u,
  );
}

/** The default role a unit column's header or a label gives its names. */
export function headerRole(header: string): Role {
  if (/牵头|牽頭/u.test(header)) return "lead";
  if (/配合|协同|協同|协办|協辦|协助|協助/u.test(header)) return "support";
  return "responsible";
}
