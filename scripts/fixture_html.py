"""Shared by the fixture scripts that hand the HTML fixtures to LibreOffice or Chromium."""
import pathlib, re


def utf8_html(html: pathlib.Path) -> str:
    """An HTML fixture's text (UTF-8 or GB18030, declared or not), re-declared as UTF-8:
    LibreOffice guesses undeclared encodings badly."""
    raw = html.read_bytes()
    for enc in ("utf-8", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(f"{html}: neither UTF-8 nor GB18030")
    text = re.sub(r"<meta[^>]*charset[^>]*>", "", text)
    return text.replace("<head>", '<head><meta charset="utf-8">', 1)
