#!/usr/bin/env python3
"""Writes fixtures/pdf/: the notices as PDFs from two real producers, each with its
expected answer beside it.
- LibreOffice (from fixtures/docx): tables drawn with thin filled rectangles, tall rows
  and merged cells split over page breaks, a two-row header (003), a notice continued
  in a second table (001), a prose notice (004).
- Chromium's print to PDF (from fixtures/html, borders collapsed as site stylesheets
  do): cells open at the page foot, no top border on continuation pages; 000 with
  Chromium's running header and footer (date, title, URL, page numbers); 002 on
  landscape pages; 003 printed without rulings (read from the text's positions).
- 002 landscape again, stored sideways: content turned a quarter back into a portrait
  MediaBox and /Rotate 90 on the page (qpdf), as scanners and some producers store it.
And fixtures/pdf/bad/: an encrypted PDF (password "secret") and a PDF with no text layer.
Needs LibreOffice, Chromium, qpdf and a CJK font (apt-get install
libreoffice-writer-nogui chromium qpdf fonts-wqy-zenhei).
Run from the repository root: python3 scripts/make-pdf.py"""
import pathlib, re, shutil, subprocess, tempfile

OUT = pathlib.Path("fixtures/pdf")
BAD = OUT / "bad"
BAD.mkdir(parents=True, exist_ok=True)
SEEDS = ["000_992a28b6471132da", "001_29682c494441ef65", "002_4354457bd10285a1", "003_ef27fd673396f65e", "004_091f97d7362963d8"]

for n in SEEDS:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(OUT), f"fixtures/docx/{n}.docx"], check=True, capture_output=True)
    shutil.copy(f"fixtures/docx/{n}.json", OUT / f"{n}.json")

with tempfile.TemporaryDirectory() as tmp:
    # (seed, landscape, borders drawn, Chromium's running header and footer)
    for n, landscape, ruled, furniture in [("000_992a28b6471132da", False, True, True), ("002_4354457bd10285a1", True, True, False), ("003_ef27fd673396f65e", False, False, False)]:
        raw = pathlib.Path(f"fixtures/html/{n}.html").read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        style = "table{border-collapse:collapse}" + ("@page{size:A4 landscape}" if landscape else "")
        if not ruled:
            # A table printed without rulings: its columns are only in the text's positions.
            text = text.replace('border="1"', 'border="0"')
            style += "td,th{border:none;padding:2px 6px;vertical-align:top}"
        text = re.sub(r"<meta[^>]*charset[^>]*>", "", text).replace("<head>", f'<head><meta charset="utf-8"><style>{style}</style>', 1)
        src = pathlib.Path(tmp) / f"{n}.html"
        src.write_text(text, encoding="utf-8")
        name = f"{n}-chromium{'-landscape' if landscape else ''}{'' if ruled else '-borderless'}{'-header-footer' if furniture else ''}"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", *([] if furniture else ["--no-pdf-header-footer"]), f"--print-to-pdf={OUT / (name + '.pdf')}",
                        src.as_uri()], check=True, capture_output=True, timeout=120)
        shutil.copy(f"fixtures/html/{n}.json", OUT / f"{name}.json")

landscape = OUT / "002_4354457bd10285a1-chromium-landscape"
with tempfile.TemporaryDirectory() as tmp:
    flat = pathlib.Path(tmp) / "flat.pdf"
    subprocess.run(["qpdf", "--rotate=270", "--flatten-rotation", f"{landscape}.pdf", str(flat)], check=True)
    subprocess.run(["qpdf", "--rotate=+90", str(flat), str(OUT / "002_4354457bd10285a1-rotated.pdf")], check=True)
shutil.copy(f"{landscape}.json", OUT / "002_4354457bd10285a1-rotated.json")

subprocess.run(["qpdf", "--encrypt", "secret", "secret", "256", "--", str(OUT / "004_091f97d7362963d8.pdf"), str(BAD / "encrypted.pdf")], check=True)
# A page with a drawing and no text, as a scan without OCR is to a text reader.
content = b"0.5 w 72 72 m 500 700 l S 100 100 300 200 re f"
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
pdf = b"%PDF-1.4\n"
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % off for off in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
(BAD / "no-text.pdf").write_bytes(pdf)
