import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { listZip, readEntry, ZipError } from "./zip.js";

const real = readFileSync("fixtures/docx/000_992a28b6471132da.docx");

/** A one-entry archive written by hand; `zip64` moves its sizes, offset and count to zip64 records. */
function archive(name: string, content: Buffer, opts: { method?: 0 | 8; flags?: number; zip64?: boolean } = {}): Buffer {
  const method = opts.method ?? 8;
  const data = method === 8 ? deflateRawSync(content) : content;
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(opts.flags ?? 0, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(n.length, 26);
  const z = opts.zip64 ?? false;
  const extra = Buffer.alloc(z ? 28 : 0);
  if (z) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(content.length), 4);
    extra.writeBigUInt64LE(BigInt(data.length), 12);
    extra.writeBigUInt64LE(0n, 20);
  }
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(opts.flags ?? 0, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(z ? 0xffffffff : data.length, 20);
  central.writeUInt32LE(z ? 0xffffffff : content.length, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt16LE(extra.length, 30);
  central.writeUInt32LE(z ? 0xffffffff : 0, 42);
  const cdStart = local.length + n.length + data.length;
  const cd = Buffer.concat([central, n, extra]);
  const tail: Buffer[] = [];
  if (z) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(1n, 24);
    rec.writeBigUInt64LE(1n, 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(cdStart), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(cdStart + cd.length), 8);
    tail.push(rec, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(z ? 0xffff : 1, 8);
  end.writeUInt16LE(z ? 0xffff : 1, 10);
  end.writeUInt32LE(z ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(z ? 0xffffffff : cdStart, 16);
  return Buffer.concat([local, n, data, cd, ...tail, end]);
}

const xml = Buffer.from('<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:body></w:document>');

describe("zip archives", () => {
  it("lists a Word file's parts and inflates document.xml", () => {
    const { entries, count } = listZip(real, 10_000);
    expect(count).toBe(entries.size);
    expect([...entries.keys()]).toContain("word/document.xml");
    expect(readEntry(real, entries.get("word/document.xml")!).toString("utf8")).toMatch(/^<\?xml[^]*<w:body>/u);
  });

  it("reads stored and deflated entries, and zip64 sizes and offsets", () => {
    for (const opts of [{ method: 0 as const }, { method: 8 as const }, { zip64: true }]) {
      const buf = archive("word/document.xml", xml, opts);
      const e = listZip(buf, 10).entries.get("word/document.xml")!;
      expect(e.size, JSON.stringify(opts)).toBe(xml.length);
      expect(readEntry(buf, e).equals(xml), JSON.stringify(opts)).toBe(true);
    }
  });

  it("says what is wrong: truncated, a size that lies either way, encrypted, another method", () => {
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ZipError);
        return (e as Error).message;
      }
      throw new Error("no error");
    };
    expect(fail(() => listZip(real.subarray(0, real.length / 2), 10_000))).toMatch(/no end of central directory/u);
    const buf = archive("a.xml", xml);
    const e = listZip(buf, 10).entries.get("a.xml")!;
    expect(fail(() => readEntry(buf, { ...e, size: 10 }))).toMatch(/inflates past its declared size/u);
    expect(fail(() => readEntry(buf, { ...e, size: xml.length + 100 }))).toMatch(/size mismatch/u);
    expect(fail(() => readEntry(buf, { ...e, compressedSize: buf.length }))).toMatch(/outside the file/u);
    const locked = archive("a.xml", xml, { flags: 1 });
    expect(fail(() => readEntry(locked, listZip(locked, 10).entries.get("a.xml")!))).toMatch(/encrypted/u);
    const odd = archive("a.xml", xml, { method: 0 });
    expect(fail(() => readEntry(odd, { ...listZip(odd, 10).entries.get("a.xml")!, method: 12 }))).toMatch(/compression method 12/u);
  });

  it("counts the entries before it reads any", () => {
    const { entries, count } = listZip(real, 2);
    expect(count).toBeGreaterThan(2);
    expect(entries.size).toBe(0);
  });
});
