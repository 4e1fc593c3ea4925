"""Typed alignment: a stream of cells with missing ones → rows, by what each cell looks like.

Browser copies print one cell per line with no row marker, and a row under a
merged cell simply has fewer cells. Each cell is typed (item number, heading,
measure, unit list, deadline, short text); cells are placed left to right into the
next column that accepts their type, and a cell that fits no column to the right
of the last one placed starts a new row. Unit cells of a short row are aligned to
the right of their run of unit columns; a column a row lacks is covered by the
cell above it (the merge it sat under).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from govdisclose.normalize.data import load_data
from govdisclose.normalize.text import display_width
from govdisclose.normalize.units import (ends_like_unit, ends_mid_name, is_known, lead_cut, opens_with_known,
                                         role_word_across)
from govdisclose.normalize.words import breaks_word
from govdisclose.parsers.document import Cell, Row
from govdisclose.shape.celltypes import cell_type, person_like
from govdisclose.shape.header import header_role, resolve_roles
from govdisclose.shape.numbering import ITEM_RE, counts_up, heading_level, sub_point

_ACCEPTS = {
    "item_no": {"item"},
    "group": {"heading", "short"},
    "measure": {"measure", "short"},
    "lead": {"units"},
    "responsible": {"units"},
    "deadline": {"deadline"},
    "other": {"short", "units", "deadline"},
    None: {"short"},
}


@dataclass
class _Placed:
    col: int
    text: str
    line: int
    stacked: bool = False  # unit lines past the last unit column were stacked onto it


def align(cells: list[tuple[int, str | None]], roles: list[str | None], prev: list[Cell] | None = None) -> list[Row]:
    """``cells`` are (line, text) in reading order, text None for a printed row end;
    returns rows of ``len(roles)`` cells. ``prev`` is the row above the first, for the
    cells a merge covers."""
    rows: list[list[_Placed]] = []
    cur: list[_Placed] = []
    pointer = -1
    measure_col = roles.index("measure") if "measure" in roles else None
    groups_before = [c for c, r in enumerate(roles) if r == "group" and (measure_col is None or c < measure_col)]
    item_after_groups = bool(groups_before) and any(r == "item_no" and c > groups_before[-1] for c, r in enumerate(roles))
    kinds = [cell_type(t) if t is not None else "end" for _, t in cells]
    title_width = _cut_title_width(cells, kinds)
    measure_width = _cut_measure_width(cells, kinds)
    numbered_titles = _titles_numbered(cells, kinds)
    remarks = _repeated_remarks(cells, kinds)
    for k, (line, text) in enumerate(cells):
        kind = kinds[k]
        # a measure line cut at the column's width that reads like a unit list
        # (…工作。建成全 / 市社会公共信息资源共享交换平台，编制出台社会公共信息资源管理办):
        # as wide as the measure lines, after one cut mid-sentence, it is the measure's
        if kind == "units" and measure_width and cur and cur[-1].col == measure_col \
                and display_width(text) >= measure_width - 2 \
                and display_width(cur[-1].text.split("\n")[-1]) >= measure_width - 2 \
                and not cur[-1].text.rstrip().endswith(_SENTENCE_END):
            kind = "measure"
        if kind == "end":
            if cur:
                rows.append(cur)
            cur, pointer = [], -1
            continue
        if kind == "empty":
            continue
        nxt = next((x for x in kinds[k + 1:] if x != "empty"), None)
        # a remark column before the deadline (备注 | 时限) holding a deadline-like remark
        # (持续推进，年底总结): a second whole deadline moves the first one to the remark
        if cur and roles[cur[-1].col] == "deadline" and kind == "deadline" and (
                _FRESH_DEADLINE.match(text) or (cell_type(cur[-1].text) == "deadline"
                                                and not _deadline_goes_on(cur[-1].text, text))):
            free = [c for c in range(pointer) if roles[c] == "other" and c > max(
                (p.col for p in cur if roles[p.col] != "deadline"), default=-1)]
            if free:
                cur[-1] = _Placed(free[-1], cur[-1].text, cur[-1].line)
                pointer = free[-1]
        # a deadline broken over lines (2022年1月 / 15日前)
        # (not after a whole deadline, 每季度 | 村务公开, unless the piece goes on with its date
        # or its word, or is a word's end: 按规定时限 | 公开)
        if cur and roles[cur[-1].col] == "deadline" and kind in ("short", "deadline") \
                and len(cur[-1].text + text) <= 30 and cell_type(cur[-1].text + text) == "deadline" \
                and (cell_type(cur[-1].text) != "deadline" or _deadline_goes_on(cur[-1].text, text)) \
                and not cur[-1].text.endswith(("前", "底", "坚持", "推进", "更新")) and not opens_with_known(text) \
                and not (kind == "deadline" and _FRESH_DEADLINE.match(text)
                         and any(roles[c] == "other" for c in range(pointer + 1, len(roles)))):
            cur[-1] = replace(cur[-1], text=cur[-1].text + text)
            continue
        # a phone number cut at the column width (刘军 023-630 / 01234)
        if cur and roles[cur[-1].col] == "other" and re.search(r"\d[\-－]?$", cur[-1].text) \
                and re.fullmatch(r"[\d\-－]{2,}", text.strip()):
            cur[-1] = replace(cur[-1], text=cur[-1].text + text.strip())
            continue
        # a person or a contact (张伟, 王芳（副区长）, 李娜 138…) in the row's 分管领导 / 联系人 column
        # (not the end of a unit cell cut mid-name: 区发展改革委牵头，区发展改革 / 委负责)
        if cur and person_like(text) and any(p.col == measure_col for p in cur) \
                and not _unit_cell_goes_on(cur[-1], text, roles):
            other = next((c for c in range(pointer + 1, len(roles)) if roles[c] == "other"), None)
            if other is not None:
                cur.append(_Placed(other, text, line))
                pointer = other
                continue
        # a short remark (纳入年度考核) closing a row, before the next row's titles: more
        # titles ahead than grouping levels (columns, and a title row) make it the remark,
        # and so does a table whose titles are all numbered (一、 / （一）)
        # (not the rest of a measure cut mid-sentence, nor a line that opens a list: 以下工作：)
        cut_cell = cur and (cur[-1].col == measure_col and not cur[-1].text.rstrip().endswith(_SENTENCE_END)
                            or roles[cur[-1].col] in ("lead", "responsible") and ends_mid_name(cur[-1].text))
        if cur and kind == "short" and any(p.col == measure_col for p in cur) and not heading_level(text) \
                and not cut_cell and not text.rstrip().endswith(("：", ":", "，", ",")) \
                and not _unit_cell_goes_on(cur[-1], text, roles):
            other = next((c for c in range(pointer + 1, len(roles)) if roles[c] == "other"), None)
            ahead = 0
            for x in kinds[k:]:
                if x not in ("short", "heading"):
                    break
                ahead += 1
            # (one title more than the grouping columns may be a title row's; a short text
            # printed again and again before different titles is a remark all the same)
            if other is not None and (ahead > len(groups_before) + 1 or numbered_titles
                                      or (ahead == len(groups_before) + 1 and text.strip() in remarks)) \
                    and not _unit_run(cells, k):
                cur.append(_Placed(other, text, line))
                pointer = other
                continue
        # the rest of a unit cell cut mid-name (区政府各部门、各镇街、有关单 | 位)
        # (a list ending in 、 is cut too)
        if cur and roles[cur[-1].col] in ("lead", "responsible") and ((
                cell_type(cur[-1].text) != "units" or cur[-1].text.rstrip().endswith(("、", "，", ","))) \
                and _unit_run(cells, k, cur[-1].text) or _unit_cell_goes_on(cur[-1], text, roles)):
            cur[-1] = replace(cur[-1], text=cur[-1].text + text)
            continue
        # 市司法局等市直 | 各有关部门: the first piece of a unit cell broken over lines (not a title)
        unit_piece = kind in ("short", "measure") and nxt in ("units", "deadline", "item", "short", "measure", None) \
            and _unit_run(cells, k)
        # a numbered title cut at its column's width (一、紧扣“十四五”开好局起 / 好步深化政务公开):
        # an unnumbered piece after it is its end when a deeper numbered title follows, or
        # when no grouping column is left and the row's number or measure follows
        if cur and roles[cur[-1].col] == "group" and heading_level(cur[-1].text) and kind in ("short", "measure") \
                and len(text) < 30 and not heading_level(text) and not ITEM_RE.match(text) \
                and not text.endswith(("。", "；", ";")):
            ahead = _peek(cells, k)
            # (the deeper title may come after one more piece: 一、紧扣“十四 / 五”开好局起好 /
            # 步深化政务公开 / （一）做好各类…)
            after_pieces = [t for _, t in cells[k + 1:] if t and t.strip()][:2]
            deeper = heading_level(cur[-1].text) == "section" and any(
                heading_level(t) == "task" and all(_title_piece(p) for p in after_pieces[:j])
                for j, t in enumerate(after_pieces))
            last_group = heading_level(cur[-1].text) == "task" or not [c for c in groups_before if c > cur[-1].col]
            # (a title cut twice: 三、持续加强 / 重点领域信息 / 公开, then the row's measure)
            after = [x for x in kinds[k + 1:] if x != "empty"][:2]
            cut_twice = after[:1] == ["short"] and after[1:] in (["measure"], ["item"]) \
                and ahead is not None and len(ahead) <= 8 and not heading_level(ahead) and not ITEM_RE.match(ahead)
            if deeper or (last_group and (nxt in ("measure", "item") or cut_twice)):
                cur[-1] = replace(cur[-1], text=cur[-1].text + text)
                continue
        # an unnumbered title cut at its column's width (推进减税、降费、降低要素成本 / 信息公开):
        # in a copy whose cells are cut, a title piece as long as the widest is continued by
        # a shorter unnumbered piece
        last_line = cur[-1].text.split("\n")[-1] if cur else ""
        if title_width and cur and roles[cur[-1].col] == "group" and kind == "short" \
                and (display_width(last_line) >= title_width - 2 or breaks_word(last_line, text)) \
                and display_width(text) < title_width \
                and not heading_level(text) and not ITEM_RE.match(text) and nxt in ("measure", "item", "short", "heading"):
            cur[-1] = replace(cur[-1], text=cur[-1].text + text)
            continue
        # a short title right before the measure fills a grouping column (目标 / 任务 cells)
        # (or before the row's own number, where the 序号 column sits between task and measure)
        title_like = kind in ("measure", "short") and len(text) < 30 and not ITEM_RE.match(text) and not unit_piece \
            and (nxt in ("measure", "short") or (nxt == "item" and item_after_groups))
        if title_like and groups_before and any(p.col == measure_col for p in cur) and \
                (any(p.col != measure_col and p.col > (measure_col or 0) for p in cur)
                 or _closes_row(cur[-1].text, text, cells[k + 1:k + 3])):
            rows.append(cur)  # the row before is complete: this title opens the next one
            cur, pointer = [], -1
        free_groups = [c for c in groups_before if c > pointer]
        if title_like and not free_groups and cur and all(roles[p.col] == "group" for p in cur):
            rows.append(cur)  # titles outnumber the grouping columns: the first is a row of its own
            cur, pointer = [], -1
            free_groups = list(groups_before)
        if title_like and free_groups and not any(p.col == measure_col for p in cur):
            cur.append(_Placed(free_groups[0], text, line))
            pointer = free_groups[0]
            continue
        # consecutive measure cells are paragraphs of one cell, unless the new one is the next item
        # 市司法局等市直 | 各有关部门: the first piece of a unit cell broken over two lines
        if unit_piece:
            kind = "units"
        # (a row whose number stands in its 序号 cell: a line starting 2. is still its measure)
        if kind in ("measure", "short") and cur and cur[-1].col == measure_col and (
                not ITEM_RE.match(text) or any(roles[p.col] == "item_no" for p in cur)
                or sub_point(cur[-1].text, text)):
            cur[-1] = _Placed(measure_col, cur[-1].text + "\n" + text, cur[-1].line)
            continue
        # a unit cell broken over lines: the pieces make a unit list only together
        if cur and roles[cur[-1].col] in ("lead", "responsible"):
            prev_units = cell_type(cur[-1].text) == "units"
            joined = cur[-1].text + text
            if (not prev_units or kind == "short") and cell_type(joined) == "units" and kind != "deadline":
                cur[-1] = replace(cur[-1], text=joined)
                continue
            if kind == "units" and _name_tail(text) and not cur[-1].text.rstrip().endswith(("、", "，", ",")):
                cur[-1] = replace(cur[-1], text=cur[-1].text + text)  # 各乡镇 | 人民政府
                continue
            if kind == "units" and not any(roles[c] in ("lead", "responsible") for c in range(pointer + 1, len(roles))):
                cur[-1] = replace(cur[-1], text=cur[-1].text + "\n" + text, stacked=True)  # one unit a line
                continue
        target = None
        for c in range(pointer + 1, len(roles)):
            if kind in _ACCEPTS.get(roles[c], {"short"}):
                if roles[c] == "other" and kind in ("units", "deadline") and any(
                        roles[d] not in ("other", None) and kind in _ACCEPTS[roles[d]] for d in range(c + 1, len(roles))):
                    continue  # a remark column left empty: the unit or deadline cell is further right
                target = c
                break
            if kind == "measure" and roles[c] == "measure":
                target = c
                break
        starts_row = target is None
        # a measure after the row's measure, or an item number, always starts a row
        if kind == "item" and cur and not (item_after_groups and all(roles[p.col] == "group" for p in cur)):
            starts_row = True  # (the titles of its own row come before a 序号 printed after them)
        if kind == "heading" and cur and any(p.col == measure_col for p in cur):
            starts_row = True
        if starts_row:
            if cur:
                rows.append(cur)
            cur, pointer = [], -1
            target = next((c for c in range(len(roles)) if kind in _ACCEPTS.get(roles[c], {"short"})), measure_col)
            if target is None:
                target = 0
        cur.append(_Placed(target, text, line))
        pointer = target
    if cur:
        rows.append(cur)
    return _finish(rows, roles, prev)


def _deadline_goes_on(before: str, after: str) -> bool:
    """Whether ``after`` is the rest of the whole-looking deadline ``before`` (2022年1月 /
    15日前, …完成后20个工 / 作日内公开, 按规定时限 / 公开), not a cell of its own (每季度 |
    村务公开)."""
    return bool(_DEADLINE_GOES_ON.match(after)) or before.rstrip().endswith(("，", ",", "、")) \
        or _word_across(before, after) or len(after.strip()) <= 3


def _word_across(before: str, after: str) -> bool:
    """A deadline's word cut by the line end (…完成后20个工 / 作日内公开)."""
    cut = len(before)
    return any(m.start() < cut < m.end() for m in _deadline_words().finditer(before + after))


@lru_cache(maxsize=1)
def _deadline_words() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, load_data("deadlines.yaml")["cut_words"])))


_DEADLINE_GOES_ON = re.compile(r"^[\d０-９一二三四五六七八九十]|^[日号前底内后个工月年季]")
_SENTENCE_END = ("。", "；", ";", "！", "？", "）", ")", "”")
_FRESH_DEADLINE = re.compile(r"^(?:\d{4}年|\d{1,2}月|[一二三四]季度|年底|年内|上半年|下半年|持续|长期|及时|每|定期|按)")
def _closes_row(measure: str, text: str, ahead: list[tuple[int, str | None]]) -> bool:
    """A row without unit cells: a finished measure, then an unpunctuated title that an
    item number follows within two cells, is the next row's title, not a paragraph."""
    return measure.rstrip().endswith("。") and not text.rstrip().endswith(("。", "；", "，")) \
        and any(t is not None and (cell_type(t) == "item" or ITEM_RE.match(t)) for _, t in ahead)


def _name_tail(text: str) -> bool:
    """A unit line that starts with a word ending names (人民政府, 管委会): the rest of the
    name on the line above."""
    head = re.split(r"[、，,；;\s]", text.strip(), maxsplit=1)[0]
    return head in load_data("units.yaml").get("name_tails", [])


def _titles_numbered(cells: list[tuple[int, str | None]], kinds: list[str]) -> bool:
    """Whether the table numbers its titles: three or more numbered titles (一、, （一）)
    and few different unnumbered short texts right before a measure (a remark repeated
    row after row is not a title)."""
    heads = sum(1 for k in kinds if k == "heading")
    if heads < 3:
        return False
    # (the rest of a numbered title cut at the column's width, 公开 after （一）…的信息, or a
    # cell's last character or two, 责, is none)
    bare = {cells[k][1] for k in range(len(cells) - 1)
            if kinds[k] == "short" and cells[k][1] and kinds[k + 1] in ("measure", "item")
            and not re.search(r"[。；;，,、]", cells[k][1] or "") and not (k and kinds[k - 1] == "heading")
            and len(cells[k][1].strip()) > 2}
    return len(bare) <= max(2, 0.1 * heads)


def _cut_measure_width(cells: list[tuple[int, str | None]], kinds: list[str]) -> int | None:
    """The width measure lines are cut at, when the copy cuts its cells at column widths:
    the measure lines share one longest length (a third of them or more). None otherwise."""
    measures = [display_width(t) for (_, t), k in zip(cells, kinds) if k == "measure" and t]
    if len(measures) < 10:
        return None
    top = max(measures)
    return top if sum(1 for n in measures if n >= top - 3) >= len(measures) / 3 else None


def _cut_title_width(cells: list[tuple[int, str | None]], kinds: list[str]) -> int | None:
    """The width titles are cut at, when the copy cuts its cells at column widths: the
    measure lines share one longest length (a third of them or more), and the longest
    short unpunctuated piece occurs three times or more. None otherwise."""
    if _cut_measure_width(cells, kinds) is None:
        return None
    shorts = [display_width(t.strip()) for (_, t), k in zip(cells, kinds)
              if k == "short" and t and not re.search(r"[。；;，,、]$", t.strip()) and len(t.strip()) >= 6]
    if not shorts:
        return None
    widest = max(shorts)
    # lines that wrapped early (a bracket or quote kept with its word) fall a character short
    return widest if sum(1 for n in shorts if n >= widest - 2) >= 3 else None


def _unit_cell_goes_on(last: _Placed, text: str, roles: list[str | None]) -> bool:
    """Whether ``text`` is the rest of the unit cell placed last, cut mid-name at the column's
    width (区政府办公室牵头，区政府各部 / 门，各镇街，有关单位负责; …区发展改革 / 委负责):
    together they read as a unit list, and ``text`` does not open with a name of its own."""
    if roles[last.col] not in ("lead", "responsible"):
        return False
    if role_word_across(last.text, text):
        return True  # …有关单位按职责分 / 工负责
    if cell_type(last.text + text) != "units":
        return False
    first = re.split(r"[、，,；;\s]", text.strip(), maxsplit=1)[0]
    return cell_type(last.text) != "units" or not (ends_like_unit(first) or is_known(first)
                                                    or opens_with_known(first))


def _unit_run(cells: list[tuple[int, str | None]], k: int, prefix: str = "") -> bool:
    """Whether the cells from ``k`` on (after ``prefix``, a piece already placed) are the
    pieces of one unit list cut at a column width: up to four pieces, none a sentence,
    that make a unit list only together (a long 牵头 / 配合 cell takes eight lines)."""
    acc = prefix
    for _, t in cells[k:k + 8]:
        if t is None or not t.strip() or re.search(r"[。；;：:“”《》]", t) or ITEM_RE.match(t) or heading_level(t):
            return False
        acc += t.strip()
        if len(acc) > 200:
            return False
        if cell_type(acc) == "units":
            return bool(prefix) or len(acc) > len(t.strip()) or cell_type(t) != "units"
    return False


def _repeated_remarks(cells: list[tuple[int, str | None]], kinds: list[str]) -> set[str]:
    """Short unnumbered texts printed more than once, each time before another text
    (纳入年度考核 before one task title, then before the next): a remark column's words.
    A title printed again stands before its own rows' titles and items, which differ too,
    so this is asked only where a title row would be one title too many."""
    after: dict[str, set[str]] = {}
    for k, kind in enumerate(kinds):
        text = (cells[k][1] or "").strip()
        if kind == "short" and not heading_level(text):
            after.setdefault(text, set()).add((_peek(cells, k) or "").strip())
    return {t for t, nexts in after.items() if len(nexts) >= 2}


def _title_piece(text: str) -> bool:
    """A short unnumbered piece that can be the middle of a title cut at its column's width."""
    t = text.strip()
    return len(t) < 30 and not heading_level(t) and not ITEM_RE.match(t) and not t.endswith(("。", "；", ";")) \
        and cell_type(t) == "short"


def _peek(cells: list[tuple[int, str | None]], k: int) -> str | None:
    return next((t for _, t in cells[k + 1:] if t and t.strip()), None)


def _finish(rows: list[list[_Placed]], roles: list[str | None], prev: list[Cell] | None = None) -> list[Row]:
    out: list[Row] = []
    unit_cols = [i for i, r in enumerate(roles) if r in ("lead", "responsible")]
    measure_col = roles.index("measure") if "measure" in roles else len(roles)
    group_cols = [i for i, r in enumerate(roles) if r == "group" and i < measure_col]
    seen: dict[int, list[str]] = {c: [] for c in group_cols}
    all_texts: list[dict[int, str]] = []
    for placed in rows:
        texts: dict[int, str] = {}
        for p in placed:
            texts[p.col] = (texts[p.col] + "\n" + p.text) if p.col in texts else p.text
        all_texts.append(texts)
    unmerged_units = units_printed_again(all_texts, unit_cols)
    for k, placed in enumerate(rows):
        texts = all_texts[k]
        lone = lone_unit_col(texts, unit_cols, roles) if unmerged_units else None
        if lone is None and prev is not None:
            # the only unit cell says what the lead cell above says: the lead printed again
            # (a merge would not print it twice), and this row has no 配合
            lead = lone_unit_col(texts, unit_cols, roles)
            if lead is not None and not prev[lead].empty and texts[next(c for c in unit_cols if c in texts)] == prev[lead].text:
                lone = lead
        if lone is not None:  # unit cells are not merged in this table: the other one is empty
            texts[lone] = texts.pop(next(c for c in unit_cols if c in texts))
        # the cells a short row has sit at the right of their run of unit (or grouping)
        # columns: the outer merged cell is the one left out
        for run in (unit_cols, group_cols):
            present = [c for c in run if c in texts]
            if run and 0 < len(present) < len(run) and not (run is unit_cols and lone is not None):
                vals = [texts.pop(c) for c in present]
                if run is group_cols and len(vals) == 1 and _outer_title(vals[0], run, seen):
                    texts[run[0]] = vals[0]  # a section title keeps the outer column
                    continue
                for c, v in zip(run[len(run) - len(vals):], vals):
                    texts[c] = v
        if len(unit_cols) == 2 and {roles[c] for c in unit_cols} == {"lead", "responsible"} \
                and all(c in texts for c in unit_cols) and any(p.stacked for p in placed):
            lines = texts[unit_cols[0]].split("\n") + texts[unit_cols[1]].split("\n")
            if roles[unit_cols[0]] == "lead":
                cut = lead_cut(lines)
            else:  # responsible column first: the lead units are the last lines
                cut = len(lines) - lead_cut(lines[::-1])
            texts[unit_cols[0]], texts[unit_cols[1]] = "\n".join(lines[:cut]), "\n".join(lines[cut:])
        for c in group_cols:
            if c in texts:
                seen[c].append(texts[c])
        has_measure = measure_col in texts
        # a merged 序号 sits inside its task's merge: a row that prints its group titles
        # (a new group, or a table that repeats them on every row) has no covered 序号
        new_group = any(c in texts for c in group_cols)
        # a title printed again, same as the row above, is a table without merges: a cell
        # this row lacks was empty, not covered
        unmerged = prev is not None and any(c in texts and texts[c] == prev[c].text for c in group_cols)
        cells: list[Cell] = []
        for c, role in enumerate(roles):
            if c in texts:
                cells.append(Cell.of(texts[c]))
            elif prev is not None and has_measure and role in ("lead", "responsible", "deadline", "item_no") \
                    and not prev[c].empty and not unmerged and not (role == "item_no" and new_group) \
                    and not (lone is not None and c in unit_cols):
                cells.append(Cell(list(prev[c].paragraphs), covered=True))
            else:
                cells.append(Cell())
        out.append(Row(cells=cells, index=k + 1, line=placed[0].line, flags=["aligned_by_cell_type"]))
        prev = cells
    return out


def units_printed_again(all_texts: list[dict[int, str]], unit_cols: list[int]) -> bool:
    """Whether the table prints a unit cell again on the next row (two adjacent rows with
    both unit cells and the same text in one): a table that merges unit cells would have
    merged those, so a row with one unit cell has the other empty, not covered."""
    if len(unit_cols) != 2:
        return False
    full = [all(c in t for c in unit_cols) for t in all_texts]
    return any(full[k] and full[k + 1] and any(all_texts[k][c] == all_texts[k + 1][c] for c in unit_cols)
               for k in range(len(all_texts) - 1))


def lone_unit_col(texts: dict[int, str], unit_cols: list[int], roles: list[str | None]) -> int | None:
    """The column of a row's only unit cell, in a table whose unit cells are never merged:
    the lead's. A row with a lead and no 配合 is common (省直各部门, 各镇人民政府 alone
    included); one with a 配合 and no lead is rare."""
    present = [c for c in unit_cols if c in texts]
    by_role = {roles[c]: c for c in unit_cols}
    if len(present) != 1 or set(by_role) != {"lead", "responsible"}:
        return None
    return by_role["lead"]


def _outer_title(text: str, run: list[int], seen: dict[int, list[str]]) -> bool:
    """Whether a lone grouping title belongs in the outer (section) column: it is numbered
    as a section, or it reads like the section titles before it (以政务公开助力稳增长 …
    以政务公开助力惠民生) more than like the task titles."""
    if heading_level(text) == "section":
        return True
    if heading_level(text) == "task":
        return False

    def kin(c: int) -> int:
        return max((len(os.path.commonprefix([text, s])) for s in seen[c] if s != text), default=0)

    outer = kin(run[0])
    return outer >= 4 and all(outer > kin(c) for c in run[1:])


def rows_look_right(rows: list[list[str]], roles: list[str | None]) -> bool:
    """Whether rows cut by count hold, column by column, the kinds of cell the header says.

    Header roles are those of the printed header; a row wider than the header (an
    unlabelled 序号, a 工作任务 header over two columns) is checked on its right part.
    """
    if not rows:
        return True
    good = 0
    for r in rows:
        cells = r[len(r) - len(roles):] if len(r) > len(roles) else r
        good += row_fits(cells, roles, groups=False)
    return good >= 0.8 * len(rows)


def row_fits(cells: list[str], roles: list[str | None], groups: bool = True) -> bool:
    """Whether one row's cells are the kinds of cell their columns hold; with ``groups``,
    grouping and 序号 columns are checked too (a numbered measure ``3.及时反馈…`` or a
    unit list is no title, a 序号 cell holds a number)."""
    for text, role in zip(cells, roles):
        kind = cell_type(text)
        if role in ("lead", "responsible") and kind not in ("units", "empty", "short"):
            return False
        if role == "measure" and kind in ("units", "deadline", "item"):
            return False
        if groups and role == "group" and (kind in ("item", "units", "deadline") or (
                kind == "measure" and ITEM_RE.match(text) and not heading_level(text))):
            return False
        if groups and role == "item_no" and kind not in ("item", "empty"):
            return False
    return True


def complete_header(header: list[str], texts: list[str]) -> list[str]:
    """The header a cell stream is aligned under: the columns its printed words leave out
    (a second grouping level, an unlabelled 序号) added from what the cells hold."""
    return with_item_column(with_both_levels(header, texts), texts)


def with_both_levels(header: list[str], texts: list[str]) -> list[str]:
    """A header printing 工作任务 once over two grouping columns: when the cells hold both
    一、 sections and （一） tasks, the grouping header is doubled so each has a column."""
    roles = [header_role(h) for h in header]
    if roles.count("group") != 1 or "measure" not in resolve_roles(header):
        return header
    levels = {heading_level(t) for t in texts if len(t) <= 40}
    if {"section", "task"} <= levels:
        i = roles.index("group")
        return header[: i + 1] + [header[i]] + header[i + 1:]
    return header


def with_item_column(header: list[str], texts: list[str]) -> list[str]:
    """A header printing 工作任务 over the task and its 序号: when bare item numbers
    come as cells of their own and no header names them, a 序号 column is added before
    the measure column, where copies print it."""
    roles = resolve_roles(header)
    if "item_no" in roles or "measure" not in roles:
        return header
    kinds = [cell_type(t) for t in texts if t]
    items, measures, units = kinds.count("item"), kinds.count("measure"), kinds.count("units")
    # (a measure cut at its column's width counts once a line: units count rows better;
    # one unit a line counts more still, but numbers that count up, one for (nearly) every
    # measure, are a 序号 all the same)
    numbers = [t for t in texts if t and cell_type(t) == "item"]
    # (a measure's first line: what most rows have, however many lines they wrap to)
    starts = sum(1 for k, kind in enumerate(kinds) if kind == "measure" and (k == 0 or kinds[k - 1] != "measure"))
    if items >= 2 and (items >= 0.5 * measures or items >= 0.4 * units
                       or (items >= 3 and items >= 0.9 * starts and counts_up(numbers))):
        empty = [k for k, h in enumerate(header) if not h.strip()]
        if empty:  # the header cell left empty over the numbers
            return header[:empty[0]] + ["序号"] + header[empty[0] + 1:]
        i = roles.index("measure")
        return header[:i] + ["序号"] + header[i:]
    return header
