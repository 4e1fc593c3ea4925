"""Spreadsheets: merged ranges resolved, title row above the header, same records as Word."""
from __future__ import annotations

import openpyxl
from typer.testing import CliRunner

import govdisclose
from govdisclose.cli import app
from conftest import FIXTURES, exact_f1, gold_for

SHEET = FIXTURES / "xlsx" / "001_5f5c5b47d6ce5cb8.sheet.xlsx"


def test_spreadsheet_gives_the_same_records() -> None:
    ws = openpyxl.load_workbook(SHEET).active
    assert ws.merged_cells.ranges  # the grouping cells really are merged in the file
    notice = govdisclose.parse(SHEET)
    assert notice.source.format == "xlsx"
    assert notice.notice.table_title == "渝北区2021年政务公开重点工作任务分工" and notice.notice.plan_year == 2021
    assert exact_f1(gold_for(SHEET), notice.model_dump(mode="json")) >= 0.99


def test_broken_spreadsheet_is_refused(tmp_path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(SHEET.read_bytes()[:3000])
    r = CliRunner().invoke(app, ["parse", str(bad)])
    assert r.exit_code == 2 and "broken.xlsx" in r.stderr and "Traceback" not in r.stderr
