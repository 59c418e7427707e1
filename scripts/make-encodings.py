#!/usr/bin/env python3
"""Writes fixtures/encodings/: notices in the encodings Chinese archives use, and text
in other double-byte and 8-bit code pages that must be refused, not misread.
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
# Traditional characters in Big5, as Taiwanese and Hong Kong archives hold them.
trad = pathlib.Path("fixtures/layouts/traditional.txt").read_text(encoding="utf-8")
(out / "traditional-big5.txt").write_bytes(trad.encode("big5"))
# Not Chinese: Japanese Shift-JIS and Korean EUC-KR decode as GB18030 ideographs, Russian
# CP1251 as nothing; each must be an "unknown encoding" error.
(out / "not-chinese-sjis.txt").write_bytes(("市政府は本年度の行政公開の重点業務を次のとおり定める。各部局は責任を持って実施すること。期限は年末までとする。\n" * 4).encode("shift_jis"))
(out / "not-chinese-euckr.txt").write_bytes(("시정부는 올해 행정 공개의 중점 업무를 다음과 같이 정한다. 각 부서는 책임을 지고 실시할 것. 기한은 연말까지로 한다.\n" * 4).encode("euc_kr"))
(out / "not-chinese-cp1251.txt").write_bytes(("Городской совет опубликовал план работы на год, ответственные подразделения и сроки.\n" * 4).encode("cp1251"))
