"""Work points without a table: one task per numbered point (一、 → section, （一） → task)."""
from __future__ import annotations

import re

from dataclasses import replace
from functools import lru_cache

from govdisclose.models import Heading
from govdisclose.normalize.data import load_data
from govdisclose.normalize.text import clean_cell
from govdisclose.normalize.units import parse_units
from govdisclose.parsers.document import Paragraph
from govdisclose.shape.header import header_role
from govdisclose.shape.numbering import ITEM_RE, PAREN_ITEM_RE, SECTION_RE, TASK_RE, split_item_no, strip_title, sub_point
from govdisclose.shape.records import split_inline_labels
from govdisclose.shape.table import RawItem

_LABEL_LINE = re.compile(r"^[（(]?(?P<label>牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|责任主体|完成时限|完成时间|时间节点|时限要求)[）)]?[:：](?P<value>.+)$")
_STOP = re.compile(r"^(?:附件|附表|抄送|扫一扫|分享到|索引号|主题分类|发文机关|发布机关|打印|关闭|责任编辑|\S{0,12}(?:人民政府办公厅|人民政府办公室|办公厅|办公室)$|\d{4}年\d{1,2}月\d{1,2}日$)")


@lru_cache(maxsize=1)
def _framing() -> frozenset[str]:
    return frozenset(load_data("prose.yaml")["framing_sections"])


def framing_section(title: str) -> bool:
    """一、总体要求 / （一）指导思想: a section that frames the notice, not a task."""
    return re.sub(r"[\s\W_]", "", title) in _framing()


def _title_and_body(text: str) -> tuple[str, str]:
    """``加强…公开。增强…`` → ("加强…公开", "增强…"): the title is the first sentence."""
    m = re.search(r"[。]", text)
    if not m:
        return strip_title(text), ""
    return strip_title(text[: m.start()]), text[m.end():].strip()


def shape_points(paragraphs: list[Paragraph]) -> list[RawItem]:
    """Read numbered points from body paragraphs in order."""
    items: list[RawItem] = []
    section: Heading | None = None
    task: Heading | None = None
    started = False
    open_item: RawItem | None = None
    skipping = False  # inside a framing section (总体要求)

    def new_item(no: str | None, measure: str, p: Paragraph) -> RawItem:
        it = RawItem(section=section, task=task, item_no=no, measure=[measure] if measure else [],
                     lead="", responsible="", deadline="", table=None, row=None, page=p.page,
                     line=p.line, has_lead_col=False, has_resp_col=False)
        items.append(it)
        return it

    for p in paragraphs:
        text = clean_cell(p.text).replace("\n", "")
        if not text:
            continue
        m = TASK_RE.match(text)
        if m and m["title"].strip():
            started = True
            title, body = _title_and_body(m["title"])
            if skipping:
                continue
            task = Heading(no=f"（{m['no']}）", title=title)
            no, body = split_item_no(body) if body else (None, body)
            open_item = new_item(no, body, p) if body else None
            continue
        m = SECTION_RE.match(text)
        if m and m["title"].strip() and len(m["title"]) <= 60:
            started = True
            title, body = _title_and_body(m["title"])
            section, task = Heading(no=m["no"], title=title), None
            skipping = framing_section(title)
            open_item = new_item(None, body, p) if body and not skipping else None
            continue
        if skipping:
            continue
        if not started:
            continue
        lab = _LABEL_LINE.match(text)
        if lab and items:
            # 牵头单位：… / 责任单位：… / 完成时限：… lines under a point, one or several a line
            target = items[-1]
            # (a bracket around the whole line goes; one closing a name, 各村（社区）, stays)
            inner = text[1:-1] if text[:1] in "（(" and text[-1:] in "）)" else text
            rest, labels = split_inline_labels(inner)
            if rest.strip(" 。；;，,") or not labels:
                labels = {header_role(lab["label"]) or "": lab["value"].strip()}
            for role, value in labels.items():
                if role == "lead":
                    target.lead = (target.lead + "、" + value) if target.lead else value
                elif role == "responsible":
                    target.responsible = (target.responsible + "、" + value) if target.responsible else value
                elif role == "deadline":
                    target.deadline = value
                target.has_lead_col = target.has_lead_col or role == "lead"
                target.has_resp_col = target.has_resp_col or role == "responsible"
            continue
        if _STOP.match(text):
            open_item = None
            if re.match(r"^(?:附件|附表|抄送)", text):
                break
            continue
        if (ITEM_RE.match(text) or PAREN_ITEM_RE.match(text)) and (task or section):
            if open_item is not None and open_item.measure and sub_point(
                    "\n".join(open_item.measure), text,
                    opened=not (any(map(_closed, items[:-1])) and not _closed(open_item))):
                open_item.measure.append(text)  # 重点做好以下工作： / 1.… / 2.…: a list inside the point
                continue
            no, rest = split_item_no(text)
            open_item = new_item(no, rest, p)
            continue
        if open_item is not None and len(text) >= 10 and text[-1] in "。；;）)〕】":
            open_item.measure.append(text)
        elif open_item is None and task is not None and len(text) >= 10 and text[-1] in "。；;）)〕】":
            open_item = new_item(None, text, p)
    return [piece for it in items if it.measure for piece in split_at_unit_notes(it)]


# a parenthesis naming who does the sentence before it: （国务院审改办牵头，各省级政府负责）
_UNIT_NOTE = re.compile(r"[（(](?P<units>[^（()）]{2,120}?(?:牵头|负责|落实|配合)[^（()）]{0,40})[）)][。；;]?")


_INLINE_LABEL = re.compile(r"(?:牵头|责任|配合)(?:单位|部门)\s*[:：]")
_CLOSING_NOTE = re.compile(r"[（(〔【\[][^（()）〔〕【】]*(?:牵头|负责|落实|配合|单位|部门)[^（()）〔〕【】]*[）)〕】\]][。；;]?$")


def _closed(item: RawItem) -> bool:
    """Whether a point already carries its units (a closing note or label lines). Where the
    notice closes its points so, a 1. under a point still open is a list inside it
    (``…同步部署。`` / ``1．…；`` / ``2．…（A牵头）``), not the next point."""
    return bool(item.lead or item.responsible or item.deadline) \
        or bool(item.measure and _CLOSING_NOTE.search(item.measure[-1])) \
        or bool(_INLINE_LABEL.search("".join(item.measure)))


def _names_units(note: str) -> bool:
    found = parse_units(note)
    return bool(found.lead or found.responsible)


def split_at_unit_notes(item: RawItem) -> list[RawItem]:
    """A point whose sentences each end with their own unit note (``…公开。（A牵头，B负责）
    做好…。（C负责）``) is one task per note: each duty keeps its own units."""
    text = "".join(item.measure)
    cuts = [m.end() for m in _UNIT_NOTE.finditer(text)
            if text[m.end():].strip() and _names_units(m["units"])]
    if not cuts:
        return [item]
    pieces = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
    return [replace(item, measure=[p]) for p in pieces if p]
