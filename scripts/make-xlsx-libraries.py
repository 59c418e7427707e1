#!/usr/bin/env python3
"""Writes fixtures/xlsx/ workbooks from two spreadsheet libraries other than LibreOffice
and make-xlsx.py's hand-written OOXML: openpyxl and XlsxWriter (Debian python3-openpyxl,
python3-xlsxwriter). Each library writes its parts its own way (shared strings, styles,
merge records, rich text runs), so the reader is shown producers it was not written from.
New wording for places that do not exist; the structures are those real 台账 and 分工
workbooks have (see each block). The expected answers are written here by hand.
Run from the repository root: /usr/bin/python3 scripts/make-xlsx-libraries.py"""
import datetime, json, pathlib

import openpyxl
from openpyxl.styles import Alignment
import xlsxwriter

OUT = pathlib.Path("fixtures/xlsx")
u = lambda *pairs: [{"name": n, "role": r} for n, r in pairs]
def task(number, path, text, units_text, units, deadline_text, deadline, status=None, remarks=None, extra=None, title=None):
    return {"number": number, "path": path, "title": title, "text": text, "unitsText": units_text, "units": units,
            "deadlineText": deadline_text, "deadline": deadline, "status": status, "remarks": remarks, "extra": extra or {}}
def write_gold(name, gold):
    (OUT / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

# --- openpyxl: a 工作台账 ----------------------------------------------------------------
# An instructions sheet with numbered lines of its own (not tasks) before the plan sheet;
# a title row merged across; a 填报单位 line; a header of two rows (责任单位 over 牵头单位 |
# 配合单位, 进展情况 over one column per month); 重点任务 merged down; a person column;
# a deadline typed as a date cell in a 年月日 format; a line break between two units; a
# summary sheet after it whose table is not a task table.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "填报说明"
for r, line in enumerate(["填报说明", "一、请各单位于每月5日前更新进展情况。", "二、请勿修改表头、序号和任务内容。"], 1):
    ws.cell(r, 1, line)
ws = wb.create_sheet("任务台账")
ws.merge_cells("A1:J1")
ws["A1"] = "东港区2026年优化营商环境重点任务台账"
ws.merge_cells("A2:D2")
ws["A2"] = "填报单位：区营商环境建设办公室"
ws["H2"] = "更新日期：2026年2月1日"
head = ["序号", "重点任务", "具体措施", "责任单位", None, "责任领导", "完成时限", "进展情况", None, "备注"]
sub = [None, None, None, "牵头单位", "配合单位", None, None, "1月", "2月", None]
for c, v in enumerate(head, 1):
    if v: ws.cell(3, c, v)
for c, v in enumerate(sub, 1):
    if v: ws.cell(4, c, v)
for rng in ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4", "G3:G4", "H3:I3", "J3:J4"]:
    ws.merge_cells(rng)
rows = [
    [1, "一、提升政务服务效能", "推行企业开办全流程网上办理，开办时间压缩至1个工作日。", "区市场监管局", "区政务服务中心、区税务局", "王副区长", datetime.date(2026, 6, 30), "已制定实施方案", "系统已上线试运行", None],
    [2, None, "清理涉企审批事项，公布保留事项清单。", "区司法局", "区各相关部门", "王副区长", "2026年9月底前", "正在梳理", "完成清单初稿", None],
    [3, None, "设立“办不成事”反映窗口，问题办结率达到100%。", "区政务服务中心", None, "李副区长", "持续推进", None, None, "每月通报一次"],
    [4, "二、强化要素保障", "建立重点项目用地预审绿色通道。", "区自然资源局", "区发展改革局", "李副区长", "上半年", "已召开协调会", None, None],
    [5, None, "落实小微企业融资担保降费政策。", "区财政局\n区金融服务中心", None, "李副区长", "全年", None, None, None],
]
for r, row in enumerate(rows, 5):
    for c, v in enumerate(row, 1):
        if v is not None:
            cell = ws.cell(r, c, v)
            if isinstance(v, datetime.date):
                cell.number_format = 'yyyy"年"m"月"d"日"'
            if isinstance(v, str) and "\n" in v:
                cell.alignment = Alignment(wrap_text=True)
ws.merge_cells("B5:B7")
ws.merge_cells("B8:B9")
ws.merge_cells("F8:F9")
sm = wb.create_sheet("汇总")
for r, row in enumerate([["单位名称", "任务数", "备注"], ["区市场监管局", 1, None], ["区司法局", 1, None]], 1):
    for c, v in enumerate(row, 1):
        if v is not None: sm.cell(r, c, v)
wb.save(OUT / "openpyxl-ledger.xlsx")

P1 = ["一、提升政务服务效能"]
P2 = ["二、强化要素保障"]
write_gold("openpyxl-ledger", {
    "title": "东港区2026年优化营商环境重点任务台账",
    "year": 2026,
    "tasks": [
        task("1", P1, "推行企业开办全流程网上办理，开办时间压缩至1个工作日。", "区市场监管局；区政务服务中心、区税务局",
             u(("区市场监管局", "lead"), ("区政务服务中心", "support"), ("区税务局", "support")), "2026年6月30日", {"kind": "by-date", "date": "2026-06-30"},
             status="系统已上线试运行", extra={"责任领导": "王副区长", "进展情况 1月": "已制定实施方案"}),
        task("2", P1, "清理涉企审批事项，公布保留事项清单。", "区司法局；区各相关部门",
             u(("区司法局", "lead"), ("区各相关部门", "support")), "2026年9月底前", {"kind": "by-date", "date": "2026-09-30"},
             status="完成清单初稿", extra={"责任领导": "王副区长", "进展情况 1月": "正在梳理"}),
        task("3", P1, "设立“办不成事”反映窗口，问题办结率达到100%。", "区政务服务中心",
             u(("区政务服务中心", "lead")), "持续推进", {"kind": "ongoing", "date": None},
             remarks="每月通报一次", extra={"责任领导": "李副区长"}),
        task("4", P2, "建立重点项目用地预审绿色通道。", "区自然资源局；区发展改革局",
             u(("区自然资源局", "lead"), ("区发展改革局", "support")), "上半年", {"kind": "by-date", "date": "2026-06-30"},
             extra={"责任领导": "李副区长", "进展情况 1月": "已召开协调会"}),
        task("5", P2, "落实小微企业融资担保降费政策。", "区财政局\n区金融服务中心",
             u(("区财政局", "lead"), ("区金融服务中心", "lead")), "全年", {"kind": "year-round", "date": "2026-12-31"},
             extra={"责任领导": "李副区长"}),
    ],
})

# --- XlsxWriter: a 分工 table ---------------------------------------------------------------
# The title in A1 without a merge (it spills over), a blank row; categories as rows merged
# across the table; numbering restarting in each category; no requirement column (the
# 工作任务 cell is the text); a task split into two sub-rows under one merged 序号 cell,
# each with its own units, and their deadline merged; deadlines as date cells in two
# formats (yyyy-mm-dd, m月d日); a rich-text units cell; a statistics sheet first.
wb = xlsxwriter.Workbook(str(OUT / "xlsxwriter-division.xlsx"))
stats = wb.add_worksheet("统计")
for r, row in enumerate([["单位", "任务数量"], ["县司法局", 2], ["县政府办公室", 3]]):
    for c, v in enumerate(row):
        stats.write(r, c, v)
ws = wb.add_worksheet("任务分工")
iso = wb.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
md = wb.add_format({"num_format": 'm"月"d"日"', "valign": "top"})
bold = wb.add_format({"bold": True})
wrap = wb.add_format({"text_wrap": True, "valign": "top"})
ws.write(0, 0, "云岭县2026年政务公开重点工作任务分工")
ws.write_row(2, 0, ["序号", "工作任务", "责任单位", "完成时间"])
ws.merge_range(3, 0, 3, 3, "一、推进决策公开")
ws.write_row(4, 0, [1, "编制年度重大行政决策事项目录并向社会公布。", "县政府办公室"])
ws.write_datetime(4, 3, datetime.datetime(2026, 3, 31), iso)
ws.merge_range(5, 0, 6, 0, 2)
ws.write(5, 1, "对涉及群众切身利益的重大决策开展预公开。")
ws.write(5, 2, "县司法局")
ws.write(6, 1, "建立重大决策执行情况后评估制度。")
ws.write(6, 2, "县政府办公室")
ws.merge_range(5, 3, 6, 3, datetime.datetime(2026, 10, 31), iso)
ws.merge_range(7, 0, 7, 3, "二、深化政策解读")
ws.write_row(8, 0, [1, "政策文件与解读材料同步起草、同步审签、同步发布。"])
ws.write_rich_string(8, 2, bold, "县财政局", "牵头，县审计局配合", wrap)
ws.write_datetime(8, 3, datetime.datetime(2026, 6, 30), md)
ws.write_row(9, 0, [2, "围绕惠企政策开展图文、视频等多元化解读。", "县融媒体中心", "每季度"])
wb.close()

C1 = ["一、推进决策公开"]
C2 = ["二、深化政策解读"]
write_gold("xlsxwriter-division", {
    "title": "云岭县2026年政务公开重点工作任务分工",
    "year": 2026,
    "tasks": [
        task("1", C1, "编制年度重大行政决策事项目录并向社会公布。", "县政府办公室", u(("县政府办公室", "responsible")), "2026-03-31", {"kind": "by-date", "date": "2026-03-31"}),
        task("2", C1, "对涉及群众切身利益的重大决策开展预公开。", "县司法局", u(("县司法局", "responsible")), "2026-10-31", {"kind": "by-date", "date": "2026-10-31"}),
        task(None, C1, "建立重大决策执行情况后评估制度。", "县政府办公室", u(("县政府办公室", "responsible")), "2026-10-31", {"kind": "by-date", "date": "2026-10-31"}),
        task("1", C2, "政策文件与解读材料同步起草、同步审签、同步发布。", "县财政局牵头，县审计局配合", u(("县财政局", "lead"), ("县审计局", "support")), "6月30日", {"kind": "by-date", "date": "2026-06-30"}),
        task("2", C2, "围绕惠企政策开展图文、视频等多元化解读。", "县融媒体中心", u(("县融媒体中心", "responsible")), "每季度", {"kind": "recurring", "date": None}),
    ],
})
