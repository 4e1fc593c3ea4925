"""Saved portal pages: the leaf table read with its merges, the page around it as paragraphs."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import govdisclose
from conftest import FIXTURES
from govdisclose.cli import app

HTML = FIXTURES / "html"


def test_rowspan_empty_cell_and_line_breaks_in_a_layout_wrapped_gbk_page() -> None:
    notice = govdisclose.parse(HTML / "portal_layout_gbk.html")
    assert notice.source.format == "html"
    assert notice.notice.doc_number == "某府办发〔2023〕5号"
    rows = [(t.item_no, t.task.no if t.task else None, t.measure, t.lead_units, t.responsible_units, t.deadline.kind)
            for t in notice.tasks]
    assert rows == [
        # <br> inside a cell separates units; the lead cell spans two rows
        ("1", "（一）", "公开区级预决算。", ["区财政局"], ["各街道", "区级各部门"], "date"),
        # an empty <td> under no rowspan is empty, not inherited
        ("1", "（一）", "公开政府债务信息。", ["区财政局"], [], "ongoing"),
        ("2", "（二）", "重要政策文件同步解读。", ["区司法局"], ["区政府办"], "ongoing"),
    ]
    # the navigation cell of the layout table and the table inside <script> are not tasks
    assert all("首页" not in t.measure and "no" != t.measure for t in notice.tasks)


def test_a_page_without_a_table_reads_its_work_points() -> None:
    notice = govdisclose.parse(HTML / "points_no_table.html")
    assert [(t.task.no, t.lead_units, t.responsible_units) for t in notice.tasks] == [
        ("（一）", ["县财政局"], ["各乡镇"]),
        ("（二）", [], ["县司法局", "县政府办"]),
    ]
    assert notice.tasks[0].measure == "按规定公开县级预决算和政府债务信息。"


def test_binary_junk_named_html_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "notice.html"
    bad.write_bytes(bytes(range(256)) * 40)
    result = CliRunner().invoke(app, ["parse", str(bad)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "notice.html" in lines[0]


def test_a_table_of_empty_cells_gives_no_tasks_and_exit_1(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><table><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>"
                    + "<tr><td></td><td></td><td></td></tr>" * 3 + "</table></body></html>", encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(page)])
    assert result.exit_code == 1
    assert '"tasks": []' in result.stdout
