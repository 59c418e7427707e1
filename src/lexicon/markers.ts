// Heading markers: 一、 （一） (一) 1. 1、 (1) ① 第一部分 — how a notice numbers its parts,
// and the one rule for when a marked line is a heading rather than a numbered item.

import { parseSmallNumber } from "./numerals.js";

export type MarkerStyle = "cn" | "pcn" | "ar" | "par" | "circ" | "part";

export interface Marker {
  style: MarkerStyle;
  ordinal: number;
  /** The marker as printed, e.g. "（一）". */
  text: string;
  /** What follows the marker. */
  rest: string;
}

const CN_NUM = "[一二三四五六七八九十百零〇]+";
const PATTERNS: Array<[MarkerStyle, RegExp]> = [
  ["part", new RegExp(`^(第(${CN_NUM})(?:部分|章|节|節|篇))\\s*`, "u")],
  ["cn", new RegExp(`^((${CN_NUM})\\s*[、，,．.])\\s*`, "u")],
  ["pcn", new RegExp(`^([（(]\\s*(${CN_NUM})\\s*[）)])\\s*[、.]?\\s*`, "u")],
  ["par", /^([（(]\s*(\d{1,3})\s*[）)])\s*[、.]?\s*/u],
  ["ar", /^((\d{1,3})\s*(?:[、．﹒]|\.(?!\d)))\s*/u],
  ["circ", /^(([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\s*/u],
];

function cnOrdinal(s: string): number | null {
  if (/^[一二三四五六七八九十]+$/u.test(s)) return parseSmallNumber(s);
  return null;
}

export function parseMarker(text: string): Marker | null {
  const s = text.replace(/^[\s\u3000]+/u, "");
  for (const [style, re] of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const rest = s.slice(m[0].length);
    let ordinal: number | null;
    if (style === "circ") ordinal = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".indexOf(m[2] ?? "") + 1;
    else if (style === "ar" || style === "par") ordinal = Number(m[2]);
    else ordinal = cnOrdinal(m[2] ?? "");
    if (ordinal == null || ordinal < 1) continue;
    return { style, ordinal, text: (m[1] ?? "").trim(), rest };
  }
  return null;
}

/**
 * The longest a marked heading runs, in characters (marker included): headings of the
 * notices seen run to about 50 (（二）做好市场规则标准和监管执法信息公开, 一、紧扣“十四五”开好局起好步
 * 深化政务公开); a marked line longer than this is a numbered item, a requirement.
 */
export const HEADING_MAX_CHARS = 60;

/** The marker styles that head parts of a notice: 一、 （一） 第一部分 (1. and (1) number items as often as headings). */
export const PART_STYLES: readonly MarkerStyle[] = ["cn", "pcn", "part"];

/**
 * A text's heading marker, where the text is no longer than a heading runs: a requirement
 * that opens with its own numbered items (1.开展…。2.按照…) is no heading of the style 1.
 */
export function headingMarker(text: string): Marker | null {
  return text.length <= HEADING_MAX_CHARS ? parseMarker(text) : null;
}

/** A line that heads a part of the notice: a part marker (一、 （一） 第一部分) and no longer than a heading runs. */
export function isPartHeading(text: string): boolean {
  const m = headingMarker(text);
  return m != null && PART_STYLES.includes(m.style);
}
