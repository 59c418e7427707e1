// Word's automatic numbering, written into the text. The number of a numbered
// paragraph is not in document.xml, so a notice whose 一、 headings or 序号 column come
// from Word numbering would lose them. Each numbered paragraph's label is computed as
// Word does (counters per list, a level resetting the levels below it,
// the level's format and lvlText such as "%1、" or "（%1）") and put in front of its text.

import type { Document, Element } from "domhandler";
import { child, childrenNamed, elements, named } from "../../layout/dom.js";
import type { Labels } from "./body.js";

interface Level {
  start: number;
  format: string;
  text: string;
}

const CN = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

function chinese(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return "十" + (n % 10 ? CN[n % 10] : "");
  if (n < 100) return CN[Math.floor(n / 10)]! + "十" + (n % 10 ? CN[n % 10] : "");
  return String(n);
}

function roman(n: number): string {
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

const wval = (el: Element | undefined) => el?.attribs["w:val"] ?? "";
const isAbstract = named("w:abstractNum");
const isNum = named("w:num");
const isStyle = named("w:style");
/** Every w:p, table cells and text boxes included, in document order. */
const isParagraph = named("w:p");

/** The label of each numbered paragraph of the document (`root`: the parsed document.xml). */
export function numberingLabels(root: Document, numberingXml: string | null, stylesXml: string | null, parse: (xml: string) => Document): Labels {
  const labels: Labels = new Map();
  if (!numberingXml) return labels;
  const num = parse(numberingXml);
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of elements(num, isAbstract)) {
    const levels = new Map<number, Level>();
    for (const l of childrenNamed(a, "w:lvl")) {
      levels.set(Number(l.attribs["w:ilvl"] ?? 0), {
        start: Number(wval(child(l, "w:start")) || 1),
        format: wval(child(l, "w:numFmt")) || "decimal",
        text: wval(child(l, "w:lvlText")),
      });
    }
    abstract.set(a.attribs["w:abstractNumId"] ?? "", levels);
  }
  const lists = new Map<string, Map<number, Level>>();
  for (const n of elements(num, isNum)) {
    const levels = abstract.get(wval(child(n, "w:abstractNumId")));
    if (levels) lists.set(n.attribs["w:numId"] ?? "", levels);
  }
  if (lists.size === 0) return labels;
  // Numbering a paragraph style carries (headings numbered through their style).
  const styleNum = new Map<string, { numId: string; ilvl: number }>();
  if (stylesXml) {
    for (const s of elements(parse(stylesXml), isStyle)) {
      const np = child(child(s, "w:pPr"), "w:numPr");
      const numId = wval(child(np, "w:numId"));
      if (numId) styleNum.set(s.attribs["w:styleId"] ?? "", { numId, ilvl: Number(wval(child(np, "w:ilvl")) || 0) });
    }
  }
  const counters = new Map<string, number[]>();
  for (const p of elements(root, isParagraph)) {
    const pPr = child(p, "w:pPr");
    const np = child(pPr, "w:numPr");
    let numId = wval(child(np, "w:numId"));
    let ilvl = Number(wval(child(np, "w:ilvl")) || 0);
    if (!np) {
      const viaStyle = styleNum.get(wval(child(pPr, "w:pStyle")));
      if (!viaStyle) continue;
      ({ numId, ilvl } = viaStyle);
    }
    const levels = lists.get(numId);
    if (!levels || numId === "0") continue;
    const c = counters.get(numId) ?? [];
    for (let k = 0; k <= ilvl; k++) if (c[k] == null) c[k] = (levels.get(k)?.start ?? 1) - (k === ilvl ? 1 : 0);
    c[ilvl] = c[ilvl]! + 1;
    c.length = ilvl + 1; // deeper levels start again
    counters.set(numId, c);
    const level = levels.get(ilvl);
    if (!level || !level.text || level.format === "bullet" || level.format === "none") continue;
    const label = level.text.replace(/%(\d)/gu, (_, d: string) => formatNumber(c[Number(d) - 1] ?? levels.get(Number(d) - 1)?.start ?? 1, levels.get(Number(d) - 1)?.format ?? "decimal"));
    if (label.trim()) labels.set(p, label);
  }
  return labels;
}
