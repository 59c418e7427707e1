// Heading markers (一、 （一） (一) 1. 1、 (1) ①) and the stack that turns a stream of
// headings into paths. Nesting is decided by the marker's style and its ordinal, not
// by wording: a style seen before goes back to that level; a list that restarts at 1
// under a heading of the same style is nested below it.

import { parseSmallNumber } from "../normalize/deadline.js";

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
  ["ar", /^((\d{1,3})\s*(?:[、．]|\.(?!\d)))\s*/u],
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

interface Level {
  heading: string;
  marker: Marker | null;
}

export class HeadingStack {
  private levels: Level[] = [];

  get path(): string[] {
    return this.levels.map((l) => l.heading);
  }

  get depth(): number {
    return this.levels.length;
  }

  /** Pushes a heading; returns its depth (0-based). */
  push(heading: string, marker: Marker | null = parseMarker(heading)): number {
    const depth = this.levelFor(marker);
    this.levels = this.levels.slice(0, depth);
    this.levels.push({ heading, marker });
    return depth;
  }

  /** The depth a heading with this marker takes. */
  private levelFor(marker: Marker | null): number {
    if (!marker) return this.levels.length;
    // Innermost level of the same style whose ordinal this one continues or repeats.
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const m = this.levels[i]!.marker;
      if (!m || m.style !== marker.style) continue;
      if (marker.ordinal === m.ordinal + 1 || marker.ordinal === m.ordinal) return i;
      if (marker.ordinal === 1) return this.levels.length; // a new list under this one
      return i; // a gap in the numbering: still the same list
    }
    return this.levels.length;
  }

  truncate(depth: number): void {
    this.levels = this.levels.slice(0, depth);
  }
}
