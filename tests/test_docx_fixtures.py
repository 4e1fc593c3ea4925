"""The Word reader and shaping on the project's own .docx fixtures (fixtures/make_docx.py).

Expected records are written out by hand from what each notice says.
"""
from __future__ import annotations

import datetime as dt

import docx

import govdisclose
from conftest import FIXTURES

DOCX = FIXTURES / "docx"


def _rows(name: str):
    return govdisclose.parse(DOCX / name).tasks


def test_merged_cells_numbering_and_units() -> None:
    notice = govdisclose.parse(DOCX / "merged.docx")
    meta = notice.notice
    assert meta.doc_number == "璧府办〔2021〕12号"
    assert meta.issuer == "重庆市璧山区人民政府办公室"
    assert meta.issued_on == dt.date(2021, 6, 19)  # printed as 二〇二一年六月十九日
    assert meta.region == "重庆市璧山区" and meta.plan_year == 2021
    assert meta.table_title == "璧山区2021年政务公开工作要点任务分工"
    assert [r.doc_number for r in meta.references] == ["渝府办发〔2021〕50号"]

    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "4", "5", "6", "7"]
    # vertically merged grouping cells are carried down
    assert [(x.section.no, x.task.no) for x in t] == [("一", "（一）"), ("一", "（一）"), ("一", "（二）"),
                                                      ("二", "（三）"), ("二", "（三）"), ("二", "（三）"),
                                                      ("二", "（三）")]
    assert t[0].section.title == "加强政策解读" and t[0].task.title == "做好规划公开"
    assert t[0].lead_units == ["区发展改革委"]  # alias 区发改委 folded
    assert t[0].disclosure_paths == ["政府网站>政府信息公开>规划信息"]
    assert (t[0].deadline.kind, t[0].deadline.date) == ("date", dt.date(2021, 9, 30))
    assert t[1].responsible_units == ["区规划自然资源局", "区级各有关部门"]
    assert t[1].deadline.date == dt.date(2021, 9, 30)  # 三季度前
    assert (t[2].lead_units, t[2].responsible_units) == (["办公室"], ["各科室"])
    # one cell holding 4．5．6． becomes three tasks sharing the row's units and deadline
    assert [x.measure for x in t[3:6]] == ["完善办理流程。", "加强答复审查。", "做好统计分析。"]
    assert all(x.lead_units == ["区司法局"] and x.deadline.date == dt.date(2022, 1, 15) for x in t[3:6])
    assert t[6].lead_units == [] and t[6].deadline.kind == "relative"
    assert t[6].provenance.table == 0 and t[6].provenance.row == 5


def test_content_controls_and_tracked_changes() -> None:
    # python-docx itself does not see the cell inside the content control
    d = docx.Document(DOCX / "sdt.docx")
    assert "县财政局" not in [c.text for c in d.tables[0].rows[2].cells]
    t = _rows("sdt.docx")
    assert [x.responsible_units for x in t] == [["县司法局"], ["县财政局"], ["县税务局"]]
    assert t[2].measure == "公开减税降费政策及其解读信息。"  # w:ins kept, w:del dropped
    assert t[1].deadline.kind == "conditional"
    assert all(x.section is None and x.task is None for x in t)


def test_two_row_header_section_row_and_split_table() -> None:
    notice = govdisclose.parse(DOCX / "split.docx")
    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "4"]  # the table Word split in two is one table
    assert all(x.section.no == "一" and x.section.title == "深化重点领域信息公开" for x in t)
    assert (t[0].lead_units, t[0].responsible_units) == (["县农业农村局"], ["各乡镇人民政府"])
    assert t[1].lead_units == ["县人力社保局"] and t[1].responsible_units == ["县财政局", "县税务局"]
    assert t[3].responsible_units == ["各县(市、区)政府"]
    assert (t[3].deadline.kind, t[3].deadline.date) == ("date", dt.date(2023, 11, 30))
    assert t[0].deadline.kind == "ongoing"
    assert notice.notice.region == "宣汉县"


def test_traditional_notice_is_simplified_with_mainland_wording() -> None:
    notice = govdisclose.parse(DOCX / "traditional.docx")
    t = notice.tasks
    assert t[0].measure == "优化互联网门户网站的政策检索程序，设定许可权。"
    assert t[1].measure == "加强对群众关切的回应。"
    assert t[0].lead_units == ["区政府办公室"] and t[1].lead_units == ["区大数据发展局"]
    assert notice.notice.region == "重庆市江北区"
    assert any("traditional" in w for w in notice.warnings)


def test_word_automatic_numbering_gives_item_numbers() -> None:
    # python-docx sees empty 序号 cells: Word draws the numbers from numbering.xml
    d = docx.Document(DOCX / "autonum.docx")
    assert [r.cells[0].text for r in d.tables[0].rows[1:]] == ["", "", ""]
    t = _rows("autonum.docx")
    assert [(x.item_no, x.responsible_units) for x in t] == [("1", ["县财政局"]), ("2", ["县发展改革局"]),
                                                            ("3", ["县政务服务中心"])]


def test_chinese_numerals_for_word_lists() -> None:
    from govdisclose.parsers.docx_numbering import chinese, format_number

    assert [chinese(n) for n in (1, 10, 11, 20, 21, 105)] == ["一", "十", "十一", "二十", "二十一", "一百零五"]
    assert format_number(3, "decimalEnclosedCircle") == "③" and format_number(4, "upperRoman") == "IV"
