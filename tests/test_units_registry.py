"""The unit registry: glued names split, broken names repaired, names qualified by region."""
from __future__ import annotations

import json

from typer.testing import CliRunner

import govdisclose
from govdisclose.cli import app
from govdisclose.normalize.unit_index import kind_of, level_of, qualify
from govdisclose.normalize.units import parse_units, use_unit_files
from govdisclose.settings import Settings
from conftest import CORPUS

runner = CliRunner()


def test_glued_runs_from_the_seeds_are_split() -> None:
    # seed 002 prints 责任单位 with separators lost in the PDF copy
    got = parse_units("市发展改革委、市财政局市人力社保局")
    assert got.responsible == ["市发展改革委", "市财政局", "市人力社保局"]
    assert "units_split_by_dictionary" in got.flags
    got = parse_units("市发展改革委市经济信息委", "lead")
    assert got.lead == ["市发展改革委", "市经济信息委"]
    got = parse_units("市文化旅游委市体育局协调办")
    assert got.responsible == ["市文化旅游委", "市体育局", "协调办"] and "unknown_unit" in got.flags
    # too little explained by the dictionary: kept whole rather than cut wrongly
    assert parse_units("市文化旅游委某某协调推进办").responsible == ["市文化旅游委某某协调推进办"]


def test_names_broken_by_line_flow_are_repaired() -> None:
    assert parse_units("市司\n法局").responsible == ["市司法局"]  # seed 000
    assert parse_units("市政\n府办公厅", "lead").lead == ["市政府办公厅"]
    assert parse_units("区政府有关部\n门、有关单位").responsible == ["区政府有关部门", "有关单位"]
    # two whole names on two lines stay two names
    assert parse_units("区财政局\n区税务局").responsible == ["区财政局", "区税务局"]


def test_qualified_names_for_city_and_district_notices() -> None:
    assert qualify("市财政局", "重庆市") == "重庆市财政局"
    assert qualify("区财政局", "重庆市渝北区") == "重庆市渝北区财政局"
    assert qualify("市财政局", "重庆市渝北区") == "重庆市财政局"
    assert qualify("区政府办公室", "重庆市渝北区") == "重庆市渝北区人民政府办公室"
    assert qualify("县农业农村局", "宣汉县") == "宣汉县农业农村局"
    assert qualify("各区县政府", "重庆市") is None
    assert qualify("重庆市税务局", "重庆市") is None  # no scope prefix: left as printed


def test_kinds_and_levels() -> None:
    assert kind_of("市政府各部门") == "collective" and kind_of("有关单位") == "collective"
    assert kind_of("区政府办公室") == "general_office" and kind_of("各区人民政府") == "collective"
    assert kind_of("市财政局") == "department"
    assert level_of("区财政局") == "区县" and level_of("市财政局") == "市" and level_of("镇财政所") == "乡镇"
    assert level_of("国务院办公厅") == "国家"


def test_notice_index_counts_and_renamings() -> None:
    notice = govdisclose.parse(CORPUS / "001_5f5c5b47d6ce5cb8.docx")
    idx = {u.name: u for u in notice.units}
    office = idx["区政府办公室"]
    assert office.qualified == "重庆市渝北区人民政府办公室" and office.level == "区县"
    assert office.as_lead == sum("区政府办公室" in t.lead_units for t in notice.tasks)
    notice17 = govdisclose.parse(CORPUS / "002_434dd7b64f93f40d.docx")
    idx17 = {u.name: u for u in notice17.units}
    assert idx17["市卫生计生委"].renamed_to == "市卫生健康委" and idx17["市卫生计生委"].renamed_in == 2018
    assert idx17["市发展改革委"].qualified == "重庆市发展改革委"


def test_aliases_seen_are_recorded(tmp_path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("2022年任务分工\n\t工作任务\n\t牵头单位\n\t责任单位\n\n\t1.公开规划。\n\t市发改委\n\t市人社局\n\n"
                 "\t2.公开预算。\n\t市发展和改革委员会\n\t市财政局\n", encoding="utf-8")
    notice = govdisclose.parse(f)
    idx = {u.name: u for u in notice.units}
    assert idx["市发展改革委"].aliases == ["市发展和改革委员会", "市发改委"]
    assert idx["市发展改革委"].as_lead == 2


def test_user_registry_extends_splitting(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("departments: [协调推进办]\n", encoding="utf-8")
    try:
        assert parse_units("市体育局市协调推进办").responsible == ["市体育局市协调推进办"]
        use_unit_files([str(extra)])
        assert parse_units("市体育局市协调推进办").responsible == ["市体育局", "市协调推进办"]
    finally:
        use_unit_files([])
    assert Settings(unit_files=(str(extra),)).unit_files == (str(extra),)


def test_units_command_lists_unknown_first() -> None:
    r = runner.invoke(app, ["units", str(CORPUS / "002_434dd7b64f93f40d.docx"),
                            str(CORPUS / "000_d9d317be621d0210.docx"), "-f", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    known = [e["known"] for e in rows]
    assert known == sorted(known)  # unknown (False) first
    fin = next(e for e in rows if e["name"] == "市财政局")
    assert fin["files"] == 2 and fin["qualified"] == "重庆市财政局"
