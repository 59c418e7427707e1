import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeLegacy, readingOf } from "./legacy.js";

const gbk = new Uint8Array(readFileSync("fixtures/encodings/000-gbk.txt"));
const big5 = new Uint8Array(readFileSync("fixtures/encodings/traditional-big5.txt"));

describe("decodeLegacy", () => {
  it("reads GBK bytes as GB18030 and Big5 bytes as Big5", () => {
    expect(decodeLegacy(gbk)?.encoding).toBe("gb18030");
    expect(decodeLegacy(gbk)?.text).toBe(readFileSync("fixtures/seeds/000_992a28b6471132da.txt", "utf8"));
    expect(decodeLegacy(big5)?.encoding).toBe("big5");
    expect(decodeLegacy(big5)?.text).toBe(readFileSync("fixtures/layouts/traditional.txt", "utf8"));
  });

  it("tells right from wrong table by how common the ideographs are", () => {
    const right = readingOf(new TextDecoder("gb18030").decode(gbk));
    const wrong = readingOf(new TextDecoder("big5").decode(gbk));
    expect(right.commonShare).toBeGreaterThan(0.6);
    expect(wrong.commonShare).toBeLessThan(0.15);
    expect(wrong.ideographs).toBeGreaterThan(1000);
  });

  it.each(["not-chinese-sjis.txt", "not-chinese-euckr.txt", "not-chinese-cp1251.txt"])("refuses %s", (f) => {
    expect(decodeLegacy(new Uint8Array(readFileSync(`fixtures/encodings/${f}`)))).toBeNull();
  });

  it("reads a short GBK table, refuses a few stray high bytes", () => {
    const short = new Uint8Array(Buffer.from("d0f2bac509c8cecef10a3109b9abbfaad4a4cbe3", "hex")); // 序号\t任务\n1\t公开预算
    expect(decodeLegacy(short)?.text).toBe("序号\t任务\n1\t公开预算");
    expect(decodeLegacy(new Uint8Array([0x41, 0xb0, 0xa1, 0x42]))).toBeNull();
  });
});
