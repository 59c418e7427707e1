// Traditional → simplified for the characters that matter when *matching* header words
// and deadline phrases. Output text keeps the characters as printed.

const MAP: Record<string, string> = {
  續: "续", 長: "长", 態: "态", 時: "时", 進: "进", 實: "实", 發: "发", 內: "内", 週: "周", 後: "后", 個: "个",
  間: "间", 辦: "办", 結: "结", 單: "单", 負: "负", 責: "责", 務: "务", 點: "点", 體: "体", 項: "项",
  況: "况", 備: "备", 註: "注", 領: "领", 導: "导", 聯: "联", 繫: "系", 協: "协", 門: "门", 處: "处", 層: "层",
  節: "节", 當: "当", 據: "据", 標: "标", 準: "准", 舉: "举", 類: "类", 別: "别", 號: "号", 編: "编",
  牽: "牵", 頭: "头", 從: "从", 與: "与", 參: "参", 開: "开", 啟: "启", 頒: "颁", 佈: "布", 屆: "届",
  說: "说", 議: "议", 規: "规", 劃: "划", 執: "执", 現: "现", 狀: "状", 塊: "块", 請: "请",
};

export function toSimplified(s: string): string {
  let out = "";
  for (const ch of s) out += MAP[ch] ?? ch;
  return out;
}
