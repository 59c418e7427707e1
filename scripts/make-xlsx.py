#!/usr/bin/env python3
"""Writes fixtures/xlsx/: task tables as spreadsheets from two producers.

1. LibreOffice Calc: the HTML fixtures opened as spreadsheets (merged cells become the
   sheet's merge ranges) and saved as .xlsx, one also as legacy .xls and as .ods (read
   through LibreOffice again, as .doc is).
2. This script's own minimal OOXML writer (zipfile + XML by hand, a different producer
   from Calc): a cover sheet, a title row merged across the table, a 填报单位 line and a
   blank spacer row above the header, merged 工作任务 / unit / deadline cells, a hidden
   row, a deadline typed as a date cell (styled yyyy/m/d), inline and shared strings, a
   line break inside a cell. Its expected answer is written below by hand.
Needs LibreOffice. Run from the repository root: python3 scripts/make-xlsx.py"""
import json, pathlib, shutil, subprocess, sys, tempfile, zipfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from fixture_html import utf8_html

OUT = pathlib.Path("fixtures/xlsx")
OUT.mkdir(parents=True, exist_ok=True)

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    for stem in ["000_992a28b6471132da", "003_ef27fd673396f65e"]:
        html = pathlib.Path("fixtures/html") / f"{stem}.html"
        text = utf8_html(html)
        src = tmp / f"{stem}.html"
        src.write_text(text, encoding="utf-8")
        subprocess.run(["soffice", "--headless", "--infilter=HTML (StarCalc)", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(OUT), str(src)], check=True, capture_output=True)
        shutil.copy(html.with_suffix(".json"), OUT / f"{stem}.json")
    stem = "003_ef27fd673396f65e"
    for ext, filt in [("xls", "xls:MS Excel 97"), ("ods", "ods")]:
        subprocess.run(["soffice", "--headless", "--convert-to", filt, "--outdir", str(tmp), str(OUT / f"{stem}.xlsx")], check=True, capture_output=True)
        shutil.copy(tmp / f"{stem}.{ext}", OUT / f"{stem}-calc.{ext}")
        shutil.copy(OUT / f"{stem}.json", OUT / f"{stem}-calc.json")

# --- the hand-written workbook -------------------------------------------------------
def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def sheet_xml(rows, merges=(), hidden_rows=(), dates=()):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, cells in enumerate(rows):
        attrs = ' hidden="1"' if r in hidden_rows else ""
        out.append(f'<row r="{r + 1}"{attrs}>')
        for c, v in enumerate(cells):
            if v is None or v == "":
                continue
            ref = f"{col(c)}{r + 1}"
            if (r, c) in dates:
                out.append(f'<c r="{ref}" s="1"><v>{v}</v></c>')
            elif isinstance(v, (int, float)):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(v)}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData>")
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)

cover = sheet_xml([["说明"], ["本表由各责任单位按季度填报,请勿修改表头。"]])
# Excel serial 45838 = 2025-06-30; 46022 = 2025-12-31.
rows = [
    ["2025年度青石镇重点工作任务分解表"],
    ["填报单位:青石镇党政办公室", None, None, None, "填报日期:2025年3月1日"],
    [],
    ["序号", "工作任务", "工作内容", "责任单位", "完成时限"],
    [1, "一、优化营商环境", "梳理公布镇级政务服务事项清单,实行清单动态调整。", "党政办\n便民服务中心", 45838],
    [2, None, "推行帮办代办服务,为企业开办提供全程代办。", None, None],
    [3, None, "(已取消)", "党政办", "全年"],
    [4, "二、改善人居环境", "完成农村生活污水治理村5个。", "生态环境办", 46022],
    [5, None, "新建改建农村公厕8座。", "生态环境办、农业服务中心", "持续推进"],
]
table = sheet_xml(rows, merges=["A1:E1", "B5:B7", "D5:D6", "E5:E6", "B8:B9"], hidden_rows={6}, dates={(4, 4), (7, 4)})
workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="封面" sheetId="1" r:id="rId1"/><sheet name="任务分解" sheetId="2" r:id="rId2"/></sheets></workbook>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>'
          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
with zipfile.ZipFile(OUT / "handmade-cover-title.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
                       ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", cover), ("xl/worksheets/sheet2.xml", table)]:
        info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
        z.writestr(info, data, zipfile.ZIP_DEFLATED)

u = lambda *pairs: [{"name": n, "role": r} for n, r in pairs]
gold = {
    "title": "2025年度青石镇重点工作任务分解表",
    "year": 2025,
    "tasks": [
        {"number": "1", "path": ["一、优化营商环境"], "title": None, "text": "梳理公布镇级政务服务事项清单,实行清单动态调整。", "unitsText": "党政办\n便民服务中心",
         "units": u(("党政办", "responsible"), ("便民服务中心", "responsible")), "deadlineText": "2025/6/30", "deadline": {"kind": "by-date", "date": "2025-06-30"}, "status": None, "remarks": None},
        {"number": "2", "path": ["一、优化营商环境"], "title": None, "text": "推行帮办代办服务,为企业开办提供全程代办。", "unitsText": "党政办\n便民服务中心",
         "units": u(("党政办", "responsible"), ("便民服务中心", "responsible")), "deadlineText": "2025/6/30", "deadline": {"kind": "by-date", "date": "2025-06-30"}, "status": None, "remarks": None},
        {"number": "4", "path": ["二、改善人居环境"], "title": None, "text": "完成农村生活污水治理村5个。", "unitsText": "生态环境办",
         "units": u(("生态环境办", "responsible")), "deadlineText": "2025/12/31", "deadline": {"kind": "by-date", "date": "2025-12-31"}, "status": None, "remarks": None},
        {"number": "5", "path": ["二、改善人居环境"], "title": None, "text": "新建改建农村公厕8座。", "unitsText": "生态环境办、农业服务中心",
         "units": u(("生态环境办", "responsible"), ("农业服务中心", "responsible")), "deadlineText": "持续推进", "deadline": {"kind": "ongoing", "date": None}, "status": None, "remarks": None},
    ],
}
(OUT / "handmade-cover-title.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
