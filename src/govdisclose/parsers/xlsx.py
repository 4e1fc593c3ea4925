"""Excel (.xlsx) reader: task tables are often published as spreadsheets.

Every worksheet becomes a table; a merged range is one logical cell whose covered
positions carry its text (``covered`` below its first row, as in Word).
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from govdisclose.errors import InputError
from govdisclose.parsers.document import Cell, Document, Row, Table
from govdisclose.settings import Settings


def read_xlsx(path: Path, data: bytes, sha256: str, settings: Settings) -> Document:
    from openpyxl import load_workbook

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        total = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile:
        raise InputError(str(path), "damaged .xlsx package") from None
    if total > settings.max_unzipped_bytes:
        raise InputError(str(path), f"unpacks to {total // 2**20} MiB, over the limit (zip bomb?); "
                                    "raise it with --set max_unzipped_bytes=N")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on broken files
        raise InputError(str(path), f"damaged .xlsx ({exc.__class__.__name__})") from None
    doc = Document(path=str(path), format="xlsx", sha256=sha256)
    for ws in wb.worksheets:
        if ws.max_row > settings.max_rows_per_table:
            raise InputError(str(path), f"sheet '{ws.title}' has more than {settings.max_rows_per_table} rows "
                                        "(raise it with --set max_rows_per_table=N)")
        origin: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    origin[(r, c)] = (rng.min_row, rng.min_col)
        rows: list[Row] = []
        for r_i, row in enumerate(ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column), start=1):
            cells: list[Cell] = []
            for c_i, cell in enumerate(row, start=1):
                o = origin.get((r_i, c_i))
                if o and o != (r_i, c_i):
                    value = ws.cell(*o).value
                    cells.append(Cell(_paras(value), covered=o[0] != r_i))
                else:
                    cells.append(Cell(_paras(cell.value)))
            if any(not c.empty for c in cells):
                rows.append(Row(cells=cells, index=r_i - 1))
        if rows:
            doc.tables.append(Table(rows=rows, index=len(doc.tables)))
    return doc


def _paras(value: object) -> list[str]:
    if value is None:
        return []
    text = value.strftime("%Y年%m月%d日") if hasattr(value, "strftime") else str(value)
    return [p.strip() for p in text.replace("\r", "\n").split("\n") if p.strip()]
