"""Notices unlike the seeds, printed in every flow (fixtures/variants/golds/, rendered by
fixtures/make_variants.py): a province's 2019 division with 厅 departments and numbered
sub-points inside measures (``以下工作：`` / ``1.…`` / ``2.…``), a township's 2020 list of
offices (镇党政办, 各村（社区）) with a task-name column and no sections, a district's 2023
table with ``（1）`` sub-points, a county's 2016 table of 县 bureaus (a name with its alias in
brackets, 县委宣传部（县政府新闻办）, relative deadlines), a township's 2024 list whose offices
carry no scope (党政综合办公室, 经济发展办公室, 综合行政执法队). Each variant draws header words, column order, item style,
unit separators (one unit a line included), merges and flow, as the benchmark does."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

import govdisclose
from conftest import FIXTURES, exact_counts

sys.path.insert(0, str(FIXTURES))
from make_variants import FLOWS, choose, golds, render  # noqa: E402

WRITTEN = {stem: g for stem, g in golds(written=True).items() if stem.startswith("9")}


def test_the_written_notices_are_there() -> None:
    assert sorted(WRITTEN) == ["901_province_2019", "902_township_2020", "903_district_2023",
                               "904_county_2016", "905_township_2024"]
    sub_points = [t for g in WRITTEN.values() for t in g["tasks"] if "\n1" in t["measure"] or "\n（1）" in t["measure"]]
    assert len(sub_points) >= 3


@pytest.mark.parametrize("flow", FLOWS)
def test_every_flow_reads_the_written_notices(flow: str, tmp_path: Path) -> None:
    """Pooled over 3 variants of each notice: the flow keeps its items whole (sub-points
    are no rows of their own) and its units apart."""
    rng = random.Random(f"written-{flow}")
    totals = [0, 0, 0]
    per_doc = {}
    for stem, gold in sorted(WRITTEN.items()):
        for k in range(3):
            v = {**choose(rng, gold), "flow": flow}
            path = render(tmp_path / f"{stem}.{k}.out", gold, v)
            pred = json.loads(govdisclose.parse(path).model_dump_json())
            counts = exact_counts(gold, pred)
            totals = [a + b for a, b in zip(totals, counts)]
            per_doc[f"{stem}.{k}"] = (counts, len(pred["tasks"]))
    exact, n_gold, n_pred = totals
    floor = 0.8 if flow in ("raw", "pdfcopy") else 0.9
    assert 2 * exact / (n_gold + n_pred) >= floor, per_doc


def test_sub_points_stay_in_their_measure(tmp_path: Path) -> None:
    """A cell-per-line copy: ``1.`` after ``重点做好以下工作：`` is no new item, and the next
    item (5.) still follows 4."""
    gold = WRITTEN["901_province_2019"]
    v = {**choose(random.Random(3), gold), "flow": "cells", "item": "1."}
    path = render(tmp_path / "p.out", gold, v)
    tasks = govdisclose.parse(path).tasks
    assert [t.item_no for t in tasks] == [str(n) for n in range(1, 14)]
    four = next(t for t in tasks if t.item_no == "4")
    assert "以下工作：\n1.在省政府门户网站开设意见征集专栏；\n2.意见采纳" in four.measure


def test_names_apart_by_a_space_or_a_line() -> None:
    from govdisclose.normalize.units import parse_units
    assert parse_units("镇党政办 镇综治办").responsible == ["镇党政办", "镇综治办"]
    assert parse_units("镇财政所\n镇社事办\n各村（社区）").responsible == ["镇财政所", "镇社事办", "各村（社区）"]
    assert parse_units("市司 法局").responsible == ["市司法局"]  # a space inside a name is debris
    assert parse_units("市政府 办公室").responsible == ["市政府办公室"]
    assert parse_units("省人力资源社会\n保障厅").responsible == ["省人力资源社会保障厅"]


@pytest.mark.parametrize("seed", range(4))
def test_prose_points_keep_their_sub_points(seed: int, tmp_path: Path) -> None:
    """The written divisions printed as points in prose: ``1.`` after a colon inside a
    point, or after a full stop inside a point whose unit note has not come yet (903's
    ``…同步部署。`` / ``1．…；`` / ``2．…（区政府办公室牵头…）``), is a list of that point,
    not the next item; unit notes in any style still parse (各村（社区） keeps its bracket
    on a label line)."""
    from make_prose_variants import render as render_prose

    for stem in ("901_province_2019", "902_township_2020", "903_district_2023"):
        text, printed, _v = render_prose(WRITTEN[stem], random.Random(seed))
        path = tmp_path / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
        pred = json.loads(govdisclose.parse(path).model_dump_json())
        exact, n_gold, n_pred = exact_counts(printed, pred)
        assert n_pred == n_gold and exact >= n_gold - 1, (stem, exact, n_gold, n_pred)


@pytest.mark.parametrize("flow", ["pipe", "cells", "rowtab", "cellpipe", "docx", "pdfcopy", "raw", "layout"])
@pytest.mark.parametrize("role", ["参与", "配合", "按职责分工负责"])
def test_lead_and_responsible_in_one_cell(flow: str, role: str, tmp_path: Path) -> None:
    """One 责任单位 column that says who leads (``区发展改革委牵头，区政府有关部门参与``), in
    copies where rows under merged cells lose cells: the cell is still read as units
    (not run into the measure), and its 牵头 names go to lead."""
    gold = WRITTEN["903_district_2023"]
    v = {**choose(random.Random(5), gold), "flow": flow, "joint": role, "header2": False, "sep": "、"}
    v["cols"] = [c for c in v["cols"] if c != "lead"]
    path = render(tmp_path / "j.out", gold, v)
    pred = json.loads(govdisclose.parse(path).model_dump_json())
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert exact == n_gold == n_pred, (exact, n_gold, n_pred)


def test_raw_print_with_the_measure_first(tmp_path: Path) -> None:
    """``pdftotext -raw`` of a table whose measure column comes first after the 序号: each
    row's first line carries the measure's first line and the one-line cells after it, as
    run-together rows do; the deadline after the measure's last 。 is its own cell, and the
    ``1．`` / ``2．`` list inside item 7 does not stop 8 from opening the next row."""
    gold = WRITTEN["903_district_2023"]
    v = {**choose(random.Random(0), gold), "flow": "raw", "item": "column", "sep": "、", "joint": "",
         "cols": ["section", "item", "measure", "deadline", "lead", "responsible"], "header2": False,
         "title_rows": False, "repeat_groups": False, "preamble": "table title", "page_lines": 0}
    v["names"] = {"section": "重点领域", "item": "编号", "measure": "工作要求", "deadline": "时间节点",
                  "lead": "牵头科室", "responsible": "协办单位"}
    path = render(tmp_path / "r.out", gold, v)
    from govdisclose.parsers import read_document
    from govdisclose.settings import Settings
    assert read_document(path.name, path.read_bytes(), "", Settings()).flow == "raw"
    pred = json.loads(govdisclose.parse(path).model_dump_json())
    assert [t["item_no"] for t in pred["tasks"]] == [str(n) for n in range(1, 10)]
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert exact == n_gold == n_pred


@pytest.mark.parametrize("flow", ["cells", "pdfcopy", "raw", "layout"])
def test_joint_unit_cells_of_the_city_notice(flow: str, tmp_path: Path) -> None:
    """The city's 2022 division (seed 000, unnumbered rows under numbered ones) with
    ``市政府办公厅牵头，各区县政府、市政府各部门配合`` in one column beside a remark column:
    a cell ending in 配合 is finished, so the next measure opens a row; a cell cut inside
    牵 / 头 goes on; the remark (纳入年度考核) is no title."""
    gold = golds()["000_d9d317be621d0210"]
    rng = random.Random(f"joint-{flow}")
    v = {**choose(rng, gold), "flow": flow, "joint": "配合", "header2": False, "sep": "，",
         "title_rows": False, "item": "1．", "layout_slack": [0, 0, 0, 0], "layout_gap": 4}
    v["cols"] = ["section", "task", "measure", "responsible", "extra"]
    v["names"] = {**v["names"], "responsible": "责任单位", "extra": "备注", "section": "工作任务", "task": "工作任务"}
    path = render(tmp_path / "c.out", gold, v)
    pred = json.loads(govdisclose.parse(path).model_dump_json())
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert n_pred == n_gold and exact >= n_gold - 2, (exact, n_gold, n_pred)


def test_raw_remark_before_the_deadline(tmp_path: Path) -> None:
    """``pdftotext -raw`` of a table with 备注 left of 时限要求: a remark that reads like a
    time (持续推进，年底总结) followed by the deadline (10月底前) is two cells, the first the
    remark's; an empty remark leaves the deadline alone."""
    gold = golds()["003_93f9a653648119be"]
    v = {**choose(random.Random(2), gold), "flow": "raw", "item": "1、", "sep": "，", "joint": "",
         "cols": ["section", "measure", "responsible", "extra", "deadline"], "header2": False,
         "title_rows": False, "repeat_groups": False, "preamble": "table title", "page_lines": 0}
    v["names"] = {"section": "工作任务", "measure": "工作措施", "responsible": "配合单位", "extra": "备注",
                  "deadline": "时限要求"}
    path = render(tmp_path / "d.out", gold, v)
    pred = json.loads(govdisclose.parse(path).model_dump_json())
    assert [t["deadline"]["text"] for t in pred["tasks"]] == [t["deadline"]["text"] for t in gold["tasks"]]


def test_layout_numbers_that_start_again_under_each_task(tmp_path: Path) -> None:
    """``pdftotext -layout`` of the city division with a 序号 column printed without a header
    word, its numbers starting again at 1 under some tasks and missing in unnumbered rows:
    the numbers are still a column of their own (not the task's title), and a unit name
    wrapped to a last line of 局 ends its cell, so the next measure opens a row."""
    gold = golds()["000_d9d317be621d0210"]
    v = {**choose(random.Random(4), gold), "flow": "layout", "item": "column", "sep": "，", "joint": "",
         "cols": ["section", "task", "item", "measure", "lead", "responsible", "extra"], "header2": False,
         "title_rows": False, "repeat_groups": False, "layout_slack": [0, 0, 0, 0], "layout_gap": 4,
         "page_lines": 0, "preamble": "table title"}
    v["names"] = {"section": "重 点 领 域", "task": "工 作 任 务", "item": "", "measure": "具 体 措 施",
                  "lead": "牵 头 部 门", "responsible": "责 任 科 室", "extra": "备 注"}
    path = render(tmp_path / "l.out", gold, v)
    pred = json.loads(govdisclose.parse(path).model_dump_json())
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert n_pred == n_gold and exact >= n_gold - 1, (exact, n_gold, n_pred)


def _printed(tmp_path: Path, gold: dict, seed: int, names: dict[str, str], **choices: object) -> Path:
    """One variant of ``gold`` with the columns ``names`` gives (in its order, with their
    header words); the other choices drawn from ``seed`` unless given (one-row header, no
    title rows, merged titles, the table under its title, no page breaks, units apart)."""
    v = {**choose(random.Random(seed), gold), "joint": "", "header2": False, "title_rows": False,
         "repeat_groups": False, "preamble": "table title", "page_lines": 0, **choices,
         "cols": list(names), "names": names}
    return render(tmp_path / f"v{seed}.out", gold, v)


def _read(path: Path) -> dict:
    return json.loads(govdisclose.parse(path).model_dump_json())


def _titles(doc: dict, level: str = "task") -> list[str | None]:
    return [(t[level] or {}).get("title") for t in doc["tasks"]]


def test_raw_empty_remark_cell_before_the_next_title(tmp_path: Path) -> None:
    """``pdftotext -raw`` of the 2017 division (seed 002) with a 备注 column after the units,
    two rows in five with no remark: the next row's task title (推进重大建设项目和 / 公共资源
    配置信息公开), printed after the units of a row with no remark, is that row's title and
    not the remark; a person column (责任领导: 周杰（副 / 县长）) keeps its names."""
    gold = golds()["002_434dd7b64f93f40d"]
    for extra in ("备注", "责任领导"):
        names = {"section": "工作任务", "task": "工作任务", "measure": "工作内容", "responsible": "责任科室",
                 "extra": extra}
        (tmp_path / extra).mkdir()
        pred = _read(_printed(tmp_path / extra, gold, 5, names, flow="raw", item="1.", sep="、"))
        assert [t["item_no"] for t in pred["tasks"]] == [t["item_no"] for t in gold["tasks"]], extra
        assert _titles(pred) == _titles(gold), extra


def test_tab_rows_title_row_right_after_the_repeated_header(tmp_path: Path) -> None:
    """A tab copy of the 2017 division with its sections as title rows across the table and
    the header printed again on every page: a section title on the first line of a page
    (以政务公开助力促改革 under the repeated 任务 | 工作措施 | 配合单位) opens its section; it
    is not the rest of the header's last cell."""
    gold = golds()["002_434dd7b64f93f40d"]
    names = {"task": "任 务", "measure": "工 作 措 施", "responsible": "配 合 单 位"}
    pred = _read(_printed(tmp_path, gold, 6, names, flow="rowtab", item="1、", sep="，", title_rows=True,
                          page_rows=7))
    assert _titles(pred, "section") == _titles(gold, "section")


def test_layout_unlabelled_number_column_with_circled_sub_items(tmp_path: Path) -> None:
    """``pdftotext -layout`` of the district's 2021 division (seed 001) with its 序号 column
    printed without a header word: two sub-items numbered ⑦ and ⑤ in that column (between 16
    and 17, 17 and 18) do not hide it, and with numbers in their own column a measure line
    opening with ``2.`` (``2.其他渠道）。``, the second of its 公开路径) is no new row."""
    gold = golds()["001_5f5c5b47d6ce5cb8"]
    names = {"section": "工作任务", "task": "工作任务", "item": "", "measure": "任务内容", "lead": "牵头科室",
             "responsible": "责任部门", "deadline": "完成时间"}
    pred = _read(_printed(tmp_path, gold, 7, names, flow="layout", item="column", sep="\n",
                          layout_slack=[0, 0, 0, 0], layout_gap=4))
    assert [t["item_no"] for t in pred["tasks"]] == [t["item_no"] for t in gold["tasks"]]
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert exact >= n_gold - 2, (exact, n_gold, n_pred)


def test_raw_print_without_joins_with_rows_cut_by_page_breaks(tmp_path: Path) -> None:
    """``pdftotext -raw`` of a four-column table in which no two cells share a printed line
    (it looks like a PDF viewer's copy, one cut piece a line) and the header comes again on
    every page: a row cut by a page break goes on after the header (its measure's rest,
    ``366纳税服务平台…``, is no title of a new row), as the -raw rebuild reads it."""
    gold = golds()["003_93f9a653648119be"]
    names = {"section": "类  别", "measure": "落  实  举  措", "responsible": "责  任  部  门",
             "deadline": "完  成  时  限"}
    path = _printed(tmp_path, gold, 9, names, flow="raw", item="1．", sep="、", page_lines=48)
    assert path.read_text(encoding="utf-8").count("类  别 落  实  举  措") >= 3
    pred = _read(path)
    assert [t["item_no"] for t in pred["tasks"]] == [t["item_no"] for t in gold["tasks"]]
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert exact >= n_gold - 1, (exact, n_gold, n_pred)


def test_raw_deadline_wrapped_before_a_remark(tmp_path: Path) -> None:
    """``pdftotext -raw`` of the district's 2021 division with 完成时间 then 备注: a deadline
    wrapped at the column's width (专项规划编制完成 / 后20个工作日内公 / 开) is one cell, and a
    remark after a deadline whose last line stops short (…公开 / 纳入年度 / 考核) is not
    glued to it."""
    gold = golds()["001_5f5c5b47d6ce5cb8"]
    names = {"task": "任　务", "measure": "落　实　举　措", "lead": "牵　头　部　门", "responsible": "责　任　单　位",
             "deadline": "完　成　时　间", "extra": "备　注"}
    pred = _read(_printed(tmp_path, gold, 3, names, flow="raw", item="1．", sep="，", title_rows=True))
    assert [t["deadline"]["text"] for t in pred["tasks"][:5]] == [t["deadline"]["text"] for t in gold["tasks"][:5]]


@pytest.mark.parametrize("order", [("lead", "responsible"), ("responsible", "lead")])
def test_raw_one_unit_a_line_in_lead_and_responsible(order: tuple[str, str], tmp_path: Path) -> None:
    """``pdftotext -raw`` of the city division with one unit a line in 牵头 and 配合 (in either
    order): where neither cell's first line shares a baseline, the run of names is cut where a
    lead list ends (before the collectives 各区县政府 / 市政府各部门), and a name cut at the
    column's width (市疫情防控工作领导 / 小组成员单位) is one name."""
    gold = golds()["000_d9d317be621d0210"]
    words = {"lead": "牵头部门", "responsible": "配合单位"}
    names = {"section": "工作任务", "task": "工作任务", "measure": "主要内容", **{c: words[c] for c in order}}
    pred = _read(_printed(tmp_path, gold, 10, names, flow="raw", item="1.", sep="\n"))
    two_leads = [k for k, t in enumerate(gold["tasks"]) if len(t["lead_units"]) == 2 and t["responsible_units"]]
    assert len(two_leads) >= 5
    assert all(pred["tasks"][k]["lead_units"] == gold["tasks"][k]["lead_units"] for k in two_leads)
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert exact >= n_gold - 4, (exact, n_gold, n_pred)


def test_pdf_viewer_copy_remark_is_no_title(tmp_path: Path) -> None:
    """A PDF viewer's copy of the city division, its 一、 / （一） titles as rows across the
    table cut at the column's width (（一）加强涉及市场主体的信息 / 公开) and a 备注 column
    after the joint unit cell: the remark 纳入年度考核 before the next measure is the row's
    remark, not the next row's task (the table numbers its titles; the cut rests of titles
    and of unit cells, 公开 / 责, are no unnumbered titles)."""
    gold = golds()["000_d9d317be621d0210"]
    names = {"task": "工作任务", "measure": "主要内容", "responsible": "责任主体", "extra": "备注"}
    pred = _read(_printed(tmp_path, gold, 11, names, flow="pdfcopy", item="1.", sep="，", joint="按职责分工负责",
                          title_rows=True, layout_gap=4))
    assert _titles(pred) == _titles(gold)


def test_pdf_viewer_copy_one_unit_a_line_with_a_name_cut(tmp_path: Path) -> None:
    """A PDF viewer's copy of the city division, one unit a line in 牵头 and 责任: a name cut
    at the column's width (市疫情防控工作领导小组成员单 / 位) is joined without losing that
    the lines past the last unit column were stacked, so the run is still cut where the lead
    list ends (市卫生健康委, 市政府新闻办 | 各区县政府, …)."""
    gold = golds()["000_d9d317be621d0210"]
    names = {"section": "目标", "task": "重点任务", "item": "编号", "measure": "具体要求", "lead": "牵头单位",
             "responsible": "责任单位"}
    pred = _read(_printed(tmp_path, gold, 12, names, flow="pdfcopy", item="column", sep="\n", layout_gap=4))
    rows = [k for k, t in enumerate(gold["tasks"]) if "市疫情防控工作领导小组成员单位" in t["responsible_units"]]
    assert len(rows) >= 3
    assert all(pred["tasks"][k]["lead_units"] == gold["tasks"][k]["lead_units"] for k in rows)
