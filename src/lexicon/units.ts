// The vocabulary of responsible units (FORMAT.md "Units"): how the name of a body ends,
// the level words and prefixes, and the role phrases that follow a list of names. Written
// in simplified characters and matched against a simplified copy of the text
// (text/hant.ts), so traditional notices read the same and keep their characters.


/**
 * How the name of a government body or organisation ends (FORMAT.md: 局 委 办 厅 室 中心
 * 部 所 院 站 队 公司 …): bureaus and commissions, offices, governments, units, courts and
 * banks, companies, towns, townships and streets, centres, stations, teams, councils,
 * districts, counties and cities, plants, halls, schools, societies, sections, groups, parks,
 * and the federations and associations (妇联, 残联, 工商联; 科协, 侨协).
 */
export const UNIT_ENDINGS = [
  "局", "委", "办", "厅", "室", "中心", "部", "部门", "政府", "单位", "院", "行", "公司", "机构", "小组", "办公室", "机关",
  "镇", "乡", "街道", "所", "站", "队", "会", "区", "县", "市", "厂", "馆", "校", "社", "处", "科", "股", "团", "园", "集团",
  "村", "社区", "联", "协",
] as const;

/** A text that ends like a unit name. */
export const UNIT_NAME_END = new RegExp(`(?:${UNIT_ENDINGS.join("|")})$`, "u");

/**
 * The endings that name a place, whose office a name may go on to name (城关镇 / 人民政府,
 * 住房和城乡 / 建设局): a line ending in one can be the head of a longer name.
 */
export const PLACE_END = /(?:镇|乡|区|县|市|村|社区|街道)$/u;

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
