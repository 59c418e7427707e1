import { describe, expect, it } from "vitest";
import { mapX, mapY, viewOf, type Matrix } from "./page.js";

const apply = (m: Matrix, x: number, y: number): [number, number] => [mapX(m, x, y), mapY(m, x, y)];

// A crop box off the origin, as scanners and imposition tools leave them.
const box: [number, number, number, number] = [10, 20, 610, 820];

describe("viewOf", () => {
  it.each([
    [0, [10, 820]],
    [90, [10, 20]],
    [180, [610, 20]],
    [270, [610, 820]],
  ] as const)("/Rotate %i puts the right corner of the box at the top left", (rotate, [x, y]) => {
    const v = viewOf(box, rotate);
    expect(apply(v.t, x, y).map((n) => Math.abs(n))).toEqual([0, 0]);
    expect([v.width, v.height]).toEqual(rotate % 180 === 0 ? [600, 800] : [800, 600]);
  });

  it("maps the whole box onto the page shown, y going down", () => {
    for (const rotate of [0, 90, 180, 270, -90, 450]) {
      const v = viewOf(box, rotate);
      const corners = [[10, 20], [610, 20], [10, 820], [610, 820]].map(([x, y]) => apply(v.t, x!, y!).map((n) => Math.round(Math.abs(n))));
      expect(new Set(corners.map((c) => c.join(",")))).toEqual(new Set(["0,0", `${v.width},0`, `0,${v.height}`, `${v.width},${v.height}`]));
    }
    // Text higher on an unrotated page is higher on the screen: a smaller y.
    const v = viewOf(box, 0);
    expect(apply(v.t, 100, 700)[1]).toBeLessThan(apply(v.t, 100, 300)[1]);
  });
});
