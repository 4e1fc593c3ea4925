"""Combined tasks as an Excel workbook: frozen header, sensible widths, wrapped measures."""
from __future__ import annotations

import io
from typing import Iterable

from govdisclose.export import CSV_COLUMNS, csv_rows
from govdisclose.models import Notice

_WIDTHS = {"measure": 80, "section": 24, "task": 28, "lead_units": 24, "responsible_units": 30,
           "deadline_text": 16, "disclosure_paths": 40, "source": 30}
_WRAPPED = {"measure", "disclosure_paths", "responsible_units", "lead_units"}


def to_xlsx(notices: Iterable[Notice]) -> bytes:
    """Written in openpyxl's streaming (write-only) mode: fast for tens of thousands of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("tasks")
    for i, name in enumerate(CSV_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, 12)
    ws.freeze_panes = "A2"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    header = []
    for name in CSV_COLUMNS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    wrapped = [name in _WRAPPED for name in CSV_COLUMNS]
    n = 1
    for row in csv_rows(notices):
        out = []
        for value, w in zip(row, wrapped):
            value = "" if value is None else value
            if w and value:
                cell = WriteOnlyCell(ws, value=value)
                cell.alignment = wrap
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(CSV_COLUMNS))}{n}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
