// The tolerances of reading a PDF page (rulings from paths, runs from characters), with
// their units and reasons; the layout's own are in layout/pdf/settings.ts. Distances in
// points of the page as shown, or in multiples of the glyph's font size ("em").

export const READ_SETTINGS = {
  /** pt. A filled rectangle this thin is a ruling (Word, WPS and LibreOffice draw borders so), not a shaded area. */
  thinRule: 2.5,
  /** pt. A stroked segment this far from level (or plumb) is still horizontal (vertical). */
  levelSlack: 0.5,
  /** pt. A stroked segment shorter than this is a dot, not a ruling. */
  rulingMin: 1,
  /** em. Characters whose vertical centres lie within this are on one line. */
  sameLine: 0.5,
  /** em. A character further than this from the run before it (or this far back) starts a new run. */
  runGap: 1,
  /** pt. A vertical ruling this near the gap between two characters separates them (the next cell). */
  ruledGap: 1,
  /** Text objects on one page past which its text is not read: PDFium's text extraction is quadratic in objects drawn over each other (40,000 overlapping runs took 6.6 s, 200,000 over a minute); a dense real page has a few thousand. */
  maxTextObjects: 20_000,
} as const;
