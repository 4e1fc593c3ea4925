"""Deadline cells → kind and calendar date, against the notice's plan year."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from govdisclose.models import Deadline
from govdisclose.normalize.data import load_data
from govdisclose.normalize.text import compact

_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12, "上半": 6, "下半": 12}
_QUARTER = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}

_YEAR = r"(?:(?P<y>20\d{2}|19\d{2})年)?"
_DAY = re.compile(_YEAR + r"(?P<m>1[0-2]|0?[1-9])月(?:(?P<d>3[01]|[12]\d|0?[1-9])日|(?P<end>底|末|份|中旬|上旬|下旬))?")
_CN_MONTH = re.compile(_YEAR + r"(?P<m>十二|十一|十|[一二三四五六七八九])月(?P<end>底|末|份)?")
_QUARTER_RE = re.compile(_YEAR + r"(?:第)?(?P<q>[一二三四1-4])季度")
_HALF_RE = re.compile(_YEAR + r"(?P<h>上半年|下半年)")
_YEAR_END = re.compile(r"(?:(?P<y>20\d{2})年)?(?:年底|年末|年内|年度内|底前|年终)")
_NUMERIC = re.compile(r"(?<!\d)(?P<y>20\d{2}|19\d{2})[.\-/．](?P<m>1[0-2]|0?[1-9])(?:[.\-/．](?P<d>3[01]|[12]\d|0?[1-9]))?(?!\d)")
_YEAR_ONLY = re.compile(r"(?P<y>20\d{2})年(?:底|末|内|前|$)")


@lru_cache(maxsize=1)
def _rules() -> dict[str, list[re.Pattern[str]]]:
    data = load_data("deadlines.yaml")
    return {
        "ongoing": [re.compile(re.escape(w)) for w in data["ongoing"]],
        "relative": [re.compile(p) for p in data["relative"]],
        "periodic": [re.compile(p) for p in data["periodic"]],
        "conditional": [re.compile(p) for p in data["conditional"]],
    }


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _dates(text: str, year: int | None) -> list[tuple[int, dt.date | None]]:
    """Every date-like mention with its position; the date is None when no year is known."""
    found: list[tuple[int, dt.date | None]] = []

    def add(pos: int, y: str | None, month: int, day: int | None) -> None:
        yy = int(y) if y else year
        if yy is None:
            found.append((pos, None))
            return
        try:
            found.append((pos, dt.date(yy, month, day) if day else _last_day(yy, month)))
        except ValueError:
            found.append((pos, None))

    spans: list[tuple[int, int]] = []
    for m in _DAY.finditer(text):
        day = int(m["d"]) if m["d"] else None
        if m["end"] in ("上旬",):
            day = 10
        elif m["end"] in ("中旬",):
            day = 20
        add(m.start(), m["y"], int(m["m"]), day)
        spans.append(m.span())
    for m in _NUMERIC.finditer(text):  # 2023.06.30, 2023-6-30, 2023/6
        add(m.start(), m["y"], int(m["m"]), int(m["d"]) if m["d"] else None)
        spans.append(m.span())
    for m in _CN_MONTH.finditer(text):
        add(m.start(), m["y"], _CN_NUM[m["m"]], None)
        spans.append(m.span())
    for m in _QUARTER_RE.finditer(text):
        add(m.start(), m["y"], _QUARTER[m["q"]], None)
        spans.append(m.span())
    for m in _HALF_RE.finditer(text):
        add(m.start(), m["y"], 6 if m["h"] == "上半年" else 12, None)
        spans.append(m.span())
    for m in _YEAR_END.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        add(m.start(), m["y"], 12, 31)
        spans.append(m.span())
    for m in _YEAR_ONLY.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        add(m.start(), m["y"], 12, 31)
    return sorted(found, key=lambda x: x[0])


def parse_deadline(cell: str | None, plan_year: int | None) -> Deadline:
    """Classify a 完成时限 cell (see the record contract for every rule)."""
    text = compact(cell or "")
    if not text or text in {"—", "-", "/", "无", "——", "－"}:
        return Deadline(text=text, kind="none", date=None)
    rules = _rules()
    dates = _dates(text, plan_year)
    if dates and dates[0][0] <= 2:
        known = [d for _, d in dates if d is not None]
        return Deadline(text=text, kind="date", date=max(known) if known else None)
    if any(p.search(text) for p in rules["relative"]):
        return Deadline(text=text, kind="relative")
    if any(p.search(text) for p in rules["periodic"]):
        return Deadline(text=text, kind="ongoing")
    if any(p.search(text) for p in rules["conditional"]):
        return Deadline(text=text, kind="conditional")
    if dates:
        known = [d for _, d in dates if d is not None]
        return Deadline(text=text, kind="date", date=max(known) if known else None)
    if any(p.search(text) for p in rules["ongoing"]):
        return Deadline(text=text, kind="ongoing")
    return Deadline(text=text, kind="conditional")
