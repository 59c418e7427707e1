// One worksheet's cells as Excel stores them: shared and inline strings, cached formula
// values, numbers and dates as the cell shows them, merge ranges, hidden rows and columns.
// Streamed through the XML tokenizer with the cell and merge counts bounded as they come.

import { WorkplanError } from "../../model/errors.js";
import { MAX_CELLS } from "../../model/limits.js";
import { parseXml, type XmlHandler } from "../docx/xml.js";

/**
 * Excel's built-in date formats (ECMA-376 §18.8.30) as a Chinese-locale Excel or WPS
 * shows them: 14 is the short date (yyyy/m/d in zh-CN), the others of 27–58 the East
 * Asian forms (年月日); a time part is not a deadline's and is left out.
 */
const BUILTIN_DATE_FORMATS: ReadonlyMap<number, string> = new Map([
  [14, "yyyy/m/d"], [15, "d-mmm-yy"], [16, "d-mmm"], [17, "mmm-yy"], [22, "yyyy/m/d"],
  ...[27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id): [number, string] => [id, 'yyyy"年"m"月"d"日"']),
]);

export function sharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let cur: string[] | null = null;
  let inT = false;
  let inPhonetic = false;
  parseXml(xml, {
    open: (n) => {
      if (n === "si") cur = [];
      else if (n === "rPh") inPhonetic = true; // ruby (phonetic) text is not the cell's
      else if (n === "t") inT = true;
    },
    text: (d) => {
      if (inT && !inPhonetic && cur) cur.push(d);
    },
    close: (n) => {
      if (n === "t") inT = false;
      else if (n === "rPh") inPhonetic = false;
      else if (n === "si" && cur) {
        out.push(cur.join(""));
        cur = null;
      }
    },
  });
  return out;
}

/** Excel's built-in number formats that change how a number shows (ECMA-376 §18.8.30). */
const BUILTIN_NUMBER_FORMATS: ReadonlyMap<number, string> = new Map([
  [1, "0"], [2, "0.00"], [3, "#,##0"], [4, "#,##0.00"], [9, "0%"], [10, "0.00%"],
]);

/** A number format's code is a date's when it has day, month or year parts outside quotes, brackets and escapes. */
const isDateCode = (code: string) => /[ymd年月日]/iu.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./gu, ""));

/** The cell styles (cellXfs indexes) whose number format is not General, with their format codes. */
export function numberStyles(xml: string | null): Map<number, string> {
  const out = new Map<number, string>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  let inXfs = false;
  let k = 0;
  parseXml(xml, {
    open: (n, a) => {
      if (n === "numFmt") custom.set(Number(a["numFmtId"]), a["formatCode"] ?? "");
      else if (n === "cellXfs") inXfs = true;
      else if (n === "xf" && inXfs) {
        const id = Number(a["numFmtId"] ?? 0);
        const code = custom.get(id);
        const known = code ?? BUILTIN_DATE_FORMATS.get(id) ?? BUILTIN_NUMBER_FORMATS.get(id);
        if (known != null && known !== "" && known.toLowerCase() !== "general") out.set(k, known);
        k++;
      }
    },
    close: (n) => {
      if (n === "cellXfs") inXfs = false;
    },
  });
  return out;
}

/**
 * A number as its format code shows it: a date code as the date; a percent as the number
 * times 100 with the code's decimals and a %; fixed decimals; thousands separators. Other
 * codes (fractions, scientific, text sections) show the number as stored.
 */
export function showNumber(v: number, code: string): string {
  if (!Number.isFinite(v)) return String(v);
  if (isDateCode(code)) return showDate(v, code);
  const section = (code.split(";")[0] ?? "").replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./gu, "");
  if (!/^[#0,.%\s]+$/u.test(section) || !/[0#]/u.test(section)) return String(v);
  const decimals = /\.([0#]+)/u.exec(section)?.[1]?.length ?? 0;
  const percent = section.includes("%");
  const n = (percent ? v * 100 : v).toFixed(decimals);
  const grouped = section.includes(",") ? n.replace(/^(-?\d+)/u, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/gu, ",")) : n;
  return percent ? `${grouped}%` : grouped;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An Excel serial day (1900 system) as a date format code shows it: y, m, d runs (a run
 * of m after h or before s is minutes, a time part, and left out with the other time
 * parts), quoted and escaped literals, [locale] and [colour] sections dropped; the first
 * section only (the one for positive numbers).
 */
export function showDate(v: number, code: string): string {
  const d = new Date(Math.round((v - 25569) * 86400 * 1000));
  if (!Number.isFinite(d.getTime())) return String(v);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const section = code.split(";")[0] ?? "";
  const out: string[] = [];
  let time = false;
  for (let i = 0; i < section.length; ) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out.push(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "\\") {
      out.push(section[i + 1] ?? "");
      i += 2;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end + 1;
    } else if (/[ymdhsYMDHS]/u.test(ch)) {
      let j = i;
      while (j < section.length && section[j]!.toLowerCase() === ch.toLowerCase()) j++;
      const run = j - i;
      const c = ch.toLowerCase();
      if (c === "h" || c === "s" || (c === "m" && time)) time = true;
      else if (c === "y") out.push(run <= 2 ? String(y % 100).padStart(2, "0") : String(y));
      else if (c === "m") out.push(run === 1 ? String(mo) : run === 2 ? String(mo).padStart(2, "0") : MONTHS[mo - 1]!);
      else if (c === "d") out.push(run === 1 ? String(day) : run === 2 ? String(day).padStart(2, "0") : "");
      if (c !== "h" && c !== "s" && !(c === "m" && time)) time = false;
      i = j;
    } else {
      if (!time) out.push(ch);
      i++;
    }
  }
  // A time part's separators (":", " ") left at the end are not the date's.
  const text = out.join("").replace(/[\s:]+$/u, "").replace(/^[\s:]+/u, "");
  return text === "" ? `${y}年${mo}月${day}日` : text;
}

/** "B12" → [row 11, col 1]. */
export function ref(a1: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/u.exec(a1);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

export interface Sheet {
  cells: Map<number, Map<number, string>>;
  merges: Array<{ r0: number; c0: number; r1: number; c1: number }>;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  maxRow: number;
  maxCol: number;
}

/** A worksheet's reader: its XML events fed as the part inflates, the sheet filled as they come. */
export function sheetReader(strings: string[], formats: ReadonlyMap<number, string>): { handler: XmlHandler; sheet: Sheet } {
  const sheet: Sheet = { cells: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set(), maxRow: -1, maxCol: -1 };
  let at: [number, number] | null = null;
  let type = "";
  let style = 0;
  let inV = false;
  let inIs = false;
  let inT = false;
  let value: string[] = [];
  let count = 0;
  let nextRow = 0;
  let nextCol = 0;
  const handler: XmlHandler = {
    open: (n, a) => {
      if (n === "row") {
        const r = a["r"] ? Number(a["r"]) - 1 : nextRow;
        nextRow = r + 1;
        nextCol = 0;
        if (a["hidden"] === "1" || a["hidden"] === "true") sheet.hiddenRows.add(r);
      } else if (n === "c") {
        at = a["r"] ? ref(a["r"]) : [nextRow - 1, nextCol];
        if (at) nextCol = at[1] + 1;
        type = a["t"] ?? "n";
        style = Number(a["s"] ?? 0);
        value = [];
      } else if (n === "v") inV = true;
      else if (n === "is") inIs = true;
      else if (n === "t" && inIs) inT = true;
      else if (n === "mergeCell" && a["ref"]) {
        if (sheet.merges.length >= MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (over ${MAX_CELLS} merged ranges)`);
        const [p, q] = a["ref"].split(":");
        const s = p ? ref(p) : null;
        const e = q ? ref(q) : s;
        if (s && e) sheet.merges.push({ r0: s[0], c0: s[1], r1: e[0], c1: e[1] });
      } else if (n === "col" && (a["hidden"] === "1" || a["hidden"] === "true")) {
        for (let c = Number(a["min"]) - 1; c <= Number(a["max"]) - 1 && c < 16_384; c++) sheet.hiddenCols.add(c);
      }
    },
    text: (d) => {
      if (inV || inT) value.push(d);
    },
    close: (n) => {
      if (n === "v") inV = false;
      else if (n === "t") inT = false;
      else if (n === "is") inIs = false;
      else if (n === "c" && at) {
        const raw = value.join("");
        let text = raw;
        if (type === "s") text = strings[Number(raw)] ?? "";
        else if (type === "b") text = raw === "1" ? "TRUE" : "FALSE";
        else if ((type === "n" || type === "") && raw !== "" && formats.has(style)) text = showNumber(Number(raw), formats.get(style)!);
        if (text !== "") {
          if (++count > MAX_CELLS) throw new WorkplanError("invalidInput", `table too large (over ${MAX_CELLS} cells)`);
          const [r, c] = at;
          let row = sheet.cells.get(r);
          if (!row) sheet.cells.set(r, (row = new Map()));
          row.set(c, text);
          sheet.maxRow = Math.max(sheet.maxRow, r);
          sheet.maxCol = Math.max(sheet.maxCol, c);
        }
        at = null;
      }
    },
  };
  return { handler, sheet };
}

