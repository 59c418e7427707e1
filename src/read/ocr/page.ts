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
import { enclosed, inkRuns, openEnds, type Box } from "./grid.js";
import { crop, rotate, skewOf, threshold, toPgm, type Gray } from "./image.js";
import { OCR_SETTINGS as O } from "./settings.js";
import { linesOf, recognise, type OcrLine } from "./tesseract.js";

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
function stacks(crops: Crop[]): Array<{ img: Gray; bands: Array<{ top: number; crop: Crop; height: number }> }> {
  const out: Array<{ img: Gray; bands: Array<{ top: number; crop: Crop; height: number }> }> = [];
  let group: Crop[] = [];
  let height = O.stackGap;
  const flush = () => {
    if (group.length === 0) return;
    const width = Math.max(...group.map((c) => c.img.width)) + 2 * O.stackGap;
    const data = new Uint8Array(width * height).fill(255);
    const bands: Array<{ top: number; crop: Crop; height: number }> = [];
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

/**
 * A line the Chinese models read out of specks: a few Latin letters or marks, none of
 * them sure (a scanner's noise over two lines of a cell read as "at"). Dropped, its
 * lines are found again as unread and read one by one.
 */
export function speck(l: Pick<OcrLine, "text" | "conf">): boolean {
  return l.conf < O.speckBelow && [...l.text.replace(/\s+/gu, "")].length <= O.speckMaxChars && !/[\u3400-\u9fff\d]/u.test(l.text);
}

/**
 * The lines of ink in a cell's crop that nothing read covers, each cropped on its own
 * with a margin: rows with ink, in runs at least O.lineMin tall (a glyph, not a speck),
 * runs closer than O.lineJoin joined (the strokes of 三 are one line).
 */
function unreadLines(c: Crop, read: readonly TextItem[], ink: number, scale: number): Crop[] {
  const { width, height, data } = c.img;
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
  const margin = Math.round(O.lineMargin * scale);
  return runs
    .filter(([a, b]) => b - a >= O.lineMin * scale)
    .filter(([a, b]) => !read.some((t) => Math.min(b, t.y1 * scale - c.y) - Math.max(a, t.y0 * scale - c.y) >= (b - a) / 2))
    .map(([a, b]) => {
      const y0 = Math.max(0, a - margin);
      const y1 = Math.min(height, b + margin);
      return { box: c.box, x: c.x, y: c.y + y0, img: crop(c.img, 0, y0, width, y1) };
    });
}

/**
 * Reads a page image rendered at `dpi`. `bin`/`lang`: the recogniser and its models.
 * Coordinates come back in points of the page as shown.
 */
export async function ocrPage(page: Gray, dpi: number, bin: string, lang: string, digits: string | null = null): Promise<OcrPage> {
  const scale = dpi / 72; // pixels per point
  const ink = Math.min(threshold(page), 200);
  const skew = skewOf(page, ink);
  const img = Math.abs(skew) >= O.skewMin ? rotate(page, -skew) : page;
  const rulings = [...inkRuns(img, ink, "h", O.rulingMin * scale, O.rulingGap * scale), ...inkRuns(img, ink, "v", O.rulingMin * scale, O.rulingGap * scale)];
  const cells = enclosed(img.width, img.height, [...rulings, ...openEnds(rulings, O.openEndTol * scale, O.openEndJoin * scale)], O.cellMin * scale);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "workplan-ocr-"));
  const folder: Resource = { kind: "dir", path: tmp };
  track(folder);
  const items: TextItem[] = [];
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
    const crops: Crop[] = cells
      .map((box) => ({ box, x: box.x0 + pad, y: box.y0 + pad, img: crop(img, box.x0 + pad, box.y0 + pad, box.x1 - pad, box.y1 - pad) }))
      .filter((c) => c.img.width > 0 && c.img.height > 0 && inkShare(c.img, ink) >= O.inkMin);
    let n = 0;
    /** What was read in each cell: its items' places in `items`. */
    const inCell = new Map<Box, number[]>();
    /** Recognises the crops, stacked, in `psm`, keeping lines read at least `accept` sure; the crops of which nothing was read. */
    const readCells = async (list: Crop[], psm: number, accept = 0): Promise<Crop[]> => {
      const read = new Set<Crop>();
      for (const s of stacks(list)) {
        const file = path.join(tmp, `cells-${n++}.pgm`);
        await writeFile(file, toPgm(s.img));
        for (const l of linesOf(await recognise(bin, file, lang, psm))) {
          const cy = (l.y0 + l.y1) / 2;
          const band = s.bands.find((b) => cy >= b.top && cy < b.top + b.height);
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
      const doubtful = crops.filter((c) => {
        const at = inCell.get(c.box) ?? [];
        const only = at.length === 1 ? items[at[0]!]! : null;
        return only != null && (c.box.x1 - c.box.x0) / scale <= O.numberCellMax && [...only.text.replace(/\s+/gu, "")].length <= 2 && !/\d/u.test(only.text) && (only.conf ?? 100) < O.numberRetryBelow;
      });
      for (const s of stacks(doubtful)) {
        const file = path.join(tmp, `numbers-${n++}.pgm`);
        await writeFile(file, toPgm(s.img));
        for (const l of linesOf(await recognise(bin, file, digits, PSM_BLOCK, "0123456789"))) {
          const cy = (l.y0 + l.y1) / 2;
          const band = s.bands.find((b) => cy >= b.top && cy < b.top + b.height);
          const at = band ? inCell.get(band.crop.box)?.[0] : undefined;
          const was = at == null ? undefined : items[at];
          if (!was || !/^\d{1,3}$/u.test(l.text) || l.conf < O.numberAccept || l.conf <= (was.conf ?? 0)) continue;
          items[at!] = { ...was, text: l.text, conf: l.conf };
        }
      }
    };
    // Cells with ink of which the column reading got nothing (a short bold header word,
    // a lone digit: Tesseract's column segmentation drops them as noise) are read once
    // more, as uniform blocks.
    const missed = await readCells(crops, PSM_COLUMN);
    if (missed.length > 0) await readCells(missed, PSM_BLOCK);
    // Lines of a cell the cell's reading left out (a lone last character, 施 or 开。, that
    // the recogniser's line finding takes for noise) are read again, each on its own.
    const lost = crops.flatMap((c) => unreadLines(c, (inCell.get(c.box) ?? []).map((k) => items[k]!), ink, scale));
    if (lost.length > 0) await readCells(lost, PSM_BLOCK, O.lineAccept);
    await readNumbers();
    // The rest of the page: title, headings, prose, and cells left open at the page edge.
    const rest = { width: img.width, height: img.height, data: Uint8Array.from(img.data) };
    for (const b of cells) for (let y = b.y0; y < Math.min(b.y1, rest.height); y++) rest.data.fill(255, y * rest.width + b.x0, y * rest.width + Math.min(b.x1, rest.width));
    const t = Math.ceil(scale);
    for (const s of rulings) {
      for (let a = Math.max(0, Math.floor(s.at) - t); a <= Math.floor(s.at) + t; a++) {
        if (s.dir === "h" && a < rest.height) rest.data.fill(255, a * rest.width + s.from, a * rest.width + s.to);
        if (s.dir === "v" && a < rest.width) for (let k = s.from; k < s.to; k++) rest.data[k * rest.width + a] = 255;
      }
    }
    if (inkShare(rest, ink) >= O.inkMin / 10) {
      const file = path.join(tmp, "page.pgm");
      await writeFile(file, toPgm(rest));
      for (const l of linesOf(await recognise(bin, file, lang, PSM_AUTO))) items.push(toItem(l, 0, 0));
    }
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    untrack(folder);
  }
  const segments = rulings.map((s) => ({ ...s, at: s.at / scale, from: s.from / scale, to: s.to / scale }));
  return { items, segments, skew };
}
