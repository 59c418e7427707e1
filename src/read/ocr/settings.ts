// Every tolerance of reading a scanned page, in one place, each with its unit and reason.
// Distances in pixels are at the resolution the page was rendered at (OCR_SETTINGS.dpi);
// where they scale with it, they are given in points and turned into pixels by the caller.

export const OCR_SETTINGS = {
  /** dpi. Pages are rendered for recognition at this: Tesseract reads CJK best at 300. */
  dpi: 300,
  /** Share of dpi by which a scan's own resolution may differ for the page to be rendered at it (250–350 dpi), pixel for pixel. */
  nativeBand: 1 / 6,
  /** Share of the page a scan's image covers: the page is that image, and its resolution the scan's. */
  scanShare: 0.5,
  /** Pixels per page at most (about A3 at 300 dpi): a larger page is rendered at a lower resolution. */
  maxPixels: 5000 * 7000,
  /**
   * pt. An unbroken run of ink at least this long along a row or column is a ruling: no
   * stroke of a glyph of body text (at most about one em, 10–12 pt) is so long, and the
   * box of a narrow 序号 cell (separated borders, a print shrunk to fit) is about 15 pt.
   */
  rulingMin: 13,
  /**
   * pt. Gaps in a ruling up to this are bridged. None: a row of pixels through a line of
   * dense CJK text is ink with gaps of a pixel or two for many ems, and bridged it would
   * read as a ruling (and be blanked out of the text); a ruling is unbroken ink.
   */
  rulingGap: 0,
  /**
   * Share of the way from the text's ink threshold to white below which a pixel is dark
   * enough for a light ruling: the light-grey borders of a border="1" web table measure
   * about 168 where text is below 143.
   */
  rulingLight: 0.5,
  /** pt. A light ruling has paper this far off it on both sides: more than its own width (2–3 px at 300 dpi), less than the spacing to the next cell's border (about 2 pt). */
  lightOff: 1.5,
  /** Share of a light ruling's length that has paper on both sides: a border has (but where text touches it); a row through text has glyphs above and below. */
  lightClear: 0.8,
  /** pt. A ruling this long is a table's (its frame, a row's line): no glyph of a title (up to 36 pt, 小初) is so long. */
  tableRulingMin: 40,
  /** pt. A shorter ruling is a table's within this of one that is: more than a separated-border table's cell spacing (about 2 pt), less than a title's distance above its table. */
  tableRulingTol: 3,
  /** degrees. Skew is looked for within ± this: a page laid on a scanner by hand. */
  maxSkew: 3,
  /** degrees. Step of the skew search. */
  skewStep: 0.1,
  /** degrees. A smaller skew is left as it is (turning costs time and blurs the glyphs). */
  skewMin: 0.15,
  /** px. The grid the enclosed regions (cells) are found on: pixels are taken this many at a time, each way. */
  cellGrid: 4,
  /** Share of its bounding box a region fills, at least, to be a cell (an L-shaped region of a merged cell still fills most of its box). */
  cellFill: 0.5,
  /** Share of a cell's box inside a larger region's box above which the larger is L-shaped around it (boxes of cells side by side share only their edges' grid squares). */
  cellOverlap: 0.1,
  /** pt. A region smaller than this either way is no cell (the gap between double rulings). */
  cellMin: 6,
  /** pt. Column rulings ending within this of one height end together (a box a page break left open). */
  openEndTol: 2,
  /** pt. Pieces of one column ruling this close along it are one ruling (noise breaks a scanned line), whose ends are its ends. */
  openEndJoin: 6,
  /** pt. A cell's crop grows this far at most past an edge that cuts a line of text (half a line of body text: the part of its glyphs above a box left open). */
  edgeGrow: 6,
  /** Share of a cell's width dark in one pixel row above which the row is a ruling, not text (a row through dense CJK text is dark at up to 0.47 of it, measured on the scans' long cells). */
  rulingShare: 0.6,
  /** px. White between cell crops stacked into one image for the recogniser. */
  stackGap: 60,
  /** px. Height of one stacked image at most: Tesseract's page size is bounded, and its time grows with it. */
  stackMax: 12_000,
  /** pt. A run of inked pixel rows at least this tall is a line of text (a glyph of body text is 7–10 pt; noise is specks). */
  lineMin: 3,
  /** pt. Inked runs this close are one line: the gaps between a glyph's strokes (三, 二), not the leading between lines (2 pt and more). */
  lineJoin: 1,
  /** px. A row holds ink when at least this many of its pixels are dark (one dark pixel is noise). */
  lineInkMin: 2,
  /** pt. White kept above and below a line cropped to be read again. */
  lineMargin: 2,
  /**
   * %. A line read again is kept when its least sure character is at least this sure: a
   * lone glyph the first reading missed comes back at 90 or more, a speck of noise read
   * as a character (的, 井) at 0–40.
   */
  lineAccept: 60,
  /**
   * %. A line of a cell read less sure than this is read again on its own: a line that
   * collapsed in the cell's reading (a dozen characters read as one) comes back at 0–40,
   * a line of a few misread characters at 40–60, a clean line at 85 and more.
   */
  lineRetryBelow: 60,
  /** A line read as fewer characters than this share of the glyphs its box has room for collapsed in its reading, and is read again. */
  collapsedShare: 0.5,
  /**
   * Scales a doubtful line is read again at, each reading kept when surer than the best
   * before: the recogniser's errors on a line change with its size (a stroke a pixel wide
   * at 200 dpi is two at 1.5 ×), so two sizes give two chances.
   */
  rereadScales: [1, 1.5],
  /** %. A line of at most speckMaxChars Latin letters or marks read less sure than this is noise, not text. */
  speckBelow: 60,
  /** Characters. How short a line read out of noise is: a word or two of Latin letters. */
  speckMaxChars: 3,
  /** Characters. A speck beside a line of a cell is read as a glyph or two. */
  strayMaxChars: 2,
  /** Share of dark pixels in a crop below which it holds no text (specks of noise). */
  inkMin: 0.002,
  /**
   * pt. A cell at most this wide holding up to three characters read with little
   * confidence, or nothing read, is read again for digits alone: a 序号 cell's "2" or "3"
   * is easily taken for a Chinese character (之, 昌), and 21 for 2, by a recogniser
   * expecting Chinese. Three CJK characters of body text and the cell's padding.
   */
  numberCellMax: 45,
  /** Characters. A 序号 of up to three digits, read as so many characters at most. */
  numberMaxChars: 3,
  /** %. Below this a short cell's reading (up to three characters, digits too: 21 read as 2) is doubtful enough to try digits. */
  numberRetryBelow: 80,
  /** %. A digits-only reading replaces the first one when at least this sure (and surer than it). */
  numberAccept: 80,
  /** px. PP-OCRv4's recognition model reads lines scaled to this height (its training input, 3 × 48 × 320). */
  ppocrHeight: 48,
  /** px. Lines narrower than this, at the model's height, are padded to it: its training width. */
  ppocrMinWidth: 320,
  /** Share of a line's height of white kept either side of its ink: a glyph touching the crop's edge is dropped (措施 read as 措, measured without it). */
  ppocrSidePad: 0.25,
  /**
   * Share of a line's height of white kept above and below it when it is cropped for
   * the line recogniser, at most halfway to the next line: a crop cut at the ink reads
   * worse, one reaching into the next line reads its marks (不。低于, measured at 2 pt).
   */
  ppocrLinePad: 0.15,
  /** seconds. One recogniser run may take this long at most. */
  runTimeout: 120,
} as const;
