// The vocabulary of responsible units (FORMAT.md "Units"): how the name of a body ends,
// the level words and prefixes, and the role phrases that follow a list of names. Written
// in simplified characters and matched against a simplified copy of the text
// (text/hant.ts), so traditional notices read the same and keep their characters.

/**
 * How the name of a government body or organisation ends (FORMAT.md: 局 委 办 厅 室 中心
 * 部 所 院 站 队 公司 …): bureaus and commissions, offices, governments, units, courts and
 * banks, companies, towns, townships and streets, centres, stations, teams, councils,
 * districts, counties and cities, plants, halls, schools, societies, sections, groups, parks.
 */
export const UNIT_ENDINGS = [
  "局", "委", "办", "厅", "室", "中心", "部", "部门", "政府", "单位", "院", "行", "公司", "机构", "小组", "办公室", "机关",
  "镇", "乡", "街道", "所", "站", "队", "会", "区", "县", "市", "厂", "馆", "校", "社", "处", "科", "股", "团", "园", "集团",
  "村", "社区",
] as const;

/** A text that ends like a unit name. */
export const UNIT_NAME_END = new RegExp(`(?:${UNIT_ENDINGS.join("|")})$`, "u");

/** The last character of a unit name: where a name that was broken over lines can have ended. */
export const UNIT_LAST_CHAR = new RegExp(`[${[...new Set(UNIT_ENDINGS.map((e) => e.at(-1)))].join("")}]$`, "u");

/**
 * Words that show a parenthesis names units rather than explaining something: the
 * distinctive endings (not the one-character places 市, 区 …, which notes mention too),
 * and the role words.
 */
export const UNIT_MENTION = /(?:局|委|办|厅|室|中心|部门|政府|单位|院|会|所|站|队|公司|银行|乡镇|街道|牵头|负责|落实|配合)/u;

/**
 * The endings after which a sibling name takes the level prefix of the first name of its
 * cell (FORMAT.md: 市财政局、发展改革委 → 市发展改革委). A narrower list than UNIT_ENDINGS:
 * a 中心医院 or 供电公司 is not a department of the city.
 */
export const EXPANDABLE_END = /(?:局|委|办|厅|室|中心|部)$/u;

/** A name that already says whose it is, and is not expanded: a level, 各, 中 (中心医院), the state. */
export const NO_EXPAND_START = /^(?:[市县区省各中]|国家|国务院|人民)/u;

/** The level prefix a name can lend its siblings. */
export const LEVEL_PREFIX = /^[市县区省]/u;

/** A piece that is only a level word (各县、市、区政府): joined with its neighbours, not a name. */
export const LEVEL_WORD = /^[省市县区乡镇]$/u;

/** Separators between names in a unit cell (not 和 or 及, which occur inside names). */
export const NAME_SEPARATORS = "、，,；;\n";

/**
 * White space that separates two names (FORMAT.md): after a name's ending, before a
 * level prefix (省 市 县 区 镇 乡 各) — a line break that a web page flattened
 * (市发改委 市自然资源局). Any other space inside a name is a wrap, and is removed.
 */
export const SPACE_BETWEEN_NAMES = new RegExp(`(?<=(?:${UNIT_ENDINGS.join("|")}))[\\s\\u3000]+(?=[省市县区镇乡各])`, "gu");

/**
 * What a parenthesis says when it is a note about the names, not a name or a list of
 * them (FORMAT.md): 见附件1,下同 · 含… · 除标注“牵头”单位外… · 不含… · 包括…. Its words
 * (牵头 in it) are not role phrases, and its commas do not separate names.
 */
export const NOTE_IN_BRACKETS = /^(?:见|详见|含|不含|包括|除|注[:：])|下同/u;

/**
 * Short and full forms of the same kind of government body (FORMAT.md keeps names as
 * printed; these only suggest that two names may be one body, for a person to confirm):
 * each pair rewrites a full form to the short core that both share. Applied to a name's
 * core, after its level prefix (省 市 县 区) is taken off.
 */
export const BODY_SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ["发展和改革委员会", "发改委"],
  ["发展和改革局", "发改局"],
  ["发展改革委", "发改委"],
  ["发展改革局", "发改局"],
  ["人力资源和社会保障局", "人社局"],
  ["人力资源社会保障局", "人社局"],
  ["卫生健康委员会", "卫健委"],
  ["卫生健康委", "卫健委"],
  ["卫生和健康委员会", "卫健委"],
  ["市场监督管理局", "市场监管局"],
  ["住房和城乡建设局", "住建局"],
  ["住房城乡建设局", "住建局"],
  ["经济和信息化局", "经信局"],
  ["经济和信息化委员会", "经信委"],
  ["生态环境局", "环境局"],
  ["教育和体育局", "教体局"],
  ["文化广电和旅游局", "文旅局"],
  ["文化和旅游局", "文旅局"],
  ["农业农村局", "农业局"],
  ["交通运输局", "交通局"],
  ["政府办公室", "政府办"],
  ["人民政府办公室", "政府办"],
  ["委员会", "委"],
];

/** The level prefix a name starts with (市 县 区 省 and their traditional forms), if any. */
export const NAME_LEVEL_PREFIX = /^(?:省|市|县|縣|区|區|自治区|自治州)/u;
