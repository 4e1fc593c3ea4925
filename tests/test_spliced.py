"""Spliced PDF copies (seed 002's shape): rows rebuilt from title boxes, centred unit cells
and cells printed alone at a box's head."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import govdisclose
from conftest import FIXTURES, field_counts
from govdisclose.parsers.text.spliced import pull_cells
from govdisclose.parsers.text.spliced_rows import Sentence, _Cohesion, _mention_spliced, _Row, _segment, _split
from govdisclose.parsers.text.spliced_titles import as_box, counted, known_sections

sys.path.insert(0, str(FIXTURES))
import make_spliced  # noqa: E402


def test_numbers_printed_one_after_another_are_counted() -> None:
    assert counted("9101112") == [9, 10, 11, 12]
    assert counted("23", after=1) == [2, 3]  # 2 and 3 run together after 1
    assert counted("23", after=22) == [23]
    assert counted("23") == [23]
    assert counted("2022") is None  # a year, not a count


def test_a_title_box_reads_numbers_titles_and_the_cells_at_its_head() -> None:
    box = as_box("7推进“放管以政务公开助力促改革8服”改革信息公开。", [], 1)
    assert box is not None and box.numbers == [7, 8]
    assert box.title == "推进“放管以政务公开助力促改革服”改革信息公开"
    clean, splices = pull_cells("市教委市卫生计生委以政务公开助力惠民生推进食品药品安全27领域信息公开。")
    assert [sp.cells for sp in splices] == [[["市教委"], ["市卫生计生委"]]]  # two cells, one per row above
    assert as_box(clean, splices[0].cells, 1).cells == [["市教委"], ["市卫生计生委"]]
    # a measure sentence is no box
    assert as_box("做好国有产权交易、增资扩股项目的信息披露和结果公示工作，推动信息共享。", [], 1) is None


def test_a_unit_cell_cut_over_lines_is_taken_out_where_it_began_and_ended() -> None:
    text = ("及时公开政策性文件的修市政府信息公开办、改、废止、失效等情况，并各区县（自治县）人在各级政府"
            "门户网站已发布民政府、市政府法制的原文件上作出明确标注。")
    clean, splices = pull_cells(text)
    assert clean == "及时公开政策性文件的修改、废止、失效等情况，并在各级政府门户网站已发布的原文件上作出明确标注。"
    assert splices[0].names == ["市政府信息公开办", "各区县（自治县）人民政府", "市政府法制办"]
    assert clean[:splices[0].start].endswith("文件的修")


def test_a_cut_name_is_finished_from_its_shortest_start_when_the_longest_goes_nowhere() -> None:
    """市资 starts a known name (市资源规划局), but the cell's line ended after 市: 财政局 a
    measure line further on finishes it (a bare 财政局 is no cell of this table)."""
    clean, splices = pull_cells("加大对社会市发展改革委、市资本参与方式、项目合同财政局和回报机制等内容的公开力度。")
    assert clean == "加大对社会资本参与方式、项目合同和回报机制等内容的公开力度。"
    assert splices[0].names == ["市发展改革委", "市财政局"]


def test_one_name_spliced_mid_phrase_is_the_cell_but_a_mention_stays() -> None:
    s = _mention_spliced(Sentence("做好跟踪审计结果公开，加大典型问题反馈和市审计局整改公开力度。", 1))
    assert s.text == "做好跟踪审计结果公开，加大典型问题反馈和整改公开力度。" and s.names == ["市审计局"]
    for mention in ("在市财政局网站面向社会及时公布收费清单。", "市政府各部门要加强与国家部委的对接。",
                    "目标，各区县（自治县）人民政府要汇总形成抽查事项清单。"):
        assert _mention_spliced(Sentence(mention, 1)).names == [], mention
    # a name the copy prints as a cell elsewhere needs no conjunction before it
    spliced = Sentence("大规模增值税留抵重庆市税务局退税政策，帮助执行机关了解政策。", 1)
    assert _mention_spliced(spliced).names == []
    assert _mention_spliced(spliced, frozenset({"重庆市税务局"})).text == "大规模增值税留抵退税政策，帮助执行机关了解政策。"
    assert _mention_spliced(Sentence("在市财政局网站公布。", 1), frozenset({"市财政局"})).names == []


def test_rows_are_cut_where_the_spliced_cell_stands_centred() -> None:
    """Three sentences and two cells: the middle sentence joins the row whose cell it centres."""
    a = Sentence("深化全市各级政府及部门权责清单公开工作，根据权责事项取消、下放、承接情况进行动态调整。", 1, (30, 30), ["A局"])
    b = Sentence("市政府各部门要加强与国家部委的对接，对国务院试点部门的权责清单，要按照统一部署及时向社会公开。", 1)
    c = Sentence("对于投资核准事项清单、国家职业资格目录清单、政府定价或指导价经营服务性收费清单等，均要集中发布。", 1,
                 (25, 25), ["B局"])
    rows = _segment([a, b, c], _Cohesion([a.text, b.text, c.text]))
    assert [len(r.sentences) for r in rows] == [2, 1]


def test_a_row_printed_as_two_is_cut_where_each_part_holds_its_cells_words() -> None:
    texts = ["进一步做好教育监管信息公开，加大教育督导评估监测报告发布力度。", "针对部分适龄儿童延缓入学等特殊需求，做好政策解读工作。",
             "推行卫生计生重大民生决策事项民意调查制度。", "做好医疗机构院务公开和改善医疗服务行动计划落实情况公开工作。"]
    row = _Row([Sentence(t, 1) for t in texts], given=[["市卫生计生委"]])
    cut = _split(row, _Cohesion(texts), ["市教委"])
    assert cut is not None
    _, first, second = cut
    assert [s.text for s in first.sentences] == texts[:2] and second.given == [["市卫生计生委"]]


def test_a_section_cut_before_a_task_verb_needs_another_box_to_back_it() -> None:
    boxes = [as_box(t, [], 1) for t in ("1以政务公开助力稳增长2加强预期引导。", "以政务公开助力调结构推进化解过剩产能20工作信息公开。",
                                        "68有效改进工强化工作指导监督作作风。", "增强政务公开实效进一步健32全解读回应机制。",
                                        "增强政务公开实效依法规范34依申请公开工作。")]
    found = known_sections([b for b in boxes if b is not None])
    assert found == {"以政务公开助力稳增长", "以政务公开助力调结构", "增强政务公开实效"}


def test_seed_002_rows_keep_their_numbers_titles_and_cells() -> None:
    t = {x.item_no: x for x in govdisclose.parse(FIXTURES / "seeds" / "002_434dd7b64f93f40d.txt").tasks}
    assert t["3"].measure.endswith("加大典型问题反馈和整改公开力度，促进政策落地生根。")
    assert t["3"].responsible_units == ["市审计局"]
    assert t["9"].responsible_units == ["市政府信息公开办", "各区县（自治县）人民政府", "市政府法制办"]  # a lagging copy's row
    assert t["10"].measure.startswith("围绕年内实现")  # 办 (市政府法制 / 办) read onto it is gone
    assert t["25"].responsible_units == ["市教委"] and t["26"].responsible_units == ["市卫生计生委"]
    assert t["28"].section.title == "以政务公开助力防风险"  # printed with task 29, centred on its rows
    assert t["8"].task.title == "推进“放管服”改革信息公开"
    assert all("low_confidence" in x.flags for x in t.values())


def test_other_notices_printed_as_spliced_copies(tmp_path: Path) -> None:
    """Seeds 002 and 003 printed as a viewer copies text boxes (fixtures/make_spliced.py), one
    copy or two read in turns: most rows are found, numbered and given their cells. These
    copies are guesses by nature; the floors hold what the rebuild reaches (the code before
    it: core 0.31, item numbers 0.06, sections 0.08 over the bench's renders)."""
    totals, right = [0, 0, 0], Counter()
    for stem in ("002_434dd7b64f93f40d", "003_93f9a653648119be"):
        gold = make_spliced.derive(json.loads((FIXTURES / "corpus" / f"{stem}.gold.json").read_text(encoding="utf-8")))
        for seed in (0, 1):
            for copies in ("single", "lagging"):
                f = tmp_path / f"{stem}.{seed}.{copies}.txt"
                f.write_text(make_spliced.render(gold, seed, copies), encoding="utf-8")
                result = govdisclose.parse(f)
                assert result.tasks and all("low_confidence" in x.flags for x in result.tasks)
                _, core, matched, n_gold, n_pred, fields = field_counts(gold, result.model_dump(mode="json"))
                totals = [a + b for a, b in zip(totals, (core, matched, n_gold + n_pred))]
                right += fields
    core, matched, both = totals
    assert 2 * matched / both >= 0.82, totals
    assert 2 * core / both >= 0.47, totals
    assert right["item_no"] / matched >= 0.6 and right["responsible_units"] / matched >= 0.7, right
    assert right["section"] / matched >= 0.5 and right["task"] / matched >= 0.63, right


def test_a_section_set_line_by_line_among_its_tasks_is_taken_out() -> None:
    """Title boxes that interleave the section's lines (8 wide) with the task's (5 wide), as a
    viewer reads the grouping columns across: the section printed in several boxes comes
    out whole; a task ending many tasks share (…改革信息公开) is not taken for one."""
    from govdisclose.parsers.text.spliced_titles import take_apart

    boxes = ["加强涉及市以公开助力经济平场主体的信稳健康发展息公开。", "加强涉及减以公开助力经济平税降费的信稳健康发展息公开。",
             "持续做好疫以公开助力保持社情防控信息会和谐稳定公开。", "推进公共企以公开助力保持社事业单位信会和谐稳定息公开。",
             "推进农业供给侧结构性改革信息公开。", "推进财税体制改革信息公开。"]
    got = take_apart(boxes)
    assert got[boxes[0]] == ("以公开助力经济平稳健康发展", "加强涉及市场主体的信息公开。")
    assert got[boxes[1]] == ("以公开助力经济平稳健康发展", "加强涉及减税降费的信息公开。")
    assert got[boxes[3]] == ("以公开助力保持社会和谐稳定", "推进公共企事业单位信息公开。")
    assert boxes[4] not in got and boxes[5] not in got


def test_a_spliced_copy_cut_at_sentence_ends_reads_as_one_with_long_lines(tmp_path: Path) -> None:
    """The same viewer copy with a line break after every sentence (as some pages keep each
    text box on a line of its own) is still a copy with no line structure left."""
    text = (FIXTURES / "seeds" / "002_434dd7b64f93f40d.txt").read_text(encoding="utf-8").replace("\n", "")
    cut = tmp_path / "002_sentences.txt"
    cut.write_text(text.replace("。", "。\n"), encoding="utf-8")
    whole = govdisclose.parse(FIXTURES / "seeds" / "002_434dd7b64f93f40d.txt").tasks
    again = govdisclose.parse(cut).tasks
    assert len(again) == len(whole) >= 20
    assert [(t.item_no, t.measure, t.responsible_units) for t in again] == \
        [(t.item_no, t.measure, t.responsible_units) for t in whole]
