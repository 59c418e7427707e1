// Notices written as prose: headings 一、/（一）/1. and paragraphs, units in a trailing
// parenthesis or on labelled lines (牵头单位：…). Hard-wrapped paragraphs are rejoined.

import type { Laid, Paragraph } from "../../model/document.js";
import { parseMarker } from "../../plan/headings.js";
import { clean, joinWrapped } from "../../normalize/text.js";
import { isBlank, type SourceLine } from "./lines.js";

export const LABEL = /^[\s\u3000]*(?:[（(]?\s*)?((?:责任|責任|牵头|牽頭|配合|协同|協同|协办|協辦|主责|主責|承办|承辦|责任领导|責任領導|牵头领导|牽頭領導|分管领导|分管領導|牵头负责领导|完成|办结|辦結)(?:单位|單位|部门|部門|科室|领导|領導|时限|時限|时间|時間)?|时限|時限|完成时限|時間要求|时间要求|时限要求)\s*[：:]/u;

export function countLabelled(lines: SourceLine[]): number {
  return lines.filter((l) => LABEL.test(l.text)).length;
}

function endsSentence(s: string): boolean {
  return /[。；;！？!?：:）)」”]$/u.test(s);
}

export function paragraphs(lines: SourceLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: { parts: string[]; lines: number[] } | null = null;
  const flush = () => {
    if (cur) out.push({ text: joinWrapped(cur.parts), lines: cur.lines });
    cur = null;
  };
  for (const l of lines) {
    if (isBlank(l)) {
      flush();
      continue;
    }
    const t = clean(l.text);
    const prev: { parts: string[]; lines: number[] } | null = cur;
    const prevText = prev ? prev.parts.join("") : "";
    const continues = prev != null && prevText.length >= 30 && !endsSentence(prevText) && !parseMarker(t) && !LABEL.test(t);
    if (continues && prev) {
      prev.parts.push(t);
      prev.lines.push(l.n);
    } else {
      flush();
      cur = { parts: [t], lines: [l.n] };
    }
  }
  flush();
  return out;
}

export function layProse(lines: SourceLine[]): Laid {
  const ps = paragraphs(lines);
  const labelled = countLabelled(lines);
  return {
    layout: labelled >= 2 ? "labelled" : "prose",
    reason: labelled >= 2 ? `${labelled} labelled lines (牵头单位：…)` : `${ps.length} paragraphs, no table found`,
    table: null,
    paragraphs: ps,
    front: [],
    back: [],
    warnings: [],
  };
}
