import type { Element } from "domhandler";
import { parseHtml } from "../read/html/parse.js";
import { describe, expect, it } from "vitest";
import { ancestor, child, childrenNamed, elements, previousNamed, remove } from "./dom.js";

const page = (html: string) => parseHtml(html);
const names = (els: Element[]) => els.map((e) => e.attribs["id"] ?? e.name);

describe("tree walks over a parsed page", () => {
  it("lists elements in document order, nested ones after their parent, and can stop at the first", () => {
    const doc = page('<table id="a"><tr><td><table id="b"><tr><td>x</td></tr></table></td></tr></table><table id="c"></table>');
    expect(names(elements(doc, (e) => e.name === "table"))).toEqual(["a", "b", "c"]);
    expect(names(elements(doc, (e) => e.name === "table", true))).toEqual(["a"]);
  });

  it("finds the nearest table of a nested row, and the table before a table", () => {
    const doc = page('<table id="a"><tr id="r1"><td><table id="b"><tr id="r2"><td>x</td></tr></table></td></tr></table><p>t</p><table id="c"></table>');
    const [r1, r2] = elements(doc, (e) => e.name === "tr");
    expect(ancestor(r1!, "table")?.attribs["id"]).toBe("a");
    expect(ancestor(r2!, "table")?.attribs["id"]).toBe("b");
    const c = elements(doc, (e) => e.attribs["id"] === "c")[0]!;
    expect(previousNamed(c, "table")?.attribs["id"]).toBe("a");
    expect(previousNamed(c, "p")?.name).toBe("p");
    expect(child(r1!, "td")?.name).toBe("td");
    expect(child(r1!, "th")).toBeUndefined();
    expect(child(undefined, "td")).toBeUndefined();
  });

  it("takes an element out of its tree and mends its siblings' links", () => {
    const doc = page('<div id="d"><p id="x">1</p><nav id="n">menu</nav><p id="y">2</p></div>');
    const [x, n, y] = elements(doc, (e) => ["x", "n", "y"].includes(e.attribs["id"] ?? ""));
    remove(n!);
    expect(names(childrenNamed(ancestor(x!, "div")!, "p", "nav"))).toEqual(["x", "y"]);
    expect(x!.next).toBe(y);
    expect(y!.prev).toBe(x);
    expect(n!.parent).toBeNull();
  });
});
