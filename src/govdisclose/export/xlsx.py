"""Combined tasks as an Excel workbook: frozen header, sensible widths, wrapped measures."""
from __future__ import annotations

import io
from typing import Iterable

from govdisclose.export import CSV_COLUMNS, csv_rows
from govdisclose.models import Notice

_WIDTHS = {"measure": 80, "section": 24, "task": 28, "lead_units": 24, "responsible_units": 30,
           "deadline_text": 16, "disclosure_paths": 40, "source": 30}


def to_xlsx(notices: Iterable[Notice]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "tasks"
    ws.append(CSV_COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in csv_rows(notices):
        ws.append(["" if v is None else v for v in row])
    ws.freeze_panes = "A2"
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, name in enumerate(CSV_COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = _WIDTHS.get(name, 12)
        if name in ("measure", "disclosure_paths", "responsible_units", "lead_units"):
            for cell in ws[letter][1:]:
                cell.alignment = wrap
    ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
