// One scanned page: its grey image straightened, its rulings and cells found in the
// pixels, each cell's crop recognised, and the text outside the cells recognised on the
// page with the cells blanked out. What comes out is the same geometry the vector reader
// gives (text runs with boxes, rulings), in points, so that the same lattice layout,
// page joining and plan read it.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Segment, TextItem } from "../../model/geometry.js";
import { track, untrack, type Resource } from "../../sys/cleanup.js";
import { enclosed, inkRuns, lightRuns, openEnds, tableRulings, type Box } from "./grid.js";
import { crop, rotate, scaled, skewOf, threshold, toPgm, whiten, type Gray } from "./image.js";
import { OCR_SETTINGS as O } from "./settings.js";
import type { LineReader } from "./ppocr.js";
import { linesOf, pairByParagraph, pairQuotes, recognise, roundBrackets, type OcrLine } from "./tesseract.js";

/** Tesseract's page segmentation modes (tesseract --help-psm). */
const PSM_AUTO = 3;
const PSM_COLUMN = 4;
const PSM_BLOCK = 6;

export interface OcrPage {
  items: TextItem[];
  segments: Segment[];
  skew: number;
}

function inkShare(img: Gray, ink: number): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i++) if (img.data[i]! < ink) n++;
  return img.data.length > 0 ? n / img.data.length : 0;
}

/** A piece of the page to recognise: a cell's inside or one of its lines; `x`/`y` is its top left on the page, in pixels. */
interface Crop {
  /** The cell it is (of). */
  box: Box;
  x: number;
  y: number;
  img: Gray;
}

/** Crops placed one under another, a gap apart, in images no taller than O.stackMax: one recogniser run reads many cells. */
function stacks<C extends { img: Gray }>(crops: C[]): Array<{ img: Gray; bands: Array<{ top: number; crop: C; height: number }> }> {
  const out: Array<{ img: Gray; bands: Array<{ top: number; crop: C; height: number }> }> = [];
  let group: C[] = [];
  let height = O.stackGap;
  const flush = () => {
    if (group.length === 0) return;
    const width = Math.max(...group.map((c) => c.img.width)) + 2 * O.stackGap;
    const data = new Uint8Array(width * height).fill(255);
    const bands: Array<{ top: number; crop: C; height: number }> = [];
    let top = O.stackGap;
    for (const c of group) {
      for (let y = 0; y < c.img.height; y++) data.set(c.img.data.subarray(y * c.img.width, (y + 1) * c.img.width), (top + y) * width + O.stackGap);
      bands.push({ top, crop: c, height: c.img.height });
      top += c.img.height + O.stackGap;
    }
    out.push({ img: { width, height, data }, bands });
    group = [];
    height = O.stackGap;
  };
  for (const c of crops) {
    if (group.length > 0 && height + c.img.height + O.stackGap > O.stackMax) flush();
    group.push(c);
    height += c.img.height + O.stackGap;
  }
  flush();
  return out;
}

/** How many characters a reading holds, its spaces left out. */
const charCount = (text: string) => [...text.replace(/\s+/gu, "")].length;

/**
 * Whether a cell `width` pt wide is a 序号 to read again for digits alone, by its
 * reading (`null`: nothing read; undefined: more than one line): up to three characters,
 * digits too (21 read as 2, 35 as 30), read with little confidence, or nothing read, in
 * a narrow cell; digits mixed with Latin letters (52 read as 5D2, 57 as D7), no reading of
 * a Chinese notice's cell however sure, in a cell up to twice as wide (a LibreOffice 序号
 * column is 52 pt wide).
 */
export function numberDoubtful(width: number, reading: Pick<TextItem, "text" | "conf"> | null | undefined): boolean {
  const short = reading != null && charCount(reading.text) <= O.numberMaxChars;
  if (short && width <= 2 * O.numberCellMax && /\d/u.test(reading.text) && /[A-Za-z]/u.test(reading.text)) return true;
  if (width > O.numberCellMax) return false;
  return reading === null || (short && (reading.conf ?? 100) < O.numberRetryBelow);
}

/**
 * A line the Chinese models read out of specks: a few Latin letters or marks, none of
 * them sure (a scanner's noise over two lines of a cell read as "at"). Dropped, its
 * lines are found again as unread and read one by one.
 */
export function speck(l: Pick<OcrLine, "text" | "conf">): boolean {
  return l.conf < O.speckBelow && charCount(l.text) <= O.speckMaxChars && !/[\u3400-\u9fff\d]/u.test(l.text);
}

/**
 * The lines of ink in a crop, top to foot, as pixel rows [top, foot): rows with ink, in
 * runs at least O.lineMin tall (a glyph, not a speck), runs closer than O.lineJoin
 * joined (the strokes of 三 are one line).
 */
export function inkLines(img: Gray, ink: number, scale: number): Array<[number, number]> {
  const { width, height, data } = img;
  const inked = (y: number) => {
    let k = 0;
    for (let x = 0; x < width; x++) if (data[y * width + x]! < ink && ++k >= O.lineInkMin) return true;
    return false;
  };
  const runs: Array<[number, number]> = [];
  for (let y = 0; y < height; y++) {
    if (!inked(y)) continue;
    const last = runs[runs.length - 1];
    if (last && y - last[1] <= O.lineJoin * scale) last[1] = y + 1;
    else runs.push([y, y + 1]);
  }
  return runs.filter(([a, b]) => b - a >= O.lineMin * scale);
}

/**
 * Line `i` of `lines` (inkLines of `img`) cropped for the line recogniser: across the
 * crop, with O.ppocrLinePad of its height above and below, at most halfway to the lines
 * beside it.
 */
export function lineBand(img: Gray, lines: ReadonlyArray<readonly [number, number]>, i: number): [number, number] {
  const [a, b] = lines[i]!;
  const pad = (b - a) * O.ppocrLinePad;
  const up = i > 0 ? (lines[i - 1]![1] + a) / 2 : 0;
  const down = i + 1 < lines.length ? (b + lines[i + 1]![0]) / 2 : img.height;
  return [Math.max(0, Math.round(Math.max(a - pad, up))), Math.min(img.height, Math.round(Math.min(b + pad, down)))];
}

/** The lines of ink in a cell's crop that nothing read covers, each cropped on its own with a margin. */
function unreadLines(c: Crop, read: readonly TextItem[], ink: number, scale: number): Crop[] {
  const { width, height } = c.img;
  const margin = Math.round(O.lineMargin * scale);
  return inkLines(c.img, ink, scale)
    .filter(([a, b]) => !read.some((t) => Math.min(b, t.y1 * scale - c.y) - Math.max(a, t.y0 * scale - c.y) >= (b - a) / 2))
    .map(([a, b]) => {
      const y0 = Math.max(0, a - margin);
      const y1 = Math.min(height, b + margin);
      return { box: c.box, x: c.x, y: c.y + y0, img: crop(c.img, 0, y0, width, y1) };
    });
}

/** The columns of a crop's pixel rows [y0, y1) that hold ink (at least O.lineInkMin dark pixels), as [left, right); null when none does. */
function inkAcross(img: Gray, y0: number, y1: number, ink: number): [number, number] | null {
  let left = -1;
  let right = -1;
  for (let x = 0; x < img.width; x++) {
    let k = 0;
    for (let y = y0; y < y1 && k < O.lineInkMin; y++) if (img.data[y * img.width + x]! < ink) k++;
    if (k < O.lineInkMin) continue;
    if (left < 0) left = x;
    right = x + 1;
  }
  return left < 0 ? null : [left, right];
}

/**
 * A speck read as a character beside a line of the cell: a reading of a glyph or two, less
 * than O.speckBelow sure, under half a line tall and standing within another line's
 * height (和平台建设 with 记 at 0% under its last glyphs). A lone last character of a
 * cell stands on a line of its own.
 */
export function stray(item: TextItem, cell: readonly TextItem[]): boolean {
  if ((item.conf ?? 100) >= O.speckBelow || charCount(item.text) > O.strayMaxChars) return false;
  const others = cell.filter((o) => o !== item);
  const heights = others.map((o) => o.y1 - o.y0).sort((a, b) => a - b);
  const line = heights[heights.length >> 1];
  if (line == null || item.y1 - item.y0 >= line / 2) return false;
  return others.some((o) => item.y0 >= o.y0 && item.y1 <= o.y1 + (o.y1 - o.y0) / 4);
}

/**
 * The rows a cell's crop spans, `y0`–`y1` grown up or down past an edge that cuts through
 * a line of text: a box a page break left open ends where its column rulings end, which
 * can be mid-glyph in its first line (read as garbage then), and beyond lies the page's
 * margin. Grown while the row beyond holds ink that is not a ruling (a ruling's row is
 * dark across most of the cell), at most `max` pixels.
 */
export function grownRows(img: Gray, x0: number, x1: number, y0: number, y1: number, ink: number, max: number): [number, number] {
  const inkOf = (y: number) => {
    let k = 0;
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) if (img.data[y * img.width + x]! < ink) k++;
    return k;
  };
  const text = (y: number) => {
    if (y < 0 || y >= img.height) return false;
    const k = inkOf(y);
    return k >= O.lineInkMin && k <= (x1 - x0) * O.rulingShare;
  };
  let top = y0;
  if (text(y0)) while (y0 - top < max && text(top - 1)) top--;
  let foot = y1;
  if (text(y1 - 1)) while (foot - y1 < max && text(foot)) foot++;
  return [top, foot];
}

/**
 * The lines of ink in `img` read by the line recogniser, each on its own (cropped by
 * lineBand, across its ink), with their pixel boxes in `img`; `keep` picks the lines
 * to read by their rows. Lines read as nothing, or as specks, are left out.
 */
async function readInkLines(r: LineReader, img: Gray, ink: number, scale: number, keep: (a: number, b: number) => boolean = () => true): Promise<OcrLine[]> {
  const lines = inkLines(img, ink, scale);
  const out: OcrLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [a, b] = lines[i]!;
    if (!keep(a, b)) continue;
    const [top, foot] = lineBand(img, lines, i);
    const across = inkAcross(img, a, b, ink);
    if (!across) continue;
    const got = await r.read(crop(img, across[0], top, across[1], foot), ink);
    if (!got.text || speck(got)) continue;
    out.push({ text: got.text, conf: got.conf, x0: across[0], x1: across[1], y0: a, y1: b });
  }
  return out;
}

/**
 * A line Tesseract found outside the cells, read again by the line recogniser: the lines
 * of ink within its box, each read on its own; a box Tesseract drew over two lines of
 * prose gives two. Up and down, half a line's height around the box, where its marks and
 * descenders stand; across, its paragraph's width (`across`, pixels) and a line's height
 * either side, as Tesseract's box leaves out a last mark now and then (权责清单， read
 * without its ， at 200 dpi: the line then ends short, and a paragraph with it). Pixel
 * boxes in the page; none when nothing was read.
 */
async function readAgain(r: LineReader, page: Gray, l: OcrLine, across: readonly [number, number], ink: number, scale: number): Promise<OcrLine[]> {
  const h = l.y1 - l.y0;
  const x0 = Math.max(0, Math.floor(Math.min(l.x0, across[0]) - h));
  const x1 = Math.min(page.width, Math.ceil(Math.max(l.x1, across[1]) + h));
  const y0 = Math.max(0, Math.floor(l.y0 - h / 2));
  const y1 = Math.min(page.height, Math.ceil(l.y1 + h / 2));
  if (x1 <= x0 || y1 <= y0) return [];
  // Only the lines of ink the box holds most of (not the next line's tops reaching in).
  const got = await readInkLines(r, crop(page, x0, y0, x1, y1), ink, scale, (a, b) => Math.min(b, l.y1 - y0) - Math.max(a, l.y0 - y0) >= (b - a) / 2);
  return got.map((g) => ({ ...g, x0: x0 + g.x0, x1: x0 + g.x1, y0: y0 + g.y0, y1: y0 + g.y1, paragraph: l.paragraph }));
}

/**
 * Reads a page image rendered at `dpi`. `bin`/`lang`: Tesseract and its models;
 * `reader`: the line recogniser that reads every line of text instead, when there is
 * one (Tesseract then only finds the lines outside the cells).
 * Coordinates come back in points of the page as shown.
 */
export async function ocrPage(page: Gray, dpi: number, bin: string, lang: string, digits: string | null = null, reader: LineReader | null = null): Promise<OcrPage> {
  const scale = dpi / 72; // pixels per point
  const ink = Math.min(threshold(page), 200);
  const skew = skewOf(page, ink);
  const img = Math.abs(skew) >= O.skewMin ? rotate(page, -skew) : page;
  // A ruling may be lighter than text: a web page's border="1" table draws each cell's
  // right and bottom borders in light grey (an inset border), and a thin line printed at
  // a fraction of a pixel comes out grey. Such a line is a ruling where it stands alone.
  const light = ink + (255 - ink) * O.rulingLight;
  const runs = (dir: "h" | "v") => {
    const dark = inkRuns(img, ink, dir, O.rulingMin * scale, O.rulingGap * scale);
    return [...dark, ...lightRuns(img, light, dir, O.rulingMin * scale, Math.round(O.lightOff * scale), dark)];
  };
  const rulings = tableRulings([...runs("h"), ...runs("v")], O.tableRulingMin * scale, O.tableRulingTol * scale);
  const cells = enclosed(img.width, img.height, [...rulings, ...openEnds(rulings, O.openEndTol * scale, O.openEndJoin * scale)], O.cellMin * scale);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "workplan-ocr-"));
  const folder: Resource = { kind: "dir", path: tmp };
  track(folder);
  const items: TextItem[] = [];
  /** Items read out of specks, left out of what the page gives. */
  const dropped = new Set<number>();
  const toItem = (l: OcrLine, dx: number, dy: number): TextItem => ({
    text: l.text,
    x0: (l.x0 + dx) / scale,
    x1: (l.x1 + dx) / scale,
    y0: (l.y0 + dy) / scale,
    y1: (l.y1 + dy) / scale,
    size: (l.y1 - l.y0) / scale,
    conf: l.conf,
  });
  try {
    // Each cell's inside, a few pixels in from its rulings, unless it is blank. `x`/`y`:
    // where the crop's top left stands on the page, in pixels.
    const pad = Math.ceil(scale);
    const grow = Math.round(O.edgeGrow * scale);
    const crops: Crop[] = cells
      .map((box) => {
        const [y0, y1] = grownRows(img, box.x0 + pad, box.x1 - pad, box.y0 + pad, box.y1 - pad, ink, grow);
        const x = box.x0 + pad;
        const c = crop(img, x, y0, box.x1 - pad, y1);
        // The cells inside an L-shaped region's box, whitened (with their rulings) out of its crop.
        for (const h of box.holes ?? []) whiten(c, h.x0 - pad - x, h.y0 - pad - y0, h.x1 + pad - x, h.y1 + pad - y0);
        return { box, x, y: y0, img: c };
      })
      .filter((c) => c.img.width > 0 && c.img.height > 0 && inkShare(c.img, ink) >= O.inkMin);
    let n = 0;
    /** What was read in each cell: its items' places in `items`. */
    const inCell = new Map<Box, number[]>();
    /** Recognises the crops, stacked, in `psm`, keeping lines read at least `accept` sure; the crops of which nothing was read. */
    const readCells = async (list: Crop[], psm: number, accept = 0, f = 1): Promise<Crop[]> => {
      const read = new Set<Crop>();
      // Read `f` times as large, the boxes brought back to the crop's pixels.
      const big = new Map(list.map((c) => [f === 1 ? c : { ...c, img: scaled(c.img, f) }, c]));
      for (const s of stacks([...big.keys()])) {
        const file = path.join(tmp, `cells-${n++}.pgm`);
        await writeFile(file, toPgm(s.img));
        for (const r of linesOf(await recognise(bin, file, lang, psm))) {
          const cy = (r.y0 + r.y1) / 2;
          const at = s.bands.find((b) => cy >= b.top && cy < b.top + b.height);
          const back = (v: number, o: number) => o + (v - o) / f;
          const l = !at || f === 1 ? r : { ...r, x0: back(r.x0, O.stackGap), x1: back(r.x1, O.stackGap), y0: back(r.y0, at.top), y1: back(r.y1, at.top) };
          const band = at && { ...at, crop: big.get(at.crop)! };
          // (Not in a narrow 序号 cell, whose misread digit the digits-only reading mends.)
          if (!band || l.conf < accept || (speck(l) && (band.crop.box.x1 - band.crop.box.x0) / scale > O.numberCellMax)) continue;
          const c = band.crop;
          inCell.set(c.box, [...(inCell.get(c.box) ?? []), items.length]);
          items.push(toItem(l, c.x - O.stackGap, c.y - band.top));
          read.add(c);
        }
      }
      return list.filter((c) => !read.has(c));
    };
    /**
     * Narrow cells read as one or two characters with little confidence, read again for
     * digits alone; the digits replace the reading when the recogniser is surer of them.
     * With the Latin model (`digits`): the Chinese ones, told to read digits only, guess.
     */
    const readNumbers = async () => {
      if (!digits) return;
      const retry = crops.filter((c) => {
        const at = inCell.get(c.box) ?? [];
        return numberDoubtful((c.box.x1 - c.box.x0) / scale, at.length === 0 ? null : at.length === 1 ? items[at[0]!]! : undefined);
      });
      for (const s of stacks(retry)) {
        const file = path.join(tmp, `numbers-${n++}.pgm`);
        await writeFile(file, toPgm(s.img));
        for (const l of linesOf(await recognise(bin, file, digits, PSM_BLOCK, "0123456789"))) {
          const cy = (l.y0 + l.y1) / 2;
          const band = s.bands.find((b) => cy >= b.top && cy < b.top + b.height);
          if (!band || !/^\d{1,3}$/u.test(l.text) || l.conf < O.numberAccept) continue;
          const c = band.crop;
          const at = inCell.get(c.box)?.[0];
          const was = at == null ? undefined : items[at];
          if (!was) {
            inCell.set(c.box, [items.length]);
            items.push(toItem(l, c.x - O.stackGap, c.y - band.top));
            continue;
          }
          if (l.conf <= (was.conf ?? 0)) continue;
          items[at!] = { ...was, text: l.text, conf: l.conf };
        }
      }
    };
    /**
     * Lines of cells read with little confidence, read again each on its own: in a
     * cell's reading a line now and then collapses to a character or two (和依法承担的公共
     * 服务职责，更新 → 人,更新, at 14%), or misreads characters its neighbours' context
     * led astray, that the line alone reads right. It is read at each of O.rereadScales,
     * and the surest reading kept. `lines`: each item's place in `items` and the crop of
     * its line.
     */
    const reread = async (lines: Array<{ at: number; img: Gray }>) => {
      for (const f of O.rereadScales) await rereadAt(lines.map((l) => ({ ...l, img: f === 1 ? l.img : scaled(l.img, f) })));
    };
    const rereadAt = async (lines: Array<{ at: number; img: Gray }>) => {
      for (const s of stacks(lines)) {
        const file = path.join(tmp, `lines-${n++}.pgm`);
        await writeFile(file, toPgm(s.img));
        const again = new Map<number, OcrLine[]>();
        for (const l of linesOf(await recognise(bin, file, lang, PSM_BLOCK))) {
          const cy = (l.y0 + l.y1) / 2;
          const band = s.bands.find((b) => cy >= b.top && cy < b.top + b.height);
          if (band) again.set(band.crop.at, [...(again.get(band.crop.at) ?? []), l]);
        }
        for (const [k, ls] of again) {
          const was = items[k]!;
          const conf = Math.min(...ls.map((l) => l.conf));
          if (conf <= (was.conf ?? 0)) continue;
          items[k] = { ...was, text: ls.sort((a, b) => a.y0 - b.y0).map((l) => l.text).join(""), conf };
        }
      }
    };
    const margin = Math.round(O.lineMargin * scale);
    /** Item `k`'s line of the cell crop `c`: across the cell, its height and a margin up and down. */
    const lineCrop = (k: number, c: Crop) => {
      const it = items[k]!;
      const y0 = Math.max(0, Math.round(it.y0 * scale) - c.y - margin);
      const y1 = Math.min(c.img.height, Math.round(it.y1 * scale) - c.y + margin);
      return y1 > y0 ? [{ at: k, img: crop(c.img, 0, y0, c.img.width, y1) }] : [];
    };
    /**
     * Doubtful: read with little confidence, or with far fewer characters than its box
     * holds (a CJK glyph is about as wide as the line is tall): a line that collapsed to
     * a character or two can come back fairly sure of them.
     */
    const doubtful = (k: number) => {
      const it = items[k]!;
      const room = (it.x1 - it.x0) / Math.max(1, it.y1 - it.y0);
      return (it.conf ?? 100) < O.lineRetryBelow || charCount(it.text) < room * O.collapsedShare;
    };
    /** A cell's doubtful lines, across the cell's inside; not narrow 序号 cells, which readNumbers mends. */
    const rereadCells = async () => {
      const of = new Map(crops.map((c) => [c.box, c]));
      const lines = [...inCell].flatMap(([box, at]) => {
        const c = of.get(box);
        if (!c || (box.x1 - box.x0) / scale <= O.numberCellMax) return [];
        return at.filter(doubtful).flatMap((k) => lineCrop(k, c));
      });
      await reread(lines);
    };
    /**
     * Every line of ink in every cell read by the line recogniser: a cell's lines are
     * found in its pixels (its text runs in rows, the rows apart), so no page
     * segmentation is needed, and each line is read on its own.
     */
    const readCellLines = async (r: LineReader) => {
      for (const c of crops) {
        for (const l of await readInkLines(r, c.img, ink, scale)) {
          inCell.set(c.box, [...(inCell.get(c.box) ?? []), items.length]);
          items.push(toItem(l, c.x, c.y));
        }
      }
    };
    if (reader) await readCellLines(reader);
    else {
      // Cells with ink of which the column reading got nothing (a short bold header word,
      // a lone digit: Tesseract's column segmentation drops them as noise) are read once
      // more, as uniform blocks.
      const missed = await readCells(crops, PSM_COLUMN);
      if (missed.length > 0) await readCells(missed, PSM_BLOCK);
      // Lines of a cell the cell's reading left out (a lone last character, 施 or 开。, that
      // the recogniser's line finding takes for noise) are read again, each on its own.
      const lost = crops.flatMap((c) => unreadLines(c, (inCell.get(c.box) ?? []).map((k) => items[k]!), ink, scale));
      // Each at the sizes a doubtful line is read at (rereadScales), until one reading is sure.
      let unsure = lost;
      for (const f of O.rereadScales) if (unsure.length > 0) unsure = await readCells(unsure, PSM_BLOCK, O.lineAccept, f);
      await rereadCells();
      await readNumbers();
    }
    // Specks read as characters beside a cell's lines are left out.
    for (const [box, at] of inCell) {
      const specks = at.filter((k) => stray(items[k]!, at.map((j) => items[j]!)));
      for (const k of specks) dropped.add(k);
      inCell.set(box, at.filter((k) => !dropped.has(k)));
    }
    // A quote opened on one line of a cell and closed on a later one (按照“放管 / 服”改革).
    for (const at of inCell.values()) {
      const order = [...at].sort((a, b) => items[a]!.y0 - items[b]!.y0);
      const paired = roundBrackets(pairQuotes(order.map((k) => items[k]!.text), true));
      order.forEach((k, i) => (items[k] = { ...items[k]!, text: paired[i]! }));
    }
    // The rest of the page: title, headings, prose, and cells left open at the page edge.
    const rest = { width: img.width, height: img.height, data: Uint8Array.from(img.data) };
    for (const b of cells) whiten(rest, b.x0, b.y0, b.x1, b.y1);
    const t = Math.ceil(scale);
    for (const s of rulings) {
      const [a, b] = [Math.max(0, Math.floor(s.at) - t), Math.floor(s.at) + t + 1];
      if (s.dir === "h") whiten(rest, s.from, a, s.to, b);
      else whiten(rest, a, s.from, b, s.to);
    }
    if (inkShare(rest, ink) >= O.inkMin / 10) {
      const file = path.join(tmp, "page.pgm");
      await writeFile(file, toPgm(rest));
      // (Tesseract does not read its prose lines again: measured on the prose scans, no
      // fewer errors for 70% more time. The line recogniser does, and reads them better.)
      const lines = linesOf(await recognise(bin, file, lang, PSM_AUTO));
      if (!reader) for (const l of lines) items.push(toItem(l, 0, 0));
      else {
        // Each line read again, one nothing was read on kept as Tesseract read it; quotes
        // and brackets paired within each paragraph, as Tesseract's lines are.
        const paragraphWidth = new Map<string | undefined, [number, number]>();
        for (const l of lines) {
          const w = paragraphWidth.get(l.paragraph);
          paragraphWidth.set(l.paragraph, w ? [Math.min(w[0], l.x0), Math.max(w[1], l.x1)] : [l.x0, l.x1]);
        }
        const again: OcrLine[] = [];
        for (const l of lines) {
          const got = await readAgain(reader, rest, l, paragraphWidth.get(l.paragraph)!, ink, scale);
          again.push(...(got.length > 0 ? got : [l]));
        }
        for (const l of pairByParagraph(again)) items.push(toItem(l, 0, 0));
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    untrack(folder);
  }
  const segments = rulings.map((s) => ({ ...s, at: s.at / scale, from: s.from / scale, to: s.to / scale }));
  return { items: items.filter((_, k) => !dropped.has(k)), segments, skew };
}
