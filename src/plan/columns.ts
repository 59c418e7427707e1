// Header words → output fields. Notices name the same column many ways (and in
// traditional characters); anything not recognised goes to `extra` under its header.

import { toSimplified } from "../normalize/hant.js";
import { compact } from "../normalize/text.js";

export type Field = "number" | "task" | "text" | "units" | "deadline" | "status" | "remarks" | "people";

const RULES: Array<[Field, RegExp]> = [
  ["number", /^(?:序号|序號|编号|編號|序|No\.?|项次|項次)$/iu],
  ["people", /(?:领导|領導|责任人|責任人|负责人|負責人|联系人|聯繫人)/u],
  ["status", /(?:完成情况|完成情況|进展情况|進展情況|落实情况|落實情況|推进情况|推進情況|进度|進度|完成进度|工作进展)/u],
  ["remarks", /^(?:备注|備註|備注|说明|說明)$/u],
  ["deadline", /(?:时限|時限|时间|時間|期限|时序|時序|日期|节点|節點)/u],
  ["units", /(?:单位|單位|部门|部門|科室|主体|主體|处室|處室|责任方|牵头|牽頭|配合|协同|協同)/u],
  ["text", /(?:要求|内容|內容|措施|举措|舉措|目标|目標|标准|標準|工作任务|工作任務|任务内容|具体|具體)/u],
  ["task", /(?:任务|任務|事项|事項|类别|類別|项目|項目|工作|重点|重點|领域|領域|板块|板塊)/u],
];

/** The field a header cell names, or null for an unknown column (kept in `extra`). */
export function fieldOfHeader(header: string): Field | null {
  const h = toSimplified(compact(header));
  if (!h) return null;
  // "工作任务" names the category column unless the table has no other text column;
  // 具体要求/工作内容 name the requirement text.
  if (/^(?:工作任务|工作任務|重点任务|重點任務|主要任务|主要任務|任务|任務|重点工作|重點工作|工作事项|工作事項|任务名称|任務名稱|类别|類別|项目|項目|重点领域|重點領域)$/u.test(h)) return "task";
  if (/^(?:进度安排|时间安排|时间进度|进度要求|完成进度要求)$/u.test(h)) return "deadline";
  for (const [field, re] of RULES) if (re.test(h)) return field;
  return null;
}

/** A cell that is plainly a column header word (short, and a known field). */
export function isHeaderWord(text: string): boolean {
  const h = compact(text);
  return h.length > 0 && h.length <= 12 && fieldOfHeader(h) != null;
}
