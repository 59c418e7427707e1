// What a printed or published page adds around a notice and is never its content.

/**
 * Page numbers in the forms Word and WPS print them — "— 3 —", "- 3 -", "第3页 共10页",
 * "3/10" — are a page break wherever a line holds only one. A bare number is not among
 * them: in a one-cell-per-line table it is a row number (see EDGE_PAGE_NUMBER).
 */
export const PAGE_NUMBER = /^[\s\u3000]*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})[\s\u3000]*$/u;

/**
 * A line of digits and page words only (3, 第3页, 3/10): a page number when it stands at
 * the top or bottom edge of a page of a paged source (a PDF); elsewhere a bare number is
 * content.
 */
export const EDGE_PAGE_NUMBER = /^[\s\-—–－第页頁\d/共]*$/u;

/** A site's breadcrumb trail (首页 > 政务公开 > 通知公告): where the page sits, not its title. */
export const BREADCRUMB = /\S\s*(?:>|＞|»|>>|›)\s*\S.*(?:>|＞|»|›)/u;

/** A table of contents' entry: a run of leader dots between a heading and its page number. */
export const LEADER_DOTS = /(?:[…⋯]{2,}|[.．·]{6,})/u;
