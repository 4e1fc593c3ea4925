"""Shapes real copies take beyond the seeds (fixtures/shapes/: written by hand to look like
them, or the seeds' tables printed by LibreOffice and copied with pdftotext)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import govdisclose
from govdisclose.cli import app
from conftest import FIXTURES, exact_counts

SHAPES = FIXTURES / "shapes"


def _exact(name: str, gold: str) -> tuple[int, int, int]:
    """(exact, gold, predicted) task counts of a shape fixture against a gold file
    (``gold``: its path under fixtures/, without ``.gold.json``)."""
    expected = json.loads((FIXTURES / f"{gold}.gold.json").read_text(encoding="utf-8"))
    return exact_counts(expected, govdisclose.parse(SHAPES / name).model_dump(mode="json"))


def test_task_list_in_prose_with_units_in_parentheses_and_portal_labels() -> None:
    notice = govdisclose.parse(SHAPES / "prose_tasks.txt")
    meta = notice.notice
    assert meta.title == "重庆市万州区人民政府办公室关于印发万州区2023年政务公开工作要点的通知"
    assert meta.doc_number == "万州府办发〔2023〕15号" and meta.issuer == "重庆市万州区人民政府办公室"
    assert meta.issued_on == dt.date(2023, 4, 3) and meta.published_on == dt.date(2023, 4, 7)
    assert meta.region == "重庆市万州区" and meta.plan_year == 2023
    t = notice.tasks
    assert len(t) == 5
    assert t[0].measure == "及时公开稳经济一揽子政策措施，做好政策解读。"
    assert (t[0].lead_units, t[0].responsible_units) == (["区发展改革委"], ["区财政局", "区商务委"])
    assert (t[0].section.no, t[0].task.no, t[0].task.title) == ("一", "（一）", "做好稳经济政策公开")
    assert (t[1].item_no, t[1].measure, t[1].responsible_units) == ("1", "公开就业创业扶持政策及办事指南。", ["区人力社保局"])
    assert (t[2].item_no, t[2].lead_units, t[2].responsible_units) == ("2", ["区人力社保局"], ["各镇乡街道"])
    assert t[2].measure == "开展“政策进企业”宣传活动，推动政策直达快享。"
    assert (t[3].item_no, t[3].lead_units, t[3].responsible_units) == ("4", ["区就业和人才中心"], [])
    assert (t[4].section.no, t[4].lead_units, t[4].responsible_units) == ("二", ["区政府办公室"], ["区级各部门"])
    assert not any("分享" in x.measure or "扫一扫" in x.measure for x in t)


def test_person_and_remarks_columns_are_not_units() -> None:
    notice = govdisclose.parse(SHAPES / "other_columns.txt")
    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3"]
    assert t[0].responsible_units == ["财政所"] and t[0].deadline.date == dt.date(2024, 6, 30)
    assert t[1].responsible_units == ["农业服务中心", "财政所"] and t[1].deadline.kind == "ongoing"
    # an alias in parentheses stays with its name; role words are not part of a name
    assert t[2].responsible_units == ["广电旅游和公共服务股(行政审批服务股)", "综合办公室"]
    assert not any(u in ("张三", "李四", "村务公开") for x in t for u in x.lead_units + x.responsible_units)
    assert any("分管领导" in w for w in notice.warnings) and any("备注" in w for w in notice.warnings)


def test_mirror_site_variants_back_to_mainland_forms() -> None:
    t = govdisclose.parse(SHAPES / "variants.txt").tasks
    assert t[1].measure == "二、着力做好群众关切回应，审核信息发布。"
    assert t[1].responsible_units == ["各镇街", "区级各部门"] and t[0].lead_units == ["区政府办公室"]


def test_table_with_only_empty_cells_is_exit_1() -> None:
    r = CliRunner().invoke(app, ["parse", str(SHAPES / "empty_table.txt")])
    assert r.exit_code == 1 and "no task table" in r.stderr


def test_every_encoding_a_copy_arrives_in() -> None:
    from conftest import CORPUS

    text = (CORPUS / "003_93f9a653648119be.tab.txt").read_text(encoding="utf-8")
    for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030"):
        notice = govdisclose.parse(f"copy.{enc}.txt", data=text.replace("\n", "\r\n").encode(enc))
        assert len(notice.tasks) == 25, enc
        assert notice.tasks[1].responsible_units == ["市司法局", "市直各有关部门"], enc
        if enc not in ("utf-8", "utf-8-sig"):
            assert any("decoded as" in w for w in notice.warnings), enc


def test_signature_after_the_table_is_not_in_the_last_cell(tmp_path) -> None:
    f = tmp_path / "end.txt"
    f.write_text("2022年任务分工\n\t工作任务\n\t牵头单位\n\t责任单位\n\t完成时限\n\n\t1.公开预算。\n\t市财政局\n"
                 "\t各区县政府\n\t年底前\n\n\t2.公开决算。\n\t市财政局\n\t各区县政府\n\t9月底前\n\n"
                 "重庆市人民政府办公厅\n2022年5月16日\n", encoding="utf-8")
    notice = govdisclose.parse(f)
    assert [t.deadline.text for t in notice.tasks] == ["年底前", "9月底前"]
    assert notice.notice.issuer == "重庆市人民政府办公厅" and notice.notice.issued_on == dt.date(2022, 5, 16)
    assert notice.notice.region == "重庆市"


def test_points_with_labelled_unit_and_deadline_lines() -> None:
    t = govdisclose.parse(SHAPES / "labelled_lines.txt").tasks
    assert [(x.task.no, x.item_no) for x in t] == [("（一）", "1"), ("（一）", "2"), ("（二）", None)]
    assert (t[0].lead_units, t[0].responsible_units) == (["县司法局"], ["各乡镇", "县级各部门"])
    assert (t[0].deadline.kind, t[0].deadline.date) == ("date", dt.date(2023, 6, 30))
    assert (t[1].lead_units, t[1].responsible_units, t[1].deadline.kind) == ([], ["县级各部门"], "ongoing")
    assert t[2].measure == "做好政策解读工作。"
    assert (t[2].lead_units, t[2].responsible_units) == (["县政府办公室"], ["县级各部门"])


def test_labels_printed_after_the_measure() -> None:
    t = govdisclose.parse(SHAPES / "inline_labels.txt").tasks
    assert (t[0].measure, t[0].lead_units, t[0].responsible_units) == (
        "公开年度重大行政决策事项目录。", ["县司法局"], ["各乡镇", "县级各部门"])
    assert t[0].deadline.date == dt.date(2023, 6, 30)
    assert (t[1].measure, t[1].responsible_units) == ("做好决策草案公开征求意见。", ["县级各部门"])
    assert (t[2].measure, t[2].responsible_units) == ("按照责任单位：的要求做好工作。", [])


def test_points_numbered_in_brackets(tmp_path) -> None:
    f = tmp_path / "p.txt"
    f.write_text("某市2016年政务公开工作要点\n\n一、推进决策公开\n（一）完善决策公开制度。\n"
                 "（1）公开重大决策事项目录（市政府办公厅负责）。\n（2）做好决策解读（各区县政府负责）。\n", encoding="utf-8")
    t = govdisclose.parse(f).tasks
    assert [(x.item_no, x.measure, x.responsible_units) for x in t] == [
        ("（1）", "公开重大决策事项目录。", ["市政府办公厅"]), ("（2）", "做好决策解读。", ["各区县政府"])]


def test_bare_unit_list_in_a_closing_parenthesis(tmp_path) -> None:
    f = tmp_path / "bare.txt"
    f.write_text("某区2023年政务公开工作要点\n\n一、深化决策公开\n（一）推进决策公开。公开年度重大行政决策事项目录。"
                 "（区司法局、区政府办公室）\n（二）做好规划公开。公开区级专项规划（以下简称专项规划）。\n", encoding="utf-8")
    t = govdisclose.parse(f).tasks
    assert (t[0].measure, t[0].responsible_units) == ("公开年度重大行政决策事项目录。", ["区司法局", "区政府办公室"])
    assert (t[1].measure, t[1].responsible_units) == ("公开区级专项规划（以下简称专项规划）。", [])


def test_a_short_finished_sentence_that_mentions_time_is_a_measure() -> None:
    from govdisclose.shape.celltypes import cell_type

    assert cell_type("积极做好政策解读工作，持续提升解读质量，丰富解读形式。") == "measure"
    assert cell_type("持续推进") == "deadline"
    assert cell_type("10月31日前，如有新增规划，编制完成后20个工作日内公开") == "deadline"


def test_mirror_casino_header_line_is_debris() -> None:
    from govdisclose.parsers.text.debris import is_debris_line

    assert is_debris_line("bet 365亚洲版官网办公室")
    assert not is_debris_line("某区人民政府办公室")


def test_pipe_rows_under_merged_cells_padded_at_the_end(tmp_path) -> None:
    """A web copy printing a row per line: a row under a merged title lacks that cell
    and is padded with an empty cell at its end instead; the title row keeps one pipe."""
    page = tmp_path / "rows.txt"
    page.write_text("\n".join([
        "某县政务公开重点任务清单",
        "工作任务 | 序号 | 具体措施 | 牵头单位 | 责任单位 |",
        "一、深化重点领域信息公开 |",
        "（一）推进财政信息公开 | 1 | 按规定公开县级预决算。 | 县财政局 | 各乡镇 |",
        "2 | 公开政府债务信息。 | 县财政局 |  |  |",
        "（二）做好政策解读 | 3 | 重要政策文件同步解读。 | 县司法局 | 县政府办 |",
    ]) + "\n", encoding="utf-8")
    notice = govdisclose.parse(page)
    got = [(t.section.no if t.section else None, t.task.no if t.task else None, t.item_no, t.measure,
            t.lead_units, t.responsible_units) for t in notice.tasks]
    assert got == [
        ("一", "（一）", "1", "按规定公开县级预决算。", ["县财政局"], ["各乡镇"]),
        ("一", "（一）", "2", "公开政府债务信息。", ["县财政局"], []),
        ("一", "（二）", "3", "重要政策文件同步解读。", ["县司法局"], ["县政府办"]),
    ]


def test_pipe_cells_with_an_unlabelled_number_column(tmp_path) -> None:
    """工作任务 printed over the task and its 序号: the numbers have no header cell."""
    cells = ["工作任务", "具体要求", "责任科室", "时限要求",
             "规范文件公开", "1", "对规范性文件进行全面清理，公布现行有效文件目录。", "办公室", "年底前",
             "政策解读", "2", "积极做好政策解读，持续提升解读质量，丰富解读形式。", "各科室", "持续推进",
             "3", "按时编制发布政府信息公开工作年度报告，确保体例规范。", "办公室", "2月底前"]
    page = tmp_path / "cells.txt"
    page.write_text("\n|\n".join(cells) + "\n|\n", encoding="utf-8")
    notice = govdisclose.parse(page)
    got = [(t.task.title if t.task else None, t.item_no, t.responsible_units, t.deadline.text) for t in notice.tasks]
    assert got == [("规范文件公开", "1", ["办公室"], "年底前"),
                   ("政策解读", "2", ["各科室"], "持续推进"),
                   ("政策解读", "3", ["办公室"], "2月底前")]


def test_prose_points_with_unit_notes() -> None:
    """Work points printed as prose: a framing 总体要求 section holds no task, a point's
    title stands on its own line, each sentence's unit note gives that duty its units,
    and a deadline inside the note is the task's deadline."""
    notice = govdisclose.parse(SHAPES / "prose_notes.txt")
    t = notice.tasks
    assert [x.task.title for x in t] == ["推进减税降费信息公开", "推进重大建设项目信息公开",
                                         "推进重大建设项目信息公开", "规范政府网站管理"]
    assert not any(x.section.title == "总体要求" for x in t)
    assert t[0].measure == "及时公开减税降费政策措施及其落实情况,做好政策解读和咨询服务。"
    assert (t[0].lead_units, t[0].responsible_units) == (["县财政局", "县税务局"], ["县级各部门"])
    assert t[0].deadline.date == dt.date(2019, 6, 30)
    assert (t[1].measure, t[1].lead_units, t[1].responsible_units) == (
        "做好重大建设项目批准和实施信息公开工作。", ["县发展改革委"], ["县住房城乡建委"])
    assert (t[2].measure, t[2].responsible_units) == ("按季度公开项目建设进展情况。", ["县重点项目办"])
    assert t[3].deadline.kind == "ongoing" and t[3].responsible_units == ["县政府办公室"]
    assert not any("高度重视" in x.measure for x in t)


def test_portal_label_block_in_pipes_above_a_pipe_table() -> None:
    """A portal's labelled block copied as pipe rows is notice metadata, not the table;
    an empty 成文日期 stays empty; a measure that says 及时 is no deadline."""
    notice = govdisclose.parse(SHAPES / "portal_pipe.txt")
    meta = notice.notice
    assert meta.title == "某某市某某区人民政府办公室关于印发2021年政务公开工作要点任务分工的通知"
    assert meta.issuer == "某某市某某区人民政府办公室" and meta.region == "某某市某某区"
    assert meta.published_on == dt.date(2021, 4, 9) and meta.issued_on is None
    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3"]
    assert (t[0].measure, t[0].lead_units, t[0].deadline.kind) == ("及时公开本区经济运行数据。", ["区统计局"], "ongoing")
    assert t[1].deadline.date == dt.date(2021, 6, 30) and t[2].responsible_units == ["区级各部门"]
    assert not notice.warnings


def test_portal_labels_with_values_on_the_next_line() -> None:
    notice = govdisclose.parse(SHAPES / "portal_bullets.txt")
    meta = notice.notice
    assert meta.doc_number == "某政办发〔2024〕7号" and meta.issuer == "某某县人民政府办公室"
    assert meta.issued_on == dt.date(2024, 4, 6) and meta.published_on == dt.date(2024, 4, 8)
    assert [x.responsible_units for x in notice.tasks] == [["县统计局"], ["县税务局", "县财政局"]]


def test_browser_copy_rows_between_tabs() -> None:
    """A page's table copied from a browser: a row a line, cells between tabs, a cell a
    merge covers left out but an empty cell printed empty; the spanning 责任单位 printed
    once over its lower row; 序号 without a header word; a page number and the header
    again between pages."""
    notice = govdisclose.parse(SHAPES / "browser_rows.txt")
    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "①", "4", "5"]
    assert [x.task.no for x in t] == ["（一）", "（一）", "（二）", "（二）", "（三）", "（三）"]
    assert [x.section.title for x in t] == ["加强政策发布解读"] * 4 + ["夯实公开平台"] * 2
    # an empty 配合单位 cell is empty, not the cell above
    assert (t[1].lead_units, t[1].responsible_units) == (["区司法局"], [])
    assert (t[3].lead_units, t[3].responsible_units) == (["区政府办公室"], [])
    assert (t[4].lead_units, t[4].responsible_units, t[4].deadline.kind) == (["区大数据局"], ["区政府办公室"], "ongoing")
    assert t[5].deadline.date == dt.date(2023, 12, 31)
    assert not any(x.measure in ("2", "") for x in t)


def test_a_cell_a_line_each_ending_in_a_pipe() -> None:
    """A portal table printed a cell a line, each cell closed by `` |`` and each row opened
    by a lone ``|``: the merged 工作任务 cell is left out of the rows under it, the 序号
    column has no header word, and a unit list may carry 等 and a bracketed 镇(办)."""
    notice = govdisclose.parse(SHAPES / "cell_pipe_rows.txt")
    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "4", "5"]
    assert [x.section.no for x in t] == ["一", "一", "一", "二", "二"]
    assert t[0].section.title == "深入推进政策公开,服务高质量发展"
    assert t[1].responsible_units == ["区数据资源局", "区投资促进局", "区发展改革委", "相关区直部门", "各镇(办)"]
    assert t[2].responsible_units[:2] == ["区政府办", "区商务局"]
    assert t[4].responsible_units == ["区司法局"] and t[4].deadline.date == dt.date(2024, 12, 31)
    assert all(x.deadline.kind == "ongoing" for x in t[:4])
    assert not any("|" in x.measure for x in t)


def test_text_copied_out_of_a_pdf_viewer() -> None:
    """A cell a line, each cut at its column's width: a header word cut (完成时 / 限), a
    numbered title cut mid-word, measures over lines, unit names cut (各乡镇人 / 民政府,
    各乡镇 / 人民政府) and a deadline cut (按规定时限 / 公开)."""
    t = govdisclose.parse(SHAPES / "pdf_viewer_copy.txt").tasks
    assert [x.item_no for x in t] == ["1", "2", "3"]
    assert t[0].section.title == "深化重点领域信息公开" and t[2].task.title == "加强重大项目信息公开"
    assert t[0].measure == "按照统一要求，及时公开本级政府及部门预决算信息，做好预决算公开情况自查和整改工作。"
    assert (t[0].lead_units, t[0].responsible_units) == (["县财政局"], ["县级各部门", "各乡镇人民政府"])
    assert t[0].deadline.text == "按规定时限公开" and t[0].deadline.kind == "conditional"
    assert t[1].deadline.date == dt.date(2023, 6, 30)
    assert t[2].responsible_units == ["县级有关部门", "各乡镇人民政府"] and t[2].deadline.kind == "ongoing"


def test_prose_points_with_labelled_notes() -> None:
    """Labels inside a closing parenthesis (full or half width, with a deadline), in 【】,
    and after the measure."""
    t = govdisclose.parse(SHAPES / "prose_labels_in_brackets.txt").tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "4"]
    assert (t[0].lead_units, t[0].responsible_units) == (["市政府办公室"], ["市直各部门"])
    assert (t[0].deadline.text, t[0].deadline.date) == ("2024年12月底前", dt.date(2024, 12, 31))
    assert t[0].measure == "及时公开市政府出台的重大政策文件，同步发布解读材料。"
    assert (t[1].lead_units, t[1].responsible_units) == (["市司法局"], ["各县区政府"])
    assert t[2].responsible_units == ["市大数据局", "各县区政府"] and "【" not in t[2].measure
    assert t[3].responsible_units == ["市直各部门", "各县区政府"] and t[3].deadline.date == dt.date(2024, 1, 31)


def test_cell_per_line_remarks_are_not_titles() -> None:
    """A 备注 column at the end of a cell-per-line copy: a remark (纳入年度考核, or one that
    reads like a deadline) closes its row; it is neither the next row's title nor part of
    the deadline."""
    notice = govdisclose.parse(SHAPES / "cells_remarks.txt")
    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "4"]
    assert [x.task.no for x in t] == ["（一）", "（一）", "（二）", "（三）"]
    assert [x.deadline.text for x in t] == ["长期坚持", "6月底前", "持续推进", "每季度"]
    assert not any("考核" in (x.task.title if x.task else "") for x in t)
    assert any("备注" in w for w in notice.warnings)


def test_layout_header_words_cut_over_two_lines() -> None:
    """pdftotext -layout of a table with narrow columns: header words cut over two lines
    (牵头 / 单位, 完成 / 时限), cells wrapped beside each other."""
    notice = govdisclose.parse(SHAPES / "layout_cut_header.txt")
    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3"]
    assert [x.task.title for x in t] == ["加强财政信息公开", "加强财政信息公开", "加强重大项目信息公开"]
    assert (t[1].lead_units, t[1].responsible_units) == (["县财政局"], ["县发展改革局"])
    assert t[2].responsible_units == ["县级有关部门"] and t[2].deadline.kind == "ongoing"
    assert t[0].measure == "按照统一要求，及时公开本级政府及部门预决算信息，做好预决算公开情况自查和整改工作。"


def test_browser_copy_with_line_breaks_inside_cells() -> None:
    """A browser prints a line break inside a cell as a line break, cutting the row's line:
    the piece after it continues that cell (a second unit, the rest of a measure)."""
    t = govdisclose.parse(SHAPES / "browser_rows_broken.txt").tasks
    assert [x.item_no for x in t] == ["1", "2", "3"]
    assert (t[0].responsible_units, t[0].deadline.kind) == (["县级各部门", "各乡镇"], "ongoing")
    assert t[1].measure == "更新行政规范性文件目录，按规定向社会公布。"
    assert (t[1].lead_units, t[1].responsible_units, t[1].deadline.date) == (["县司法局"], ["县政府办"], dt.date(2024, 6, 30))
    assert t[2].responsible_units == ["各乡镇"]


def test_pipe_rows_cut_by_line_breaks_in_cells() -> None:
    """Row-pipe copies closing each row with ``|``: a line break inside a cell cuts the
    line, and the lines up to the closing pipe are the rest of the row."""
    t = govdisclose.parse(SHAPES / "pipe_rows_broken.txt").tasks
    assert [x.item_no for x in t] == ["1", "2", "3"]
    assert [x.section.no for x in t] == ["一", "一", "二"]
    assert t[0].responsible_units == ["县司法局", "县级各部门"] and t[0].deadline.kind == "ongoing"
    assert t[2].measure == "加强政府网站日常监测，及时整改发现的问题。"
    assert t[2].responsible_units == ["县大数据局", "各乡镇"]


def test_one_line_header_cut_over_two_lines() -> None:
    """A PDF viewer's copy printing the header on one line, its narrow cells' words ending
    on the next (牵头 配合 完成 / 单位 单位 时限), over cells cut at their column widths."""
    plain = govdisclose.parse(SHAPES / "pdf_viewer_copy.txt").tasks
    t = govdisclose.parse(SHAPES / "pdf_viewer_copy_one_line_header.txt").tasks
    assert [(x.item_no, x.lead_units, x.responsible_units, x.deadline.text, x.measure) for x in t] == \
        [(x.item_no, x.lead_units, x.responsible_units, x.deadline.text, x.measure) for x in plain]
    assert [x.section.title for x in t] == ["深化重点领域信息公开"] * 3


def test_target_column_after_the_measure_is_no_grouping_level() -> None:
    """工作目标 right of the measure holds targets (解读率达到100%), not task titles."""
    notice = govdisclose.parse(SHAPES / "target_column.txt")
    t = notice.tasks
    assert [x.task.title for x in t] == ["加强政策解读", "规范网站管理", "规范网站管理"]
    assert not any("100%" in (x.task.title + (x.section.title if x.section else "")) for x in t)
    assert any("工作目标" in w for w in notice.warnings)


def test_layout_word_running_over_a_column_bound() -> None:
    """A full measure line leaves one space before the unit column (…强化政 区政务办): the
    unit's first character stays with the unit."""
    from conftest import CORPUS

    t = govdisclose.parse(CORPUS / "001_5f5c5b47d6ce5cb8.layout.txt").tasks
    row = next(x for x in t if x.measure.startswith("政务服务大厅要依托综合咨询窗口"))
    assert row.lead_units == ["区政务办"] and "政区策" not in row.measure


def test_pdftotext_raw_copy_with_unlabelled_numbers_units_a_line_and_a_page_cut() -> None:
    """-raw prints cell by cell, a cell's first line after the last one-line cell on its
    baseline: a task title cut mid-word (合 / 作（PPP）), 序号 with no header word, one unit
    a line, a deadline column, and a row cut by a page break with the header again."""
    notice = govdisclose.parse(SHAPES / "raw_copy.txt")
    t = notice.tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "4"]
    assert [x.task.title for x in t] == ["推进政府和社会资本合作（PPP）项目信息公开"] * 2 + ["推进政务服务事项标准化公开"] * 2
    assert t[0].measure == "全面公开PPP项目进展、项目合同和回报机制等信息，着力提高公开的及时性和完整性。"
    assert t[0].responsible_units == ["区发展改革委", "区财政局"] and t[0].deadline.date == dt.date(2024, 12, 31)
    assert t[1].responsible_units == ["区财政局"] and t[1].deadline.kind == "ongoing"
    assert t[2].responsible_units == ["区政务服务中心", "各镇（街道）"] and t[2].deadline.date == dt.date(2024, 6, 30)
    assert t[3].measure == "公开行政审批事项办理结果，接受社会监督，对群众反映的问题及时回应。"
    assert t[3].responsible_units == ["区行政审批局", "各镇（街道）"] and t[3].deadline.text == "长期坚持"
    assert all("reconstructed_from_raw_flow" in x.flags for x in t)


def test_grid_quality_prefers_rows_that_read_like_rows() -> None:
    """Choosing between two rebuilds of one ambiguous copy: unit names in the unit column and
    titles in the grouping column read better than the same text one column off."""
    from govdisclose.parsers.document import Cell, Row, Table
    from govdisclose.parsers.text.quality import grid_quality

    def table(rows: list[list[str]]) -> Table:
        return Table(rows=[Row(cells=[Cell.of(x) for x in r], index=k) for k, r in enumerate(rows)])

    header = ["工作任务", "工作措施", "责任单位"]
    right = table([header, ["推进政务服务公开", "编制并公开政务服务事项目录。", "区政务服务中心、各镇（街道）"],
                   ["", "及时动态调整办事指南。", "区行政审批局"]])
    off = table([header, ["推进政务服务公开", "编制并公开政务服务事项目录。区政务服务中心", "各镇（街道）"],
                 ["及时动态调整办事指南。", "区行政审批局", ""]])
    assert grid_quality(right) > grid_quality(off)


def test_pdf_header_printed_again_with_a_cell_cut_over_its_two_rows() -> None:
    """A two-row header (责任单位 over 牵头部门 | 责任部门) repeated on every page, where the
    next page cuts 分管领导 over both rows (分管 / 领导): the repeats are dropped and the
    table goes on as one (000's tasks, printed by LibreOffice from a Word table)."""
    import json

    from conftest import exact_counts

    gold = json.loads((FIXTURES / "corpus" / "000_d9d317be621d0210.gold.json").read_text(encoding="utf-8"))
    pred = govdisclose.parse(SHAPES / "pdf_two_row_header_cut_on_next_page.pdf").model_dump(mode="json")
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert n_pred == n_gold and 2 * exact / (n_gold + n_pred) >= 0.99


def test_pdf_copy_with_unit_cells_spliced_into_sentences() -> None:
    """A copy that lost every line break (seed 002's shape, a county table re-flowed into it):
    header words run together, item numbers glued to titles, the unit column's lines mid-
    sentence in the measure (决策县财政局、县部署, 公县住房城乡建开), a paragraph printed twice.
    The units are moved out and completed across the pieces; every row is low_confidence."""
    result = govdisclose.parse(SHAPES / "spliced_pdf_copy.txt")
    t = result.tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "4"]
    assert t[0].task.title == "加强政策解读" and t[3].task.title == "推进监管信息公开"
    assert t[0].measure == "围绕县委、县政府重大决策部署，及时做好政策解读，提高政策透明度。按季度公开财政收支情况，主动回应社会关切。"
    assert t[0].responsible_units == ["县财政局", "县发展改革委"]
    assert t[1].measure == "做好重大建设项目批准和实施信息公开，进一步明确公开的主体、范围和程序。"
    assert t[1].responsible_units == ["县发展改革委", "县住房城乡建设局"]
    assert t[3].measure == "做好医疗机构院务公开，指导各乡镇卫生院公开常用药品和医疗服务价格信息。"
    assert t[3].responsible_units == ["县卫生健康委", "各乡镇人民政府"]  # 各乡镇人民政 / 府 over a sentence end
    # a name standing where a subject could stand (结果，县市场监管局加大…) cannot be told from the
    # text: it stays, and the row says it is not sure
    assert "县市场监管局加大" in t[2].measure
    assert all("low_confidence" in x.flags for x in t)
    assert any("spliced" in w for w in result.warnings)


def test_seed_002_spliced_copy_is_repaired_and_flagged() -> None:
    """Seed 002 itself: its rows come out of order (the copy shuffled whole paragraphs), but
    the unit names spliced into sentences are moved out, paragraphs printed twice are
    dropped, and nothing is passed off as sure."""
    t = govdisclose.parse(FIXTURES / "seeds" / "002_434dd7b64f93f40d.txt").tasks
    assert len(t) >= 15 and all("low_confidence" in x.flags for x in t)
    text = "".join(x.measure for x in t)
    assert "引导社会各界正确认识经济形势" in text and "引市统计局导" not in text
    assert "针对涉及我市经济发展的误导和不实信息" in text
    assert "在市财政局网站面向社会及时公布" in text  # a name the sentence mentions stays
    assert text.count("按月公开全市财政收支情况") == 1  # printed twice in the copy
    row = next(x for x in t if "化解过剩产能验收合格后，及时向社会公开上一年度化解过剩产能情况" in x.measure)
    assert {"各区县（自治县）人民政府", "市发展改革委", "市经济信息委"} <= set(row.responsible_units)


def test_unit_names_pulled_out_of_a_sentence_only_when_spliced() -> None:
    from govdisclose.parsers.text.spliced import pull_units

    cases = {
        "引市统计局导社会各界正确认识经济形势。": ("引导社会各界正确认识经济形势。", ["市统计局"]),
        "做好质量提升市商务委、市工商行动、执法专项行动信息公开，发布重庆市知名商标品局、市质监局牌信息。":
            ("做好质量提升行动、执法专项行动信息公开，发布重庆市知名商标品牌信息。", ["市商务委", "市工商局", "市质监局"]),
        "在市财政局网站面向社会及时公布收费目录清单。": ("在市财政局网站面向社会及时公布收费目录清单。", []),
        "各区县（自治县）人民政府办公室、市政府各部门办公室要切实履行监管责任。":
            ("各区县（自治县）人民政府办公室、市政府各部门办公室要切实履行监管责任。", []),
        "公开政府信息前，各区县（自治县）人民政府、市政府各部门要进行保密性审查。":
            ("公开政府信息前，各区县（自治县）人民政府、市政府各部门要进行保密性审查。", []),
    }
    for given, (text, names) in cases.items():
        clean, cells = pull_units(given)
        assert (clean, [n for _, ns in cells for n in ns]) == (text, names), given


def test_layout_title_rows_and_a_first_column_that_touches_the_next() -> None:
    """pdftotext -layout of a table LibreOffice printed: section title rows only a little
    wider than the first column, a first-column cell full to its edge one space from the
    measure ((PPP)项目 作，加大…), and measure lines set one position further left on a page
    (so no line without a gutter decides where the columns are)."""
    t = govdisclose.parse(SHAPES / "layout_title_rows_tight_columns.txt").tasks
    assert [x.item_no for x in t] == [str(k) for k in range(1, 11)]
    assert {x.section.title for x in t[:6]} == {"以政务公开助力稳增长"}
    assert {x.section.title for x in t[6:]} == {"以政务公开助力促改革"}
    assert t[5].task.title == "推进政府和社会资本合作（PPP）项目信息公开"
    assert t[5].measure.endswith("激发社会资本的参与热情。")
    assert t[9].task.title == "推进“放管服”改革信息公开"
    assert t[9].measure.startswith("围绕年内实现“双随机一公开”监管全覆盖目标，各区县（自治县）人民政府要汇总形成")
    assert t[9].responsible_units == ["各区县（自治县）人民政府"]


def test_item_numbers_printed_a_digit_a_line() -> None:
    """A 序号 column too narrow for two digits (LibreOffice's print of a table with a 编号
    column one character wide): 10 prints as 1 over 0. pdftotext -layout and -raw both
    keep the digits on lines of their own; they are one number when together they go on
    from the number before, not the start of two rows."""
    layout = govdisclose.parse(SHAPES / "layout_item_number_a_digit_a_line.txt").tasks
    assert [x.item_no for x in layout] == [str(k) for k in range(7, 14)]
    assert layout[3].measure.startswith("重点公开全区隔离管控、流调溯源") and layout[3].lead_units == ["区卫生健康委"]
    assert layout[4].deadline.text == "6月30日前完成并动态更新"
    raw = govdisclose.parse(SHAPES / "raw_item_number_a_digit_a_line.txt").tasks
    numbered = [x.item_no for x in raw if x.item_no]
    assert numbered == [str(k) for k in range(1, 14)]
    assert next(x for x in raw if x.item_no == "12").measure.startswith("在宣传、网信部门指导下")
    assert next(x for x in raw if x.item_no == "13").responsible_units == ["区政府新闻办", "区卫生健康委"]


@pytest.mark.parametrize("name,floor", [("layout_deadline_digits_beside_measure.txt", 0.95),
                                        ("layout_pages_without_header_shifted.txt", 0.95),
                                        ("layout_columns_one_space_apart.txt", 0.7)])
def test_layout_prints_of_seed_001_read_back(name: str, floor: float) -> None:
    """Seed 001's table printed by LibreOffice and copied with pdftotext -layout. In one the
    deadline column's digits, set apart by spaces (10 月 31 日前), line up in a narrow run of
    bare numbers that is no 序号 column; in one the header is printed once, and on pages
    where the merged title columns are empty pdftotext moves every column left (a
    deadline's 日 / 前 one space from its run is part of that column); in one the measure
    and unit columns stand a single space apart, so a unit line set a character left of
    its column (门，有关单位 under 责任部门) must not be cut at the header word's start. (In
    that last one measure lines widened by spaces around digits still run into the unit
    column: the floor says so.)"""
    gold = json.loads((FIXTURES / "corpus" / "001_5f5c5b47d6ce5cb8.gold.json").read_text(encoding="utf-8"))
    pred = json.loads(govdisclose.parse(SHAPES / name).model_dump_json())
    exact, n_gold, n_pred = exact_counts(gold, pred)
    assert n_pred == n_gold and exact >= floor * n_gold, (exact, n_gold, n_pred)


def test_raw_remark_column_before_the_deadline() -> None:
    """pdftotext -raw of a table with 备注 between the units and 时限: an empty remark leaves
    the deadline to its own column, and a remark cut over short lines (纳入 / 年度 / 考核)
    stays one remark instead of running into the deadline."""
    t = govdisclose.parse(SHAPES / "raw_remarks_before_deadline.txt").tasks
    assert [x.item_no for x in t] == ["1", "2", "3", "4", "5"]
    assert [x.deadline.text for x in t] == ["持续推进", "年底前", "10月底前", "10月底前", "持续推进"]
    assert t[1].deadline.date == dt.date(2022, 12, 31)
    assert t[3].responsible_units == ["市司法局", "市直各有关部门", "各区人民政府", "各开发区管委会"]


def test_raw_unlabelled_numbers_among_spaced_dates() -> None:
    """pdftotext -raw of a table whose 序号 column has no header word: its numbers stand
    before the measure's first line (1 公开全区…), while pdftotext also sets the digits of
    every date and count apart (10 月 31, 后 20 个, 在 5 个工作日内). Those are not numbers
    of the column, so the column is still found and the numbers leave the measure."""
    t = govdisclose.parse(SHAPES / "raw_unlabelled_numbers_among_dates.txt").tasks
    assert [x.item_no for x in t] == [str(k) for k in range(1, 10)]
    assert t[0].measure.startswith("公开全区国民经济和社会发展第十四个五年规划")
    assert t[0].deadline.date == dt.date(2021, 10, 31) and t[6].lead_units == ["区财政局"]


def test_raw_two_row_header_whose_lower_words_wrap() -> None:
    """pdftotext -raw of a two-row header (责任单位 over 牵头部门 | 责任部门) in narrow
    columns: the lower row's words wrap too (牵 头 部 / 门 / 责 任 部 / 门). They are folded in
    under 责任单位, printed again after the page break, and the unit columns read apart."""
    result = govdisclose.parse(SHAPES / "raw_two_row_header_lower_words_wrapped.txt")
    t = result.tasks
    assert len(t) == 5
    assert t[1].lead_units == ["市政府办公厅", "市司法局"] and t[1].responsible_units == ["各区县政府", "市政府各部门"]
    assert [x.item_no for x in t[2:4]] == ["1", "2"] and t[2].lead_units == ["市发展改革委"]
    assert t[4].responsible_units == ["各区县政府", "市商务委", "市文化旅游委", "市交通局"]
    assert t[4].measure.endswith("促进稳就业和消费恢复。")


def test_raw_header_with_a_wrapped_word_and_one_more_after_it() -> None:
    """pdftotext -raw of a header whose 责任领导 wrapped (责任领 / 导) with 完成时间 on the
    line after: the reading that takes in the whole header (six columns) wins over the one
    that stops at the cut word, so the deadline column is not lost."""
    t = govdisclose.parse(SHAPES / "raw_header_word_wrapped_then_one_more.txt").tasks
    assert [x.item_no for x in t] == ["1", "2", "3"]
    assert [x.deadline.text for x in t] == ["持续推进", "年底前", "10月底前"]
    assert t[1].responsible_units == ["市司法局", "市直各有关部门"]


def _units(path: Path) -> list[tuple[list[str], list[str]]]:
    return [(t.lead_units, t.responsible_units) for t in govdisclose.parse(path).tasks]


def test_cells_lead_merged_over_rows() -> None:
    """A cell-per-line copy of a table whose lead cells are merged over the rows they lead:
    a row with one unit cell prints its 配合单位, the lead comes down from the row above."""
    assert _units(SHAPES / "cells_lead_merged.txt") == [
        (["县司法局"], ["县政府办公室"]), (["县司法局"], ["县发展改革局"]), (["县司法局"], ["县政府办公室"]),
        (["县发展改革局"], ["县住房城乡建设局"]), (["县发展改革局"], ["县住房城乡建设局"])]


def test_cells_lead_printed_on_every_row() -> None:
    """The same copy of a table that prints its lead on every row (县司法局 twice in a row):
    nothing is merged, so a row with one unit cell has the other empty: the lead's partner
    (a lead with no 配合 is common, a collective such as 县级各部门 included)."""
    assert _units(SHAPES / "cells_lead_alone.txt") == [
        (["县司法局"], ["县政府办公室"]), (["县司法局"], ["各乡镇人民政府"]), (["县政府办公室"], []),
        (["县发展改革局"], ["县住房城乡建设局"]), (["县级各部门"], [])]


@pytest.mark.parametrize("name", [
    # 以政务公开 / 助力稳增长 / 加强预期引 / 导: the section's and the task's lines in one run,
    # cut before the task's verb; a row with no unit cell before a dozen title lines
    "lo_raw_two_title_columns.txt",
    # the same with pages: a title opening a page after a finished row (推进消费升级和…), a
    # title ending like a unit (推进政府和社会), 「（PPP）」 wrapped whole, a name over three
    # lines (局、市政府 / 信息公开 / 办、…), a grouping cell beside the measure's next line
    "lo_raw_two_title_columns_paged.txt",
    # a measure's last word after the page's header (…统计信 / [header] / 息。), and a task
    # whose quotes fill its line (推进“放管服”改革 goes on after the header)
    "lo_raw_measure_rest_after_page_header.txt",
    # after the header, 府更好依法规范履职。 ends the measure, not the cut 市物 / 价局
    "lo_raw_sentence_end_beside_cut_unit.txt",
])
def test_libreoffice_raw_with_section_and_task_columns(name: str) -> None:
    """pdftotext -raw of 002's table printed by LibreOffice with its section and task in two
    narrow columns: every task comes back whole (section, task, measure, units)."""
    exact, n_gold, n_pred = _exact(name, "corpus/002_434dd7b64f93f40d")
    assert n_pred == n_gold and 2 * exact / (n_gold + n_pred) >= 0.99


@pytest.mark.parametrize(("name", "gold"), [
    # 各镇人民政府 / 各街道办事处 one a line in adjacent unit columns: the governments lead together
    ("raw_governments_lead_together.txt", "variants/golds/903_district_2023"),
    # 政策制定后20 / 个工作日内公 beside the measure is the deadline's; ⑤ after ④ past a page
    # break goes on with the row's list
    ("raw_deadline_after_event_wrapped.txt", "corpus/001_5f5c5b47d6ce5cb8"),
    # a telephone number cut over lines and a page (王磊 0 / 23-677 / 81234), 开 / 张敏 (no word
    # 开张), 有关单位 有关单位 after the page's header: lead's, then 配合's
    ("raw_phone_cut_after_page_header.txt", "corpus/001_5f5c5b47d6ce5cb8"),
    # ⑤. right after the page's header numbers a row of its own
    ("raw_circled_item_after_page_header.txt", "corpus/001_5f5c5b47d6ce5cb8"),
    # 步深化政务公开 公开 生健康委 after the header: section's rest, task's rest, unit's rest
    ("raw_title_rests_on_one_line.txt", "corpus/001_5f5c5b47d6ce5cb8"),
    # 投资和建设环境。 after the header is too wide for the section's rest: the measure's end
    ("raw_measure_end_too_wide_for_title.txt", "corpus/003_93f9a653648119be"),
    # LibreOffice: section and task printed on every row, a page opening with the next row's
    # 以政务公 / …, 推进“放管 / 服”改革信息 (服” wraps whole), 预期自我实现。 the measure's end
    ("lo_raw_titles_on_every_row_paged.txt", "corpus/002_434dd7b64f93f40d"),
    # LibreOffice: sections as title rows over a task column; 增强政务公开实效 / 全面落实“五公
    # is a title row and a task; a task cell's rest after the unit cell (…事 / 市安监局 / 故推进公开)
    ("lo_raw_title_rows_over_tasks.txt", "corpus/002_434dd7b64f93f40d"),
    # LibreOffice: 工作任务 编 / 号 / 工作措施 … 责任领 / 导: a header line with a cut word
    ("lo_raw_header_word_cut_after_long_line.txt", "variants/golds/901_province_2019"),
    # LibreOffice: 公示期不少 / 于 7 天。 beside a 序号 column: 7 天 counts days, numbers no row
    ("lo_raw_counted_number_in_measure.txt", "variants/golds/902_township_2020"),
    # LibreOffice: a 1． / 2． list in a measure over a page break where 序号 prints 7 bare; 张敏
    # after a lead with no 配合; 2023 年 / 10 月底前 is a date, not row 10
    ("lo_raw_list_in_measure_over_page.txt", "variants/golds/903_district_2023"),
    # LibreOffice: 市直各有关部 (ends like a name) / 10 月底前 / [header] / … / 门: the cut
    # name is finished by its last character after the page break, not the deadline
    ("lo_raw_whole_looking_name_cut.txt", "corpus/003_93f9a653648119be"),
    # LibreOffice: 各开发区管 / 时间全面准确了解政策。 委会: the measure's last line and the
    # unit name's rest share a line; the cut name is a unit line all the same
    ("lo_raw_unit_rest_beside_measure_end.txt", "corpus/003_93f9a653648119be"),
    # a 分管领导 cell wrapped inside its bracket (持续推进 王芳（ / 副区长）): the line is the
    # person's rest, not the next row's task title
    ("raw_person_role_bracket_wrapped.txt", "corpus/003_93f9a653648119be"),
    # a lead with an empty 配合 cell, then the next row's title block (政策解读和回应关 / 切): the
    # title is no responsible unit
    ("raw_empty_second_unit_cell_before_title.txt", "variants/golds/905_township_2024"),
    # the same with a 联系人 column: 刘军 023 (a phone number cut at the column's edge) is the
    # person's cell, not the empty 责任单位
    ("raw_contact_phone_cut_after_empty_unit_cell.txt", "variants/golds/905_township_2024"),
])
def test_raw_copies_cut_at_page_breaks_and_column_edges(name: str, gold: str) -> None:
    """pdftotext -raw copies whose cells run over page breaks and column edges: every task
    comes back whole."""
    exact, n_gold, n_pred = _exact(name, gold)
    assert n_pred == n_gold and 2 * exact / (n_gold + n_pred) >= 0.99


@pytest.mark.parametrize(("name", "gold"), [
    # a page with no header places its columns anew: the unlabelled 序号 is found under the
    # header's page (2 / 1 at another offset there), and 公开 12345 …情况， 每季度 (digits set
    # the line wider, one space from the deadline) does not join the two columns
    ("lo_layout_columns_shift_at_page_break.txt", "variants/golds/903_district_2023"),
    # 2019 年 6   赵强: the date's digit ran over into the person column; 2    每季度… is the
    # 序号 beside the measure, not its first word
    ("lo_layout_date_digits_over_column_bound.txt", "variants/golds/901_province_2019"),
    # 2020 年 | 10 月: a month cut off at the bound of a remark column is the date's
    ("lo_layout_month_after_year_over_bound.txt", "variants/golds/902_township_2020"),
    # …以下工作：     区司法局 and …方便中小企 区财政局: a unit set short of its column
    ("lo_layout_unit_set_short_of_its_column.txt", "variants/golds/903_district_2023"),
    # 每月 / 5 日前在村务公开栏…: a counted number opens a measure line, not row 5
    ("lo_layout_counted_number_in_measure.txt", "variants/golds/902_township_2020"),
    # the spaced header over the first page is read in the columns of the next one
    ("lo_layout_first_header_in_other_columns.txt", "variants/golds/901_province_2019"),
    # a headerless page sets the task one space from the measure (（三）推进财政资 5、全面…):
    # still two columns; 2019 年 | 12 月, a date's words a space apart, is one
    ("lo_layout_task_one_space_from_measure.txt", "variants/golds/901_province_2019"),
    # 2020 年 10 月 张伟: the date ends with its month, the name is the next column's
    ("lo_layout_date_one_space_from_person.txt", "variants/golds/902_township_2020"),
])
def test_layout_copies_whose_columns_shift(name: str, gold: str) -> None:
    """pdftotext -layout of LibreOffice prints: each page (and each line with digits) sets
    the columns at its own offsets; every task comes back whole."""
    exact, n_gold, n_pred = _exact(name, gold)
    assert n_pred == n_gold and 2 * exact / (n_gold + n_pred) >= 0.99


def test_layout_units_set_a_little_further_on_each_row() -> None:
    """The unit column starts one to three characters apart from row to row, and a measure
    line with digits runs one space from it (…重大建设 市发改委, 12366 | 纳税服务 各区人民政府):
    the few lines that cross the gap between the columns do not join them. (One task, whose
    measure line runs one character past the column on a page with no header, is still cut.)"""
    exact, n_gold, n_pred = _exact("lo_layout_units_shift_row_by_row.txt", "corpus/003_93f9a653648119be")
    assert n_pred == n_gold and exact >= n_gold - 1


def test_pdf_row_and_its_titles_cut_by_a_page_break() -> None:
    """LibreOffice cuts row 3 at the page's foot: its section title (以政务公开助 / 力稳增长)
    and its measure go on at the top of the next page. The table numbers its rows in a 序号
    column, and the measure above stops mid-sentence: the piece is the row's rest, and the
    title is whole again."""
    expected = json.loads((FIXTURES / "corpus" / "002_434dd7b64f93f40d.gold.json").read_text(encoding="utf-8"))
    pred = govdisclose.parse(SHAPES / "lo_pdf_title_cut_by_page_break.pdf").model_dump(mode="json")
    exact, n_gold, n_pred = exact_counts(expected, pred)
    assert n_pred == n_gold and exact == n_gold
    assert [t["section"]["title"] for t in pred["tasks"][:4]] == ["以政务公开助力稳增长"] * 4


def test_raw_unit_run_with_a_name_that_looks_whole_when_cut() -> None:
    """One unit a line in adjacent lead and responsible columns (区政府各部门 / 有关单位 /
    区政府各部 / 门 / 有关单位): 区政府各部 ends like a name but runs on into 门, so the lead
    list is the two names that come again. (Two tasks whose lead and responsible lists are
    not told apart by anything printed stay a guess.)"""
    expected = json.loads((FIXTURES / "corpus" / "001_5f5c5b47d6ce5cb8.gold.json").read_text(encoding="utf-8"))
    pred = govdisclose.parse(SHAPES / "lo_raw_unit_run_with_whole_looking_cut.txt").model_dump(mode="json")
    exact, n_gold, n_pred = exact_counts(expected, pred)
    assert n_pred == n_gold and exact >= n_gold - 1
    by_no = {t["item_no"]: t for t in pred["tasks"]}
    assert by_no["32"]["lead_units"] == ["区政府各部门", "有关单位"]


def test_pdf_viewer_copy_whose_measure_line_lists_places() -> None:
    """A measure wrapped at its column's width leaves a line that reads like a unit list
    (服务大厅、区不动产登记中心、区人力社保大厅、区医保大厅和22个镇): a line that counts
    (22个) is the measure's, so the row and the one after it keep their cells."""
    from govdisclose.shape.celltypes import cell_type

    assert cell_type("服务大厅、区不动产登记中心、区人力社保大厅、区医保大厅和22个镇") == "measure"
    assert cell_type("区不动产登记中心、区人力社保大厅") == "units"
    expected = json.loads((FIXTURES / "corpus" / "001_5f5c5b47d6ce5cb8.gold.json").read_text(encoding="utf-8"))
    pred = govdisclose.parse(SHAPES / "pdfcopy_measure_line_that_lists_places.txt").model_dump(mode="json")
    exact, n_gold, n_pred = exact_counts(expected, pred)
    assert n_pred == n_gold and exact == n_gold


@pytest.mark.parametrize(("name", "gold"), [
    # the 序号 column numbers the rows; a piece at the next page's top opening 1． with that
    # column empty is the list inside the measure above
    ("lo_pdf_list_in_measure_after_page_break.pdf", "variants/golds/903_district_2023"),
    # …重点做好以下工作： at the page's foot announces the list that opens the next page
    ("lo_pdf_list_announced_before_page_break.pdf", "variants/golds/901_province_2019"),
    # 1.组织全省政务公开工作人员培训； above the break, 2.修订… below: the measure's list goes on
    ("lo_pdf_list_going_on_after_page_break.pdf", "variants/golds/901_province_2019"),
    # one unit a line, 镇宣传办 at the page's foot and 镇派出所 at the next one's top: two names
    ("lo_pdf_unit_names_split_by_page_break.pdf", "variants/golds/902_township_2020"),
])
def test_pdf_measure_list_cut_by_a_page_break(name: str, gold: str) -> None:
    """LibreOffice PDFs whose page break falls inside a measure's numbered list: the piece
    on the next page is the rest of that measure, not rows 1, 2, 3."""
    exact, n_gold, n_pred = _exact(name, gold)
    assert n_pred == n_gold and exact == n_gold


def test_layout_two_row_header_whose_deadline_word_touches_the_unit_umbrella() -> None:
    """-layout of a two-row header, ``时 限 要 求 责任单位`` over ``牵 头 部 门  责 任 部 门``:
    the umbrella 责任单位 gives way to the words under it, the deadline word beside it,
    which only touches them, keeps its column; every task keeps its deadline."""
    notice = govdisclose.parse(SHAPES / "layout_two_row_header_touching_deadline.txt")
    assert all(t.deadline.kind != "none" for t in notice.tasks)
    exact, n_gold, n_pred = _exact("layout_two_row_header_touching_deadline.txt", "corpus/001_5f5c5b47d6ce5cb8")
    assert n_pred == n_gold and 2 * exact / (n_gold + n_pred) >= 0.93


def test_viewer_copy_with_unlabelled_item_column_and_title_rows() -> None:
    """A viewer's copy, one cell a line, whose header prints no word over the 序号 column and
    whose sections are rows of their own: bare numbers that count up 1, 2, 3 are that column,
    though one unit a line outnumbers them, so the task title is not read as a measure. A
    measure line as wide as the others after one cut mid-sentence (…建成全 / 市社会公共信息资源
    共享交换平台，编制出台社会公共信息资源管理办) stays the measure's, though it reads like units."""
    notice = govdisclose.parse(SHAPES / "pdfcopy_unlabelled_item_column_title_rows.txt")
    first = notice.tasks[0]
    assert (first.item_no, first.task.title, first.section.title) == ("1", "加强预期引导", "以政务公开助力稳增长")
    exact, n_gold, n_pred = _exact("pdfcopy_unlabelled_item_column_title_rows.txt", "corpus/002_434dd7b64f93f40d")
    assert n_pred == n_gold and exact == n_gold


@pytest.mark.parametrize(("name", "gold"), [
    ("tab_page_numbers_between_rows.txt", "corpus/000_d9d317be621d0210"),
    # a section's title row, then the page's number, then the header again
    ("tab_page_number_after_title_row.txt", "corpus/002_434dd7b64f93f40d"),
])
def test_tab_copy_page_numbers_between_rows(name: str, gold: str) -> None:
    """A Word copy whose page numbers (a bare ``2`` on its own line, untabbed, after a row's
    end) sit before the header printed again: no unit list ends in a page number."""
    notice = govdisclose.parse(SHAPES / name)
    assert not any(u.isdigit() for t in notice.tasks for u in t.lead_units + t.responsible_units)
    exact, n_gold, n_pred = _exact(name, gold)
    assert n_pred == n_gold and exact == n_gold


def test_section_title_cut_twice_before_the_task_title() -> None:
    """Cells cut at a narrow column's width: a section title in three pieces (一、紧扣“十四 /
    五”开好局起好 / 步深化政务公开) before the task title (（一）…) is one title, not three cells."""
    from govdisclose.parsers.text.align import align

    cells = [(1, "一、紧扣“十四"), (2, "五”开好局起好"), (3, "步深化政务公开"), (4, "（一）做好各类"), (5, "规划主动公开"),
             (6, "1．公开全区国民经济和社会发展第十四个五年规划，做好历史规划的归集整理。"), (7, "区发展改革委"),
             (8, "10月31日前")]
    rows = align(cells, ["group", "group", "measure", "responsible", "deadline"])
    assert [[c.text for c in r.cells] for r in rows] == [[
        "一、紧扣“十四五”开好局起好步深化政务公开", "（一）做好各类规划主动公开",
        "1．公开全区国民经济和社会发展第十四个五年规划，做好历史规划的归集整理。", "区发展改革委", "10月31日前"]]


def test_raw_copy_whose_cells_are_cut_at_narrow_columns() -> None:
    """-raw-like text with no digit spacing or joined baselines (so it looks like a viewer's
    copy) whose cells are all cut at narrow widths (专项规划编制 / 完成后20个工 / 作日内公开):
    the -raw rebuild is weighed against the cell-per-line reading and wins."""
    notice = govdisclose.parse(SHAPES / "raw_cells_cut_at_narrow_columns.txt")
    assert notice.tasks[1].deadline.text == "专项规划编制完成后20个工作日内公开"
    exact, n_gold, n_pred = _exact("raw_cells_cut_at_narrow_columns.txt", "corpus/001_5f5c5b47d6ce5cb8")
    assert n_pred == n_gold and exact == n_gold


def test_remark_printed_again_before_the_next_rows_titles() -> None:
    """Sections as title rows, tasks printed on every row, a 备注 column whose few remarks
    (纳入年度考核, 按季度报送进展) close rows: a remark and the next row's task title are one
    title more than the grouping columns, as a title row and its task would be; a short
    text printed again before a different text each time is the remark, not a section."""
    name = "cells_remark_before_task_under_title_rows.txt"
    notice = govdisclose.parse(SHAPES / name)
    assert not any(t.task and "考核" in t.task.title or t.section and "考核" in t.section.title for t in notice.tasks)
    exact, n_gold, n_pred = _exact(name, "corpus/002_434dd7b64f93f40d")
    assert n_pred == n_gold and exact == n_gold


def test_cell_pipe_copy_whose_repeated_header_opens_with_a_two_character_word() -> None:
    """A cell a line closed by `` |``: after a page number the header is printed again,
    opening with 类别, which looks like a two-character name; it opens a row (the repeated
    header, dropped), so the unit cell before it gets no header words."""
    notice = govdisclose.parse(SHAPES / "cellpipe_two_char_header_word_after_page_number.txt")
    assert not any("类别" in u or u == "单位" for t in notice.tasks for u in t.responsible_units)
    exact, n_gold, n_pred = _exact("cellpipe_two_char_header_word_after_page_number.txt", "corpus/000_d9d317be621d0210")
    assert n_pred == n_gold and exact == n_gold


@pytest.mark.parametrize(("name", "gold"), [
    # deadlines one character wider than their column (2019年9月30日前省工商联): the run under
    # 时限 and 协办单位 is cut where fewest lines hold text
    ("layout_deadlines_run_into_next_column.txt", "variants/golds/901_province_2019"),
    # one deadline bridges the gutter (2024年6月30日前便民服务中心), titles printed on every
    # row: a title never runs on into the next row's first line
    ("layout_one_deadline_bridges_gutter_titles_every_row.txt", "variants/golds/905_township_2024"),
])
def test_layout_deadline_column_kept_apart_from_the_next(name: str, gold: str) -> None:
    """-layout whose deadline cells touch the unit column beside them: the deadline column
    is still a column, so no unit list opens with a date."""
    notice = govdisclose.parse(SHAPES / name)
    assert all(t.deadline.kind != "none" for t in notice.tasks)
    assert not any(re.match(r"\d|每|持续|长期|年底", u) for t in notice.tasks for u in t.lead_units + t.responsible_units)
    exact, n_gold, n_pred = _exact(name, gold)
    assert n_pred == n_gold and exact == n_gold


def test_tab_copy_two_row_header_whose_umbrella_spans_an_empty_cell() -> None:
    """A Word copy of a two-row header: 责任单位 and an empty cell over 牵头部门 | 责任部门,
    the lower row after three empty cells. The first row's title (基层政务公开标准目录) is
    no header word, so the header is the two rows folded."""
    notice = govdisclose.parse(SHAPES / "tab_two_row_header_umbrella_over_empty_cell.txt")
    assert notice.tasks[0].responsible_units == ["经济发展办公室", "社会事务办公室"]
    assert notice.tasks[0].section is None
    exact, n_gold, n_pred = _exact("tab_two_row_header_umbrella_over_empty_cell.txt", "variants/golds/905_township_2024")
    assert n_pred == n_gold and exact == n_gold


def test_cell_per_line_copy_of_a_township_list() -> None:
    """One cell a line: 每季度 then the next row's task 村务公开 are two cells, not one
    deadline; 项目验收后15日内 is a deadline, not a title; a row whose only unit cell says
    what the lead above says (党政综合办公室) has that lead and no 配合."""
    t = govdisclose.parse(SHAPES / "cells_township_offices_lead_printed_again.txt").tasks
    assert (t[1].lead_units, t[1].responsible_units) == (["党政综合办公室"], [])
    assert t[3].deadline.text == "每季度" and t[4].task.title == "村务公开"
    assert t[5].deadline.kind == "relative" and t[6].section is None
    exact, n_gold, n_pred = _exact("cells_township_offices_lead_printed_again.txt", "variants/golds/905_township_2024")
    assert n_pred == n_gold and exact == n_gold


def test_raw_unit_name_cut_inside_its_bracket() -> None:
    """-raw: 县委宣传部（县政府 / 新闻办）牵头，县政 / 府办公室，… ends like a name at 府 but
    its bracket is open: the cell goes on, and the lines after it are no section title."""
    t = govdisclose.parse(SHAPES / "raw_unit_cut_inside_its_bracket.txt").tasks
    assert (t[7].lead_units, t[7].responsible_units) == (["县委宣传部（县政府新闻办）"], ["县政府办公室", "县公安局"])
    exact, n_gold, n_pred = _exact("raw_unit_cut_inside_its_bracket.txt", "variants/golds/904_county_2016")
    assert n_pred == n_gold and exact == n_gold


def test_viewer_copy_with_person_column_after_the_deadline() -> None:
    """A viewer's copy (one cell a line, a 责任领导 column of names after the deadline): the
    -raw rebuild, which runs the name and the next title into the deadline (及时更新吴敏
    政策解读和回应关切), reads worse once deadline cells count, so the cell reading stays."""
    from govdisclose.parsers.text.quality import _opens_with_name

    assert _opens_with_name("社会事务办公室2024年5月底前") and not _opens_with_name("按市财政局规定时间公开")
    notice = govdisclose.parse(SHAPES / "pdfcopy_deadline_then_person_column.txt")
    assert [t.deadline.text for t in notice.tasks[:3]] == ["2024年5月底前", "及时更新", "持续推进"]
    exact, n_gold, n_pred = _exact("pdfcopy_deadline_then_person_column.txt", "variants/golds/905_township_2024")
    assert n_pred == n_gold and exact >= n_gold - 1  # (row 4: one unit a line, lead and 配合 cannot be told apart)


def test_raw_header_whose_last_spaced_word_wrapped() -> None:
    """-raw of a LibreOffice print: the header's last word wrapped, ``… 牵 头 单 位 时 间 /
    节 点``: the second line is the header's, not a section titled 节."""
    t = govdisclose.parse(SHAPES / "lo_raw_header_word_wrapped_spaced.txt").tasks
    assert len(t) == 8 and all(x.section is None for x in t)
    assert [x.deadline.text for x in t[:3]] == ["2024年5月底前", "及时更新", "持续推进"]


def test_raw_person_line_after_a_whole_deadline() -> None:
    """-raw: a 责任领导 line (赵强) after a deadline cut over two lines (2024 年 6 / 月 30 日前)
    is the person column's, not the deadline's end; a cut word (公开) is no person."""
    from govdisclose.shape.celltypes import person_like

    assert person_like("赵强") and not person_like("公开")
    t = govdisclose.parse(SHAPES / "lo_raw_person_line_after_deadline.txt").tasks
    assert t[6].deadline.text == "2024年6月30日前"


def test_run_together_unit_name_cut_by_a_heading() -> None:
    """A Word table flattened into run-together rows (as seed 000): a lead cell cut by the
    flattening (``市政`` after a finished measure, ``府办公厅、市司法局`` below the next heading;
    ``市司`` ending a dumped lead column, ``法局`` on a later line) is one merged cell, so the
    rows on both sides hold the whole names; the row above the heading that cut its cell
    belongs to that heading's group; a section title cut short (``提高政务`` / ``公开质量``)
    is finished even when a bare task numeral shares its line; a dumped lead column ends
    where the first collective opens the responsible one."""
    tasks = govdisclose.parse(FIXTURES / "shapes" / "runs_unit_name_cut_by_heading.txt").tasks
    assert len(tasks) == 10
    third = tasks[2]
    assert third.measure.startswith("在市政府门户网站开设政策直达专栏") and third.measure.endswith("解读材料。")
    assert third.lead_units == ["市政府办公厅", "市司法局"] and third.responsible_units == ["各区县政府"]
    assert (third.section.title, third.task.no, third.task.title) == ("提高政务公开质量", "（二）", "规范政策文件公开")
    assert [t.lead_units for t in tasks[3:5]] == [["市政府办公厅", "市司法局"]] * 2
    assert [t.item_no for t in tasks[3:5]] == ["1", "2"]
    dumped = tasks[5:9]
    assert all("reconstructed_from_column_flow" in t.flags for t in dumped)
    assert [t.lead_units for t in dumped] == [["市政府办公厅"]] * 3 + [["市司法局"]]
    assert [t.responsible_units for t in dumped] == [["各区县政府", "市政府各部门"]] * 2 + [
        ["各区县政府", "市政府有关部门"], ["各区县政府"]]
    last = tasks[9]
    assert last.lead_units == ["市司法局"] and last.responsible_units == []
    assert last.section.title == "夯实公开基础"


def test_attachment_links_are_debris(tmp_path: Path) -> None:
    """A portal prints the notice's attachment as a link after the table, its file name
    broken over lines by ``<BR>`` (seed 000's tail) or on a line of its own: no task comes
    of it, and a sentence that mentions an attachment stays."""
    from govdisclose.parsers.text.debris import clean_text, is_debris_line

    text, notes = clean_text("…逐项核查落实情况。 市政府办公厅 各区县政府\n\n"
                             "某市人民政府办公室关于印发 <BR>2023年政务公开工作要点任务分工的通知 <BR>.docx <BR>\n")
    assert "docx" not in text and "任务分工的通知" not in text and "逐项核查落实情况" in text
    assert "attachment link removed" in notes
    assert is_debris_line("附件：2023年政务公开工作要点任务分工.docx")
    assert not is_debris_line("做好公开工作，具体要求见附件.pdf")
    seed = govdisclose.parse(FIXTURES / "seeds" / "000_d9d317be621d0210.txt")
    assert not any(".docx" in t.measure or "任务分工的通知" in t.measure for t in seed.tasks)


def test_points_then_a_table_with_a_fuze_keshi_column() -> None:
    """A mirror site's traditional copy of a bureau's notice that prints its work points,
    then the same tasks as a table whose unit column is headed 負責科室 (a role word and a
    kind of office no synonym list spells out): the table is kept, the points are not
    read twice, and the 股 offices are the responsible units."""
    result = govdisclose.parse(SHAPES / "mirror_points_then_table_fuze_keshi.txt")
    tasks = result.tasks
    assert [t.task.title for t in tasks] == ["政策解读", "回应关切", "重点领域", "依申请公开"]
    assert tasks[1].measure == "对群众反映的住房保障、物业管理等热点问题及时、准确回应。"
    assert [t.responsible_units for t in tasks] == [["办公室"], ["住房保障股", "物业管理股"],
                                                    ["住房保障股", "建筑市场监管股"], ["办公室", "法规股"]]
    assert tasks[2].deadline.date == dt.date(2022, 12, 31)
    assert not any("could not be mapped" in w for w in result.warnings)


def test_unit_headers_built_from_a_role_word_and_an_office_kind() -> None:
    from govdisclose.shape.header import header_role

    assert [header_role(w) for w in ["负责科室", "负责处室", "协同配合单位", "会办处室", "牵头负责单位", "主责科室", "负责人"]] == [
        "responsible", "responsible", "responsible", "responsible", "lead", "lead", "other"]


def test_portal_labels_on_their_own_lines_without_colons() -> None:
    """A portal block that prints each label alone on its line, no colon, its value after a
    blank line (索引号 / … / 发布日期 / 2022-05-19), an empty label (统一编号) among them."""
    notice = govdisclose.parse(SHAPES / "portal_labels_without_colons.txt")
    meta = notice.notice
    assert meta.doc_number == "某政办发〔2022〕11号" and meta.issuer == "某某县人民政府办公室"
    assert meta.issued_on == dt.date(2022, 5, 16) and meta.published_on == dt.date(2022, 5, 19)
    assert meta.title == "某某县人民政府办公室关于印发2022年某某县政务公开工作要点的通知"
    assert [(t.lead_units, t.responsible_units) for t in notice.tasks] == [
        (["县发展改革局"], ["县直有关部门"]), ([], ["县财政局"])]


def test_raw_deadline_and_phone_cut_beside_the_units() -> None:
    """A LibreOffice -raw copy of seed 001 with a narrow 时限 column and a 联系人 column:
    a deadline whose first line shares the lead's baseline and reads like a name (区发展改革委
    专项规 / 划编制 / 完成后 / 20 个…) is the deadline, not a person (专 is no family name); a year
    that wraps before its 年 (区政府办公室 2022 / 年 1 月 / 15 日前) starts the deadline; a phone
    number's rest after a page break (刘军 / [page] / 6300 / 1234) stays the person's, not a lead."""
    expected = json.loads((FIXTURES / "corpus" / "001_5f5c5b47d6ce5cb8.gold.json").read_text(encoding="utf-8"))
    pred = govdisclose.parse(SHAPES / "lo_raw_deadline_and_phone_cut_beside_units.txt").model_dump(mode="json")
    exact, n_gold, n_pred = exact_counts(expected, pred)
    assert n_pred == n_gold and exact >= n_gold - 2
    by_no = {t["item_no"]: t for t in pred["tasks"]}
    assert by_no["2"]["deadline"]["text"] == "专项规划编制完成后20个工作日内公开"
    assert by_no["3"]["task"]["title"] == "做好各类规划主动公开"
    assert by_no["76"]["deadline"]["date"] == "2022-01-15" and by_no["77"]["deadline"]["date"] == "2022-01-31"
    assert by_no["28"]["lead_units"] == ["区政府办公室"]


def test_person_names_open_with_a_family_name() -> None:
    from govdisclose.shape.celltypes import person_like

    assert person_like("李娜") and person_like("欧阳娜") and person_like("周杰（副县长）")
    assert not person_like("专项规") and not person_like("政策制") and not person_like("文件制")
