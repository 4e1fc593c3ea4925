"""What a cell looks like: an item number, a heading, a measure, a unit list, a deadline.

Used where a grid has lost its column structure (cells missing under merges) or its
header (a table copied from below the header row): cells are placed, and columns
named, by their look.
"""
from __future__ import annotations

import re
from functools import lru_cache

from govdisclose.normalize.data import load_data
from govdisclose.normalize.deadlines import parse_deadline
from govdisclose.normalize.units import ends_like_unit, is_known, names_with_role, without_role_tail
from govdisclose.shape.numbering import ITEM_RE, heading_level

_ITEM = re.compile(r"^\s*(?:[（(]?\d{1,3}[）)]?\s*[.．、﹒]?|[①-⑳])\s*$")
_DATEISH = re.compile(r"(\d{1,2}\s*月|20\d{2}[.\-/．]\d{1,2}|年底|年内|季度|上半年|下半年|长期|持续|及时|全年|每年|每月|定期|常态化|完成后|工作日|"
                      r"\d+\s*个?(?:工作)?(?:日|天|小时|个?月)以?内)")


@lru_cache(maxsize=1)
def _ongoing_words() -> re.Pattern[str]:
    words = sorted(load_data("deadlines.yaml")["ongoing"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) + "|" + _DATEISH.pattern)


def _ongoing_rest(text: str) -> int:
    """How much of a text is not a word of time (长期坚持, 每季度, 及时…)."""
    return len(re.sub(r"[\W_]", "", _ongoing_words().sub("", text)))


def cell_type(text: str) -> str:
    """item | heading | deadline | units | measure | short | empty."""
    # pdftotext puts a space between digits and the characters around them (10 月底前)
    t = re.sub(r"(?<=\d) +(?=[年月日个季号])|(?<=[年月第]) +(?=\d)", "", text.strip())
    if not t:
        return "empty"
    if _ITEM.match(t):
        return "item"
    if heading_level(t) and len(t) <= 40:
        return "heading"
    # a short finished sentence (…，持续提升…，丰富解读形式。) is a measure that mentions time
    sentence = t.endswith("。") and len(t) > 16
    if len(t) <= 30 and not ITEM_RE.match(t) and not sentence:
        kind = parse_deadline(t, 2000).kind
        if kind == "ongoing" and (_ongoing_rest(t) > 8 or (t.endswith("。") and _ongoing_rest(t) >= 3)):
            kind = "none"  # 及时公开本区经济运行数据。/ 及时通报、整改。: a measure saying 及时
        if (kind in ("date", "ongoing", "relative") and _DATEISH.search(t)) or \
                (kind == "conditional" and len(t) <= 20 and re.match(r"^(按|根据|依据)", t)
                 and not t.endswith("。")):
            return "deadline"
    # (a 公开路径 chain, 1.政府网站>…>国民经济和社, is no unit list)
    # (nor a measure line that counts: …区医保大厅和22个镇)
    if len(t) <= 200 and not re.search(r"[。；：“”《》>]|\d ?个", t) and not ITEM_RE.match(t) and not opens_measure(t):
        bare = re.sub(r"[（(][^（()）]{0,30}[)）]", "", t)  # 股(行政审批服务股): the alias does not count
        # one unit a line, or one unit list wrapped over lines (市司法局等市直 / 各有关部门)
        # (or the bracket is part of the name: 各镇(办))
        for variant in (bare, bare.replace("\n", ""), t):
            parts = [p for p in re.split(r"[、，,；;\n\s]+|等", variant) if p]
            # (the last may end in a role word cut at the line end: 有关单位按职责分 / 工负责)
            if parts and all(ends_like_unit(p) or is_known(p) or names_with_role(p) for p in parts[:-1]) \
                    and _name_or_cut_role(parts[-1]):
                return "units"
    if len(t) >= 16 or ITEM_RE.match(t) or t.endswith(("。", "；")):
        return "measure"
    return "short"


@lru_cache(maxsize=1)
def task_openers() -> tuple[str, ...]:
    """Verbs a task title opens with (data/titles.yaml)."""
    return tuple(load_data("titles.yaml")["task_openers"])


@lru_cache(maxsize=1)
def _measure_openers() -> tuple[str, ...]:
    return tuple(load_data("units.yaml").get("measure_openers", []))


def opens_measure(text: str) -> bool:
    """Text that opens with a verb a measure starts with (全面清理…, 加强…), its first
    piece too long for a bare office name (公开办, 推进办 are names) and unknown."""
    first = re.split(r"[、，,；;\n\s]", text)[0]
    return text.startswith(_measure_openers()) and len(first) >= 6 and not is_known(first)


def _name_or_cut_role(part: str) -> bool:
    if ends_like_unit(part) or is_known(part) or names_with_role(part):
        return True
    name = without_role_tail(part)
    return name != part and (ends_like_unit(name) or is_known(name))


_TYPE_HEADER = {"item": "序号", "heading": "工作任务", "short": "工作任务", "measure": "工作措施",
                "deadline": "完成时限"}


def name_columns(rows: list[list[str]]) -> list[str] | None:
    """Header words for a table that has none, from the cells of each column: the most
    common cell type names the column. None unless there is a measure column and a unit
    or deadline column. Of several measure-like columns the one with the longest texts
    holds the measures; the others are titles (目标 / 任务 columns)."""
    from collections import Counter

    width = max((len(r) for r in rows), default=0)
    kinds = []
    for c in range(width):
        votes = Counter(cell_type(r[c]) for r in rows if c < len(r) and r[c].strip())
        kinds.append(votes.most_common(1)[0][0] if votes else "short")
    if "measure" not in kinds or not ({"units", "deadline"} & set(kinds)):
        return None
    measures = [i for i, k in enumerate(kinds) if k == "measure"]
    if len(measures) > 1:
        def mean_len(c: int) -> float:
            texts = [r[c] for r in rows if c < len(r) and r[c].strip()]
            return sum(map(len, texts)) / max(1, len(texts))
        keep = max(measures, key=mean_len)
        kinds = ["heading" if i in measures and i != keep else k for i, k in enumerate(kinds)]
    unit_cols = [i for i, k in enumerate(kinds) if k == "units"]
    names = []
    for i, k in enumerate(kinds):
        if k == "units":
            names.append("牵头单位" if len(unit_cols) > 1 and i == unit_cols[0] else "责任单位")
        else:
            names.append(_TYPE_HEADER.get(k, "备注"))
    return names


_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:[（(][^（()）]{1,8}[)）])?(?:\s*[\d\-－]{7,}|\s+[\d\-－]{3,6})?$|^.{0,6}\d{3,4}[-－]?\d{7,8}$|^.{0,6}1\d{10}$")


def person_like(text: str) -> bool:
    """A name of two or three characters (a role in brackets may follow) or a phone number:
    no measure, title or unit looks like this (a 分管领导 / 联系人 column's cell)."""
    t = text.strip()
    return bool(_PERSON.match(t)) and cell_type(t) not in ("units", "deadline", "heading", "item") \
        and not _no_name().search(t) and (not re.match(r"^[\u4e00-\u9fff]", t) or _has_surname(t))


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    data = load_data("cells.yaml")
    return frozenset(data["surnames"]), tuple(data["compound_surnames"])


def _has_surname(name: str) -> bool:
    """Whether a name opens with a family name (王…, 欧阳…): 专项规 and 政策制 do not."""
    single, compound = _surnames()
    return name[0] in single or name.startswith(compound)


@lru_cache(maxsize=1)
def _no_name() -> re.Pattern[str]:
    """Words of a cell cut at its column's width that read like a two-character name (公开, 完成)."""
    return re.compile("|".join(map(re.escape, load_data("cells.yaml")["not_person_names"])))
