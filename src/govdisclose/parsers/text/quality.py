"""How well a rebuilt grid reads: used to choose between two rebuilds of one ambiguous text.

A PDF viewer's copy and ``pdftotext -raw`` both print a table cell by cell; only -raw puts
the cells of one baseline on one line. When a text shows too few such joins to tell, both
rebuilds run and the grid whose rows read like rows wins: a measure in every row, unit
cells that hold unit names, grouping cells that hold titles (not sentences or units),
deadline cells that hold a deadline and nothing more.
"""
from __future__ import annotations

import re

from govdisclose.normalize.units import ends_like_unit, join_broken_lines, opens_with_known, scoped_unit, without_role
from govdisclose.parsers.document import Table
from govdisclose.shape.celltypes import cell_type
from govdisclose.shape.header import header_role

_SEPARATORS = r"[、，,；;\n]"
_NUMBER_RUN_IN = re.compile(r"(?:^|[\u4e00-\u9fff。）])\d{1,3}$")


def _units_read(text: str) -> float:
    """Share of a unit cell's names that read as whole unit names (role words aside:
    市政府办公厅牵头 is a name)."""
    names = [without_role(n) for n in re.split(_SEPARATORS, join_broken_lines(text)) if n.strip()]
    names = [n for n in names if n]
    if not names:
        return 1.0
    return sum(1 for n in names if scoped_unit(n)) / len(names)


def _opens_with_name(text: str) -> bool:
    """A deadline cell that opens with a unit name (社会事务办公室2024年5月底前): the name
    is the unit cell's, run into it (按市财政局规定时间 opens with 按, and is a deadline)."""
    head = re.split(r"[\d０-９]", text, maxsplit=1)[0]
    return opens_with_known(text) or (len(head) >= 3 and ends_like_unit(head))


def grid_quality(table: Table) -> float:
    """Mean per body row of: a measure that ends a sentence, unit cells of unit names,
    grouping and remark cells that hold no sentence, no unit list and no row's number run
    in, deadline cells that read as deadlines where the table has a deadline column (each
    0..1)."""
    if len(table.rows) < 2:
        return 0.0
    roles = [header_role(c.text) for c in table.rows[0].cells]
    total = 0.0
    body = [r for r in table.rows[1:] if any(c.text.strip() for c in r.cells[1:])]
    if not body:  # (title rows across the table tell nothing of how the rows were cut)
        return 0.0
    for row in body:
        texts = [c.text.strip() for c in row.cells] + [""] * (len(roles) - len(row.cells))
        measure = next((t for t, r in zip(texts, roles) if r == "measure"), "")
        score = 1.0 if measure.endswith(("。", "；", "）", ";")) else 0.5 if measure else 0.0
        units = [t for t, r in zip(texts, roles) if r in ("lead", "responsible") and t and t not in ("—", "/")]
        score += sum(_units_read(t) for t in units) / len(units) if units else 0.5
        groups = [t for t, r in zip(texts, roles) if r == "group" and t]
        # (a title may end with 。, 加强预期引导。; it holds no sentence before its end)
        bad = sum(1 for t in groups if "。" in t[:-1] or t.endswith("。") and len(t) > 40 or _units_read(t) == 1.0)
        # a title or a remark holds no row's number (…信息公开1, 按季度报送进展2: a 序号 run in)
        others = [t for t, r in zip(texts, roles) if r == "other" and t]
        bad += sum(1 for t in groups + others if _NUMBER_RUN_IN.search(t))
        cells = len(groups) + len(others)
        score += 1.0 - (min(bad, cells) / cells if cells else 0.0)
        # a deadline cell that reads as a deadline, nothing after it (及时更新吴敏政策解读…)
        # and no unit name before it (社会事务办公室2024年5月底前)
        if "deadline" in roles:
            dates = [t for t, r in zip(texts, roles) if r == "deadline" and t]
            score += sum(1 for t in dates if cell_type(t) == "deadline" and len(t) <= 30 and not _opens_with_name(t)
                         ) / len(dates) if dates else 0.5
        total += score / (4 if "deadline" in roles else 3)
    return total / len(body)
