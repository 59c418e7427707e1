import { describe, expect, it } from "vitest";
import { kindOf, pick } from "./affinity.js";

const jobs = (...kinds: string[]) => kinds.map((kind) => ({ kind }));

describe("worker affinity", () => {
  it("a file's kind is its extension, in lower case; none without one", () => {
    expect(kindOf("archive/2019/plan.PDF")).toBe(".pdf");
    expect(kindOf("a.b/scan0001")).toBe("");
    expect(kindOf("dir\\x.Docx")).toBe(".docx");
    expect(kindOf(".hidden")).toBe("");
  });

  it("a worker takes the oldest file of its own kind, else of a kind nobody has, else the oldest", () => {
    const owner = new Map([[".pdf", 0], [".txt", 1]]);
    expect(pick(jobs(".txt", ".txt", ".pdf", ".html"), owner, 0, 2)).toBe(2);
    expect(pick(jobs(".pdf", ".txt", ".txt"), owner, 1, 2)).toBe(1);
    expect(pick(jobs(".txt", ".html", ".docx"), owner, 0, 2)).toBe(1);
    expect(pick(jobs(".txt", ".txt"), owner, 0, 2)).toBe(0);
  });

  it("one worker takes files in order", () => {
    expect(pick(jobs(".txt", ".pdf"), new Map([[".pdf", 0]]), 0, 1)).toBe(0);
  });
});
