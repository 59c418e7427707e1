// Government bodies by their standard full names and the short forms notices print for
// them (市发改委 / 市发展改革委 / 市发展和改革委员会 are one body), and the renamings of the
// 2018 reform of Party and state institutions (and of 2021's 乡村振兴), kept as a dated
// history: a body before the reform is not the body after it (市环保局 is not merged into
// 市生态环境局), but a diff of a 2017 plan against a 2019 one can say that one took over
// from the other. Only the forms a body's name ends with are listed, so that the place
// or level before them (攀枝花市, 县, 各县区) stays as printed. Names are compared in
// simplified characters; traditional forms (縣發展和改革局) map to the same body.

import { toSimplified } from "../text/hant.js";

export interface Body {
  /** The standard full name's ending: 发展和改革委员会. */
  full: string;
  /** Other endings notices print for it: 发展改革委, 发改委. */
  forms: readonly string[];
}

/** Bodies with more than one usual form, each defined once. */
export const BODIES: readonly Body[] = [
  { full: "发展和改革委员会", forms: ["发展改革委员会", "发展和改革委", "发展改革委", "发改委"] },
  { full: "发展和改革局", forms: ["发展改革局", "发改局"] },
  { full: "人力资源和社会保障局", forms: ["人力资源社会保障局", "人力资源与社会保障局", "人力社保局", "人社局"] },
  { full: "人力资源和社会保障厅", forms: ["人力资源社会保障厅", "人社厅"] },
  { full: "卫生健康委员会", forms: ["卫生和健康委员会", "卫生健康委", "卫健委"] },
  { full: "卫生健康局", forms: ["卫健局"] },
  { full: "市场监督管理局", forms: ["市场监管局"] },
  { full: "住房和城乡建设局", forms: ["住房城乡建设局", "住建局"] },
  { full: "住房和城乡建设厅", forms: ["住房城乡建设厅", "住建厅"] },
  { full: "经济和信息化局", forms: ["经济信息化局", "经信局"] },
  { full: "经济和信息化委员会", forms: ["经济信息化委员会", "经济和信息化委", "经信委"] },
  { full: "工业和信息化局", forms: ["工业信息化局", "工信局"] },
  { full: "教育和体育局", forms: ["教育体育局", "教体局"] },
  { full: "文化广电和旅游局", forms: ["文化广电旅游局", "文广旅游局", "文广旅局"] },
  { full: "文化和旅游局", forms: ["文化旅游局", "文旅局"] },
  { full: "退役军人事务局", forms: ["退役军人局"] },
  { full: "应急管理局", forms: ["应急局"] },
  { full: "医疗保障局", forms: ["医保局"] },
  { full: "民族宗教事务局", forms: ["民宗局"] },
  { full: "科学技术局", forms: ["科技局"] },
  { full: "机关事务管理局", forms: ["机关事务局"] },
  { full: "行政审批服务局", forms: ["行政审批局"] },
  { full: "数据资源管理局", forms: ["数据资源局"] },
  { full: "政务服务管理局", forms: ["政务服务局"] },
  { full: "城市管理局", forms: ["城管局"] },
  { full: "林业和草原局", forms: ["林草局"] },
  { full: "地方金融监督管理局", forms: ["地方金融监管局", "金融监管局"] },
  { full: "国有资产监督管理委员会", forms: ["国资委"] },
  { full: "人民防空办公室", forms: ["人防办"] },
  { full: "外事办公室", forms: ["外事办"] },
  { full: "残疾人联合会", forms: ["残联"] },
  { full: "妇女联合会", forms: ["妇联"] },
  { full: "工商业联合会", forms: ["工商联"] },
  { full: "科学技术协会", forms: ["科协"] },
  { full: "供销合作社联合社", forms: ["供销社"] },
  { full: "人民政府办公室", forms: ["政府办公室", "政府办"] },
  { full: "人民政府", forms: ["政府"] },
  // Bodies the reforms renamed or merged, with their own short forms (history below).
  { full: "卫生和计划生育委员会", forms: ["卫生计生委", "卫计委"] },
  { full: "卫生和计划生育局", forms: ["卫生计生局", "卫计局"] },
  { full: "环境保护局", forms: ["环保局"] },
  { full: "环境保护厅", forms: ["环保厅"] },
  { full: "国土资源局", forms: ["国土局"] },
  { full: "国土资源厅", forms: ["国土厅"] },
  { full: "农业委员会", forms: ["农委"] },
  { full: "工商行政管理局", forms: ["工商局"] },
  { full: "质量技术监督局", forms: ["质监局"] },
  { full: "食品药品监督管理局", forms: ["食品药品监管局", "食药监局"] },
  { full: "安全生产监督管理局", forms: ["安全监管局", "安监局"] },
  { full: "旅游发展委员会", forms: ["旅发委"] },
  { full: "法制办公室", forms: ["法制办"] },
  { full: "国家税务局", forms: ["国税局"] },
  { full: "地方税务局", forms: ["地税局"] },
  { full: "金融工作办公室", forms: ["金融办"] },
  { full: "扶贫开发办公室", forms: ["扶贫办"] },
];

export interface Renaming {
  from: string;
  to: string;
  year: number;
}

/**
 * Bodies the institutional reforms replaced, with what took over their work and when:
 * the national reform of 2018 and the local ones that followed it in 2018–2019 (dated
 * 2018), and 2021's 乡村振兴局. A place's own reform may differ (some merged 规划 into
 * 自然资源和规划局): this history explains a change, it never renames a unit.
 */
export const RENAMINGS: readonly Renaming[] = [
  { from: "卫生和计划生育委员会", to: "卫生健康委员会", year: 2018 },
  { from: "卫生和计划生育局", to: "卫生健康局", year: 2018 },
  { from: "环境保护局", to: "生态环境局", year: 2018 },
  { from: "环境保护厅", to: "生态环境厅", year: 2018 },
  { from: "国土资源局", to: "自然资源局", year: 2018 },
  { from: "国土资源厅", to: "自然资源厅", year: 2018 },
  { from: "农业局", to: "农业农村局", year: 2018 },
  { from: "农业委员会", to: "农业农村局", year: 2018 },
  { from: "工商行政管理局", to: "市场监督管理局", year: 2018 },
  { from: "质量技术监督局", to: "市场监督管理局", year: 2018 },
  { from: "食品药品监督管理局", to: "市场监督管理局", year: 2018 },
  { from: "安全生产监督管理局", to: "应急管理局", year: 2018 },
  { from: "旅游发展委员会", to: "文化和旅游局", year: 2018 },
  { from: "旅游局", to: "文化和旅游局", year: 2018 },
  { from: "法制办公室", to: "司法局", year: 2018 },
  { from: "国家税务局", to: "税务局", year: 2018 },
  { from: "地方税务局", to: "税务局", year: 2018 },
  { from: "金融工作办公室", to: "地方金融监督管理局", year: 2018 },
  { from: "扶贫开发办公室", to: "乡村振兴局", year: 2021 },
];

/** What may stand before a body's ending: nothing, a level or place word's last character, or 国家/各. */
const BEFORE_BODY = /(?:^|[省市县区州旗盟镇乡]\)?|国家|街道|各)$/u;

/** Every ending, longest first, with the full name it stands for (a full name stands for itself). */
const ENDINGS: ReadonlyArray<readonly [string, string]> = BODIES.flatMap((b) => [b.full, ...b.forms].map((f) => [f, b.full] as const)).sort((x, y) => y[0].length - x[0].length);

/** A name as compared: NFKC, simplified characters, no white space. */
export const comparable = (name: string) => toSimplified(name.normalize("NFKC")).replace(/\s+/gu, "");

/**
 * A unit's standard name: the place or level as printed, then the body's full name
 * (市发改委 → 市发展和改革委员会, 縣政府 → 县人民政府); a name of no known body as it
 * compares (simplified, without white space).
 */
export function standardName(name: string): string {
  const s = comparable(name);
  for (const [ending, full] of ENDINGS) {
    if (!s.endsWith(ending)) continue;
    const rest = s.slice(0, s.length - ending.length);
    if (BEFORE_BODY.test(rest)) return rest + full;
  }
  return s;
}

/** The renaming that replaced the body a standard name ends with, and the successor's name at the same place. */
export function renamingOf(standard: string): (Renaming & { successor: string }) | null {
  for (const r of RENAMINGS) {
    if (!standard.endsWith(r.from)) continue;
    const rest = standard.slice(0, standard.length - r.from.length);
    if (BEFORE_BODY.test(rest)) return { ...r, successor: rest + r.to };
  }
  return null;
}
