#!/usr/bin/env python3
"""Writes fixtures/pdf/*-libreoffice-two-row.pdf and *-chromium-two-row.pdf: the HTML
fixtures whose 工作任务 header spans two columns, with that header made two rows
(序号 | 工作任务 | 具体要求 … over 类别 | 子项, the other header cells spanning both rows)
inside <thead>, so that both producers repeat it on every page: LibreOffice through
DOCX (the header rows become w:tblHeader, as a Word user's "repeat as header row"), and
Chromium's print. The second header row's words are not all header words; the layout
must know it by its place. Expected answers are the HTML fixtures' (same tasks).
Needs LibreOffice and Chromium. Run from the repository root."""
import pathlib, re, shutil, subprocess, sys, tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from fixture_html import utf8_html

OUT = pathlib.Path("fixtures/pdf")
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    for html in sorted(pathlib.Path("fixtures/html").glob("*.html")):
        text = utf8_html(html)
        m = re.search(r"<tr>(<th[^>]*>[^<]*</th>)+</tr>", text)
        if not m:
            continue
        cells = re.findall(r"<th([^>]*)>([^<]*)</th>", m.group(0))
        if sum('colspan="2"' in a for a, _ in cells) != 1:
            continue  # only a header with one two-column span makes the two-row case
        top, below = [], []
        for attrs, word in cells:
            if 'colspan="2"' in attrs:
                top.append(f'<th colspan="2">{word}</th>')
                below += ["<th>类别</th>", "<th>子项</th>"]
            else:
                top.append(f'<th rowspan="2">{word}</th>')
        text = text.replace(m.group(0), "<thead><tr>" + "".join(top) + "</tr><tr>" + "".join(below) + "</tr></thead>", 1)
        src = tmp / html.name
        src.write_text(text, encoding="utf-8")
        subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp), str(src)], check=True, capture_output=True)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(tmp / (html.stem + ".docx"))], check=True, capture_output=True)
        shutil.copy(tmp / (html.stem + ".pdf"), OUT / (html.stem + "-libreoffice-two-row.pdf"))
        shutil.copy(html.with_suffix(".json"), OUT / (html.stem + "-libreoffice-two-row.json"))
        chrome = OUT / (html.stem + "-chromium-two-row.pdf")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={chrome}", src.as_uri()], check=True, capture_output=True)
        shutil.copy(html.with_suffix(".json"), OUT / (html.stem + "-chromium-two-row.json"))
