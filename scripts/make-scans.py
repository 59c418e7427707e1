#!/usr/bin/env python3
"""Writes fixtures/scans/: PDF fixtures rasterised to image-only PDFs, as a scanner
gives them, each with the expected answer of the PDF it was made from.
- *-300dpi.pdf: pages rendered at 300 dpi in grey (pdftoppm), stored as JPEG (img2pdf):
  no text layer, the rulings only as pixels.
- *-200dpi-noisy.pdf: 200 dpi, turned 0.6 degrees, with Gaussian noise and a grey
  cast (ImageMagick), as a flatbed scan of a printed page comes out.
- 004 page 1 as page images: a 1-bit PNG at 300 dpi and a JPEG at 200 dpi (images are
  read as one-page scans).
- 000 (Chromium, a border="1" web table: light-grey inset borders) page 1 at 300 dpi, its
  JPEG declaring 96 dpi, so that img2pdf makes a page of 1912 x 2475 pt: a scan wrapped at
  a resolution no scanner has.
Needs poppler-utils, img2pdf and ImageMagick. Run from the repository root."""
import json, pathlib, shutil, subprocess, tempfile

SRC = pathlib.Path("fixtures/pdf")
OUT = pathlib.Path("fixtures/scans")
OUT.mkdir(exist_ok=True)
# A table notice from one producer, and a prose notice.
CHOSEN = ["003_ef27fd673396f65e-wkhtmltopdf-separated", "004_091f97d7362963d8"]
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    for stem in CHOSEN:
        pdf = SRC / (stem + ".pdf")
        for dpi, noisy in ((300, False), (200, True)):
            pages = tmp / f"{stem}-{dpi}"
            pages.mkdir()
            subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(pages / "p")], check=True)
            images = []
            for png in sorted(pages.glob("p-*.png")):
                jpg = png.with_suffix(".jpg")
                args = ["convert", str(png)]
                if noisy:
                    args += ["-background", "white", "-rotate", "0.6", "-attenuate", "0.5", "+noise", "Gaussian", "-level", "8%,100%"]
                subprocess.run(args + ["-quality", "80", str(jpg)], check=True)
                images.append(str(jpg))
            name = f"{stem}-{dpi}dpi{'-noisy' if noisy else ''}"
            subprocess.run(["img2pdf", "--pagesize", "A4" if "wkhtml" in stem else "A4", "-o", str(OUT / (name + ".pdf")), *images], check=True)
            shutil.copy(SRC / (stem + ".json"), OUT / (name + ".json"))
    # Page images: one page of the prose notice, as a bi-level PNG and as a JPEG.
    stem = "004_091f97d7362963d8"
    pdf = SRC / (stem + ".pdf")
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "300", "-gray", "-png", str(pdf), str(tmp / "g")], check=True)
    subprocess.run(["convert", str(tmp / "g-1.png"), "-monochrome", str(OUT / f"{stem}-page1-300dpi-1bit.png")], check=True)
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "200", "-jpeg", str(pdf), str(tmp / "c")], check=True)
    subprocess.run(["convert", str(tmp / "c-1.jpg"), "-quality", "45", str(OUT / f"{stem}-page1-200dpi.jpg")], check=True)
    # A web table's page, wrapped as if scanned at 96 dpi.
    stem = "000_992a28b6471132da-chromium-two-row"
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "300", "-gray", "-png", str(SRC / (stem + ".pdf")), str(tmp / "w")], check=True)
    subprocess.run(["convert", str(tmp / "w-1.png"), "-density", "96", "-units", "PixelsPerInch", "-quality", "75", str(tmp / "w-1.jpg")], check=True)
    subprocess.run(["img2pdf", "-o", str(OUT / f"{stem}-page1-96dpi-declared.pdf"), str(tmp / "w-1.jpg")], check=True)
    # Its answer: the PDF's first three tasks, the rows page 1 holds whole.
    gold = json.loads((SRC / (stem + ".json")).read_text(encoding="utf-8"))
    gold["tasks"] = gold["tasks"][:3]
    (OUT / f"{stem}-page1-96dpi-declared.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
