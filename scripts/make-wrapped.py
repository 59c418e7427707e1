#!/usr/bin/env python3
"""Writes fixtures/layouts/prose-wrapped.txt: the prose seed hard-wrapped at 32
characters, as pdftotext prints a prose PDF. Run from the repository root."""
import pathlib, re

src = pathlib.Path("fixtures/seeds/004_091f97d7362963d8.txt").read_text(encoding="utf-8")
out = []
for line in src.split("\n"):
    line = re.sub(r"\[bookmark:[^\]]*\]", "", line)
    out.extend([line[i:i + 32] for i in range(0, len(line), 32)] or [""])
pathlib.Path("fixtures/layouts/prose-wrapped.txt").write_text("\n".join(out), encoding="utf-8")
