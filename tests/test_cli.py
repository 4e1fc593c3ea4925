"""The CLI in-process on real files: formats, output files, exit codes, one-line errors."""
from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from govdisclose.cli import app
from conftest import CORPUS, FIXTURES

runner = CliRunner()
DOCX = CORPUS / "001_5f5c5b47d6ce5cb8.docx"


def test_parse_json() -> None:
    r = runner.invoke(app, ["parse", str(DOCX), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["schema_version"] == "1" and d["source"]["format"] == "docx"
    assert len(d["tasks"]) == 79
    assert d["tasks"][0]["provenance"] == {"table": 0, "row": 1}


def test_parse_jsonl_carries_notice_fields() -> None:
    r = runner.invoke(app, ["parse", str(DOCX), "-f", "jsonl"])
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 79
    assert {x["doc_number"] for x in lines} == {"渝北府办〔2021〕30号"}
    assert {x["plan_year"] for x in lines} == {2021} and lines[0]["region"] == "重庆市渝北区"


def test_parse_csv_to_file_has_bom(tmp_path) -> None:
    out = tmp_path / "tasks.csv"
    r = runner.invoke(app, ["parse", str(DOCX), "-f", "csv", "-o", str(out)])
    assert r.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 79 and rows[0]["lead_units"] == "区发展改革委"
    assert rows[1]["responsible_units"] == "区政府有关部门、有关单位"
    assert not list(tmp_path.glob(".*part"))


def test_missing_and_empty_files_exit_2(tmp_path) -> None:
    r = runner.invoke(app, ["parse", str(tmp_path / "nope.docx")])
    assert r.exit_code == 2 and "nope.docx" in r.stderr and "Traceback" not in r.stderr
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    out = tmp_path / "out.json"
    r = runner.invoke(app, ["parse", str(empty), "-o", str(out)])
    assert r.exit_code == 2 and "empty file" in r.stderr and not out.exists()


def test_not_a_docx(tmp_path) -> None:
    f = tmp_path / "fake.docx"
    f.write_bytes(b"this is not a zip package at all" * 10)
    r = runner.invoke(app, ["parse", str(f)])
    assert r.exit_code == 2 and "fake.docx" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_no_table_exits_1(tmp_path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("关于做好节日值班工作的通知")
    d.add_paragraph("请各单位做好值班安排。")
    f = tmp_path / "letter.docx"
    d.save(f)
    out = tmp_path / "out.json"
    r = runner.invoke(app, ["parse", str(f), "-o", str(out)])
    assert r.exit_code == 1 and "no task table" in r.stderr and not out.exists()


def test_schema_is_generated_from_models() -> None:
    r = runner.invoke(app, ["schema"])
    s = json.loads(r.stdout)
    assert "tasks" in s["properties"] and "Task" in s["$defs"]
    assert set(s["$defs"]["Deadline"]["properties"]["kind"]["enum"]) == {
        "date", "ongoing", "relative", "conditional", "none"}


def test_unknown_setting_is_rejected() -> None:
    r = runner.invoke(app, ["parse", str(DOCX), "--set", "no_such_thing=1"])
    assert r.exit_code == 2 and "unknown setting" in r.stderr


def test_inspect_reports_roles_and_fates() -> None:
    r = runner.invoke(app, ["inspect", str(FIXTURES / "docx" / "split.docx")])
    assert r.exit_code == 0
    assert "responsible" in r.stdout and "heading" in r.stdout and "repeated_header" not in r.stdout


def test_stdin_is_read_with_dash() -> None:
    data = (CORPUS / "003_93f9a653648119be.tab.txt").read_bytes()
    r = runner.invoke(app, ["parse", "-", "-f", "jsonl"], input=data)
    assert r.exit_code == 0, r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 25 and lines[0]["source"] == "<stdin>"


def test_nested_table_and_points_printed_twice(tmp_path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("2023年政务公开工作任务分工")
    d.add_paragraph("一、深化政务公开")
    d.add_paragraph("（一）公开年度预算。按规定公开本级预算和部门预算。")
    t = d.add_table(rows=2, cols=3)
    for c, v in enumerate(["工作任务", "牵头单位", "责任单位"]):
        t.cell(0, c).text = v
    t.cell(1, 0).text = "公开年度预算，按规定公开本级预算和部门预算。"
    t.cell(1, 1).text = "县财政局"
    inner = t.cell(1, 2).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "各乡镇"
    inner.cell(1, 0).text = "县级各部门"
    f = tmp_path / "twice.docx"
    d.save(f)
    r = runner.invoke(app, ["parse", str(f), "-f", "jsonl"])
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(rows) == 1  # the table wins over the same task printed as a point
    assert rows[0]["lead_units"] == ["县财政局"] and rows[0]["responsible_units"] == ["各乡镇", "县级各部门"]


def test_version_and_help_examples() -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("govdisclose ")
    assert "jq" in runner.invoke(app, ["parse", "--help"]).stdout


def test_title_row_inside_the_table_is_the_table_title(tmp_path) -> None:
    import docx

    import govdisclose

    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2))
    t.cell(0, 0).text = "2024年 政务公开 任务分工表"
    for c, v in enumerate(["工作任务", "责任单位", "完成时限"]):
        t.cell(1, c).text = v
    for c, v in enumerate(["公开本级预算。", "县财政局", "6月底前"]):
        t.cell(2, c).text = v
    f = tmp_path / "titled.docx"
    d.save(f)
    n = govdisclose.parse(f)
    assert n.notice.table_title == "2024年政务公开任务分工表" and n.notice.plan_year == 2024
    assert [x.deadline.date.isoformat() for x in n.tasks] == ["2024-06-30"]


def test_table_without_a_header_row(tmp_path) -> None:
    import docx

    import govdisclose

    d = docx.Document()
    d.add_paragraph("2023年政务公开工作任务分工")
    rows = [["1", "公开年度财政预决算及“三公”经费情况。", "县财政局", "6月底前"],
            ["2", "公开重大建设项目批准和实施信息并动态更新。", "县发展改革局", "持续推进"],
            ["3", "公开政务服务事项办事指南和服务流程。", "县政务服务中心", "年底前"]]
    t = d.add_table(rows=3, cols=4)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            t.cell(i, j).text = v
    f = tmp_path / "nohdr.docx"
    d.save(f)
    n = govdisclose.parse(f)
    assert [(x.item_no, x.responsible_units, x.deadline.kind) for x in n.tasks] == [
        ("1", ["县财政局"], "date"), ("2", ["县发展改革局"], "ongoing"), ("3", ["县政务服务中心"], "date")]
    assert any("no header row" in w for w in n.warnings)
