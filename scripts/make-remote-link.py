#!/usr/bin/env python3
"""Writes fixtures/hostile/remote-link.doc: a legacy Word file whose picture is an
INCLUDEPICTURE link to http://127.0.0.1:47811/logo.png, which LibreOffice fetches while it
converts unless it is kept off the network. The test serves that address and checks that
no request arrives. Made by LibreOffice from a .docx with an externally linked image
(LibreOffice writes the link as an INCLUDEPICTURE field). Needs LibreOffice.
Run from the repository root: python3 scripts/make-remote-link.py"""
import pathlib, subprocess, tempfile, zipfile

URL = "http://127.0.0.1:47811/logo.png"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
picture = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="logo"/><a:graphic>'
           '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo"/><pic:cNvPicPr/></pic:nvPicPr>'
           '<pic:blipFill><a:blip r:link="rId5"/></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
           '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
para = lambda t: f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
body = para("某区2024年政务公开工作要点") + picture + para("一、深化政策解读") + para("（一）做好重要政策解读。（区政府办公室负责）")
files = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{URL}" TargetMode="External"/></Relationships>',
    "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>',
}
out = pathlib.Path("fixtures/hostile")
out.mkdir(parents=True, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    src = pathlib.Path(tmp) / "remote-link.docx"
    with zipfile.ZipFile(src, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "doc", "--outdir", str(out), str(src)], check=True, capture_output=True)
assert URL.encode("utf-16-le") in (out / "remote-link.doc").read_bytes() or URL.encode() in (out / "remote-link.doc").read_bytes(), "the link was not written"
