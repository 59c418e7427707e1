#!/usr/bin/env python3
"""Writes fixtures/pdf/*-chromium-separated.pdf and *-weasyprint-separated.pdf: the HTML
fixtures' task tables with separated borders (border-collapse: separate, cellspacing 3),
as old site templates print them: every cell draws its own box, a cell spacing apart
from its neighbours', and the table draws a frame around them all. No ruling of one cell
touches another's; a merged cell split by a page break is boxed short of its row line
(Chromium). Two producers: Chromium's print and wkhtmltopdf (QtWebKit with Qt's PDF writer:
another layout engine and another PDF writer). WeasyPrint was tried and left: it boxes a
cell merged over several rows only as tall as its text, which no office suite or browser
that prints notices does. Expected answers are the HTML fixtures' (same tasks).
Needs Chromium, wkhtmltopdf and a CJK font (apt-get install chromium wkhtmltopdf
fonts-wqy-zenhei). Run from the repository root."""
import pathlib, shutil, subprocess, sys, tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from fixture_html import utf8_html

OUT = pathlib.Path("fixtures/pdf")
STYLE = ("<style>table.list{border-collapse:separate;border-spacing:3px;border:1px solid #000}"
         "table.list td,table.list th{border:1px solid #000;padding:2px}</style>")
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    for html in sorted(pathlib.Path("fixtures/html").glob("*.html")):
        text = utf8_html(html)
        if 'class="list"' not in text:
            continue  # a prose notice has no table to box
        text = text.replace('<table border="1" class="list"', '<table border="1" cellspacing="3" class="list"', 1)
        text = text.replace("</head>", STYLE + "</head>", 1) if "</head>" in text else STYLE + text
        src = tmp / html.name
        src.write_text(text, encoding="utf-8")
        chrome = OUT / (html.stem + "-chromium-separated.pdf")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={chrome}", src.as_uri()], check=True, capture_output=True)
        shutil.copy(html.with_suffix(".json"), OUT / (html.stem + "-chromium-separated.json"))
        webkit = OUT / (html.stem + "-wkhtmltopdf-separated.pdf")
        subprocess.run(["wkhtmltopdf", "--quiet", str(src), str(webkit)], check=True, capture_output=True)
        shutil.copy(html.with_suffix(".json"), OUT / (html.stem + "-wkhtmltopdf-separated.json"))
