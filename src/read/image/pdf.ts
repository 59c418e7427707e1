// A page image (JPEG, PNG) as a one-page PDF around it, so that PDFium decodes and
// renders it and the scanned-PDF path (OCR, grid from the pixels) reads it. The image
// data goes in as it is wherever PDF can carry it: a JPEG is a DCTDecode stream, a PNG's
// IDAT is a FlateDecode stream with PNG predictors (the same filters); only a PNG with
// an alpha channel is decoded, to drop the channel.

import { inflateSync, deflateSync } from "node:zlib";
import { WorkplanError } from "../../model/errors.js";
import { A4_SHORT_PT } from "../../model/geometry.js";

/** Pixels an image may have at most: more than a page scanned at 600 dpi (A3), and PDFium decodes it whole. */
export const MAX_IMAGE_PIXELS = 80_000_000;
/** Inches: an image that says nothing usable of its resolution is taken as a page this wide (A4's short side). */
const PAGE_WIDTH_IN = A4_SHORT_PT / 72;
/** dpi. A declared resolution outside this is no scanner's (72: a camera's or an editor's default). */
const PLAUSIBLE_DPI = [100, 1200] as const;

interface Image {
  width: number;
  height: number;
  /** Declared resolution, if any. */
  dpi: number | null;
  /** The image XObject's dictionary entries (without Width, Height, Length) and its stream. */
  dict: string;
  data: Buffer;
}

function jpeg(b: Buffer, file: string): Image {
  let dpi: number | null = null;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) throw new WorkplanError("invalidInput", `${file}: a damaged JPEG (no marker at byte ${i})`);
    const marker = b[i + 1]!;
    const len = b.readUInt16BE(i + 2);
    if (marker === 0xe0 && b.subarray(i + 4, i + 9).toString("latin1") === "JFIF\0") {
      const unit = b[i + 11];
      const x = b.readUInt16BE(i + 12);
      if (unit === 1) dpi = x;
      if (unit === 2) dpi = x * 2.54;
    }
    // Start of frame (baseline, extended, progressive): the size and the components.
    if (marker >= 0xc0 && marker <= 0xc2) {
      const height = b.readUInt16BE(i + 5);
      const width = b.readUInt16BE(i + 7);
      const comps = b[i + 9]!;
      const space = comps === 1 ? "/DeviceGray" : comps === 3 ? "/DeviceRGB" : comps === 4 ? "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]" : null;
      if (!space) throw new WorkplanError("invalidInput", `${file}: a JPEG with ${comps} colour components`);
      return { width, height, dpi, dict: `/ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode`, data: b };
    }
    i += 2 + len;
  }
  throw new WorkplanError("invalidInput", `${file}: a damaged JPEG (no frame header)`);
}

/** PNG's filters undone (one byte of filter type before each row), for an image whose alpha is dropped. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const v = raw[src + x]!;
      let p = 0;
      if (type === 1) p = a;
      else if (type === 2) p = b;
      else if (type === 3) p = (a + b) >> 1;
      else if (type === 4) {
        const q = a + b - c;
        const pa = Math.abs(q - a), pb = Math.abs(q - b), pc = Math.abs(q - c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (v + p) & 0xff;
    }
  }
  return out;
}

function png(b: Buffer, file: string): Image {
  let width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  let dpi: number | null = null;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let i = 8; i + 8 <= b.length; ) {
    const len = b.readUInt32BE(i);
    const kind = b.subarray(i + 4, i + 8).toString("latin1");
    const body = b.subarray(i + 8, i + 8 + len);
    if (kind === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8]!;
      type = body[9]!;
      interlace = body[12]!;
    } else if (kind === "pHYs" && body[8] === 1) dpi = body.readUInt32BE(0) * 0.0254;
    else if (kind === "PLTE") palette = Buffer.from(body);
    else if (kind === "IDAT") idat.push(body);
    else if (kind === "IEND") break;
    i += 12 + len;
  }
  if (width === 0 || height === 0 || idat.length === 0) throw new WorkplanError("invalidInput", `${file}: a damaged PNG (no header or no image data)`);
  if (interlace) throw new WorkplanError("invalidInput", `${file}: an interlaced PNG: save it without interlacing (or as JPEG) and convert that`);
  if (width * height > MAX_IMAGE_PIXELS) throw new WorkplanError("invalidInput", `${file}: an image of ${width} × ${height} pixels (at most ${MAX_IMAGE_PIXELS / 1e6} Mpx)`);
  const data = Buffer.concat(idat);
  const colors = type === 0 ? 1 : type === 2 ? 3 : type === 3 ? 1 : type === 4 ? 2 : type === 6 ? 4 : 0;
  if (colors === 0) throw new WorkplanError("invalidInput", `${file}: a PNG of unknown colour type ${type}`);
  if (type === 4 || type === 6) {
    if (depth !== 8) throw new WorkplanError("invalidInput", `${file}: a ${depth}-bit PNG with transparency`);
    // Drop the alpha channel (a scan has none worth keeping): decoded, then stored raw.
    const px = unfilter(inflateSync(data), width, height, colors);
    const keep = colors - 1;
    const out = Buffer.alloc(width * height * keep);
    for (let p = 0, q = 0; p < px.length; p += colors) for (let k = 0; k < keep; k++) out[q++] = px[p + k]!;
    return { width, height, dpi, dict: `/ColorSpace ${keep === 1 ? "/DeviceGray" : "/DeviceRGB"} /BitsPerComponent 8 /Filter /FlateDecode`, data: deflateSync(out) };
  }
  const space = type === 3 && palette ? `[/Indexed /DeviceRGB ${palette.length / 3 - 1} <${palette.toString("hex")}>]` : colors === 1 ? "/DeviceGray" : "/DeviceRGB";
  return { width, height, dpi, dict: `/ColorSpace ${space} /BitsPerComponent ${depth} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent ${depth} /Columns ${width} >>`, data };
}

/** The page size in points: from the declared resolution when it is a scanner's, else as an A4 page. */
function pageSize(img: Image): [number, number] {
  const dpi = img.dpi != null && img.dpi >= PLAUSIBLE_DPI[0] && img.dpi <= PLAUSIBLE_DPI[1] ? img.dpi : Math.min(img.width, img.height) / PAGE_WIDTH_IN;
  return [(img.width * 72) / dpi, (img.height * 72) / dpi];
}

/** A one-page PDF showing the image over the whole page. */
export function imagePdf(bytes: Uint8Array, file: string, kind: "PNG" | "JPEG"): Uint8Array {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let img: Image;
  try {
    img = kind === "PNG" ? png(b, file) : jpeg(b, file);
  } catch (e) {
    if (e instanceof WorkplanError) throw e;
    // A length or offset past the end of the bytes: a truncated file.
    throw new WorkplanError("invalidInput", `${file}: a damaged ${kind} (truncated)`, { cause: e });
  }
  if (img.width * img.height > MAX_IMAGE_PIXELS) throw new WorkplanError("invalidInput", `${file}: an image of ${img.width} × ${img.height} pixels (at most ${MAX_IMAGE_PIXELS / 1e6} Mpx)`);
  const [w, h] = pageSize(img).map((v) => Number(v.toFixed(2))) as [number, number];
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  const put = (x: string | Buffer) => {
    const buf = typeof x === "string" ? Buffer.from(x, "latin1") : x;
    parts.push(buf);
    at += buf.length;
  };
  const obj = (n: number, body: string, stream?: Buffer) => {
    offsets[n] = at;
    put(`${n} 0 obj\n${body}\n`);
    if (stream) {
      put("stream\n");
      put(stream);
      put("\nendstream\n");
    }
    put("endobj\n");
  };
  put("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n");
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  obj(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`);
  obj(4, `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} ${img.dict} /Length ${img.data.length} >>`, img.data);
  obj(5, `<< /Length ${content.length} >>`, Buffer.from(content, "latin1"));
  const xref = at;
  put(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`);
  put(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}
