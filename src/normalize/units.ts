// Splits a responsible-unit cell into units with roles, per FORMAT.md "Units".
// Works on one cell (one unit column or one labelled line) at a time, because prefix
// expansion and role phrases never reach across cells.
// Every step is one pass over the cell: a hostile cell of 100,000 局, 等 or 牵头 costs
// milliseconds (a regex retried from each position, or a string sliced per name, made
// such a cell take a minute).

import { ANY_ROLE_PHRASE, JOINTLY, misreadRolePhrase, phraseRole, type Role } from "../lexicon/roles.js";
import { EXPANDABLE_END, LEVEL_PREFIX, LEVEL_WORD, NAME_SEPARATORS, NO_EXPAND_START, NOTE_IN_BRACKETS, SPACE_BETWEEN_NAMES, UNIT_NAME_END } from "../lexicon/units.js";
import { brokenUnitName } from "../lexicon/cells.js";
import { toSimplified } from "../text/hant.js";
import { trimEndOf } from "../text/text.js";

export type { Role };

export interface Unit {
  name: string;
  role: Role;
}

/** The lexicon is simplified: a name is tested through its simplified copy, and kept as printed. */
const s = toSimplified;

/** A list of examples, or a parenthesis that is part of a name: what `X（inner）` becomes. */
function examples(outer: string, inner: string, whole: string): string {
  if (NOTE_IN_BRACKETS.test(s(inner.trim()))) return whole;
  const pieces = inner.split(/[、，,]/u).map((p) => p.trim()).filter(Boolean);
  const onlyLevels = pieces.every((p) => LEVEL_WORD.test(s(p)));
  if (onlyLevels) return whole;
  if (pieces.length < 2 && !/等/u.test(inner)) return whole;
  return `${outer}、${pieces.join("、")}`;
}

const OPEN = "（(";
const CLOSE = "）)";
/** Ends the name before a parenthesis: a separator or an open bracket. */
const NAME_BREAK = "、，,；;（(";

/**
 * `X（A、B等）` → `X、A、B等`: a parenthesised list of examples names units of its own.
 * X is the run of name characters before the bracket; a bracket holding another one is
 * left alone. One pass: each character is looked at once by the scan and at most once
 * more in search of its bracket's end.
 */
function expandExampleLists(text: string): string {
  let out = "";
  let copied = 0; // text before this index is in `out`
  let runStart = 0; // where the name before the next bracket starts
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (!OPEN.includes(ch)) {
      if (NAME_BREAK.includes(ch)) runStart = k + 1;
      continue;
    }
    let j = k + 1;
    while (j < text.length && !OPEN.includes(text[j]!) && !CLOSE.includes(text[j]!)) j++;
    if (j < text.length && CLOSE.includes(text[j]!)) {
      out += text.slice(copied, runStart) + examples(text.slice(runStart, k), text.slice(k + 1, j), text.slice(runStart, j + 1));
      copied = j + 1;
      runStart = j + 1;
      k = j;
    } else runStart = k + 1;
  }
  return out + text.slice(copied);
}

function tidyName(raw: string): string {
  let name = raw.replace(/\s+/gu, "");
  if (name.startsWith("由")) name = name.slice(1);
  else if (s(name).startsWith(JOINTLY)) name = name.slice(JOINTLY.length);
  const etc = name.indexOf("等");
  if (etc > 0) name = name.slice(0, etc);
  name = trimEndOf(name, "。；：.;:，,、");
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
    if (depth === 0 && NAME_SEPARATORS.includes(ch)) {
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
  for (const raw of splitOutsideBrackets(text)) {
    const part = raw.replace(/\s+/gu, "");
    if (!part) {
      out.push({ text: "", role: null, startsSupportList: false });
      continue;
    }
    // `start` walks through the part instead of slicing it per name: one pass. Phrases are
    // found in the simplified copy, whose indices are the part's, with notes blanked out.
    const shadow = maskNotes(s(part));
    let start = 0;
    while (start < part.length) {
      ANY_ROLE_PHRASE.lastIndex = start;
      let cut: RegExpExecArray | null = null;
      for (let m = ANY_ROLE_PHRASE.exec(shadow); m; m = ANY_ROLE_PHRASE.exec(shadow)) {
        // A phrase followed by more text ends a list in mid-piece only if a name precedes it.
        if (m.index + m[0].length < part.length) {
          if (m.index > start) {
            cut = m;
            break;
          }
          continue;
        }
        cut = m;
      }
      const huitong = shadow.startsWith(JOINTLY, start);
      if (!cut) {
        out.push({ text: part.slice(start), role: null, startsSupportList: huitong });
        break;
      }
      out.push({ text: part.slice(start, cut.index), role: phraseRole(cut[0]), startsSupportList: huitong });
      start = cut.index + cut[0].length;
    }
  }
  return out;
}

/** A note's content replaced by placeholders of the same length: indices stay the part's. */
function maskNotes(shadow: string): string {
  return shadow.replace(/([（(])([^（）()]*)([）)])/gu, (all, open: string, inner: string, close: string) =>
    NOTE_IN_BRACKETS.test(inner.trim()) ? open + "\u25a1".repeat(inner.length) + close : all,
  );
}

/** A note after the last name of the cell is about the list, and is left out of the names. */
function dropTrailingNote(text: string): string {
  const m = /[（(]([^（）()]*)[）)][\s。；;，,.]*$/u.exec(text);
  return m && NOTE_IN_BRACKETS.test(s(m[1]!.trim())) ? text.slice(0, m.index) : text;
}

/** Joins a piece that is only a level word with its neighbours: 各县、市、区政府 → 各县市区政府. */
function joinLevelWords(list: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (LEVEL_WORD.test(s(p.text)) && p.role == null && out.length > 0 && i + 1 < list.length) {
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

/** Spaces between names become line breaks; found in the simplified copy (same indices). */
function breakSpacedNames(text: string): string {
  let out = "";
  let from = 0;
  for (const m of s(text).matchAll(SPACE_BETWEEN_NAMES)) {
    out += text.slice(from, m.index) + "\n";
    from = m.index + m[0].length;
  }
  return out + text.slice(from);
}

/**
 * Line breaks inside a name removed (FORMAT.md splits on line breaks *between* names): a
 * line holding only the head of a name, the next line finishing it (市人力资源 / 社会保障局).
 */
function joinBrokenNames(text: string): string {
  const lines = text.split("\n");
  let out = lines[0]!;
  for (const next of lines.slice(1)) {
    const head = /[^、，,；;]*$/u.exec(out)![0];
    const rest = /^[^、，,；;]*/u.exec(next)![0];
    out += brokenUnitName(head, rest) ? next : `\n${next}`;
  }
  return out;
}

/**
 * Splits one unit cell. `defaultRole` comes from the column header or label
 * (牵头单位 → lead, 配合单位 → support, else responsible).
 */
export function splitUnits(cell: string, defaultRole: Role = "responsible"): Unit[] {
  const text = expandExampleLists(breakSpacedNames(joinBrokenNames(dropTrailingNote(cell.normalize("NFC")))));
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
  const first = units.find((u) => LEVEL_PREFIX.test(s(u.name)));
  if (!first) return units;
  const prefix = first.name[0]!; // as printed: 縣 in a traditional notice
  return units.map((u) => (!NO_EXPAND_START.test(s(u.name)) && EXPANDABLE_END.test(s(u.name)) ? { ...u, name: prefix + u.name } : u));
}

/**
 * A recognised unit cell with the role phrase ending each of its lists read as printed
 * where the recogniser got one character of it wrong (市教育体育局牵头落头 → …牵头落实): the
 * phrase is the domain's own vocabulary, and the name before it ends like a unit's (or in 等).
 * A piece in traditional characters is left as read (the phrases are written simplified).
 */
export function withRolePhrasesRead(cell: string): string {
  const namedBefore = (head: string) => UNIT_NAME_END.test(head) || /等$/u.test(head);
  return cell
    .split(/([，,；;\n])/u)
    .map((piece) => (toSimplified(piece) === piece ? (misreadRolePhrase(piece, namedBefore) ?? piece) : piece))
    .join("");
}
