// Word's automatic numbering, written into the text. The number of a numbered
// paragraph is not in document.xml, so a notice whose 一、 headings or 序号 column come
// from Word numbering would lose them. Each numbered paragraph's label is computed as
// Word does (counters per list, a level resetting the levels below it, the level's format
// and lvlText such as "%1、" or "（%1）") and put in front of its text.
//
// The values are a file's own and are checked as such: a level is 0–8 (Word has nine),
// a start 0–32767 (Word's own bounds); anything else is no numbering, not an error — a
// level of "1.5" or "1e9" once made an invalid array length or a gigabyte of counters,
// and a start of 1e15 in roman numerals a 4 GB string.

import { parseXml } from "./xml.js";

interface Level {
  start: number;
  format: string;
  text: string;
}

/** Word's levels: w:ilvl 0–8. */
const MAX_LEVEL = 8;
/** Word's largest w:start. */
const MAX_START = 32767;

const CN = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

function chinese(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return "十" + (n % 10 ? CN[n % 10] : "");
  if (n < 100) return CN[Math.floor(n / 10)]! + "十" + (n % 10 ? CN[n % 10] : "");
  return String(n);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n); // no roman numeral: as Word, the digits
  const t: Array<[number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of t) while (n >= v) [out, n] = [out + s, n - v];
  return out;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "decimal":
    case "decimalZero":
      return format === "decimalZero" && n < 10 ? `0${n}` : String(n);
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "ideographTraditional":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "japaneseCounting":
      return chinese(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return `(${n})`;
    case "decimalFullWidth":
      return String(n).replace(/\d/gu, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case "upperLetter":
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case "lowerLetter":
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    default:
      return "";
  }
}

/** A level number as a file writes it, or null when it is not one of Word's nine. */
export function levelOf(v: string | undefined): number | null {
  if (v == null || v === "") return 0;
  if (!/^\d{1,2}$/u.test(v)) return null;
  const n = Number(v);
  return n <= MAX_LEVEL ? n : null;
}

/** A start value within Word's bounds; an absent or unreadable one is 1. */
function startOf(v: string | undefined): number {
  if (!v || !/^-?\d{1,6}$/u.test(v)) return 1;
  return Math.min(MAX_START, Math.max(0, Number(v)));
}

export class Numbering {
  private readonly counters = new Map<string, number[]>();

  constructor(
    /** numId → its levels. */
    private readonly lists: Map<string, Map<number, Level>>,
    /** Paragraph style → the numbering it carries. */
    private readonly styles: Map<string, { numId: string; ilvl: number }>,
  ) {}

  /**
   * Counts one paragraph in document order and returns its label ("" for none).
   * `present`: it has its own w:numPr (numId, ilvl); else its style's numbering applies.
   */
  count(present: boolean, numIdText: string, ilvlText: string, style: string): string {
    let numId = numIdText;
    let ilvl: number | null = levelOf(ilvlText);
    if (!present) {
      const viaStyle = this.styles.get(style);
      if (!viaStyle) return "";
      ({ numId, ilvl } = viaStyle);
    }
    if (ilvl == null) return "";
    const levels = this.lists.get(numId);
    if (!levels || numId === "0") return "";
    const c = this.counters.get(numId) ?? [];
    for (let k = 0; k <= ilvl; k++) if (c[k] == null) c[k] = (levels.get(k)?.start ?? 1) - (k === ilvl ? 1 : 0);
    c[ilvl] = c[ilvl]! + 1;
    c.length = ilvl + 1; // deeper levels start again
    this.counters.set(numId, c);
    const level = levels.get(ilvl);
    if (!level || !level.text || level.format === "bullet" || level.format === "none") return "";
    const label = level.text.replace(/%(\d)/gu, (_, d: string) => formatNumber(c[Number(d) - 1] ?? levels.get(Number(d) - 1)?.start ?? 1, levels.get(Number(d) - 1)?.format ?? "decimal"));
    return label.trim() ? label : "";
  }
}

/** numbering.xml and styles.xml → the document's lists; null when it has none. */
export function readNumbering(numberingXml: string | null, stylesXml: string | null): Numbering | null {
  if (!numberingXml) return null;
  const abstract = new Map<string, Map<number, Level>>();
  const nums: Array<[string, string]> = [];
  {
    const names: string[] = [];
    let levels: Map<number, Level> | null = null;
    let level: { at: number | null; def: Level } | null = null;
    let num: { id: string; abstract: string } | null = null;
    parseXml(numberingXml, {
      open(name, attribs) {
        const parent = names[names.length - 1];
        names.push(name);
        if (name === "w:abstractNum") {
          levels = new Map();
          abstract.set(attribs["w:abstractNumId"] ?? "", levels);
        } else if (name === "w:lvl" && parent === "w:abstractNum" && levels) {
          level = { at: levelOf(attribs["w:ilvl"]), def: { start: 1, format: "decimal", text: "" } };
        } else if (level && parent === "w:lvl") {
          const v = attribs["w:val"] ?? "";
          if (name === "w:start") level.def.start = startOf(v);
          else if (name === "w:numFmt") level.def.format = v || "decimal";
          else if (name === "w:lvlText") level.def.text = v;
        } else if (name === "w:num") num = { id: attribs["w:numId"] ?? "", abstract: "" };
        else if (num && name === "w:abstractNumId" && parent === "w:num") num.abstract = attribs["w:val"] ?? "";
      },
      close(name) {
        names.pop();
        if (name === "w:lvl" && level) {
          if (level.at != null && levels) levels.set(level.at, level.def);
          level = null;
        } else if (name === "w:abstractNum") levels = null;
        else if (name === "w:num" && num) {
          nums.push([num.id, num.abstract]);
          num = null;
        }
      },
    });
  }
  const lists = new Map<string, Map<number, Level>>();
  for (const [id, abs] of nums) {
    const levels = abstract.get(abs);
    if (levels) lists.set(id, levels);
  }
  if (lists.size === 0) return null;
  // Numbering a paragraph style carries (headings numbered through their style).
  const styles = new Map<string, { numId: string; ilvl: number }>();
  if (stylesXml) {
    const names: string[] = [];
    let style: { id: string; numId: string; ilvl: number | null; numbered: boolean } | null = null;
    parseXml(stylesXml, {
      open(name, attribs) {
        const parent = names[names.length - 1];
        const grand = names[names.length - 2];
        names.push(name);
        if (name === "w:style") style = { id: attribs["w:styleId"] ?? "", numId: "", ilvl: 0, numbered: false };
        else if (style && name === "w:numPr" && parent === "w:pPr" && grand === "w:style") style.numbered = true;
        else if (style && parent === "w:numPr" && grand === "w:pPr") {
          if (name === "w:numId") style.numId = attribs["w:val"] ?? "";
          else if (name === "w:ilvl") style.ilvl = levelOf(attribs["w:val"]);
        }
      },
      close(name) {
        names.pop();
        if (name === "w:style" && style) {
          if (style.numbered && style.numId && style.ilvl != null) styles.set(style.id, { numId: style.numId, ilvl: style.ilvl });
          style = null;
        }
      },
    });
  }
  return new Numbering(lists, styles);
}
