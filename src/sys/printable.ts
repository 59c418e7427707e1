// Text for a terminal or a log line: control characters (ESC, CR, LF, DEL, the C1 set) in
// a file name or a document would move the cursor, recolour the terminal or split one
// log line in two, so each is shown as an escape (\e, \r, \n, \x7f, \u009b).

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e", "\\": "\\\\" };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/gu;

/** `s` with every control character escaped; ordinary text, CJK included, unchanged. */
export function printable(s: string): string {
  if (!CONTROL.test(s)) return s;
  CONTROL.lastIndex = 0;
  return s.replace(CONTROL, (ch) => NAMED[ch] ?? (ch.charCodeAt(0) < 0x100 ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** A one-line message: control characters escaped, except the line's own end. */
export function oneLine(s: string): string {
  return printable(s.replace(/\n+$/u, ""));
}
