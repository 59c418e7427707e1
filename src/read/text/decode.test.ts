import { describe, expect, it } from "vitest";
import { decode } from "./decode.js";

const notice = "某市2021年政务公开工作要点\n一、加强政策解读\n（一）做好解读工作。（市政府办公室牵头落实）\n";

describe("decode", () => {
  it("reads UTF-8 with and without BOM", async () => {
    const bytes = new TextEncoder().encode(notice);
    expect(await decode(bytes, "a.txt")).toEqual({ text: notice, encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(await decode(bom, "a.txt")).toEqual({ text: notice, encoding: "utf-8-bom" });
  });

  it("reads UTF-16 LE and BE, with a BOM or without one", async () => {
    const le = Buffer.from(notice, "utf16le");
    expect((await decode(new Uint8Array([0xff, 0xfe, ...le]), "a.txt")).text).toBe(notice);
    const be = Buffer.from(le).swap16();
    expect((await decode(new Uint8Array([0xfe, 0xff, ...be]), "a.txt")).text).toBe(notice);
    const ascii = "1\tabc\tdef\n".repeat(20);
    expect(await decode(new Uint8Array(Buffer.from(ascii, "utf16le")), "a.txt")).toEqual({ text: ascii, encoding: "utf-16le" });
  });

  it("rejects binary data and bytes in no CJK encoding, naming the file", async () => {
    await expect(decode(new Uint8Array([0x25, 0x00, 0x01, 0x02, 0xff, 0x00, 0x13]), "x.txt")).rejects.toThrow(/x\.txt: binary data/u);
    const latin = new Uint8Array(Buffer.from("Café crème brûlée à la carte, déjà vu ".repeat(10), "latin1"));
    await expect(decode(latin, "y.txt")).rejects.toThrow(/y\.txt: unknown text encoding/u);
  });
});
