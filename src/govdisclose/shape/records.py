"""Raw items → Task records: measure text, units, deadline, paths, provenance."""
from __future__ import annotations

import re

from govdisclose.models import Provenance, Task
from govdisclose.normalize.deadlines import parse_deadline
from govdisclose.normalize.paths import disclosure_paths
from govdisclose.normalize.text import join_lines
from govdisclose.normalize.units import UnitSplit, ends_like_unit, parse_units
from govdisclose.shape.celltypes import cell_type
from govdisclose.shape.table import RawItem

# the labels a task's units and deadline are printed under in prose (牵头单位：A；完成时限：B)
LABEL_WORDS = "牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|完成时限|完成时间|时间节点"
_DEADLINE_LABEL = re.compile(r"^(?:完成时限|完成时间|时间节点|时限要求|时限)[:：]\s*")

# a closing parenthesis naming units, as prose task lists print them
_NAME_BRACKET = r"[（(][^（()）]{1,12}[）)]"  # 各区县（自治县）人民政府 inside a note
_TRAILING_UNITS = re.compile(rf"[（(](?P<units>(?:[^（()）]|{_NAME_BRACKET})*(?:牵头|负责|落实|配合)(?:[^（()）]|{_NAME_BRACKET})*)"
                             r"[）)]\s*[。.；;]?\s*$")
_BARE_UNITS = re.compile(r"[（(](?P<units>[^（()）]{2,80})[）)]\s*[。.；;]?\s*$")
_LABELLED_UNITS = re.compile(r"[〔\[【](?P<units>(?:牵头单位|责任单位)[:：][^〔〕\[\]【】]*)[〕\]】]\s*[。.；;]?\s*$")
# a closing group of labels in any bracket: （责任单位：A；完成时限：B）, 〔牵头单位:A,责任单位:B〕
_LABELLED_NOTE = re.compile(rf"[（(〔\[【](?P<labels>(?:{LABEL_WORDS})"
                            rf"[:：](?:[^（()）〔〕\[\]【】]|{_NAME_BRACKET})*)[）)〕\]】]\s*[。.；;]?\s*$")


_INLINE_LABEL = re.compile(rf"(?P<label>{LABEL_WORDS})[:：]"
                           rf"(?P<value>[^；;。：:]{{1,120}}?)(?=[；;。，,]?\s*(?:{LABEL_WORDS})[:：]|[；;。]?\s*$)")


def split_inline_labels(measure: str) -> tuple[str, dict[str, str]]:
    """``…做好统计。责任单位：县统计局；完成时限：6月底前`` → (``…做好统计。``,
    {"responsible": "县统计局", "deadline": "6月底前"}): labels printed after the measure."""
    first = None
    found: dict[str, str] = {}
    for m in _INLINE_LABEL.finditer(measure):
        if first is None:
            first = m.start()
        label = m["label"]
        key = "lead" if label.startswith("牵头") else "deadline" if label[0] in "完时" else "responsible"
        found[key] = (found[key] + "、" + m["value"]) if key in found else m["value"]
    if first is None or not found:
        return measure, {}
    rest = measure[first:]
    if _INLINE_LABEL.sub("", rest).strip(" ；;。，,"):
        return measure, {}  # labels in the middle of the text: not a trailer
    if first > 0 and measure[first - 1] not in "。；;，, ":
        return measure, {}  # 按照责任单位：… is prose, not a label
    for key in ("lead", "responsible"):
        if key in found and not all(ends_like_unit(u) for u in re.split(r"[、，,]", found[key]) if u):
            return measure, {}
    body = measure[:first].rstrip(" ；;，,")
    if measure.rstrip().endswith("。") and not body.endswith("。"):
        body += "。"
    return body, found


def split_labelled_note(measure: str) -> tuple[str, dict[str, str]]:
    """``…公开。（责任单位：A；完成时限：持续推进）`` → (``…公开。``, {"responsible": "A",
    "deadline": "持续推进"}): a closing group of labels, in any bracket."""
    m = _LABELLED_NOTE.search(measure)
    if not m:
        return measure, {}
    inner, labels = split_inline_labels(m["labels"])
    if inner.strip(" ；;，,。") or not labels:
        return measure, {}
    body = measure[: m.start()].rstrip()
    end = re.search(r"[。.；;]\s*$", m.group(0))
    if end and not body.endswith(("。", "；", ";")):
        body += "。" if end.group(0).strip() in ("。", ".") else "；"
    return body, labels


def split_trailing_units(measure: str) -> tuple[str, str | None]:
    """``…工作（市政府办公室牵头，市级各有关部门按职责分工负责）`` → (measure, units text)."""
    for rx in (_LABELLED_UNITS, _TRAILING_UNITS, _BARE_UNITS):
        m = rx.search(measure)
        if m and rx is _BARE_UNITS and not all(ends_like_unit(u) for u in re.split(r"[、，,；;]", m["units"]) if u):
            continue  # a parenthesis that is not a unit list (以下简称…)
        if m:
            body = measure[: m.start()].rstrip()
            end = re.search(r"[。.；;]\s*$", m.group(0))
            if end and not body.endswith(("。", "；", ";")):
                body += "。" if end.group(0).strip() in ("。", ".") else "；"
            return body, m["units"]
    return measure, None


def split_deadline_piece(units: str) -> tuple[str, str]:
    """``市编办牵头，各区政府负责，2016年9月底前完成`` → (units, ``2016年9月底前完成``):
    a closing parenthesis may end with the deadline after its units, itself holding commas
    (``10月31日前，如有新增规划，编制完成后20个工作日内公开``)."""
    parts = re.split(r"([，,；;])", units)
    for k in range(2, len(parts), 2):
        piece = _DEADLINE_LABEL.sub("", parts[k].strip())
        if cell_type(piece) == "deadline" and parse_deadline(piece, None).kind != "none":
            rest = _DEADLINE_LABEL.sub("", "".join(parts[k:]).strip())
            return "".join(parts[:k - 1]).strip(), rest
    return units, ""


def _merge(splits: list[UnitSplit]) -> tuple[list[str], list[str]]:
    """Lead and responsible names over several unit texts, printed order, no duplicates."""
    lead: list[str] = []
    resp: list[str] = []
    for sp in splits:
        lead += [u for u in sp.lead if u not in lead]
        resp += [u for u in sp.responsible if u not in resp]
    return lead, resp


def to_task(item: RawItem, plan_year: int | None, aliases: dict[str, set[str]] | None = None) -> Task:
    """Normalise one raw item; printed unit spellings are added to ``aliases``."""
    measure = "\n".join(join_lines(p) for p in item.measure if p.strip())
    flags = list(item.flags)
    splits = [parse_units(item.lead, "lead"), parse_units(item.responsible, "responsible")]
    deadline_text = item.deadline
    if not item.has_lead_col and not item.has_resp_col or (not item.lead and not item.responsible):
        # units printed inside the measure: a closing group of labels, a closing parenthesis
        # naming units, or labels after the measure
        body, labels = split_labelled_note(measure)
        if not labels:
            body, units = split_trailing_units(measure)
            if units:
                units, when = split_deadline_piece(units)
                measure, splits = body, [parse_units(units, "responsible")]
                deadline_text = deadline_text or when
            else:
                body, labels = split_inline_labels(measure)
        if labels:
            measure = body
            splits = [parse_units(labels.get("lead", ""), "lead"),
                      parse_units(labels.get("responsible", ""), "responsible")]
            deadline_text = deadline_text or labels.get("deadline", "")
    lead_units, resp_units = _merge(splits)
    for sp in splits:
        if aliases is not None:
            for k, v in sp.seen.items():
                aliases.setdefault(k, set()).update(v)
        flags += [fl for fl in sp.flags if fl not in flags]
    deadline = parse_deadline(deadline_text, plan_year)
    prov = Provenance(page=item.page, table=item.table, row=item.row, line=item.line)
    return Task(section=item.section, task=item.task, item_no=item.item_no, measure=measure,
                lead_units=lead_units, responsible_units=resp_units, deadline=deadline,
                disclosure_paths=disclosure_paths(measure), provenance=prov, flags=flags)
