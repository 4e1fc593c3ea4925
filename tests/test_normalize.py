"""Each normaliser alone, on strings taken from real notices."""
from __future__ import annotations

import datetime as dt

import pytest

from govdisclose.normalize.deadlines import parse_deadline
from govdisclose.normalize.notice import doc_number, extract_notice, parse_date, region_of
from govdisclose.normalize.paths import disclosure_paths
from govdisclose.normalize.text import clean_cell, display_width, fold_width, is_traditional, join_lines, to_simplified
from govdisclose.normalize.units import join_broken_lines, lead_cut, parse_units, scoped_unit, starts_known
from govdisclose.normalize.words import breaks_word


# --- text -------------------------------------------------------------------------

def test_traditional_to_simplified_keeps_legal_terms() -> None:
    assert to_simplified("國務院辦公廳") == "国务院办公厅"
    out = to_simplified("最佳化網際網路入口網站的程式，設定許可權")
    assert out == "优化互联网门户网站的程序，设定许可权"


def test_simplified_text_is_not_detected_as_traditional() -> None:
    text = "显著提升政务公开质量，著力推进决策公开，重庆市人民政府办公厅" * 5
    assert not is_traditional(text)
    assert is_traditional("國務院辦公廳關於印發2022年政務公開工作要點的通知")


def test_widths_and_spacing() -> None:
    assert fold_width("２０２１年ＡＢ") == "2021年AB"
    assert clean_cell("贯　　彻　　举　　措") == "贯彻举措"
    assert clean_cell("渝北区 2021 年政务公开") == "渝北区2021年政务公开"
    assert join_lines("区规划自然资源\n局") == "区规划自然资源局"
    assert join_lines("open\ndata") == "open data"


# --- units --------------------------------------------------------------------------

@pytest.mark.parametrize("cell,role,lead,resp", [
    ("市政府办公厅、市司法局", "lead", ["市政府办公厅", "市司法局"], []),
    ("各区县政府、市政府各部门", "responsible", [], ["各区县政府", "市政府各部门"]),
    ("办公室牵头，各科室配合", "responsible", ["办公室"], ["各科室"]),
    ("区司法局牵头落实", "responsible", ["区司法局"], []),
    ("市司法局等市直各有关部门", "responsible", [], ["市司法局", "市直各有关部门"]),
    ("市财政局等", "responsible", [], ["市财政局"]),
    ("市财政局等部门", "responsible", [], ["市财政局"]),
    ("市财政局（牵头）、市税务局", "responsible", ["市财政局"], ["市税务局"]),
    ("市财政局(牵头),市税务局(配合)", "responsible", ["市财政局"], ["市税务局"]),
    ("市政府办公室（市大数据局）、市司法局", "responsible", [], ["市政府办公室（市大数据局）", "市司法局"]),
    ("各县(市、区)政府", "responsible", [], ["各县(市、区)政府"]),
    ("—", "responsible", [], []),
    ("市发改委", "lead", ["市发展改革委"], []),
    ("区人力资源和社会保障局", "lead", ["区人力社保局"], []),
    ("各镇街负责落实", "responsible", [], ["各镇街"]),
    ("县财政局；县税务局", "responsible", [], ["县财政局", "县税务局"]),
    ("牵头单位:县政府办,责任单位:各乡镇", "responsible", ["县政府办"], ["各乡镇"]),
    ("区政府办公室、区政府办公室", "lead", ["区政府办公室"], []),
    # a township's offices carry no scope; a copy prints the cell's line break as a space
    ("经济发展办公室 社会事务办公室", "responsible", [], ["经济发展办公室", "社会事务办公室"]),
    ("各村（社区） 综合行政执法队", "responsible", [], ["各村（社区）", "综合行政执法队"]),
    ("经济发展办公室社会事务办公室", "responsible", [], ["经济发展办公室", "社会事务办公室"]),
    # (a space inside one name stays inside it)
    ("市政府 办公室", "responsible", [], ["市政府办公室"]),
    ("区政府 信息公开办", "responsible", [], ["区政府信息公开办"]),
])
def test_units(cell: str, role: str, lead: list[str], resp: list[str]) -> None:
    got = parse_units(cell, role)
    assert (got.lead, got.responsible) == (lead, resp)


# --- deadlines ----------------------------------------------------------------------

@pytest.mark.parametrize("cell,kind,date", [
    ("10月31日前", "date", dt.date(2021, 10, 31)),
    ("年底前", "date", dt.date(2021, 12, 31)),
    ("9月底前", "date", dt.date(2021, 9, 30)),
    ("9月前", "date", dt.date(2021, 9, 30)),
    ("9月投入使用", "date", dt.date(2021, 9, 30)),
    ("三季度前", "date", dt.date(2021, 9, 30)),
    ("2022年1月15日前", "date", dt.date(2022, 1, 15)),
    ("10月31日前，如有新增规划，编制完成后20个工作日内公开", "date", dt.date(2021, 10, 31)),
    ("6月30日前完成并动态更新", "date", dt.date(2021, 6, 30)),
    ("5月31日前、11月30日前", "date", dt.date(2021, 11, 30)),
    ("长期坚持", "ongoing", None),
    ("持续推进", "ongoing", None),
    ("及时更新", "ongoing", None),
    ("全年", "ongoing", None),
    ("常年", "ongoing", None),
    ("本年度", "ongoing", None),
    ("专项规划编制完成后20个工作日内公开", "relative", None),
    ("按市级部门要求时限完成", "conditional", None),
    ("按市财政局规定时间公开", "conditional", None),
    ("按季度", "ongoing", None),
    ("每季度末", "ongoing", None),
    ("2022年第二季度", "date", dt.date(2022, 6, 30)),
    ("上半年", "date", dt.date(2021, 6, 30)),
    ("11月底前启动，12月底前完成", "date", dt.date(2021, 12, 31)),
    ("2021.06.30", "date", dt.date(2021, 6, 30)),
    ("2021-9-30前", "date", dt.date(2021, 9, 30)),
    ("2022/3", "date", dt.date(2022, 3, 31)),
    ("", "none", None),
    ("—", "none", None),
])
def test_deadlines(cell: str, kind: str, date) -> None:
    d = parse_deadline(cell, 2021)
    assert (d.kind, d.date) == (kind, date)
    assert d.text == cell.replace(" ", "")


def test_deadline_without_year_has_no_date() -> None:
    d = parse_deadline("年底前", None)
    assert (d.kind, d.date) == ("date", None)


# --- paths ---------------------------------------------------------------------------

def test_disclosure_paths() -> None:
    m = ("公开全区规划〔公开路径：1.政府网站>政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划，"
         "2.政务新媒体、宣传栏等其他渠道〕。在政府网站“政务公开>政府信息公开目录”中设置栏目（公开路径："
         "政府网站>政务公开>政府信息公开目录>“六稳”“六保”>重要政策/政策解读）。")
    assert disclosure_paths(m) == ["政府网站>政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划",
                                   "政府网站>政务公开>政府信息公开目录>“六稳”“六保”>重要政策/政策解读"]
    assert disclosure_paths("没有路径的举措。") == []


# --- notice ---------------------------------------------------------------------------

def test_doc_numbers_with_any_brackets() -> None:
    assert doc_number("渝北府办〔2021〕30号") == "渝北府办〔2021〕30号"
    assert doc_number("国办发[2022]8号") == "国办发〔2022〕8号"
    assert doc_number("宣府办发（2023）5号") == "宣府办发〔2023〕5号"


def test_dates() -> None:
    assert parse_date("2021年6月19日") == dt.date(2021, 6, 19)
    assert parse_date("二〇二一年六月十九日") == dt.date(2021, 6, 19)
    assert parse_date("二○二二年十二月三十一日") == dt.date(2022, 12, 31)
    assert parse_date("发布日期：2022-05-20") == dt.date(2022, 5, 20)


def test_regions() -> None:
    assert region_of("重庆市渝北区人民政府办公室") == "重庆市渝北区"
    assert region_of("宣汉县人民政府办公室") == "宣汉县"
    assert region_of("国务院办公厅") == "全国"
    assert region_of("重庆市人民政府办公厅") == "重庆市"
    assert region_of(None) is None


def test_notice_from_portal_labels() -> None:
    meta = extract_notice([
        "索引号：11500112/2021-00123", "发布机关：重庆市渝北区人民政府办公室", "成文日期：2021-06-19",
        "发文字号：渝北府办〔2021〕30号", "发布日期：2021-06-25",
        "标题：重庆市渝北区人民政府办公室关于印发渝北区2021年政务公开重点工作任务分工的通知",
    ])
    assert meta.doc_number == "渝北府办〔2021〕30号"
    assert meta.issuer == "重庆市渝北区人民政府办公室"
    assert meta.issued_on == dt.date(2021, 6, 19)
    assert meta.published_on == dt.date(2021, 6, 25)
    assert meta.plan_year == 2021 and meta.region == "重庆市渝北区"


def test_item_numbers_as_printed() -> None:
    from govdisclose.shape.numbering import clean_item_no, split_item_no

    assert [clean_item_no(x) for x in ("1.", "2、", "3．", "(4)", "（5）", " ", "⑥")] == [
        "1", "2", "3", "（4）", "（5）", None, "⑥"]
    assert split_item_no("15.在政府网站设置栏目。") == ("15", "在政府网站设置栏目。")
    assert split_item_no("1﹒公开预算。") == ("1", "公开预算。")
    assert split_item_no("⑦.严格落实条例。") == ("⑦", "严格落实条例。")
    assert split_item_no("2022年底前完成。") == (None, "2022年底前完成。")


@pytest.mark.parametrize("text,kind", [
    ("及时公开本区经济运行数据。", "measure"),  # says 及时, is a measure
    ("及时通报、整改。", "measure"),
    ("长期坚持。", "deadline"),
    ("定期更新政府信息公开指南和目录", "short"),  # a short text, fit for a measure column
    ("根据工作进度及时更新", "deadline"),
    ("持续推进，每季度更新一次", "deadline"),
    ("2023.06.30", "deadline"),
    ("区统计局", "units"),
    # a measure line opening with the units it names: 进行 ends with 行, but no bank's name
    ("各区县（自治县）人民政府、市政府各部门要对拟公开的政府信息进行", "measure"),
    ("人行重庆营管部、中国人民银行重庆营业管理部", "units"),
])
def test_time_words_do_not_make_a_measure_a_deadline(text: str, kind: str) -> None:
    from govdisclose.shape.celltypes import cell_type
    assert cell_type(text) == kind


@pytest.mark.parametrize("word,role", [
    ("贯　彻　举　措", "measure"), ("工作任务及措施", "measure"), ("工作目标及要求", "measure"),
    ("工作任务", "group"), ("牵头科室", "lead"), ("公开主体", "responsible"), ("协办单位", "responsible"),
    ("时间节点", "deadline"), ("任务来源", "other"), ("完成标准", "other"), ("分管领导", "other"),
    ("一、深化重点领域信息公开", None),
    # the longer word decides: 牵头责任单位 is the lead, 进度要求 a deadline (not 要求, a measure)
    ("牵头责任单位", "lead"), ("配合责任单位", "responsible"), ("进度要求", "deadline"),
    ("负责单位", "responsible"), ("责任科（股）室", "responsible"), ("督办单位", "other"),
])
def test_header_synonyms(word: str, role: str | None) -> None:
    from govdisclose.shape.header import header_role
    assert header_role(word) == role


def test_peoples_organisations_end_like_units() -> None:
    from govdisclose.normalize.units import ends_like_unit, parse_units
    assert ends_like_unit("区妇联") and ends_like_unit("县工商联")
    assert parse_units("区妇联、县残联\n区科协", "responsible").responsible == ["区妇联", "县残联", "区科协"]


def test_a_grouping_word_right_of_the_measure_heads_a_text_column() -> None:
    from govdisclose.shape.header import resolve_roles
    assert resolve_roles(["序号", "重点任务", "具体措施", "工作目标", "牵头单位"]) == \
        ["item_no", "group", "measure", "other", "lead"]


@pytest.mark.parametrize("left,right,inside", [
    ("持续推进，年", "底总结", True),            # 年底
    ("推进政府和社会资本合", "作（PPP）项目信息", True),  # 合作
    ("市人", "力社保局", True),                 # 人力
    ("以政务公开助力稳增长", "加强预期引导", False),   # two titles
    ("提高政策透明度。", "加强全市内外舆情", False),
])
def test_a_line_break_inside_a_word(left: str, right: str, inside: bool) -> None:
    assert breaks_word(left, right) is inside


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("（PPP）项目") == 2 + 3 + 2 + 4
    assert display_width("2022年") == 4 + 2


def test_display_width_sets_quotes_as_wide_as_a_character() -> None:
    """A CJK font prints “ ” as wide as a character: 推进“放管服”改革 fills the line that
    推进政府和社会资本 does (LibreOffice cut the task cell there)."""
    assert display_width("推进“放管服”改革") == display_width("推进政府和社会资本") == 18


def test_whole_unit_names_and_their_starts() -> None:
    assert scoped_unit("区财政局") and scoped_unit("各镇（街道）") and scoped_unit("人行重庆营管部")
    assert not scoped_unit("推进政府和社") and not scoped_unit("人民政府")
    assert starts_known("各区县（自治县）人民政") and not starts_known("加强预期")


def test_role_words_in_a_wrapped_unit_cell() -> None:
    """A cell saying who leads, wrapped at its column: a role word cut by the line break is
    still a role word, and a name's piece before the cut role word is name (not 市政协's 协)."""
    from govdisclose.normalize.units import names_with_role, without_role_tail
    split = parse_units("区发展改革委牵\n头，区经济信息\n委、区商务委参\n与")
    assert split.lead == ["区发展改革委"] and split.responsible == ["区经济信息委", "区商务委"]
    assert names_with_role("有关单位参与") and names_with_role("参与")
    assert not names_with_role("区政府办公室负责组织实施")
    assert without_role_tail("事处按职责分工负") == "事处"
    assert without_role_tail("市政协") == "市政协"


def test_line_break_inside_brackets_is_no_part_of_the_name() -> None:
    """One unit a line, a name wrapped inside its brackets (各县（市、 / 区）人民政府): the
    bracket keeps it one unit, and the break goes."""
    assert parse_units("各市（州）人民政府\n各县（市、\n区）人民政府").responsible == ["各市（州）人民政府", "各县（市、区）人民政府"]


def test_wrapped_header_keeps_a_unit_column_beside_remark_and_time() -> None:
    """-raw of a header whose cells wrapped (主 责 / 单 位, 协 办 单 / 位, 备 注 时 间 / 节 点):
    协办单位 / 备注 / 时间 are columns of their own, not a lower row under 主责单位."""
    from govdisclose.parsers.text.layout import find_one_line_header
    text = ["2019 年全省政务公开工作要点任务分工", "工 作", "任 务", "工 作 任", "务", "具 体 任 务 主 责", "单 位",
            "协 办 单", "位", "备 注 时 间", "节 点", "一、围", "绕稳就"]
    found = find_one_line_header(list(enumerate(text, start=1)))
    assert found is not None
    assert found[1] == ["工作任务", "工作任务", "具体任务", "主责单位", "协办单位", "备注", "时间节点"]


def test_a_unit_name_cut_twice_is_joined() -> None:
    """A narrow unit column cuts one name over three lines, its middle a whole line: the
    pieces make a known name (市政府信息公开办, 人行重庆营管部), the last two alone none."""
    assert join_broken_lines("局、市政府\n信息公开\n办、各区县") == "局、市政府信息公开办、各区县"
    assert join_broken_lines("计局、人行\n重庆营管\n部、重庆银\n监局") == "计局、人行重庆营管部、重庆银监局"
    assert join_broken_lines("市财政局\n市审计局\n市统计局") == "市财政局\n市审计局\n市统计局"


def test_lead_cut_in_a_run_of_one_unit_a_line() -> None:
    """Where the lead list ends in a lead-then-responsible run with no mark between: at the
    first name printed again, after the governments of one level (they lead together), at a
    collective, else after one unit."""
    assert lead_cut(["区财政局", "区审计局", "区财政局", "区审计局"]) == 2
    assert lead_cut(["各镇人民政府", "各街道办事处"]) == 2
    assert lead_cut(["各镇人民政府", "各街道办事处", "区级各部门"]) == 2
    assert lead_cut(["区财政局", "区级各部门", "各镇人民政府"]) == 1
    assert lead_cut(["区财政局", "区审计局"]) == 1


def test_layout_line_cut_where_pdftotext_set_a_cell_over_its_bound() -> None:
    """A -layout line cut at column bounds: a date's month past the bound stays the date's;
    two spaces inside a piece part two cells (a digit left over from the date, a unit set
    short of its column, a 序号 beside the measure)."""
    from govdisclose.parsers.text.layout import _split_line
    bounds = [(0, 10), (10, 20), (20, 100)]
    assert _split_line("镇党政办  2020 年 10 月", [(0, 8), (8, 14), (14, 100)]) == ["镇党政办", "2020 年 10 月", ""]
    assert _split_line("2019 年 6   赵强", [(0, 7), (7, 100)]) == ["2019 年 6", "赵强"]
    assert _split_line("重点做好工作：     区司法局", [(0, 14), (14, 100)]) == ["重点做好工作：", "区司法局"]
    assert _split_line("            2    每季度发布数据", bounds) == ["", "2", "每季度发布数据"]
    # (no empty cell beside it and no date: the piece stays as it is)
    assert _split_line("区财政局  市教委  公开预算信息", [(0, 6), (6, 100)]) == ["区财政局", "市教委  公开预算信息"]


def test_a_number_that_counts_something_is_no_item_number() -> None:
    from govdisclose.shape.numbering import counted_number
    assert counted_number("5 日前在村务公开栏更新") and counted_number("10 月底前") and counted_number("24小时内")
    assert not counted_number("5 公开政府信息") and not counted_number("12．规范政策解读")


def test_numbers_that_count_up() -> None:
    """Bare numbers, circled numbers (a 序号 column of sub-items) and numbers starting
    again under each task count up; a run of days does not; none of them raises."""
    from govdisclose.shape.numbering import counts_up

    assert counts_up(["1", "2", "3"]) and counts_up(["①", "②", "③"]) and counts_up(["1", "2", "1", "2", "3"])
    assert not counts_up(["31", "30", "15"]) and not counts_up(["1", "①", "2", "②"])


@pytest.mark.parametrize("text", ["项目验收后15日内", "抽检结果作出后7个工作日内", "每月10日前", "收到申请后3个月内"])
def test_relative_deadlines_read_as_deadlines(text: str) -> None:
    from govdisclose.shape.celltypes import cell_type

    assert cell_type(text) == "deadline"
