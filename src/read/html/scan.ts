// A web page's size in the two measures that make parsing it expensive, counted in one
// pass over the text before it is parsed: how deep its elements nest (parse5, following
// the HTML standard, looks through the open elements at every start tag, so a page
// nested n deep costs n²: 100,000 nested <div> took a minute) and how many table cells
// it holds (each becomes a DOM node and a grid cell; see MAX_HTML_CELLS). Both are refused past the limits
// before parse5 sees the page. The count is an upper bound of what the parser builds:
// elements that close themselves (void elements, p, li, td …) are not counted as nesting.

import { WorkplanError } from "../../model/errors.js";
import { MAX_HTML_CELLS, MAX_NESTING } from "../../model/limits.js";

/** Elements that never nest: void elements, and those the parser closes when the next one opens. */
const FLAT = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
  "p", "li", "dt", "dd", "option", "optgroup", "td", "th", "tr", "tbody", "thead", "tfoot", "colgroup", "caption", "rt", "rp",
]);
/** Elements whose content is text until their end tag. */
const RAW = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);

const rawEnds = new Map([...RAW].map((name) => [name, new RegExp(`</${name}`, "giu")]));

export function checkHtmlSize(html: string): void {
  let depth = 0;
  let deepest = 0;
  let cells = 0;
  let i = html.indexOf("<");
  while (i >= 0 && i < html.length) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end < 0 ? -1 : html.indexOf("<", end + 3);
      continue;
    }
    const close = html[i + 1] === "/";
    let j = i + (close ? 2 : 1);
    const start = j;
    while (j < html.length && /[A-Za-z0-9:-]/u.test(html[j]!)) j++;
    if (j === start) {
      i = html.indexOf("<", i + 1);
      continue;
    }
    const name = html.slice(start, j).toLowerCase();
    const end = html.indexOf(">", j);
    if (end < 0) break;
    if (close) depth = Math.max(0, depth - 1);
    else {
      if (name === "td" || name === "th") cells++;
      if (!FLAT.has(name) && html[end - 1] !== "/") {
        depth++;
        if (depth > deepest) deepest = depth;
      }
      const rawEnd = rawEnds.get(name);
      if (rawEnd) {
        rawEnd.lastIndex = end;
        const stop = rawEnd.exec(html);
        i = stop ? stop.index : -1;
        continue;
      }
    }
    i = html.indexOf("<", end + 1);
  }
  if (deepest > MAX_NESTING) throw new WorkplanError("invalidInput", `elements nested over ${MAX_NESTING} deep (${deepest}): not a page workplan reads`);
  if (cells > MAX_HTML_CELLS) throw new WorkplanError("invalidInput", `table too large (${cells} cells, over the ${MAX_HTML_CELLS} a web page may hold)`);
}
