// A grey page image and the few operations reading a scan needs: the threshold between
// ink and paper, the skew, and turning the page straight.

import { OCR_SETTINGS as O } from "./settings.js";

/** 8-bit grey, one byte per pixel, rows top down; 0 is black. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Otsu's threshold: ink is every grey below the level returned (the best split of ink from paper, plus one). */
export function threshold(img: Gray): number {
  const hist = new Float64Array(256);
  // Every 3rd pixel each way is enough for a histogram and nine times faster.
  for (let y = 0; y < img.height; y += 3) for (let x = 0; x < img.width; x += 3) hist[img.data[y * img.width + x]!]!++;
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v]!;
    sum += v * hist[v]!;
  }
  let best = 128;
  let bestVar = -1;
  let wB = 0;
  let sumB = 0;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best + 1;
}

/**
 * The page's skew in degrees (positive: the text rises to the right), from the rows of
 * ink: sheared by the right angle, the lines of text and the rulings fall into the
 * fewest rows, so the sum of squared row counts is largest (a projection profile).
 * Measured on a copy reduced 4 × each way.
 */
export function skewOf(img: Gray, ink: number): number {
  const f = 4;
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (img.data[y * f * img.width + x * f]! < ink) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length === 0) return 0;
  const rows = new Float64Array(h * 2 + 2);
  let best = 0;
  let bestScore = -1;
  for (let a = -O.maxSkew; a <= O.maxSkew + 1e-9; a += O.skewStep) {
    const t = Math.tan((a * Math.PI) / 180);
    rows.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round(ys[i]! + xs[i]! * t + h / 2);
      if (r >= 0 && r < rows.length) rows[r]!++;
    }
    let score = 0;
    for (let r = 0; r < rows.length; r++) score += rows[r]! * rows[r]!;
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return Math.round(best * 100) / 100;
}

/** The image turned by `deg` degrees about its centre (nearest pixel; paper white where nothing comes in). */
export function rotate(img: Gray, deg: number): Gray {
  const out = new Uint8Array(img.width * img.height).fill(255);
  const t = (deg * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = img.width / 2;
  const cy = img.height / 2;
  for (let y = 0; y < img.height; y++) {
    const dy = y - cy;
    for (let x = 0; x < img.width; x++) {
      const dx = x - cx;
      // The source pixel that lands on (x, y).
      const sx = Math.round(cx + dx * cos - dy * sin);
      const sy = Math.round(cy + dx * sin + dy * cos);
      if (sx >= 0 && sy >= 0 && sx < img.width && sy < img.height) out[y * img.width + x] = img.data[sy * img.width + sx]!;
    }
  }
  return { width: img.width, height: img.height, data: out };
}

/** The image as binary PGM (P5), a format every Tesseract build reads (through Leptonica). */
export function toPgm(img: Gray): Buffer {
  const head = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, "ascii");
  return Buffer.concat([head, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength)]);
}

/** The box (pixels, clipped to the image) painted white, in place. */
export function whiten(img: Gray, x0: number, y0: number, x1: number, y1: number): void {
  const [a, b] = [Math.max(0, Math.floor(x0)), Math.max(0, Math.floor(y0))];
  const [c, d] = [Math.min(img.width, Math.ceil(x1)), Math.min(img.height, Math.ceil(y1))];
  if (c > a) for (let y = b; y < d; y++) img.data.fill(255, y * img.width + a, y * img.width + c);
}

/** The part of the image in the box (pixels, clipped to the image). */
export function crop(img: Gray, x0: number, y0: number, x1: number, y1: number): Gray {
  const a = Math.max(0, Math.floor(x0));
  const b = Math.max(0, Math.floor(y0));
  const w = Math.max(0, Math.min(img.width, Math.ceil(x1)) - a);
  const h = Math.max(0, Math.min(img.height, Math.ceil(y1)) - b);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(img.data.subarray((b + y) * img.width + a, (b + y) * img.width + a + w), y * w);
  return { width: w, height: h, data };
}

/** The image scaled by `f` (bilinear): a line read again larger, where its strokes at the scan's resolution are few pixels. */
export function scaled(img: Gray, f: number): Gray {
  const width = Math.max(1, Math.round(img.width * f));
  const height = Math.max(1, Math.round(img.height * f));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(img.height - 1, (y + 0.5) / f - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = Math.max(0, sy - y0);
    for (let x = 0; x < width; x++) {
      const sx = Math.min(img.width - 1, (x + 0.5) / f - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(img.width - 1, x0 + 1);
      const wx = Math.max(0, sx - x0);
      const a = img.data[y0 * img.width + x0]! * (1 - wx) + img.data[y0 * img.width + x1]! * wx;
      const b = img.data[y1 * img.width + x0]! * (1 - wx) + img.data[y1 * img.width + x1]! * wx;
      data[y * width + x] = Math.round(a * (1 - wy) + b * wy);
    }
  }
  return { width, height, data };
}
