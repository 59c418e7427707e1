// The stream names of an OLE compound file (Word 97–2003 .doc, Excel .xls, WPS .wps and
// .et, PowerPoint .ppt all are one): enough to tell which program wrote it. Reads the
// header, the FAT sectors it lists and the directory chain, with every offset and chain
// length checked, since the file is untrusted.

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
/** Directory entries read at most: real documents have a few dozen. */
const MAX_ENTRIES = 4096;

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The names of the streams and storages in the file; [] when its structure cannot be read. */
export function oleNames(bytes: Uint8Array): string[] {
  if (!isOle(bytes)) return [];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sectorAt = (n: number) => (n + 1) * size;
  // The first 109 FAT sector numbers sit in the header; that covers files up to ~7 MB
  // with 512-byte sectors, and the directory chain starts early in every real file.
  const fatSectors: number[] = [];
  const fatCount = Math.min(buf.readUInt32LE(0x2c), 109);
  for (let i = 0; i < fatCount; i++) fatSectors.push(buf.readUInt32LE(0x4c + i * 4));
  const perFat = size / 4;
  const next = (sector: number): number | null => {
    const fat = fatSectors[Math.floor(sector / perFat)];
    if (fat == null) return null;
    const at = sectorAt(fat) + (sector % perFat) * 4;
    return at + 4 <= buf.length ? buf.readUInt32LE(at) : null;
  };
  const names: string[] = [];
  let sector = buf.readUInt32LE(0x30);
  const seen = new Set<number>();
  while (sector !== END_OF_CHAIN && names.length < MAX_ENTRIES) {
    if (seen.has(sector)) break; // a loop in the chain
    seen.add(sector);
    const start = sectorAt(sector);
    if (start + size > buf.length) break;
    for (let at = start; at < start + size; at += 128) {
      const len = buf.readUInt16LE(at + 0x40);
      const type = buf[at + 0x42];
      if (type === 0 || len < 2 || len > 64) continue; // an unused entry
      names.push(buf.toString("utf16le", at, at + len - 2));
    }
    const n = next(sector);
    if (n == null) break;
    sector = n;
  }
  return names;
}
