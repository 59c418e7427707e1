// Traditional → simplified for the characters the lexicon's words use, so that the
// lexicon is written once, in simplified characters, and matches traditional notices too
// (重點任務, 負責科室, 縣財政局牽頭落實). Every mapping is one character to one character,
// so a simplified copy of a text has the same length and the same indices: a match found
// in the copy cuts the text as printed, which is what the output keeps.

const PAIRS =
  "續续長长態态時时進进實实發发內内週周後后個个間间辦办結结單单負负責责務务點点體体項项況况備备註注領领導导" +
  "聯联繫系協协門门處处層层節节當当據据標标準准舉举類类別别號号編编牽牵頭头從从與与參参開开啟启頒颁佈布屆届" +
  "說说議议規规劃划執执現现狀状塊块請请職职縣县區区鄉乡鎮镇國国廳厅機机構构組组關关隊队會会廠厂館馆團团園园" +
  "銀银員员設设規规劃划廣广東东書书記记計计財财稅税務务農农業业衛卫醫医資资產产環环護护態态質质監监審审統统" +
  "電电網网訊讯經经濟济築筑發发養养禮礼戶户轄辖並并歸归應应對对將将為为於于這这個个們们來来時时點点報报紙纸" +
  "盡尽積积極极壞坏區区兒儿兩两萬万雙双號号價价錢钱貿贸區区傳传專专車车軌轨鐵铁輛辆運运";

const MAP: Record<string, string> = {};
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP[PAIRS[i]!] = PAIRS[i + 1]!;

export function toSimplified(s: string): string {
  let out = "";
  for (const ch of s) out += MAP[ch] ?? ch;
  return out;
}
