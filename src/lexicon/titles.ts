// The words of a plan's title and of the text around it: what a work plan calls itself
// (要点, 分工, 清单, 方案 …), the covering letter that sends it (关于印发…的通知), and the
// metadata lines a site prints above it. Simplified; matched on a simplified copy.

/** What a work plan calls itself: a title without one of these is not a plan's title. */
export const PLAN_WORD = /(?:要点|分工|清单|方案|计划|任务|安排|提示单|台账|分解|工作表|一览表|重点工作|实事|进度表|情况表|事项目录)/u;

/** A covering letter's title: it names the plan, but is not the plan's own. */
export const COVERING_LETTER = /关于印发|的通知$|通知$/u;

/** Lines that look like a title but are metadata or an attachment label. */
export const NOT_A_TITLE = /^(?:附件|索引号|发布机构|名称|文号|发布日期)/u;

/**
 * A line of the metadata block a government site prints above a notice (索引号：… 发布机构：…,
 * 来源：… 点击数：…): a line of its own, never the start or the rest of a paragraph.
 */
export const METADATA_LINE = /^(?:索引号|发布机构|发文机关|发文单位|主题分类|分类|发文日期|发布日期|成文日期|生效日期|文号|发文字号|来源|信息来源|点击数|浏览次数|阅读次数|标题|文件标题|信息名称)\s*[:：]/u;

/** The label a site's metadata block puts before the notice's title (标题：…): not part of the title. */
export const TITLE_LABEL = /^(?:标题|文件标题|信息名称)\s*[:：]\s*/u;

/** The attachment label in front of a title (附件1：, 附件 2). */
export const ATTACHMENT_LABEL = /^(?:附件\s*\d*\s*[:：]?\s*)/u;

/**
 * How a plan's own title ends: with the name of its kind (…分工方案, …工作要点, …责任分解,
 * …任务清单, …进度表). A headline or a fragment that only mentions a plan word does not.
 */
export const PLAN_TITLE_END = /(?:要点|分工|清单|方案|计划|分解|分解表|台账|一览表|工作表|进度表|情况表|汇总表|目录|安排)$/u;

/** Characters that separate a page title from the site's name (标题-网站名, 标题_网站名, 标题 | 网站名). */
const SITE_SEPARATORS = "-_|｜—";
/** The longest a site's name after a title runs, in characters. */
const SITE_NAME_MAX_CHARS = 20;

/**
 * A page title without the site's name after it; the text itself when it has none. One
 * scan from the end (a regex tried from every position of a line of 100,000 spaces took
 * seconds).
 */
export function withoutSiteName(s: string): string {
  let at = -1;
  for (let i = s.length - 1; i >= 0 && s.length - i <= SITE_NAME_MAX_CHARS + 2; i--) {
    if (SITE_SEPARATORS.includes(s[i]!)) {
      at = i;
      break;
    }
  }
  if (at <= 0) return s;
  const name = s.slice(at + 1).trim();
  return name.length >= 2 && name.length <= SITE_NAME_MAX_CHARS ? s.slice(0, at).trimEnd() : s;
}

/** Ends with the name of a plan's kind or of the notice that sends one (…的通知), a qualifier in brackets aside. */
function endsWithKind(simplified: string): boolean {
  const t = simplified.replace(/[（(][^（）()]*[）)]$/u, "");
  return PLAN_TITLE_END.test(t) || COVERING_LETTER.test(t);
}

/** A line (simplified, no white space) that ends as a title does, as printed or once a site's name after it is taken off. */
export function endsAsTitleLine(simplified: string): boolean {
  return endsWithKind(simplified) || endsWithKind(withoutSiteName(simplified));
}

/** A title as printed, less a site's name after it when only without it does it end as a title. */
export function titleWithoutSiteName(s: string): string {
  const head = withoutSiteName(s);
  return head !== s && !endsWithKind(s) && endsWithKind(head) ? head : s;
}

/** The shortest and the longest a title runs, in characters. */
export const TITLE_MIN_CHARS = 6;
export const TITLE_MAX_CHARS = 80;
