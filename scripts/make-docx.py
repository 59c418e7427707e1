#!/usr/bin/env python3
"""Writes fixtures/docx/: the HTML fixtures converted to Word by LibreOffice (a real
producer: vertical merges become w:vMerge, spans w:gridSpan), with the expected answer
beside each, plus 000-bookmark.docx, where a bookmark sits between the cells of a table
row (Word does this) — the case in which mammoth drops every vertical merge of the table.
Also writes fixtures/doc/: one of them as a legacy .doc.
Needs LibreOffice (apt-get install libreoffice-writer-nogui).
Run from the repository root: python3 scripts/make-docx.py"""
import pathlib, re, shutil, subprocess, sys, tempfile, zipfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from fixture_html import utf8_html

OUT = pathlib.Path("fixtures/docx")
OUT.mkdir(parents=True, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    for html in sorted(pathlib.Path("fixtures/html").glob("*.html")):
        text = utf8_html(html)
        src = pathlib.Path(tmp) / html.name
        src.write_text(text, encoding="utf-8")
        subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(OUT), str(src)], check=True, capture_output=True)
        shutil.copy(html.with_suffix(".json"), OUT / (html.stem + ".json"))

# A bookmark between the cells of a task-table row.
src = OUT / "000_992a28b6471132da.docx"
dst = OUT / "000-bookmark.docx"
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            xml = data.decode("utf-8")
            tables = [m.start() for m in re.finditer(r"<w:tbl>", xml)]
            at = xml.index("<w:tc>", xml.index("<w:tr", tables[-1]) + 10)
            xml = xml[:at] + '<w:bookmarkStart w:id="900" w:name="row_mark"/><w:bookmarkEnd w:id="900"/>' + xml[at:]
            data = xml.encode("utf-8")
        zout.writestr(item, data)
shutil.copy(OUT / "000_992a28b6471132da.json", OUT / "000-bookmark.json")

# A legacy .doc (Word 97-2003), for the LibreOffice conversion path.
DOC = pathlib.Path("fixtures/doc")
DOC.mkdir(exist_ok=True)
subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(DOC), str(OUT / "003_ef27fd673396f65e.docx")], check=True, capture_output=True)
shutil.copy(OUT / "003_ef27fd673396f65e.json", DOC / "003_ef27fd673396f65e.json")
