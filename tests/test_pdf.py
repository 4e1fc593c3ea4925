"""The PDF reader: ruled tables stitched over pages, rows cut by page breaks, unruled tables."""
from __future__ import annotations

import govdisclose
from conftest import CORPUS, FIXTURES, exact_f1, gold_for


def test_row_cut_by_a_page_break_is_one_task() -> None:
    notice = govdisclose.parse(CORPUS / "001_5f5c5b47d6ce5cb8.pdf")
    t = {x.item_no: x for x in notice.tasks}
    # item 2 starts on page 1 and ends on page 2: one record, page of its first line
    assert t["2"].measure.endswith("（公开路径：1.政府网站>政府信息公开>法定主动公开内容>规划信息>专项规划，2.其他渠道）。")
    assert t["2"].provenance.page == 1
    assert (t["2"].deadline.kind, t["2"].deadline.text) == ("relative", "专项规划编制完成后20个工作日内公开")
    assert t["3"].provenance.page == 2
    # the section heading cut by a page break is whole on both sides of the break
    assert {x.section.title for x in notice.tasks if x.section.no == "二"} == {"紧扣宏观政策落地见效深化政务公开"}
    assert len(notice.tasks) == 79 and len({x.item_no for x in notice.tasks}) == 79


def test_row_cut_by_a_page_break_mid_title_is_one_task() -> None:
    """The merged task title is cut by the page break too (推进减税、降费、降低要素 |
    成本信息公开), and so is a unit name (市经济信 | 息委): still one task."""
    tasks = govdisclose.parse(CORPUS / "002_434dd7b64f93f40d.pdf").tasks
    four = [t for t in tasks if t.item_no == "4"]
    assert len(four) == 1 and len(tasks) == 34
    assert four[0].task.title == "推进减税、降费、降低要素成本信息公开"
    assert "市经济信息委" in four[0].responsible_units and four[0].measure.endswith("每年披露社会保险运行发展情况。")


def test_repeated_headers_are_not_tasks_and_no_cjk_spaces() -> None:
    notice = govdisclose.parse(CORPUS / "003_93f9a653648119be.pdf")
    assert not any("工作任务" in x.measure for x in notice.tasks)
    assert not any(" " in x.measure.replace("\n", "") for x in notice.tasks if "PPP" not in x.measure)
    assert notice.notice.table_title == "2022年全市政务公开工作主要任务分解表"


def test_unruled_table_falls_back_to_column_bands() -> None:
    for stem in ("003_93f9a653648119be", "001_5f5c5b47d6ce5cb8"):
        path = FIXTURES / "pdf" / f"{stem}.unruled.pdf"
        notice = govdisclose.parse(path)
        assert any("no ruling lines" in w for w in notice.warnings)
        assert exact_f1(gold_for(path), notice.model_dump(mode="json")) >= 0.9
        assert all(x.provenance.page for x in notice.tasks)


def test_units_one_a_line_in_a_narrow_column_stay_apart() -> None:
    """A township's table printed by LibreOffice (fixtures/variants/golds/902…): the unit
    column is narrow, so 镇便民服 / 务中心 wraps mid-name and 镇党政办 starts the next line."""
    tasks = govdisclose.parse(FIXTURES / "pdf" / "township_units_one_a_line.pdf").tasks
    assert [t.item_no for t in tasks] == [str(n) for n in range(1, 9)]
    assert tasks[1].responsible_units == ["镇便民服务中心", "镇党政办"]
    assert tasks[2].responsible_units == ["镇财政所", "镇社事办", "镇农业服务中心"]
    assert tasks[4].responsible_units == ["镇经发办", "镇纪委", "各村（社区）"]
