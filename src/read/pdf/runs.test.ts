import { describe, expect, it } from "vitest";
import { stringOf } from "./runs.js";

describe("a run's text from its code points", () => {
  it("builds short and very long runs alike, characters outside the BMP included", () => {
    const line = "一、政务公开𠀀 2019 年";
    const codes = [...line].map((ch) => ch.codePointAt(0)!);
    expect(stringOf(codes)).toBe(line);
    const long = Array.from({ length: 10_000 }, (_, i) => codes[i % codes.length]!);
    const expected = [...line.repeat(Math.ceil(10_000 / codes.length))].slice(0, 10_000).join("");
    expect(stringOf(long)).toBe(expected);
    expect(stringOf([])).toBe("");
  });
});
