// The few tree walks the HTML layout needs, over domhandler nodes. They replace
// cheerio selectors on the hot path: css-select compiles a selector into closures on
// every call, and cheerio's load() makes a new class per document, so each document
// cost V8 fresh compiles on both ends; a plain walk is compiled once per worker.

import type { AnyNode, Element, ParentNode } from "domhandler";
import { isTag } from "domhandler";

/** Every element under `root` (not `root` itself) that `keep` accepts, in document order; `first`: stop at the first. */
export function elements(root: ParentNode, keep: (el: Element) => boolean, first = false): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (keep(n)) {
      out.push(n);
      if (first) break;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** A test for `elements`: the element is named `name`. */
export function named(name: string): (el: Element) => boolean {
  return (el) => el.name === name;
}

/** The first child element of `el` named `name` (none when there is no `el`). */
export function child(el: Element | undefined, name: string): Element | undefined {
  return el?.children.find((c): c is Element => isTag(c) && c.name === name);
}

/** The child elements of `el` named one of `names`. */
export function childrenNamed(el: Element, ...names: string[]): Element[] {
  return el.children.filter((c): c is Element => isTag(c) && names.includes(c.name));
}

/** The nearest ancestor of `n` named `name`. */
export function ancestor(n: AnyNode, name: string): Element | null {
  for (let p = n.parent; p; p = p.parent) if (isTag(p) && p.name === name) return p;
  return null;
}

/** The nearest earlier sibling element of `el` named `name`. */
export function previousNamed(el: Element, name: string): Element | null {
  for (let s = el.prev; s; s = s.prev) if (isTag(s) && s.name === name) return s;
  return null;
}

/** Takes `n` out of its tree. */
export function remove(n: AnyNode): void {
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  if (n.parent) n.parent.children.splice(n.parent.children.indexOf(n), 1);
  n.prev = n.next = n.parent = null;
}
