// Role phrases (FORMAT.md "Units"): what follows a list of names and sets their role —
// 牵头 → lead; 配合, 协助, 参与, 协同 → support; 负责落实, 落实, 负责 → responsible — in the
// general form (按(照)?职责(分工)?)?(分别)?(牵头|负责|配合)?(落实)?; and the default role a
// column header or a line label gives (牵头单位 → lead, 配合单位 → support). Simplified;
// matched on a simplified copy of the text.

import type { Role } from "../schema/plan.js";
import { toSimplified } from "../text/hant.js";

export type { Role };

const DUTY = "(?:按照?职责(?:分工)?)?";
const SEP = "(?:分别)?";
const LEAD = "牵头";
const SUPPORT = "配合|协助|参与|协同";
const RESPONSIBLE = "负责|落实";

export const LEAD_PHRASE = new RegExp(`${DUTY}${SEP}(?:${LEAD})(?:落实|负责)?$`, "u");
export const SUPPORT_PHRASE = new RegExp(`${DUTY}${SEP}(?:${SUPPORT})(?:落实)?$`, "u");
export const RESPONSIBLE_PHRASE = new RegExp(`${DUTY}${SEP}(?:负责落实|${RESPONSIBLE})$`, "u");
/** Any role phrase, as a pattern. */
const ROLE_PHRASE = `${DUTY}${SEP}(?:${LEAD}|${SUPPORT}|${RESPONSIBLE})(?:落实|负责)?`;
/** The same phrases anywhere in a piece: a phrase ends its list even without a separator. */
export const ANY_ROLE_PHRASE = new RegExp(ROLE_PHRASE, "gu");
/** A whole piece that is one role phrase. */
const WHOLE_ROLE_PHRASE = new RegExp(`^${ROLE_PHRASE}$`, "u");
/** The characters role phrases are written in. */
const ROLE_CHARS = [...new Set(`${DUTY}${SEP}${LEAD}${SUPPORT}${RESPONSIBLE}落实负责`.replace(/[^\p{Script=Han}]/gu, ""))];
/** Shorter role phrases (牵头, 配合) are left alone: one character off, they are other words (码头). */
const MISREAD_PHRASE_MIN = 4;
/** Characters of the longest role phrase (按照职责分工分别牵头落实): no longer ending is tried. */
const ROLE_PHRASE_MAX = 12;

/**
 * The role phrase a recognised piece ends in with one character misread (牵头落头 for
 * 牵头落实), where the text before it ends like a unit name (`namedBefore`): the piece with
 * the phrase as printed; else null. The longest such ending is taken.
 */
export function misreadRolePhrase(piece: string, namedBefore: (head: string) => boolean): string | null {
  const chars = [...piece];
  for (let n = Math.min(chars.length - 1, ROLE_PHRASE_MAX); n >= MISREAD_PHRASE_MIN; n--) {
    const head = chars.slice(0, chars.length - n).join("");
    const tail = chars.slice(chars.length - n);
    if (!namedBefore(head)) continue;
    if (WHOLE_ROLE_PHRASE.test(tail.join(""))) return null;
    for (let k = 0; k < n; k++) {
      for (const c of ROLE_CHARS) {
        if (c === tail[k]) continue;
        const fixed = [...tail.slice(0, k), c, ...tail.slice(k + 1)].join("");
        if (WHOLE_ROLE_PHRASE.test(fixed)) return head + fixed;
      }
    }
  }
  return null;
}

/** The role a phrase sets, or null for none. */
export function phraseRole(phrase: string): Role | null {
  if (LEAD_PHRASE.test(phrase)) return "lead";
  if (SUPPORT_PHRASE.test(phrase)) return "support";
  if (RESPONSIBLE_PHRASE.test(phrase)) return "responsible";
  return null;
}

/** 会同 opens a list whose names all support (会同A、B等部门落实). */
export const JOINTLY = "会同";

/** Header and label words that give support: 配合, 协同, 协办, 协助, 协作. */
const SUPPORT_HEADER = /配合|协同|协办|协助|协作/u;

/**
 * The default role a unit column's header or a line's label gives its names (FORMAT.md):
 * 牵头… → lead; 配合/协同/协作/协助… → support; anything else → responsible, a mixed header
 * too, one that names two parties joined by 与/和/及 (责任主体与协同单位).
 */
export function headerRole(header: string): Role {
  const h = toSimplified(header);
  if (/牵头/u.test(h)) return "lead";
  if (SUPPORT_HEADER.test(h) && !/[与和及]/u.test(h)) return "support";
  return "responsible";
}
