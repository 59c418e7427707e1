// Tesseract, the recogniser, as an external program found like LibreOffice: Debian's
// tesseract-ocr with its chi_sim and chi_tra models. Chosen over tesseract.js: the
// same engine natively, about 2-3 × faster per page than its WebAssembly build, no
// model files to ship or fetch, and installed by one package. It reads a PGM from a
// private temporary folder and writes TSV (each word with its box and confidence) to
// stdout; a time-out kills it. It opens no network connection.

import { spawn, spawnSync } from "node:child_process";
import { WorkplanError } from "../../model/errors.js";
import { killGroup, track, untrack, type Resource } from "../../sys/cleanup.js";
import { findProgram } from "../../sys/programs.js";
import { OCR_SETTINGS as O } from "./settings.js";

export const OCR_HOW = "install Tesseract with its Chinese models (apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra)";

/** A word as Tesseract recognised it: pixel box in the image it was given, confidence 0–100. */
export interface Word {
  text: string;
  conf: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Block, paragraph and line numbers: words of one line share them. */
  line: string;
}

/** A recognised line: its box, its words' text and their lowest confidence; `paragraph`: its block and paragraph numbers, where Tesseract gave them. */
export type OcrLine = Omit<Word, "line"> & { paragraph?: string };

let found: { bin: string; langs: Set<string> } | null | undefined;

/** `WORKPLAN_TESSERACT` if set, else tesseract on the PATH, with the models it has; null without it. */
export function findTesseract(): { bin: string; langs: Set<string> } | null {
  if (found !== undefined) return found;
  found = null;
  const bin = findProgram("WORKPLAN_TESSERACT", ["tesseract"]);
  if (!bin) return found;
  const r = spawnSync(bin, ["--list-langs"], { encoding: "utf8", timeout: 10_000 });
  if (r.status !== 0) return found;
  const langs = new Set(`${r.stdout}\n${r.stderr}`.split("\n").map((l) => l.trim()).filter((l) => /^[a-z_]+$/u.test(l)));
  found = { bin, langs };
  return found;
}

/** The models to read with: `lang` as asked (and the model that reads digits alone, when installed) ("chi_sim", "chi_tra", "chi_sim+chi_tra"), each of which must be installed. */
export function ocrLanguage(lang: string, file: string): { bin: string; lang: string; digits: string | null } {
  const t = findTesseract();
  if (!t) throw new WorkplanError("invalidInput", `${file}: no text layer, and reading it needs OCR; ${OCR_HOW}`);
  const missing = lang.split("+").filter((l) => !t.langs.has(l));
  if (missing.length > 0) throw new WorkplanError("invalidInput", `${file}: Tesseract has no ${missing.join(", ")} model; ${OCR_HOW}`);
  // The Latin model (installed with Tesseract itself on Debian) reads a lone digit the Chinese models take for a character.
  return { bin: t.bin, lang, digits: t.langs.has("eng") ? "eng" : null };
}

/** Words from Tesseract's TSV (level 5 rows), and the boxes of its lines (level 4). */
export function parseTsv(tsv: string): { words: Word[]; lines: Map<string, { x0: number; y0: number; x1: number; y1: number }> } {
  const words: Word[] = [];
  const lines = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  for (const row of tsv.split("\n")) {
    const f = row.split("\t");
    if (f.length < 12 || !/^\d+$/u.test(f[0]!)) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = f.slice(0, 11).map(Number) as number[];
    const key = `${block}.${par}.${line}`;
    const box = { x0: left!, y0: top!, x1: left! + width!, y1: top! + height! };
    if (level === 4) lines.set(key, box);
    const text = f.slice(11).join("\t").trim();
    if (level === 5 && text) words.push({ text, conf: conf!, ...box, line: key });
  }
  return { words, lines };
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Double quotes in lines of Chinese paired: the Chinese models print “ and ” as " about
 * half the time, and the closing one as “ often, while Chinese text has no straight quotes
 * and does not nest double ones (a quote inside a quote is ‘…’). So a " or a “ after an
 * unclosed “ closes it; any other " opens one. A straight ' beside a CJK character is
 * one of them too (the models read a ” as ' now and then, and Chinese text has no
 * straight single quote: its single quotes are ‘’, and none of the notices has one).
 * `lines` are read in order, a quote opened on one closing on a later one (the lines of
 * one cell, or of a paragraph); Latin lines keep their quotes.
 */
export function pairQuotes(lines: readonly string[], whole = false): string[] {
  let open = false;
  // Where the quote left open last was opened: line and character.
  const opened = { line: -1, at: -1 };
  const out = lines.map((text, i) => {
    if (!CJK.test(text)) return text;
    const chars: string[] = [];
    const all = [...text];
    // Where the last quotation of this line closed.
    let closed = -1;
    all.forEach((ch, k) => {
      // (* too: the models take a ” for it, and a quotation in Chinese holds no asterisk.)
      if (ch === '"' || ch === "“" || (open && ch === "*") || (ch === "'" && (CJK.test(all[k - 1] ?? "") || CJK.test(all[k + 1] ?? "")))) {
        if (!open) [opened.line, opened.at] = [i, chars.length];
        if (open) closed = chars.length;
        chars.push(open ? "”" : "“");
        open = !open;
        return;
      }
      if (ch === "”") {
        // A closing quote with none open, after a quotation closed on this line: its
        // opening quote was lost beside that one's close, as quoted terms stand side by
        // side (“六稳”“六保” read as “六稳”六保”; Chinese text has no ” unopened).
        if (!open && closed >= 0) chars.splice(closed + 1, 0, "“");
        open = false;
        closed = chars.length;
      }
      chars.push(ch);
    });
    return chars.join("");
  });
  // `whole`: the lines are all of a cell, in which every quotation closes; one left open
  // at its end was opened by a closing quote read as “ (“六稳”六保“工作: its “ before 六保 lost).
  if (whole && open && opened.line >= 0) {
    const { line: i, at: k } = opened;
    const chars = [...out[i]!];
    // Not a quote that opens the cell: nothing before it to close.
    if (i > 0 || chars.slice(0, k).some((c) => CJK.test(c))) {
      chars[k] = "”";
      // Its own opening quote lost beside the close before it, as above.
      let q = k - 1;
      while (q >= 0 && chars[q] !== "“" && chars[q] !== "”") q--;
      if (q >= 0 && chars[q] === "”") chars.splice(q + 1, 0, "“");
      out[i] = chars.join("");
    }
  }
  return out;
}

/** Each closing bracket's opener. */
const BRACKETS: Readonly<Record<string, string>> = { ")": "(", "）": "（", "〉": "〈", "】": "【", "］": "［", "]": "[", "〕": "〔", "》": "《" };
const OPENERS = new Set(Object.values(BRACKETS));
/** Openers the Chinese models read a round （ as (〈 most: 各县〈区）); not 〔, which a document number opens (国办发〔2016〕). */
const MISREAD_OPENERS = new Set(["〈", "【", "［", "["]);

/**
 * Brackets pair by kind: an opener of another kind that a round bracket closes was a
 * round one misread, and becomes the opener of the closer's width (〈区) → (区)). `lines`
 * are read in order, as a cell's (an opener at one line's end, its closer on the next).
 */
export function roundBrackets(lines: readonly string[]): string[] {
  const open: Array<{ line: number; at: number; ch: string }> = [];
  const out = lines.map((l) => [...l]);
  out.forEach((chars, line) =>
    chars.forEach((ch, at) => {
      if (OPENERS.has(ch)) open.push({ line, at, ch });
      const want = BRACKETS[ch];
      if (!want) return;
      const top = open[open.length - 1];
      if (!top) return;
      if (top.ch !== want && (ch === ")" || ch === "）") && MISREAD_OPENERS.has(top.ch)) out[top.line]![top.at] = want;
      // A round pair of mixed widths is full width: Chinese text sets its brackets so,
      // and a recogniser reads a full-width one half width now and then (各乡镇(中心）).
      else if ((top.ch === "(" && ch === "）") || (top.ch === "（" && ch === ")")) {
        out[top.line]![top.at] = "（";
        chars[at] = "）";
        open.pop();
        return;
      }
      if (top.ch === want || out[top.line]![top.at] === want) open.pop();
    }),
  );
  return out.map((chars) => chars.join(""));
}

/** A word of punctuation only (，。、：；), whose glyph sits low in the line or hangs from its top. */
const MARKS_ONLY = /^[\p{P}\p{S}]+$/u;

/** Words joined into their lines, in Tesseract's reading order: no space between CJK neighbours (it puts one between recognised pieces). */
export function linesOf(tsv: string): OcrLine[] {
  const { words, lines } = parseTsv(tsv);
  const out: OcrLine[] = [];
  const byLine = new Map<string, Word[]>();
  for (const w of words) {
    const g = byLine.get(w.line);
    if (g) g.push(w);
    else byLine.set(w.line, [w]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const texts = [...byLine.values()].map((ws) => {
    let text = ws[0]!.text;
    for (const w of ws.slice(1)) text += CJK.test(text.slice(-1)) || CJK.test(w.text.slice(0, 1)) ? w.text : ` ${w.text}`;
    return text;
  });
  const paragraph = (key: string) => key.slice(0, key.lastIndexOf("."));
  let at = 0;
  for (const ws of byLine.values()) {
    const text = texts[at++]!;
    // Across: the line's box. Up and down: its words' median top and foot — a line box
    // takes in every bracket and stray mark, and grows to twice a line's height — leaving
    // out marks, whose boxes are a corner of the line (公开 。 would make a line of 。).
    const box = lines.get(ws[0]!.line) ?? { x0: Math.min(...ws.map((w) => w.x0)), x1: Math.max(...ws.map((w) => w.x1)), y0: 0, y1: 0 };
    const glyphs = ws.filter((w) => !MARKS_ONLY.test(w.text));
    const tall = glyphs.length > 0 ? glyphs : ws;
    out.push({ text, conf: Math.min(...ws.map((w) => w.conf)), x0: box.x0, x1: box.x1, y0: median(tall.map((w) => w.y0)), y1: median(tall.map((w) => w.y1)), paragraph: paragraph(ws[0]!.line) });
  }
  return pairByParagraph(out);
}

/**
 * Quotes and brackets paired over each paragraph's lines (runs of lines with one
 * `paragraph`), where a quotation may open on one line and close on the next (健康扶贫“四道 /
 * 保障线”和).
 */
export function pairByParagraph<L extends { text: string; paragraph?: string }>(lines: readonly L[]): L[] {
  const out: L[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j]!.paragraph === lines[i]!.paragraph) j++;
    const texts = roundBrackets(pairQuotes(lines.slice(i, j).map((l) => l.text)));
    lines.slice(i, j).forEach((l, k) => out.push({ ...l, text: texts[k]! }));
    i = j;
  }
  return out;
}

/** Runs Tesseract on an image file; its TSV. `psm`: Tesseract's page segmentation mode; `whitelist`: the only characters it may read. */
export function recognise(bin: string, image: string, lang: string, psm: number, whitelist?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // One thread each: a batch runs several files at once already, and OpenMP's threads
    // only contend with them (Tesseract's own advice for parallel use).
    const config = whitelist ? ["-c", `tessedit_char_whitelist=${whitelist}`] : [];
    const child = spawn(bin, [image, "stdout", "-l", lang, "--psm", String(psm), ...config, "tsv"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
    });
    const group: Resource | null = child.pid != null ? { kind: "group", pid: child.pid } : null;
    if (group) track(group);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const timer = setTimeout(() => {
      if (group) killGroup(group.pid);
      reject(new Error(`no answer after ${O.runTimeout} s`));
    }, O.runTimeout * 1000);
    child.once("error", (e) => {
      clearTimeout(timer);
      if (group) untrack(group);
      reject(e);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      if (group) untrack(group);
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(Buffer.concat(err).toString("utf8").trim().split("\n").pop() || `exit code ${code}`));
    });
  });
}
