import { describe, expect, it } from "vitest";
import { pairDocuments } from "./pairs.js";

describe("pairing two folders' documents", () => {
  it("by path without extension, then without years; the rest on one side", () => {
    const p = pairDocuments(["plan.pdf.json", "铅山县2019年要点.json", "附件/分工.json", "old.json"], ["plan.pdf", "铅山县2020年要点.docx", "附件/分工.json", "new.json"]);
    expect(p.pairs).toEqual([["plan.pdf.json", "plan.pdf"], ["铅山县2019年要点.json", "铅山县2020年要点.docx"], ["附件/分工.json", "附件/分工.json"]]);
    expect(p.onlyA).toEqual(["old.json"]);
    expect(p.onlyB).toEqual(["new.json"]);
  });

  it("--pair rules first: the capture groups are the key", () => {
    const p = pairDocuments(["a-2019-x.json", "b.json"], ["z-2020-x.json", "b.json"], [/-\d{4}-(\w+)\./u]);
    expect(p.pairs).toEqual([["a-2019-x.json", "z-2020-x.json"], ["b.json", "b.json"]]);
  });

  it("each document pairs once", () => {
    const p = pairDocuments(["plan2019.json", "plan2018.json"], ["plan2020.json"]);
    expect(p.pairs).toEqual([["plan2019.json", "plan2020.json"]]);
    expect(p.onlyA).toEqual(["plan2018.json"]);
  });
});
