"""Raw items → Task records: measure text, units, deadline, paths, provenance."""
from __future__ import annotations

import re

from govdisclose.models import Provenance, Task
from govdisclose.normalize.deadlines import parse_deadline
from govdisclose.normalize.paths import disclosure_paths
from govdisclose.normalize.text import join_lines
from govdisclose.normalize.units import parse_units
from govdisclose.shape.table import RawItem

# a closing parenthesis naming units, as prose task lists print them
_TRAILING_UNITS = re.compile(r"[（(](?P<units>[^（()）]*(?:牵头|负责|落实|配合)[^（()）]*)[）)]\s*[。.；;]?\s*$")
_LABELLED_UNITS = re.compile(r"[〔\[【](?P<units>(?:牵头单位|责任单位)[:：][^〔〕\[\]【】]*)[〕\]】]\s*[。.；;]?\s*$")


def split_trailing_units(measure: str) -> tuple[str, str | None]:
    """``…工作（市政府办公室牵头，市级各有关部门按职责分工负责）`` → (measure, units text)."""
    for rx in (_LABELLED_UNITS, _TRAILING_UNITS):
        m = rx.search(measure)
        if m:
            body = measure[: m.start()].rstrip()
            end = re.search(r"[。.；;]\s*$", m.group(0))
            if end and not body.endswith(("。", "；", ";")):
                body += "。" if end.group(0).strip() in ("。", ".") else "；"
            return body, m["units"]
    return measure, None


def to_task(item: RawItem, plan_year: int | None, aliases: dict[str, set[str]] | None = None) -> Task:
    """Normalise one raw item; printed unit spellings are added to ``aliases``."""
    measure = "\n".join(join_lines(p) for p in item.measure if p.strip())
    flags = list(item.flags)
    lead = parse_units(item.lead, "lead")
    resp = parse_units(item.responsible, "responsible")
    lead_units = lead.lead + [u for u in resp.lead if u not in lead.lead]
    resp_units = list(lead.responsible) + [u for u in resp.responsible if u not in lead.responsible]
    if not item.has_lead_col and not item.has_resp_col or (not item.lead and not item.responsible):
        body, units = split_trailing_units(measure)
        if units:
            parsed = parse_units(units, "responsible")
            measure, lead_units, resp_units = body, parsed.lead, parsed.responsible
    if aliases is not None:
        for split in (lead, resp):
            for k, v in split.seen.items():
                aliases.setdefault(k, set()).update(v)
    for fl in lead.flags + resp.flags:
        if fl not in flags:
            flags.append(fl)
    deadline = parse_deadline(item.deadline, plan_year)
    prov = Provenance(page=item.page, table=item.table, row=item.row, line=item.line)
    return Task(section=item.section, task=item.task, item_no=item.item_no, measure=measure,
                lead_units=lead_units, responsible_units=resp_units, deadline=deadline,
                disclosure_paths=disclosure_paths(measure), provenance=prov, flags=flags)
