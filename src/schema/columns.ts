// The flat columns of a plan (CSV and the xlsx workbook's tasks sheet), keyed as the README's
// "CSV columns" lists them, with their Chinese titles (--lang zh, and always in a workbook).
// One table for the writers and for the reader that reads workplan's own workbook back.

export type Lang = "en" | "zh";

const ZH = {
  source: "来源文件", planTitle: "计划标题", planYear: "计划年份", number: "序号", title: "名称", text: "具体要求",
  unitsText: "责任单位原文", units: "单位", unit: "单位", role: "角色", lead: "牵头单位", support: "配合单位", responsible: "负责单位",
  deadlineText: "完成时限", deadlineKind: "时限类型", deadlineDate: "截止日期", status: "完成情况", remarks: "备注", extra: "其他列", lines: "源文件行号",
} as const satisfies Readonly<Record<string, string>>;

const LEVEL_KEY = /^level(\d+)$/u;
const LEVEL_ZH = /^第(\d+)级分类$/u;

/** A column key's title in a language. */
export function columnTitle(key: string, lang: Lang): string {
  if (lang === "en") return key;
  const level = LEVEL_KEY.exec(key);
  return level ? `第${level[1]}级分类` : Object.hasOwn(ZH, key) ? ZH[key as keyof typeof ZH] : key;
}

/** The key of a Chinese or English column title (the inverse of columnTitle), or null. */
export function columnKey(title: string): string | null {
  const level = LEVEL_ZH.exec(title) ?? LEVEL_KEY.exec(title);
  if (level) return `level${level[1]}`;
  for (const [k, v] of Object.entries(ZH)) if (v === title && k !== "unit") return k;
  return Object.hasOwn(ZH, title) ? title : null;
}

/** The path level of a level key ("level2" → 2), or null. */
export function levelOf(key: string): number | null {
  const m = LEVEL_KEY.exec(key);
  return m ? Number(m[1]) : null;
}

/** The title of the warnings sheet's columns, in order. */
export const WARNING_COLUMNS = [ZH.source, "代码", "说明", "行号", "页"] as const;
/** The title of the units sheet's columns after the optional source column, in order. */
export const UNIT_COLUMNS = [ZH.number, ZH.text, ZH.unit, ZH.role] as const;
/** The workbook's sheet names. */
export const SHEETS = { tasks: "tasks", units: "units", warnings: "warnings" } as const;
