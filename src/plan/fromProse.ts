// Prose notices → tasks. A numbered paragraph with a body is a task; a short numbered
// line without a sentence end is a heading. Units sit in a trailing parenthesis
// （县财政局牵头落实）, possibly labelled （责任领导：…；牵头单位：…）, or on labelled
// lines below the item (牵头单位：…).

import type { Paragraph } from "../model/document.js";
import { ok, warning, type Result, type Warning } from "../model/result.js";
import { LABEL_AT, labelsIn, namesUnits } from "../lexicon/labels.js";
import { UNIT_MENTION } from "../lexicon/units.js";
import { LEADER_DOTS } from "../lexicon/furniture.js";
import { toSimplified } from "../text/hant.js";
import { clean, compact, trimEndOf } from "../text/text.js";
import { ATTACHMENT_LABEL, COVERING_LETTER, endsAsTitleLine } from "../lexicon/titles.js";
import { titleLike } from "./titleYear.js";
import { headerRole } from "../lexicon/roles.js";
import { fieldOfHeader } from "../lexicon/headers.js";
import { emptyDraft, type DraftTask } from "./draft.js";
import { HeadingStack, parseMarker, type Marker } from "./headings.js";


/** The trailing parenthesis of a paragraph, if it names units: [body, inside]. */
/** Brackets a unit clause is printed in: round ones, and the tortoise-shell 〔〕 and 【】 some notices use. */
const CLOSING = "）)〕】";
const OPENING = "（(〔【";

export function trailingUnits(text: string): [string, string] | null {
  const t = trimEndOf(text, "。．.", true);
  if (!CLOSING.includes(t[t.length - 1] ?? "")) return null;
  // Walk back to the matching open bracket (names inside may hold their own: 各乡镇（中心）).
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const ch = t[i]!;
    if (CLOSING.includes(ch)) depth++;
    else if (OPENING.includes(ch)) {
      depth--;
      if (depth === 0) {
        const inside = t.slice(i + 1, -1).trim();
        const simplified = toSimplified(inside);
        if (!UNIT_MENTION.test(simplified) || !namesUnits(simplified) || inside.length > 300) return null;
        return [t.slice(0, i).trim(), inside];
      }
    }
  }
  return null;
}

/** Splits `责任领导：张三；牵头单位：市财政局` into labelled parts; null when unlabelled. */
export function labelledParts(inside: string): Array<[string, string]> | null {
  if (!LABEL_AT.test(inside)) return null;
  const parts: Array<[string, string]> = [];
  // Labelled parts are separated by ；or ，(〔牵头单位:A,责任单位:B〕); the separator is not part of the value.
  for (const seg of inside.split(/[；;，,]\s*(?=[^：:；;，,]{2,8}[：:])/u)) {
    const m = LABEL_AT.exec(seg);
    if (!m) {
      if (parts.length > 0) parts[parts.length - 1]![1] += "；" + seg;
      else return null;
      continue;
    }
    parts.push([m[1]!.trim(), seg.slice(m[0].length).replace(/[；;。]$/u, "").trim()]);
  }
  return parts;
}

function applyLabel(t: DraftTask, label: string, value: string): boolean {
  const field = fieldOfHeader(label);
  if (!value) return true;
  if (field === "units") t.unitCells.push({ text: value, role: headerRole(label) });
  else if (field === "deadline") t.deadlineText = value;
  else if (field === "status") t.status = value;
  else if (field === "remarks") t.remarks = value;
  else if (field === "people") t.extra[label] = value;
  else return false;
  return true;
}

/** FORMAT.md: digits only for an Arabic number (1. 1、 (1) → "1"); a Chinese one keeps its marker (（一）). */
/** A unit parenthesis's content: labelled parts (牵头单位：…；责任单位：…), or one unit list. */
function applyUnitClause(t: DraftTask, inside: string): void {
  const parts = labelledParts(inside);
  if (parts) {
    for (const [label, value] of parts) if (!applyLabel(t, label, value)) t.extra[label] = value;
  } else t.unitCells.push({ text: inside, role: "responsible" });
}

function numberOf(m: Marker): string {
  return m.style === "ar" || m.style === "par" ? String(m.ordinal) : m.text;
}

function isHeadingLike(rest: string, full: string): boolean {
  const r = clean(rest);
  return r.length > 0 && r.length <= 40 && !/[。；;！？]/u.test(r.replace(/[。]$/u, "x")) && !trailingUnits(full);
}

/** FORMAT.md: a prose item's title is its first sentence when that runs to 20 characters at most. */
const TITLE_SENTENCE_MAX_CHARS = 20;

/**
 * FORMAT.md: the lead-in phrase of a prose item — its first sentence, up to the first 。,
 * when it has at most 20 characters and none of ，、；,;: and the item goes on after it.
 */
function splitTitle(rest: string): [string | null, string] {
  const m = /^([^。]+)。\s*(.+)$/su.exec(rest);
  if (m && [...m[1]!.trim()].length <= TITLE_SENTENCE_MAX_CHARS && !/[，、；,;:：]/u.test(m[1]!)) return [m[1]!.trim(), m[2]!.trim()];
  return [null, rest.trim()];
}

/**
 * Where the plan itself begins: at its own title printed on a line of its own, when a
 * covering letter's title (关于印发…的通知) comes before it — the letter's numbered
 * instructions (一、高度重视。二、抓好落实。), signature and date are the letter's, not
 * tasks. 0 when there is no such title.
 */
function planStart(paragraphs: readonly Paragraph[]): number {
  const letter = paragraphs.findIndex((p) => titleLike(p.text) && COVERING_LETTER.test(toSimplified(compact(p.text))));
  if (letter < 0) return 0;
  for (let i = letter + 1; i < paragraphs.length; i++) {
    const t = toSimplified(compact(paragraphs[i]!.text));
    if (titleLike(paragraphs[i]!.text) && !COVERING_LETTER.test(t) && endsAsTitleLine(t.replace(ATTACHMENT_LABEL, ""))) return i;
  }
  return 0;
}

export function planProse(paragraphs: Paragraph[]): Result<{ tasks: DraftTask[]; front: Paragraph[] }> {
  const warnings: Warning[] = [];
  const headings = new HeadingStack();
  const tasks: DraftTask[] = [];
  const front: Paragraph[] = [];
  let started = false;
  let current: DraftTask | null = null;
  const start = planStart(paragraphs);
  front.push(...paragraphs.slice(0, start));
  // Headings seen since the last task: reported if no task ever follows them.
  let openHeadings: Array<{ text: string; lines: number[] }> = [];

  // The tasks since the last heading (a group of sibling items), and the marker of the last.
  let group: DraftTask[] = [];
  let lastItem: Marker | null = null;

  // What each paragraph holds, read once: the loop looks one paragraph ahead.
  const read = paragraphs.map((p) => ({ clause: trailingUnits(p.text), labels: labelsIn(p.text), marker: parseMarker(p.text) }));
  for (let i = start; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const { clause, labels, marker: m } = read[i]!;
    if (clause && clause[0] === "" && current) {
      // A unit clause on a line of its own closes a group of items ((1)…(4), then
      // (责任单位:…)): it gives its units to every item of the group that has none.
      const without = group.filter((t) => t.unitCells.length === 0);
      for (const t of without.length > 0 ? without : [current]) {
        applyUnitClause(t, clause[1]);
        t.lines.push(...p.lines);
      }
      continue;
    }
    if (LEADER_DOTS.test(p.text)) {
      // A table of contents' entry names a part of the document; it is not a task.
      if (!started) front.push(p);
      else warnings.push(warning("not-a-task", `contents line kept out of the tasks: ${p.text.slice(0, 24)}…`, { lines: p.lines }));
      continue;
    }
    if (current && labels && labels.before === "") {
      // The item's labelled fields (one per line, or several on one line).
      for (const l of labels.labels) if (!applyLabel(current, l.label, l.rest)) current.extra[l.label] = l.rest;
      current.lines.push(...p.lines);
      continue;
    }
    // Labelled lines follow a task, never a heading: a short numbered line with its
    // 牵头单位: below it is an item (1.地区生产总值增长8%以上。).
    const next = read[i + 1];
    const labelledBelow = next?.labels?.before === "";
    const units = trailingUnits(m ? m.rest : p.text);
    // Labels inside a trailing parenthesis are read with it (trailingUnits).
    const ownLabels = labels && labels.before !== "" && m != null && !units ? labels : null;
    // The next item of a run of items ((3) after (2)) is an item, however short; so is a
    // line followed by its own next sibling ((1) before (2)) or by the group's unit
    // line — a heading is followed by items of a deeper style.
    const nextSibling = lastItem != null && group.length > 0 && m != null && m.style === lastItem.style && m.ordinal === lastItem.ordinal + 1;
    const nextMarker = next?.marker ?? null;
    const siblingBelow = m != null && nextMarker != null && nextMarker.style === m.style && nextMarker.ordinal === m.ordinal + 1 && m.style !== "cn" && m.style !== "pcn";
    const clauseBelow = next?.clause?.[0] === "";
    if (m && !labelledBelow && !ownLabels && !nextSibling && !siblingBelow && !clauseBelow && isHeadingLike(m.rest, p.text)) {
      group = [];
      lastItem = null;
      headings.push(clean(p.text), m);
      openHeadings.push({ text: clean(p.text), lines: p.lines });
      started = true;
      current = null;
      continue;
    }
    if (!m && !units) {
      if (!started) front.push(p);
      else {
        warnings.push(warning("not-a-task", `paragraph kept out of the tasks (no number, no units): ${p.text.slice(0, 24)}…`, { lines: p.lines }));
      }
      current = null;
      continue;
    }
    started = true;
    const t = emptyDraft();
    t.path = headings.pathFor(m);
    openHeadings = [];
    t.lines = [...p.lines];
    let body = m ? m.rest : p.text;
    if (ownLabels) {
      // The item's text, then its labelled fields on the same line.
      body = parseMarker(ownLabels.before)?.rest ?? ownLabels.before;
      for (const l of ownLabels.labels) if (!applyLabel(t, l.label, l.rest)) t.extra[l.label] = l.rest;
    } else if (units) {
      body = units[0];
      applyUnitClause(t, units[1]);
    }
    if (m) {
      t.number = numberOf(m);
      const [title, rest] = splitTitle(body);
      t.title = title;
      t.text = rest || null;
    } else t.text = body || null;
    tasks.push(t);
    group.push(t);
    lastItem = m;
    current = t;
  }
  for (const h of openHeadings) warnings.push(warning("empty-section", `heading with no task under it: ${h.text}`, { lines: h.lines }));
  return ok({ tasks, front }, warnings);
}
