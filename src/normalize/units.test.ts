import { describe, expect, it } from "vitest";
import { splitUnits, withRolePhrasesRead } from "./units.js";

const short = (cell: string, role?: "lead" | "support" | "responsible") =>
  splitUnits(cell, role).map((u) => `${u.name}/${u.role[0]}`);

describe("splitUnits (FORMAT.md Units)", () => {
  it("splits on 、，,；; and line breaks, not on 和 or 及", () => {
    expect(short("市人力资源和社会保障局、市财政局，各县区政府;市税务局\n市医保局")).toEqual([
      "市人力资源和社会保障局/r", "市财政局/r", "各县区政府/r", "市税务局/r", "市医保局/r",
    ]);
  });

  it("joins a name whose line break falls inside it (the head of a name, then its end), and splits at a break between names", () => {
    expect(short("县农业\n技术推广中心")).toEqual(["县农业技术推广中心/r"]);
    expect(short("区文旅局、区体育\n发展中心")).toEqual(["区文旅局/r", "区体育发展中心/r"]);
    expect(short("区发改委\n区统计局")).toEqual(["区发改委/r", "区统计局/r"]);
    // A line that is a requirement's words, not a name's head, stays apart.
    expect(short("各街道\n社区居委会")).toEqual(["各街道/r", "社区居委会/r"]);
  });

  it("reads lead phrases, applying a trailing phrase to the whole list", () => {
    expect(short("县发展改革委、县民政局分别牵头落实")).toEqual(["县发展改革委/l", "县民政局/l"]);
    expect(short("市扶贫移民局、财政局、民政局、按照职责分工分别牵头落实")).toEqual(["市扶贫移民局/l", "市财政局/l", "市民政局/l"]);
    expect(short("由市财政局牵头")).toEqual(["市财政局/l"]);
  });

  it("reads support phrases, 协同, and every name of a 会同 list", () => {
    expect(short("市财政局、发展改革委分别牵头，人力资源社会保障局、地税局等部门配合")).toEqual([
      "市财政局/l", "市发展改革委/l", "市人力资源社会保障局/s", "市地税局/s",
    ]);
    expect(short("市发展改革委、公共资源交易中心牵头，会同市农牧局、林业局等部门落实")).toEqual([
      "市发展改革委/l", "市公共资源交易中心/l", "市农牧局/s", "市林业局/s",
    ]);
    expect(short("市网信办协同")).toEqual(["市网信办/s"]);
  });

  it("reads responsible phrases, and no phrase as the default role", () => {
    expect(short("各县(区)人民政府， 市级各部门负责落实， 市政府新闻办配合")).toEqual([
      "各县(区)人民政府/r", "市级各部门/r", "市政府新闻办/s",
    ]);
    expect(short("各乡镇（中心），县直各单位按职责分别负责落实")).toEqual(["各乡镇（中心）/r", "县直各单位/r"]);
    expect(short("市审计局落实")).toEqual(["市审计局/r"]);
    expect(short("市财政局", "lead")).toEqual(["市财政局/l"]);
  });

  it("ends a list at a role phrase even without a separator", () => {
    expect(short("市电子政务办分别牵头落实各县（区）人民政府、市级各部门负责落实")).toEqual([
      "市电子政务办/l", "各县（区）人民政府/r", "市级各部门/r",
    ]);
  });

  it("expands a parenthesised list of examples with the outer role", () => {
    expect(short("市发改委牵头,市直有关单位(市住建局、市交通运输局、市水利局等)负责落实")).toEqual([
      "市发改委/l", "市直有关单位/r", "市住建局/r", "市交通运输局/r", "市水利局/r",
    ]);
  });

  it("keeps parentheses that hold one name or only level words", () => {
    expect(short("各县（区）人民政府、各县（市、区）政府、县财政局（金融办）、各乡镇（中心）")).toEqual([
      "各县（区）人民政府/r", "各县（市、区）政府/r", "县财政局（金融办）/r", "各乡镇（中心）/r",
    ]);
  });

  it("drops 等 and what follows it in the same name", () => {
    expect(short("市卫健委等公共企事业单位行政主管部门,各县市区政府")).toEqual(["市卫健委/r", "各县市区政府/r"]);
  });

  it("joins a bare level word with its neighbours", () => {
    expect(short("市市场监管局,各县、市、区政府")).toEqual(["市市场监管局/r", "各县市区政府/r"]);
  });

  it("drops sentence punctuation and spaces inside names", () => {
    expect(short("人力资源 和社会保障局。")).toEqual(["人力资源和社会保障局/r"]);
    expect(short("市发展改革委、人力资源 和社会保障局、财 政局、人 民银行攀枝花中心 支行等部门按照职 责分工分别牵头落 实")).toEqual([
      "市发展改革委/l", "市人力资源和社会保障局/l", "市财政局/l", "人民银行攀枝花中心支行/l",
    ]);
  });

  it("expands abbreviated siblings with the first prefix, only for 局委办厅室中心部 names", () => {
    expect(short("县总医院、疾控中心、供电公司、县教体局、发改委")).toEqual([
      "县总医院/r", "县疾控中心/r", "供电公司/r", "县教体局/r", "县发改委/r",
    ]);
    expect(short("市发展改革委、国家税务总局、人民银行、各县区政府、中心医院")).toEqual([
      "市发展改革委/r", "国家税务总局/r", "人民银行/r", "各县区政府/r", "中心医院/r",
    ]);
  });

  it("works on traditional characters", () => {
    expect(short("縣財政局、縣稅務局牽頭落實")).toEqual(["縣財政局/l", "縣稅務局/l"]);
  });
});

describe("headerRole (a unit column's or label's default role)", () => {
  it("牵头 → lead, 配合/协同 → support, anything else → responsible", async () => {
    const { headerRole } = await import("../lexicon/roles.js");
    expect(["牵头单位", "牵头责任单位", "牽頭單位"].map(headerRole)).toEqual(["lead", "lead", "lead"]);
    expect(["配合单位", "协同责任单位", "协办单位"].map(headerRole)).toEqual(["support", "support", "support"]);
    expect(["责任单位", "责任部门", "負責科室"].map(headerRole)).toEqual(["responsible", "responsible", "responsible"]);
  });
});

describe("recognised role phrases one character off", () => {
  it.each([
    ["市教育体育局牵头落头", "市教育体育局牵头落实"],
    ["市扶贫移民局、民政局替头落实", "市扶贫移民局、民政局牵头落实"],
    ["市发展改革委、财政局按照职责分工分别牵头落买", "市发展改革委、财政局按照职责分工分别牵头落实"],
    // Each list of a cell ends in its own phrase.
    ["市财政局牵头落实，各乡镇配合落头", "市财政局牵头落实，各乡镇配合落实"],
  ])("%s → %s", (read, printed) => {
    expect(withRolePhrasesRead(read)).toBe(printed);
  });
  it.each([
    // Read right, two characters off (牵头沙头), a short phrase (码头 is a word), or no unit name before it.
    ["市教育体育局牵头落实"], ["市教育体育局牵头沙头"], ["市港航局码头"], ["加快推进落头"],
  ])("%s stays", (read) => {
    expect(withRolePhrasesRead(read)).toBe(read);
  });
});
