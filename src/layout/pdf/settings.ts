// Every tolerance of the PDF layout, in one place, each with its unit and the reason for
// its value (in the manner of pdfplumber's table settings and camelot's parser
// parameters). Distances are in points (1/72 inch) of the page as shown; where a value
// scales with the text, it is a multiple of the font size ("em") of the glyph at hand.

export const PDF_SETTINGS = {
  // Rulings (lattice).
  /** pt. Pieces of one border (a dashed line, a line drawn cell by cell) lie within this of each other, along and across. */
  collinearTolerance: 1.5,
  /**
   * pt. Pieces of one ruling along its length join across a gap up to this: a dashed
   * border, and the cell spacing of a table with separated borders (border-collapse:
   * separate, cellspacing 2–4 px = 1.5–3 pt), where each cell draws its own box.
   */
  collinearGap: 3.5,
  /**
   * pt. Ruling positions closer than this are one grid line: double borders (a table
   * frame and each cell's own box, as browsers draw border="1" with cell spacing) lie
   * 1–3 pt apart, and no real column or row is that narrow.
   */
  sameGridLine: 4,
  /**
   * pt. A horizontal and a vertical ruling cross when each reaches within this of the
   * other: borders stop short of each other, and with separated borders each cell's box
   * stands a cell spacing (1.5–3 pt) apart from its neighbours' and touches none of them.
   */
  crossingReach: 4,
  /** pt. Column rulings that start and end within this of each other bound one band of rows. */
  bandEdge: 2,
  /** pt. A column ruling shorter than this bounds no band of rows (a tick, a dash). */
  bandRulingMin: 10,
  /**
   * pt. Two grid lines closer than this with no text between them are one boundary: no
   * row or column of a table is thinner than its smallest type (about 6 pt); a frame
   * drawn a few points outside the cells' boxes (separated borders) makes such a band.
   */
  thinBand: 6,
  /** pt. A cell open at the page foot or head (no ruling there) is closed at the end of the verticals when they run this far past the last horizontal. */
  openCellReach: 3,
  /** pt. Column positions are bucketed to this width to tell stacked tables apart by their columns. */
  columnBucket: 3,
  /** Columns each of two stacked bands must have that the other lacks for them to be two tables. */
  stackedColumnsMin: 2,
  /** Distinct rulings on one page past which it is read as text (a pattern, a chart): no table has so many. */
  maxRulings: 10_000,

  // Text in cells.
  /** em. Items whose vertical centres lie within this (and at least 2 pt) are one line. */
  sameLineCentre: 0.5,
  /** pt. The least of sameLineCentre: tiny glyphs of one line still group. */
  sameLineMinPt: 2,
  /** em. A gap wider than this between two Latin items of a line is a space. */
  wordGap: 0.25,
  /** em. A line ending nearer than this to the cell's right edge filled the cell: the text wrapped. */
  filledLineGap: 2.2,
  /**
   * em. A cell's last line whose foot stands further than this above the cell's bottom
   * ruling ended the text: a page break cuts text that fills its part, and the part's
   * foot is its padding and at most a line's leading below the last line (about 1 em).
   */
  cutTextFoot: 2,
  /** em. A line ending nearer than this wrapped too, unless it ends on the last character of a unit name. */
  wrappedLineGap: 4.5,
  /** pt. A cell's right edge, for the tests above, is its ruling less this (the cell padding). */
  cellPadding: 2,

  // Recognised text (a scanned page).
  /** %. A line recognised with less confidence than this (its weakest word's) is named in a warning, for a reviewer to look at. */
  lowConfidence: 60,
  /** Cells. A scanned page's doubtful cells named one by one, at most; the rest are counted in one warning. */
  lowConfidenceCellsPerPage: 10,

  // The page around the tables.
  /** em. A gap wider than this between two items of a line outside tables separates columns (a tab in the text reading). */
  columnGap: 2,
  /** Share of the page height at the top and at the bottom where running headers, footers and page numbers stand. */
  edgeShare: 0.08,

  // Tables without rulings (stream).
  /** em. Items nearer than this on a line are one word (bold text comes one glyph at a time). */
  wordJoin: 0.5,
  /** Header words on one line, at least, for it to be a header. */
  headerWordsMin: 3,
  /** em. A header line continues below when the next line starts within this. */
  headerLineGap: 1.2,
  /** Characters of a word wrapped in a narrow header column (序 | 号). */
  headerFragmentMax: 2,
  /** pt. Column boundaries are looked for this far inside the span between two header centres. */
  boundaryInset: 2,
  /** pt. An item crossing a column boundary by more than this on both sides is not in the table. */
  boundaryCross: 3,
  /** em. Lines of one cell are nearer than this (and than the usual gap between them, plus boundaryGapSlack). */
  cellLineGap: 0.6,
  /** pt. Added to the page's usual gap between a cell's lines before a larger one separates rows. */
  cellGapSlack: 1.5,
  /** em. Digits and CJK text of one row start this far apart at most. */
  rowStartSlack: 0.5,
} as const;
