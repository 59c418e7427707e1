#!/usr/bin/env python3
"""Writes fixtures/html/: each seed's tasks (from its reference answer) as a government
web page whose table carries the merges the text extraction lost — category, unit and
deadline cells merged vertically (rowspan), 工作任务 spanning its levels (colspan) —
with the page furniture real sites have (nav, a 索引号 metadata table, a footer).
Variants: 001 continued in a second table; 003 with a two-row header and in GBK
without any declaration; 002 in GBK declared as gb2312; 004 (prose) as paragraphs.
The expected answer beside each page is the seed's reference answer.
Run from the repository root: python3 scripts/make-html.py"""
import html, json, pathlib, shutil

OUT = pathlib.Path("fixtures/html")
OUT.mkdir(parents=True, exist_ok=True)
esc = lambda s: html.escape(s or "").replace("\n", "<br>")

FURNITURE_TOP = """<nav class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></nav>
<table class="meta"><tr><td>索引号：</td><td>11340000/2021-00001</td><td>发布机构：</td><td>人民政府办公室</td></tr>
<tr><td>主题分类：</td><td>政务公开</td><td>发布日期：</td><td>2021-03-01</td></tr></table>"""
FURNITURE_END = """<footer><p>主办：人民政府办公室 承办：数据资源管理局</p><p>网站标识码：3400000001 皖ICP备00000000号</p></footer>"""


def runs(tasks, key):
    """Consecutive tasks with the same key: [(start, length)]."""
    out = []
    for i, t in enumerate(tasks):
        k = key(t)
        if out and k is not None and out[-1][2] == k:
            out[-1][1] += 1
        else:
            out.append([i, 1, k])
    return {s: (n, k) for s, n, k in out}


def table_html(tasks, cols, depth, two_row_header):
    has = lambda f: any(t.get(f) for t in tasks)
    rows = []
    if two_row_header and depth == 2:
        rows.append('<tr><th rowspan="2">序号</th><th colspan="2">工作任务</th>'
                    + ('<th rowspan="2">任务名称</th>' if has("title") else "")
                    + '<th rowspan="2">具体要求</th>'
                    + f'<th rowspan="2">{cols["units"]}</th>'
                    + (f'<th rowspan="2">{cols["deadline"]}</th>' if has("deadlineText") else "")
                    + ('<th rowspan="2">完成情况</th>' if has("status") else "")
                    + ('<th rowspan="2">备注</th>' if has("remarks") else "") + "</tr>")
        rows.append("<tr><th>重点领域</th><th>重点任务</th></tr>")
    else:
        rows.append("<tr><th>序号</th>" + (f'<th colspan="{depth}">工作任务</th>' if depth else "")
                    + ("<th>任务名称</th>" if has("title") else "") + "<th>具体要求</th>"
                    + f'<th>{cols["units"]}</th>' + (f'<th>{cols["deadline"]}</th>' if has("deadlineText") else "")
                    + ("<th>完成情况</th>" if has("status") else "") + ("<th>备注</th>" if has("remarks") else "") + "</tr>")
    level_runs = [runs(tasks, lambda t, k=k: tuple(t["path"][: k + 1]) if len(t["path"]) > k else None) for k in range(depth)]
    unit_runs = runs(tasks, lambda t: (t["path"][:1], t["unitsText"]) if t["unitsText"] else None)
    dl_runs = runs(tasks, lambda t: (t["path"][:1], t["deadlineText"]) if t["deadlineText"] else None)
    covered = [set() for _ in range(depth)]
    ucov, dcov = set(), set()
    for i, t in enumerate(tasks):
        cells = [f"<td>{esc(t['number'])}</td>"]
        for k in range(depth):
            if i in covered[k]:
                continue
            n, key = level_runs[k].get(i, (1, None))
            if key is None:
                cells.append("<td></td>")
                continue
            covered[k].update(range(i, i + n))
            cells.append(f'<td rowspan="{n}">{esc(t["path"][k])}</td>' if n > 1 else f"<td>{esc(t['path'][k])}</td>")
        if has("title"):
            cells.append(f"<td>{esc(t.get('title'))}</td>")
        cells.append(f"<td><p>{esc(t['text'])}</p></td>")
        for runs_, cov, field in ((unit_runs, ucov, "unitsText"), (dl_runs, dcov, "deadlineText")):
            if field == "deadlineText" and not has("deadlineText"):
                continue
            if i in cov:
                continue
            n, key = runs_.get(i, (1, None))
            cov.update(range(i, i + n))
            cells.append(f'<td rowspan="{n}">{esc(t[field])}</td>' if n > 1 else f"<td>{esc(t[field])}</td>")
        if has("status"):
            cells.append(f"<td>{esc(t['status'])}</td>")
        if has("remarks"):
            cells.append(f"<td>{esc(t['remarks'])}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    # Column widths, so that Word and PDF renderings fit the page.
    weights = [4] + [11] * depth + ([10] if has("title") else []) + [40, 16] + ([9] if has("deadlineText") else []) + ([8] if has("status") else []) + ([10] if has("remarks") else [])
    total = sum(weights)
    cols_html = "".join(f'<col width="{round(100 * w / total)}%">' for w in weights)
    return f'<table border="1" class="list" width="100%" style="width:100%;table-layout:fixed">\n<colgroup>{cols_html}</colgroup>\n' + "\n".join(rows) + "\n</table>"


def page(title, body, charset):
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return f"<!DOCTYPE html>\n<html><head>{meta}<title>{html.escape(title)}_政务公开</title><script>var x = '<table><tr><td>序号</td></tr></table>';</script></head>\n<body>\n{FURNITURE_TOP}\n{body}\n{FURNITURE_END}\n</body></html>\n"


for seed, opts in {
    "000_992a28b6471132da": {},
    "001_29682c494441ef65": {"split": 67, "letter": True},
    "002_4354457bd10285a1": {"encoding": "gbk", "charset": "gb2312"},
    "003_ef27fd673396f65e": {"encoding": "gbk", "two_row_header": True},
}.items():
    gold = json.loads(pathlib.Path(f"fixtures/gold/{seed}.json").read_text(encoding="utf-8"))
    tasks = gold["tasks"]
    depth = max(len(t["path"]) for t in tasks)
    units_header = next((c for c in gold["columns"] if "单位" in c or "部门" in c), "责任单位")
    deadline_header = next((c for c in gold["columns"] if "时限" in c or "时间" in c), "完成时限")
    cols = {"units": units_header, "deadline": deadline_header}
    body = ""
    if opts.get("letter"):
        body += "<h1>人民政府办公室关于印发2017年政务公开工作分工方案的通知</h1>\n<p>各县（区）人民政府，市级各部门：</p>\n<p>现将分工方案印发给你们，请认真贯彻执行。</p>\n"
    body += f'<p style="text-align:center"><strong>{html.escape(gold["title"])}</strong></p>\n'
    split = opts.get("split")
    parts = [tasks[:split], tasks[split:]] if split else [tasks]
    body += "\n<p></p>\n".join(table_html(p, cols, depth, opts.get("two_row_header")) for p in parts)
    text = page(gold["title"], body, opts.get("charset"))
    (OUT / f"{seed}.html").write_bytes(text.encode(opts.get("encoding", "utf-8")))
    shutil.copy(f"fixtures/gold/{seed}.json", OUT / f"{seed}.json")

# The prose notice: one <p> per paragraph, a <br> inside one of them.
seed = "004_091f97d7362963d8"
lines = [l.replace("[bookmark: _GoBack]", "") for l in pathlib.Path(f"fixtures/seeds/{seed}.txt").read_text(encoding="utf-8").split("\n") if l.strip()]
body = f"<h1>{html.escape(lines[0])}</h1>\n" + "\n".join(f"<p>{html.escape(l)}</p>" for l in lines[1:])
(OUT / f"{seed}.html").write_text(page(lines[0], body, "utf-8"), encoding="utf-8")
shutil.copy(f"fixtures/gold/{seed}.json", OUT / f"{seed}.json")
