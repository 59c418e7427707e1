// Which legacy Chinese encoding undeclared bytes are in: GB18030 (and its subsets GBK,
// GB2312) or Big5. Both tables accept most byte strings, so the question is which
// decoding reads as Chinese. Chinese running text, simplified or traditional, draws most
// of its characters from a few hundred very common ones (the list below covers roughly
// three in four characters of ordinary prose); bytes decoded with the wrong table —
// Big5 read as GB18030 or the reverse, Japanese or Korean double-byte text, Latin or
// Cyrillic code pages — give ideographs spread over the whole table, few of them common.

const SIMPLIFIED =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

// The same characters in their traditional forms, where they differ.
const TRADITIONAL =
  "這為個國時來們對會發動過說產種後學經進著電裡現實兩體機當點從業應開還們義與關間樣數問條沒結員題黨總長頭資邊級圖統較將組見計別論運農幾區強決幹戰則據處隊給門規熱領東導壓爭濟階術極聯認權證轉單風帶場車務萬達積議聲報鬥類離華確張馬節話況溫傳許廣記織裝影眾書複兒須際驗連斷難礦辦習響勞團歷構稱準號維劃選標寫親養層專狀廠識適屬圓調滿縣參紅細聽該鐵價嚴";

const BASE = 0x4e00;
const common = new Uint8Array(0xa000 - BASE);
for (const ch of SIMPLIFIED + TRADITIONAL) common[ch.codePointAt(0)! - BASE] = 1;

export interface Reading {
  /** Ideographs in the decoded text. */
  ideographs: number;
  /** Share of them among the common characters, 0 to 1. */
  commonShare: number;
}

/** How Chinese a decoded text reads. */
export function readingOf(text: string): Reading {
  let ideographs = 0;
  let hits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - BASE;
    if (c < 0 || c >= common.length) continue;
    ideographs++;
    hits += common[c]!;
  }
  return { ideographs, commonShare: ideographs === 0 ? 0 : hits / ideographs };
}

/** Fewer ideographs than this say nothing about the table they came from. */
const MIN_IDEOGRAPHS = 4;
/** Real text sits far above this (0.5–0.8 in notices); wrong tables far below (< 0.2). */
const MIN_SHARE = 0.35;

export type LegacyEncoding = "gb18030" | "big5";

/**
 * The decoding of `bytes` that reads as Chinese, or null when none does (or the bytes
 * are valid in neither table). GB18030 wins a tie: mainland notices are the common case.
 */
export function decodeLegacy(bytes: Uint8Array): { text: string; encoding: LegacyEncoding } | null {
  let best: { text: string; encoding: LegacyEncoding; share: number } | null = null;
  for (const encoding of ["gb18030", "big5"] as const) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    const { ideographs, commonShare } = readingOf(text);
    if (ideographs < MIN_IDEOGRAPHS || commonShare < MIN_SHARE) continue;
    if (!best || commonShare > best.share) best = { text, encoding, share: commonShare };
  }
  return best && { text: best.text, encoding: best.encoding };
}
