#!/usr/bin/env python3
"""Writes fixtures/scrambled/<seed>.txt: the tasks of a seed (from its reference answer)
printed as the text of a merged-cell PDF table comes out of some extractors — on every
other page the numbered rows (with their deadlines) first and the requirement rows
(with their units) after; merged category cells printed once. Tests read them against
the same reference answers. Run from the repository root."""
import json, pathlib

out_dir = pathlib.Path("fixtures/scrambled")
out_dir.mkdir(exist_ok=True)
for seed in ["000_992a28b6471132da", "003_ef27fd673396f65e"]:
    gold = json.loads(pathlib.Path(f"fixtures/gold/{seed}.json").read_text(encoding="utf-8"))
    tasks = gold["tasks"]
    header = "\t".join(["工作任务", "", "序号", "具体要求", "责任单位", "时限要求"])
    out = [gold["title"], ""]
    for p in range(0, len(tasks), 6):
        page = tasks[p:p + 6]
        out.append(header)
        prev = None
        rows = []
        for i, t in enumerate(page):
            if i == 0 or t["path"][0] != prev[0]:
                cats = t["path"]
            elif t["path"] != prev:
                cats = ["", t["path"][1]]
            else:
                cats = ["", ""]
            rows.append((cats, t))
            prev = t["path"]
        if (p // 6) % 2 == 1:
            out += ["\t".join([t["number"], *cats, "", t["deadlineText"]]) for cats, t in rows]
            out += ["\t".join(["", "", "", t["text"], t["unitsText"], ""]) for _, t in rows]
        else:
            out += ["\t".join([*cats, t["number"], t["text"], t["unitsText"], t["deadlineText"]]) for cats, t in rows]
        out.append("")
    (out_dir / f"{seed}.txt").write_text("\n".join(out), encoding="utf-8")
