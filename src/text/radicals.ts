// PDFs made by Chromium (and some fonts elsewhere) map glyphs back to radical code
// points instead of the ideographs: ⼯ (U+2F2F) for 工, ⻅ (U+2EC5) for 见. Kangxi
// radicals fold to their ideographs under NFKC; the radicals supplement mostly does
// not, so its simplified forms are listed here (from their Unicode names).

const SUPPLEMENT: Record<string, string> = {
  "\u2e9f": "母", "\u2ea0": "民", "\u2ea6": "丬", "\u2eb0": "纟", "\u2ec3": "西", "\u2ec4": "西", "\u2ec5": "见",
  "\u2ec6": "角", "\u2ec8": "讠", "\u2ec9": "贝", "\u2ecb": "车", "\u2ecc": "辶", "\u2ed0": "钅", "\u2ed3": "长",
  "\u2ed4": "门", "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2ee0": "饣", "\u2ee2": "马",
  "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾", "\u2eec": "齐",
  "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟",
};

const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/gu;

export function unradical(s: string): string {
  return s.replace(RADICAL, (ch) => SUPPLEMENT[ch] ?? (ch >= "\u2f00" ? ch.normalize("NFKC") : ch));
}
