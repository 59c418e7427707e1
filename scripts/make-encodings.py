#!/usr/bin/env python3
"""Writes fixtures/encodings/: one seed in the encodings Chinese archives use.
Run from the repository root: python3 scripts/make-encodings.py"""
import pathlib

seed = pathlib.Path("fixtures/seeds/000_992a28b6471132da.txt").read_text(encoding="utf-8")
out = pathlib.Path("fixtures/encodings")
out.mkdir(parents=True, exist_ok=True)
(out / "000-gbk.txt").write_bytes(seed.encode("gbk"))
(out / "000-utf16le-bom.txt").write_bytes(b"\xff\xfe" + seed.encode("utf-16-le"))
(out / "000-utf8-bom.txt").write_bytes(b"\xef\xbb\xbf" + seed.encode("utf-8"))
# Bytes that are neither UTF-8 nor any CJK encoding: a clear error, not garbage.
(out / "binary.txt").write_bytes(bytes(range(256)) * 8)
