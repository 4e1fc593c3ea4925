"""The notice-level unit index: every unit with its kind, level, full name and counts.

Records keep the document's own form (``市财政局``); the index adds the name
qualified by the notice's region (``重庆市财政局``) so units compare across notices.
"""
from __future__ import annotations

import re

from govdisclose.models import Task, UnitEntry
from govdisclose.normalize.units import _registry, is_known


def kind_of(name: str) -> str:
    """collective / general_office / government / department, by the registry's patterns."""
    if name in _registry()["collectives"]:
        return "collective"
    for rx, kind in _registry()["kinds"]:
        if rx.search(name):
            return kind
    return "department"


def _scope(name: str) -> str | None:
    """The scope prefix a name starts with (市, 区, 县 …), longest first."""
    for scope in sorted(_registry()["scopes"], key=len, reverse=True):
        if name.startswith(scope):
            return scope
    return None


def _region_parts(region: str) -> dict[str, str]:
    """``重庆市渝北区`` → {"市": "重庆市", "区": "重庆市渝北区"}: each level's full prefix."""
    parts: dict[str, str] = {}
    for m in re.finditer(r"(省|自治区|市|自治州|州|区|县|旗|镇|乡|街道)", region):
        parts.setdefault(m.group(1), region[: m.end()])
    if "自治区" in parts:
        parts.setdefault("省", parts["自治区"])
    if "自治州" in parts:
        parts.setdefault("州", parts["自治州"])
    return parts


def level_of(name: str, region: str | None = None) -> str | None:
    """国家 / 省 / 市 / 区县 / 乡镇 from the scope prefix, or from the region a name starts with."""
    if name.startswith(("国务院", "国家", "中央")):
        return "国家"
    scope = _scope(name)
    if scope:
        return _registry()["scopes"][scope]
    m = re.match(r"^.{2,8}?(省|自治区|市|州|区|县|旗|镇|乡)", name)
    if m:
        return _registry()["scopes"].get(m.group(1))
    if name.startswith(("各", "有关")) and region:
        return None
    return None


def qualify(name: str, region: str | None) -> str | None:
    """``市财政局`` in a 重庆市 notice → ``重庆市财政局``; ``区财政局`` in 重庆市渝北区 →
    ``重庆市渝北区财政局``. Collectives, names already qualified and unknown scopes → None."""
    if not region or region == "全国" or kind_of(name) == "collective":
        return None
    scope = _scope(name)
    if scope is None:
        return None
    parts = _region_parts(region)
    full = parts.get(scope)
    if full is None:
        return None
    if name.startswith(full):
        return name
    body = name[len(scope):]
    if body.startswith("政府") and not full.endswith("政府"):
        body = "人民" + body  # 区政府办公室 → 重庆市渝北区人民政府办公室
    return full + body


def suggest(name: str, limit: int = 3) -> list[str]:
    """Known names that look like an unknown one, for a user extending the registry.
    Only names with the same scope prefix are offered (区财政局 is not 市财政局); never applied."""
    from rapidfuzz import fuzz, process

    scope = _scope(name) or ""
    pool = [k for k in _registry()["known"] if k.startswith(scope) and (scope or len(k) > 3)]
    hits = process.extract(name, pool, scorer=fuzz.ratio, limit=limit, score_cutoff=70)
    return [h[0] for h in hits]


def build_index(tasks: list[Task], region: str | None, raw_names: dict[str, set[str]] | None = None) -> list[UnitEntry]:
    """One entry per unit, in first-seen order, unknown ones flagged (``known=False``)."""
    entries: dict[str, UnitEntry] = {}
    for t in tasks:
        for role, names in (("lead", t.lead_units), ("responsible", t.responsible_units)):
            for n in names:
                e = entries.get(n)
                if e is None:
                    e = entries[n] = UnitEntry(name=n, qualified=qualify(n, region), kind=kind_of(n),
                                               level=level_of(n, region), known=is_known(n) or kind_of(n) == "collective")
                    renamed = _registry()["renamings"]
                    for old, (new, year) in renamed.items():
                        if n.endswith(old):
                            e.renamed_to = n[: -len(old)] + new
                            e.renamed_in = year
                if role == "lead":
                    e.as_lead += 1
                else:
                    e.as_responsible += 1
    for n, e in entries.items():
        e.aliases = sorted((raw_names or {}).get(n, set()) - {n})
    return list(entries.values())
