// The extent of a set of page items: loops, not Math.max(...xs) — a spread passes every
// value as an argument, and a page of 200,000 rulings or text runs overflows the stack.

export function maxOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = -Infinity;
  for (const x of xs) {
    const v = f(x);
    if (v > m) m = v;
  }
  return m;
}

export function minOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = Infinity;
  for (const x of xs) {
    const v = f(x);
    if (v < m) m = v;
  }
  return m;
}
