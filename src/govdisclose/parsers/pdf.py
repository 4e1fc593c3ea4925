"""PDF reader on pdfplumber: ruled tables per page → the same grid the Word reader yields.

Cells come from the ruling lines (pdfplumber's table finder); a cell's text is
rebuilt from its characters by our own line clustering, so wrapped lines join
without the spaces pdfplumber puts between CJK characters. A covered position of a
vertical merge (pdfplumber gives ``None``) is marked ``covered``. Tables on
successive pages are stitched into one logical table by the shared shaping step
(same header signature), which also drops repeated headers and joins rows cut by
page breaks using each row's page number.
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from govdisclose.errors import InputError
from govdisclose.normalize.text import line_joiner, opens_sub_point
from govdisclose.normalize.units import two_names
from govdisclose.parsers.document import Cell, Document, Paragraph, Row, Table
from govdisclose.settings import Settings

_PAGE_NUMBER = re.compile(r"^[\s\-—－–_·•]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*\d+)?[\s\-—－–_·•]*$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]")
_PARA_START = re.compile(r"^(?:[①-⑳]|\d{1,3}[.．、﹒](?!\d)|[（(][一二三四五六七八九十]+[）)])")


def _open(path: Path, data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # forces the page tree to load
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(str(path), "encrypted PDF: remove the password first") from None
    except PDFSyntaxError:
        raise InputError(str(path), "damaged PDF (truncated or not a PDF)") from None
    except Exception as exc:  # pdfminer raises many kinds on broken files (pdfplumber wraps them)
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        name = inner.__class__.__name__
        if "Password" in name or "Encrypt" in name:
            raise InputError(str(path), "encrypted PDF: remove the password first") from None
        raise InputError(str(path), f"damaged PDF ({name})") from None


def _line_text(chars: list[dict]) -> str:
    """Characters of one visual line → text; a space only between Latin/digit words."""
    chars = sorted(chars, key=lambda c: c["x0"])
    out: list[str] = []
    prev = None
    for c in chars:
        t = c["text"]
        if prev is not None:
            gap = c["x0"] - prev["x1"]
            size = max(prev.get("size", 10), 1)
            if gap > 0.5 * size and not (_CJK.match(t) or _CJK.match(prev["text"])):
                out.append(" ")
        out.append(t)
        prev = c
    return "".join(out).strip()


def _lines(chars: list[dict], tol: float = 2.5) -> list[tuple[float, float, str]]:
    """Cluster characters into visual lines by their top; (x0, x1, text) per line."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if c["text"].isspace():
            continue
        if rows and abs(rows[-1][0]["top"] - c["top"]) <= tol:
            rows[-1].append(c)
        else:
            rows.append([c])
    out = []
    for r in rows:
        text = _line_text(r)
        if text:
            out.append((min(c["x0"] for c in r), max(c["x1"] for c in r), text))
    return out


def _cell_paragraphs(chars: list[dict], bbox: tuple[float, float, float, float]) -> list[str]:
    """Join a cell's wrapped lines; a line opening a sub-point (①, 2.) after a sentence end
    or a colon starts a new paragraph (``opens_sub_point``, as in every reader)."""
    x0, top, x1, bottom = bbox
    inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    paras: list[str] = []
    for _lx0, _lx1, text in _lines(inside):
        # one unit a line (镇党政办 / 镇综治办) keeps its break; a name wrapped mid-way does not
        names_apart = bool(paras) and not re.search(r"[，。；：;:]", paras[-1]) and two_names(paras[-1], text)
        if paras and not names_apart and not opens_sub_point(paras[-1], text):
            paras[-1] += line_joiner(paras[-1], text) + text
        else:
            paras.append(text)
    return paras


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else 0.0


def _paragraphs(lines: list[tuple[float, float, str]], size: float) -> list[str]:
    """Join a page's text lines into paragraphs: a paragraph ends at a short line and
    starts at an indented or numbered line; lines in between are wraps."""
    if not lines:
        return []
    left = min(x0 for x0, _, _ in lines)
    right = max(x1 for _, x1, _ in lines)
    out: list[str] = []
    prev_x1 = None
    for x0, x1, text in lines:
        new = (prev_x1 is None or x0 > left + 1.2 * size or prev_x1 < right - 1.5 * size
               or bool(_PARA_START.match(text)) or bool(re.match(r"^[一二三四五六七八九十]+、", text)))
        if new:
            out.append(text)
        else:
            out[-1] += line_joiner(out[-1], text) + text
        prev_x1 = x1
    return out


def _inside(c: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)


def _column_centers(rows: list[Any]) -> dict[int, float]:
    """x-centre of each grid column, from the rows where that column has its own cell."""
    out: dict[int, float] = {}
    for row in rows:
        for i, box in enumerate(row.cells):
            if box is not None and i not in out:
                out[i] = (box[0] + box[2]) / 2
    return out


def read_pdf(path: Path, data: bytes, sha256: str, settings: Settings) -> Document:
    pdf = _open(path, data)
    doc = Document(path=str(path), format="pdf", sha256=sha256)
    try:
        pages = pdf.pages
        if len(pages) > settings.max_pdf_pages:
            raise InputError(str(path), f"{len(pages)} pages, over the {settings.max_pdf_pages}-page limit "
                                        "(raise it with --set max_pdf_pages=N)")
        total_chars = 0
        for pno, page in enumerate(pages, start=1):
            try:
                chars = page.chars
                tables = page.find_tables()
            except InputError:
                raise
            except Exception as exc:
                doc.warnings.append(f"page {pno} could not be read ({exc.__class__.__name__}); skipped")
                continue
            total_chars += len(chars)
            boxes = [t.bbox for t in tables]
            # text outside tables: notice paragraphs, minus page numbers
            outside = [c for c in chars if not _inside(c, boxes)]
            lines = [ln for ln in _lines(outside) if not _PAGE_NUMBER.match(ln[2])]
            size = _median([c["x1"] - c["x0"] for c in outside[:2000]]) or 10.0
            for text in _paragraphs(lines, size):
                doc.paragraphs.append(Paragraph(text=text, page=pno, tables_before=len(doc.tables)))
            for t in sorted(tables, key=lambda t: t.bbox[1]):
                grid: list[Row] = []
                last_text: dict[int, list[str]] = {}
                centers = _column_centers(t.rows)
                for r_i, row in enumerate(t.rows):
                    cells: list[Cell] = []
                    left: tuple[float, float, float, float] | None = None
                    for c_i, box in enumerate(row.cells):
                        if box is None and left is not None and c_i in centers and left[2] >= centers[c_i]:
                            cells.append(Cell(list(cells[-1].paragraphs), covered=cells[-1].covered))
                        elif box is None:
                            cells.append(Cell(list(last_text.get(c_i, [])), covered=True))
                        else:
                            left = box
                            paras = _cell_paragraphs(chars, box)
                            last_text[c_i] = paras
                            cells.append(Cell(paras))
                    grid.append(Row(cells=cells, index=r_i, page=pno))
                if grid:
                    doc.tables.append(Table(rows=grid, index=len(doc.tables), page=pno))
            page.flush_cache()
        if total_chars == 0:
            raise InputError(str(path), "no text layer (scanned PDF?): OCR is not supported yet")
        if not doc.tables:
            _unruled_fallback(pages, doc)
    finally:
        pdf.close()
    return doc


def _unruled_fallback(pages: list[Any], doc: Document) -> None:
    """No ruling lines anywhere: lay the pages out as text (pdfplumber keeps x positions
    as columns of characters) and rebuild the table from column bands under the header
    words, exactly as for a ``pdftotext -layout`` copy."""
    from govdisclose.parsers.text.layout import layout_table

    lines: list[tuple[int, str]] = []
    page_of: dict[int, int] = {}
    for pno, page in enumerate(pages, start=1):
        try:
            text = page.extract_text(layout=True)
        except Exception:  # noqa: BLE001 - a page that cannot be laid out adds nothing
            continue
        for ln in text.split("\n"):
            if not ln.strip() or _PAGE_NUMBER.match(ln.strip()):
                continue
            lines.append((len(lines) + 1, ln.rstrip()))
            page_of[len(lines)] = pno
    found = layout_table(lines)
    if not found:
        return
    before, table = found
    for row in table.rows:
        row.page = page_of.get(row.line or 0)
        row.line = None
    table.flags.append("unruled")
    doc.paragraphs = [Paragraph(text=t, page=page_of.get(no), tables_before=0) for no, t in before]
    doc.tables.append(table)
    doc.warnings.append("no ruling lines: table rebuilt from column positions")
    doc.flow = "unruled"
