// A .docx is a zip archive: this lists it from its central directory and inflates the
// parts asked for with node:zlib. jszip inflated in JavaScript (pako): 10 ms for a
// 0.5 MB document.xml, and every worker compiled pako again. Only what a reader of
// Word files needs: stored and deflated entries, zip64 sizes; no encryption.

import { createInflateRaw, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** As the archive declares it; checked when the entry is inflated. */
  size: number;
  /** Of the entry's local header. */
  offset: number;
}

/** The archive is damaged or uses what this reader does not read; the message says which. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError("a zip64 size past any real file");
  return Number(v);
}

function within(buf: Buffer, at: number, length: number, what: string): void {
  if (at < 0 || length < 0 || at + length > buf.length) throw new ZipError(`${what} lies outside the file`);
}

/** Where the central directory starts, its size and its number of entries. */
function directory(buf: Buffer): { start: number; size: number; count: number } {
  // The end record is the last 22 bytes, or sits before a comment of up to 64 KiB.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("no end of central directory (truncated?)");
  let count = buf.readUInt16LE(end + 10);
  let size = buf.readUInt32LE(end + 12);
  let start = buf.readUInt32LE(end + 16);
  const locator = end - 20;
  const hasLocator = locator >= 0 && buf.readUInt32LE(locator) === EOCD64_LOCATOR;
  // 65,535 entries is a count an ordinary archive can hold: zip64 only if its record is there.
  if (hasLocator || size === MAX32 || start === MAX32) {
    if (!hasLocator) throw new ZipError("a zip64 archive without its zip64 end record");
    const at = u64(buf, locator + 8);
    within(buf, at, 56, "the zip64 end record");
    if (buf.readUInt32LE(at) !== EOCD64) throw new ZipError("a damaged zip64 end record");
    count = u64(buf, at + 32);
    size = u64(buf, at + 40);
    start = u64(buf, at + 48);
  }
  within(buf, start, size, "the central directory");
  return { start, size, count };
}

/** The archive's entries by name (the first of a repeated name), read from its central directory; `maxEntries` is checked before any is read. */
export function listZip(buf: Buffer, maxEntries: number): { entries: Map<string, ZipEntry>; count: number } {
  const { start, size, count } = directory(buf);
  const entries = new Map<string, ZipEntry>();
  if (count > maxEntries) return { entries, count };
  let p = start;
  for (let i = 0; i < count; i++) {
    within(buf, p, 46, "a central directory entry");
    if (p + 46 > start + size || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError("a damaged central directory");
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    within(buf, p + 46, nameLength + extraLength + commentLength, "a central directory entry");
    const e: ZipEntry = {
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
    };
    // zip64: the sizes and offset that did not fit in 32 bits follow in an extra field, in
    // this order; a field is read only as far as both its own length and the extra area go.
    const extraEnd = p + 46 + nameLength + extraLength;
    for (let x = p + 46 + nameLength; x + 4 <= extraEnd; ) {
      const id = buf.readUInt16LE(x);
      const len = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        const fieldEnd = Math.min(x + 4 + len, extraEnd);
        const next = (): number => {
          if (f + 8 > fieldEnd) throw new ZipError("a damaged zip64 extra field");
          const v = u64(buf, f);
          f += 8;
          return v;
        };
        if (e.size === MAX32) e.size = next();
        if (e.compressedSize === MAX32) e.compressedSize = next();
        if (e.offset === MAX32) e.offset = next();
      }
      x += 4 + len;
    }
    if (!entries.has(e.name)) entries.set(e.name, e);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, count };
}

/** The compressed bytes of an entry, checked to lie inside the archive. */
function entryData(buf: Buffer, e: ZipEntry): Buffer {
  if (e.flags & 1) throw new ZipError("the entry is encrypted");
  within(buf, e.offset, 30, "an entry's local header");
  if (buf.readUInt32LE(e.offset) !== LOCAL) throw new ZipError("a damaged local header");
  const data = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  within(buf, data, e.compressedSize, "an entry's data");
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`compression method ${e.method}, which Word does not write`);
  return buf.subarray(data, data + e.compressedSize);
}

/** Entries up to this size (bytes inflated) are inflated in one call; larger ones stream. */
const STREAM_FROM = 16 * 1024 * 1024;

/**
 * An entry's content, inflated, handed to `onChunk` piece by piece: a part of hundreds of
 * megabytes is never whole in memory. Never more than the entry declares.
 */
export async function streamEntry(buf: Buffer, e: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
  if (e.size <= STREAM_FROM) return onChunk(readEntry(buf, e));
  const raw = entryData(buf, e);
  if (e.method === 0) {
    if (raw.length !== e.size) throw new ZipError("uncompressed data size mismatch");
    for (let at = 0; at < raw.length; at += 1 << 20) onChunk(raw.subarray(at, at + (1 << 20)));
    return;
  }
  // zlib keeps the stream for a while after it ends, and with it whatever its listeners
  // reach: the reader and all it built. So the listeners reach the reader only through
  // `deliver`, which is cut when the stream is done.
  let deliver: ((chunk: Buffer) => void) | null = onChunk;
  await new Promise<void>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 1 << 20 });
    let total = 0;
    const finish = (err: Error | null) => {
      if (!deliver) return;
      deliver = null;
      z.removeAllListeners();
      z.on("error", () => undefined);
      if (err) {
        z.destroy();
        reject(err);
      } else resolve();
    };
    z.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > e.size) return finish(new ZipError("inflates past its declared size"));
      try {
        deliver?.(chunk);
      } catch (err) {
        finish(err instanceof Error ? err : new Error(String(err)));
      }
    });
    z.on("error", (err) => finish(new ZipError(`corrupt deflate data (${err.message})`)));
    z.on("end", () => finish(total === e.size ? null : new ZipError("uncompressed data size mismatch")));
    z.end(raw);
  });
}

/** One entry's content, inflated; never more than it declares. */
export function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  const raw = entryData(buf, e);
  let out: Buffer;
  if (e.method === 0) out = raw;
  else {
    try {
      // A bound of one byte past the declared size: a lying size fails below, it never inflates on.
      out = inflateRawSync(raw, { maxOutputLength: e.size + 1 });
    } catch (err) {
      if (err instanceof RangeError) throw new ZipError("inflates past its declared size");
      throw new ZipError(`corrupt deflate data (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (out.length !== e.size) throw new ZipError("uncompressed data size mismatch");
  return out;
}
