import { describe, expect, it } from "vitest";
import { pdfEngine } from "./engine.js";

// core-js replaces push because V8's push() with no arguments on an array with a
// read-only length does not throw; its own (slow) push does. Which one answers tells
// whose push the thread now runs.
function pushIsNative(): boolean {
  try {
    Object.defineProperty([], "length", { writable: false }).push();
    return true;
  } catch {
    return false;
  }
}

describe("pdfEngine", () => {
  it("leaves the thread's own Array.prototype.push and JSON.parse in place", async () => {
    const parse = JSON.parse;
    const pdfjs = await pdfEngine();
    expect(typeof pdfjs.getDocument).toBe("function");
    expect(pushIsNative()).toBe(true);
    expect(JSON.parse).toBe(parse);
    expect(await pdfEngine()).toBe(pdfjs);
  });
});
