// How alike two requirement texts are, for matching one year's tasks to the next: the
// Dice coefficient of their character bigrams (Chinese has no spaces to split words at,
// and bigrams capture most two-character words), after NFKC and with white space and
// punctuation removed, so that a re-flowed or re-punctuated text is the same text.

export function normalizeText(s: string | null): string {
  return (s ?? "").normalize("NFKC").replace(/[\s\p{P}\p{S}]+/gu, "");
}

export type Bigrams = Map<string, number>;

export function bigrams(s: string): Bigrams {
  const out: Bigrams = new Map();
  const chars = [...s];
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient, 0 (nothing shared) to 1 (the same bigrams). */
export function dice(a: Bigrams, b: Bigrams): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of a.values()) sizeA += n;
  for (const [g, n] of b) {
    sizeB += n;
    const m = a.get(g);
    if (m) shared += Math.min(m, n);
  }
  return sizeA + sizeB === 0 ? 1 : (2 * shared) / (sizeA + sizeB);
}
