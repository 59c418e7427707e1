// Step 2 of planning a table: the category slots — the 工作任务 cells that stand over the
// rows, level by level — as each row's category cells update them. A category printed
// again after a page break with other wording takes the new wording; one split by the
// break is joined with its rest; one printed with its parent's wording in front (two
// columns' text run together) is split back into two levels.

import { parseMarker } from "../../lexicon/markers.js";
import { compact, joinParts } from "../../text/text.js";

export interface Slot {
  text: string;
  id: number;
  marked: boolean;
  /**
   * Fragments joined into this category at a page break; printed again, they are it.
   * Present from the start (null): a property added only on the rare page-break path
   * gave slots a second shape, and V8 threw away planTable's optimized code each time
   * it met it (7 recompiles of ~90 ms per worker on the bench).
   */
  parts: Set<string> | null;
}

/** What follows `prefix` in `value`, comparing without white space; null if it is not a prefix. */
function afterPrefix(value: string, prefix: string): string | null {
  const want = compact(prefix);
  let got = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (/\s/u.test(ch)) continue;
    got += ch.normalize("NFKC");
    if (got === want) return value.slice(i + 1).trim() || null;
    if (!want.startsWith(got)) return null;
  }
  return null;
}

/**
 * A category cell at the top of a page that is the rest of one split by the page break:
 * the row is a split row, or the category above carries a heading marker and no
 * sentence end while this text has no marker (（三）加强政务信 | 息管理。).
 */
function continuesCategory(slot: Slot | undefined, value: string, splitRow: boolean): boolean {
  if (!slot || compact(slot.text) === compact(value)) return false;
  if (splitRow) return true;
  return slot.marked && !/[。；;！？.]$/u.test(slot.text.trim()) && parseMarker(value) == null;
}

export class CategorySlots {
  /** The categories over the current row, by level (a sparse array: a level may be empty). */
  private slots: Slot[] = [];
  private nextId = 1;
  /** How many tasks each category covers, by id. */
  readonly use = new Map<number, number>();
  /** Each category's text and where it was printed, by id (for the warning when it covers none). */
  readonly printed = new Map<number, { text: string; lines: number[] }>();

  /** A heading row ends every category. */
  clear(): void {
    this.slots = [];
  }

  private set(i: number, value: string, lines: number[]): void {
    const cur = this.slots[i];
    if (cur && cur.parts?.has(compact(value))) return; // a copy of a fragment joined into it
    if (cur && compact(cur.text) === compact(value)) {
      this.slots[i] = { ...cur, text: value }; // a reprint after a page break: the wording printed last wins
      return;
    }
    this.slots = this.slots.slice(0, i);
    const id = this.nextId++;
    this.slots[i] = { text: value, id, marked: parseMarker(value) != null, parts: null };
    this.printed.set(id, { text: value, lines });
  }

  /**
   * Takes a row's category cells. `pageStart`: the row opens a page; `splitRow`: it is the
   * rest of a row split by the break; `emptyMeansMerged`: the source cannot show merges,
   * so an empty cell continues the category above (else it means no category there).
   */
  update(cats: string[], lines: number[], pageStart: boolean, splitRow: boolean, emptyMeansMerged: boolean): void {
    let level = 0;
    for (const c of cats) {
      if (c && pageStart && continuesCategory(this.slots[level], c, splitRow)) {
        // Mutated in place: the tasks that already hold this category see the whole text.
        const slot = this.slots[level]!;
        slot.text = joinParts(slot.text, c);
        (slot.parts ??= new Set()).add(compact(c));
        level++;
        continue;
      }
      if (!c) {
        if (!emptyMeansMerged) this.slots = this.slots.slice(0, level);
        level++;
        continue;
      }
      let value = c;
      const parent = this.slots[level];
      const rest = parent ? afterPrefix(value, parent.text) : null;
      if (parent && rest) {
        this.set(level, parent.text, lines);
        level++;
        value = rest;
      }
      this.set(level, value, lines);
      level++;
    }
  }

  /** The categories a new task stands under; each counts one task more. */
  take(): Slot[] {
    const own = this.slots.filter(Boolean);
    for (const s of own) this.use.set(s.id, (this.use.get(s.id) ?? 0) + 1);
    return own;
  }
}
