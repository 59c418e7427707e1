// One worksheet's cells as Excel stores them: shared and inline strings, cached formula
// values, numbers and dates as the cell shows them, merge ranges, hidden rows and columns.
// Streamed through the XML tokenizer with the cell and merge counts bounded as they come.

import { WorkplanError } from "../../model/errors.js";
import { MAX_CELLS } from "../../model/limits.js";
import { parseXml } from "../docx/xml.js";

/** Excel's built-in date formats (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

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

/** Which cell styles (cellXfs indexes) format numbers as dates. */
export function dateStyles(xml: string | null): Set<number> {
  const out = new Set<number>();
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
        // A custom format is a date when it has day, month or year parts outside quotes and brackets.
        const isDate = BUILTIN_DATE_FORMATS.has(id) || (code != null && /[ymd年月日]/iu.test(code.replace(/"[^"]*"|\[[^\]]*\]/gu, "")));
        if (isDate) out.add(k);
        k++;
      }
    },
    close: (n) => {
      if (n === "cellXfs") inXfs = false;
    },
  });
  return out;
}

/** An Excel serial day (1900 system) as the date it shows. */
function serialDate(v: number): string {
  const ms = Math.round((v - 25569) * 86400 * 1000);
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return String(v);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
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

export function readSheet(xml: string, strings: string[], dates: Set<number>): Sheet {
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
  parseXml(xml, {
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
        else if ((type === "n" || type === "") && raw !== "" && dates.has(style)) text = serialDate(Number(raw));
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
  });
  return sheet;
}

