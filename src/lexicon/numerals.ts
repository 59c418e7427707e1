// Chinese numerals as notices write them: 一 to 九十九 in headings and dates (十一, 二十五),
// 〇/零/○ in years (二〇二〇).

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Parses 1–99 written in Arabic digits or Chinese numerals (十一, 二十五); null for anything else. */
export function parseSmallNumber(s: string): number | null {
  if (/^\d+$/u.test(s)) return Number(s);
  if (!/^[一二两三四五六七八九十]+$/u.test(s)) return null;
  if (s === "十") return 10;
  const i = s.indexOf("十");
  if (i < 0) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null;
  const tens = i === 0 ? 1 : (CN_DIGITS[s[0] ?? ""] ?? 0);
  const ones = i === s.length - 1 ? 0 : (CN_DIGITS[s[i + 1] ?? ""] ?? 0);
  return tens * 10 + ones;
}

/** Digits of a year written in Chinese numerals (二〇一九). */
export const YEAR_DIGITS: Record<string, string> = { 〇: "0", 零: "0", "○": "0", Ｏ: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/** 2019 or 二〇一九 → 2019. */
export function yearNumber(s: string): number {
  return Number(/^\d+$/u.test(s) ? s : [...s].map((c) => YEAR_DIGITS[c] ?? "").join(""));
}
