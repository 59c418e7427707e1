// Hostile inputs of every kind the second hostile-input review found: small files that
// cost minutes or gigabytes, or crash a parser. Shared by the regression tests
// (test/hostile.test.ts) and the measuring script (scripts/hostile.mjs), which runs each
// at several sizes and reports the worst time and peak memory.
import { deflateRawSync, deflateSync } from "node:zlib";

/** A zip archive of these entries (deflated), written directly: the sizes here are too big for a JS zip library. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data, { level: 1 });
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, packed);
    centrals.push(central, n);
    offset += 30 + n.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (t) => `<w:tc>${p(t)}</w:tc>`;
const HEADER_ROW = `<w:tr>${["序号", "工作任务", "具体要求", "责任单位", "完成时限"].map(tc).join("")}</w:tr>`;

/** A .docx around `body` (the content of w:body), with optional numbering.xml. */
export function docx(body, numbering) {
  const entries = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "word/document.xml": Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from("</w:body></w:document>")]),
  };
  if (numbering) entries["word/numbering.xml"] = `<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`;
  return zip(entries);
}

const TITLE = p("某市2024年政务公开重点任务分工");

/** A task table of `rows` rows in Word. */
export function docxRows(rows) {
  const row = (i) => `<w:tr>${[String(i + 1), "一、加强政策解读", "按要求做好政策解读工作。", "市政府办公室", "全年"].map(tc).join("")}</w:tr>`;
  const parts = [TITLE, "<w:tbl>", HEADER_ROW];
  for (let i = 0; i < rows; i++) parts.push(row(i));
  parts.push("</w:tbl>");
  return docx(parts.join(""));
}

/** `mb` megabytes of empty paragraphs, then a small task table. */
export function docxEmptyParagraphs(mb) {
  const chunk = Buffer.from("<w:p/>".repeat(1 << 16));
  const n = Math.ceil((mb * 1048576) / chunk.length);
  const table = `<w:tbl>${HEADER_ROW}<w:tr>${["1", "一、加强政策解读", "做好解读。", "市政府办公室", "全年"].map(tc).join("")}</w:tr></w:tbl>`;
  return docx(Buffer.concat([Buffer.from(TITLE), ...Array.from({ length: n }, () => chunk), Buffer.from(table)]));
}

/** A Word table row of `cols` cells. */
export function docxWide(cols, rows = 10) {
  const row = `<w:tr>${Array.from({ length: cols }, (_, i) => tc(String(i))).join("")}</w:tr>`;
  return docx(`${TITLE}<w:tbl>${HEADER_ROW}${row.repeat(rows)}</w:tbl>`);
}

/** Tables nested `depth` deep, each in the first cell of the one around it. */
export function docxNestedTables(depth) {
  return docx(`${TITLE}${"<w:tbl><w:tr><w:tc>".repeat(depth)}${p("序号")}${"</w:tc></w:tr></w:tbl>".repeat(depth)}`);
}

/** A run wrapped in `depth` levels of the given wrapper (w:ins, w:sdt/w:sdtContent, text boxes). */
export function docxNestedWrappers(depth, kind) {
  const [open, close] =
    kind === "ins" ? ["<w:ins>", "</w:ins>"] : kind === "sdt" ? ["<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"] : ['<w:r><w:pict><v:textbox><w:txbxContent><w:p>', "</w:p></w:txbxContent></v:textbox></w:pict></w:r>"];
  return docx(`${TITLE}<w:p>${open.repeat(depth)}<w:r><w:t>x</w:t></w:r>${close.repeat(depth)}</w:p>`);
}

/** A numbered paragraph whose numbering has this ilvl and start (values as a file could write them). */
export function docxNumbering(ilvl, start, format = "upperRoman") {
  const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  const para = `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>做好政策解读。（市政府办公室负责）</w:t></w:r></w:p>`;
  return docx(TITLE + para, numbering);
}

/**
 * A docx whose last central directory entry ends in a zip64 extra field claiming more
 * bytes than the file has: the end record stands before the directory (readers search
 * for it backwards), so the field's claimed bytes run past the end of the file.
 */
export function zip64ExtraAtEnd() {
  const good = docxRows(2);
  const end = good.length - 22;
  const dirStart = good.readUInt32LE(end + 16);
  const dir = Buffer.from(good.subarray(dirStart, end));
  // The last entry of the directory: find its start by walking the entries.
  let at = 0;
  let last = 0;
  while (at < dir.length) {
    last = at;
    at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  const nameLen = dir.readUInt16LE(last + 28);
  const entry = Buffer.from(dir.subarray(last, last + 46 + nameLen));
  entry.writeUInt32LE(0xffffffff, 24); // size: in the zip64 field
  entry.writeUInt16LE(4, 30); // an extra field of its header only
  entry.writeUInt16LE(0, 32);
  const extra = Buffer.alloc(4);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2); // claims 24 bytes
  const directory = Buffer.concat([dir.subarray(0, last), entry, extra]);
  const eocd = Buffer.from(good.subarray(end));
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(dirStart + 22, 16);
  return Buffer.concat([good.subarray(0, dirStart), eocd, directory]);
}

const HEAD = "某市2024年政务公开重点任务分工\n序号\t工作任务\t具体要求\t责任单位\t完成时限\n";

/** A text table whose one unit cell is `text`. */
export const unitCell = (text) => Buffer.from(`${HEAD}1\t一、政策解读\t做好解读工作。\t${text}\t全年\n2\t一、政策解读\t做好回应。\t市政府办公室\t全年\n`);
/** A line holding a run of `n` spaces between two words. */
export const spaces = (n) => Buffer.from(`${HEAD}1\t一、政策解读\t做好${" ".repeat(n)}解读工作。\t市政府办公室\t全年\n`);
/** A line of `n` tabs. */
export const tabs = (n) => Buffer.from(`${HEAD}${"\t".repeat(n)}\n1\t一、政策解读\t做好解读。\t市政府办公室\t全年\n`);
/** A line of `n` short cells. */
export const cells = (n) => Buffer.from(`${HEAD}${"a\t".repeat(n)}\n1\t一、政策解读\t做好解读。\t市政府办公室\t全年\n`);
/** One prose paragraph of `n` lines that never end a sentence. */
export const proseLines = (n) => Buffer.from(`某县2024年政务公开工作要点\n一、加强政策解读\n（一）做好解读\n${"持续深化政务公开工作推进政策解读和回应关切不断提升政府透明度和公信力".repeat(1).concat("\n").repeat(n)}（县政府办公室负责）\n`);

/** A web page with a run of `n` spaces in a cell. */
export const htmlSpaces = (n) => Buffer.from(`<html><body><p>某市2024年政务公开重点任务分工</p><table><tr><td>序号</td><td>工作任务</td><td>具体要求</td><td>责任单位</td></tr><tr><td>1</td><td>一、解读</td><td>做好${" ".repeat(n)}解读</td><td>市政府办公室</td></tr></table></body></html>`);
/** A web page nested `depth` deep. */
export const htmlDeep = (depth) => Buffer.from(`<html><body>${"<div>".repeat(depth)}序号${"</div>".repeat(depth)}</body></html>`);
/** A web table of `rows` two-cell rows. */
export const htmlRows = (rows) => Buffer.from(`<html><body><table><tr><td>序号</td><td>具体要求</td><td>责任单位</td></tr>${"<tr><td>1</td><td>做好解读工作。</td><td>市政府办公室</td></tr>".repeat(rows)}</table></body></html>`);

/** A PDF of one page (`size` points square) with this content stream, and `kids` references to that page in its page tree. */
export function pdf(content, kids = 1, size = 842) {
  const stream = deflateSync(Buffer.from(content));
  const kidRefs = Array.from({ length: kids }, () => "3 0 R").join(" ");
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kidRefs}] /Count ${kids} >>`,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size} ${size}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const parts = [Buffer.from("%PDF-1.4\n")];
  const offsets = [];
  let at = parts[0].length;
  objs.forEach((o, i) => {
    offsets.push(at);
    const b = o == null ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from("\nendstream\nendobj\n")]) : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

const TEXT = "BT /F1 10 Tf 50 30 Td (Xuhao Renwu Yaoqiu) Tj ET\n";

/** A page with `n` ruling dashes (3 pt long, 0.5 pt thick, 3 pt apart: a dotted border), in rows 5 pt apart. */
export function pdfDashes(n) {
  const perRow = 86;
  const rows = Math.ceil(n / perRow);
  const size = Math.min(14400, 60 + rows * 5);
  const parts = [TEXT];
  for (let r = 0; r < rows; r++) for (let k = 0; k < perRow && r * perRow + k < n; k++) parts.push(`${40 + k * 6} ${size - 40 - r * 5} 3 0.5 re f\n`);
  return pdf(parts.join(""), 1, size);
}

/** A page ruled `n` × `n` lines 6 pt apart. */
export function pdfGrid(n) {
  const size = Math.min(14400, 80 + n * 6);
  const parts = [TEXT, "0.1 w\n"];
  for (let i = 0; i < n; i++) parts.push(`40 ${40 + i * 6} m ${40 + (n - 1) * 6} ${40 + i * 6} l S\n`);
  for (let i = 0; i < n; i++) parts.push(`${40 + i * 6} 40 m ${40 + i * 6} ${40 + (n - 1) * 6} l S\n`);
  return pdf(parts.join(""), 1, size);
}

/** One page listed `n` times in the page tree. */
export const pdfManyPages = (n) => pdf(TEXT, n);

// --- Workbooks ---------------------------------------------------------------------------
const XLSX_HEAD = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>具体要求</t></is></c><c r="C1" t="inlineStr"><is><t>责任单位</t></is></c></row>';
const xlsxTask = (r, unit = '<c r="C{r}" t="s"><v>0</v></c>') => `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c><c r="B${r}" t="inlineStr"><is><t>做好解读工作。</t></is></c>${unit.replaceAll("{r}", String(r))}</row>`;

/** An .xlsx of one sheet: `sheet` the worksheet's XML (or a Buffer), shared strings `sst` (a list, or raw XML). */
export function xlsx(sheet, sst = ["市政府办公室"], more = {}) {
  return zip({
    "[Content_Types].xml": "<Types/>",
    "xl/workbook.xml": '<workbook xmlns:r="r"><sheets><sheet name="任务" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": sheet,
    "xl/sharedStrings.xml": Array.isArray(sst) ? `<sst>${sst.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>` : sst,
    ...more,
  });
}
const sheetOf = (rows, tail = "") => `<worksheet><sheetData>${XLSX_HEAD}${rows}</sheetData>${tail}</worksheet>`;

/** A task table of `n` rows. */
export const xlsxRows = (n) => xlsx(sheetOf(Array.from({ length: n }, (_, i) => xlsxTask(i + 2)).join("")));
/** A sheet declaring 1,048,576 rows, with a cell on the last. */
export const xlsxMillionRows = () => xlsx(`<worksheet><dimension ref="A1:XFD1048576"/><sheetData>${XLSX_HEAD}${xlsxTask(2)}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`);
/** Merge ranges past the sheet's end, overlapping, reversed or unreadable. */
export const xlsxBadMerges = (n) => xlsx(sheetOf(xlsxTask(2) + xlsxTask(3), `<mergeCells>${Array.from({ length: n }, (_, i) => ['<mergeCell ref="B2:D1048576"/>', '<mergeCell ref="A2:C3"/>', '<mergeCell ref="C3:A1"/>', '<mergeCell ref="ZZ5:AAA9"/>', '<mergeCell ref="bogus"/>', `<mergeCell ref="A${i + 2}:B${i + 900}"/>`][i % 6]).join("")}</mergeCells>`));
/** Shared-string indexes out of range, negative or not numbers. */
export const xlsxBadStrings = (index) => xlsx(sheetOf(xlsxTask(2, `<c r="C{r}" t="s"><v>${index}</v></c>`)));
/** A shared-strings table of `n` strings. */
export const xlsxManyStrings = (n) => xlsx(sheetOf(xlsxTask(2)), `<sst>${"<si><t>x</t></si>".repeat(n)}</sst>`);
/** A sheet part inflating to `mb` megabytes of white space (a zip bomb whose sizes are honest). */
export const xlsxBomb = (mb) => xlsx(Buffer.concat([Buffer.from(`<worksheet><sheetData>${XLSX_HEAD}`), Buffer.alloc(mb * 1048576, 0x20), Buffer.from("</sheetData></worksheet>")]));
