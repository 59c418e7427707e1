// Heading markers (一、 （一） (一) 1. 1、 (1) ①) and the stack that turns a stream of
// headings into paths. Nesting is decided by the marker's style and its ordinal, not
// by wording: a style seen before goes back to that level; a list that restarts at 1
// under a heading of the same style is nested below it.

import { parseMarker, type Marker } from "../lexicon/markers.js";

export { parseMarker, type Marker };

interface Level {
  heading: string;
  marker: Marker | null;
}

export class HeadingStack {
  private levels: Level[] = [];

  get path(): string[] {
    return this.levels.map((l) => l.heading);
  }

  get depth(): number {
    return this.levels.length;
  }

  /** Pushes a heading; returns its depth (0-based). */
  push(heading: string, marker: Marker | null = parseMarker(heading)): number {
    const depth = this.levelFor(marker);
    this.levels = this.levels.slice(0, depth);
    this.levels.push({ heading, marker });
    return depth;
  }

  /**
   * The path of an item numbered with `marker`: an item that continues the list of a
   * heading (2.提升预警能力 after the heading 1.完善监测网络) ends that heading's part, as
   * the next heading of its list would.
   */
  pathFor(marker: Marker | null): string[] {
    const depth = this.levelFor(marker);
    if (depth < this.levels.length && marker && marker.ordinal !== 1) this.levels = this.levels.slice(0, depth);
    return this.path;
  }

  /** The depth a heading with this marker takes. */
  private levelFor(marker: Marker | null): number {
    if (!marker) return this.levels.length;
    // Innermost level of the same style whose ordinal this one continues or repeats.
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const m = this.levels[i]!.marker;
      if (!m || m.style !== marker.style) continue;
      if (marker.ordinal === m.ordinal + 1 || marker.ordinal === m.ordinal) return i;
      if (marker.ordinal === 1) return this.levels.length; // a new list under this one
      return i; // a gap in the numbering: still the same list
    }
    return this.levels.length;
  }

}
