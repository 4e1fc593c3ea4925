"""Saved web pages (.html): the portal's own ``<table>``, with ``rowspan`` / ``colspan`` resolved.

A web copy loses the table's structure; the saved page keeps it. Merges are exact
here (a ``rowspan`` covers the rows below, so an empty ``<td>`` is really empty),
which the pipe flow of copied text cannot tell apart. Old portals wrap the whole
page in layout tables: only tables that hold no other table are read as tables;
text elsewhere (the notice header, a portal's 索引号 block) becomes paragraphs.
"""
from __future__ import annotations

import re
from pathlib import Path

from govdisclose.errors import InputError
from govdisclose.parsers.document import Cell, Document, Paragraph, Row, Table
from govdisclose.parsers.text.debris import clean_text, is_debris_line
from govdisclose.parsers.text.encoding import decode
from govdisclose.settings import Settings

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "center",
           "blockquote", "pre", "dd", "dt", "dl", "header", "footer", "form", "title", "tr", "td", "th", "table",
           "tbody", "thead", "tfoot", "caption", "main", "nav", "aside"}
_SKIP = {"script", "style", "noscript", "iframe", "object", "svg", "template", "head", "select", "button"}
_MAX_SPAN = 200


def read_html(path: Path, data: bytes, sha256: str, settings: Settings) -> Document:
    import lxml.html
    from lxml import etree

    text, encoding = decode(str(path), data)
    doc = Document(path=str(path), format="html", sha256=sha256, encoding=encoding, flow="html")
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.warnings.append(f"decoded as {encoding}")
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(str(path), f"unreadable HTML ({exc.__class__.__name__})") from None
    _Walker(doc, settings).walk(root)
    pinyin_note = "pinyin inserted after characters removed"
    if any(pinyin_note in w for w in doc.warnings):
        doc.warnings = [w for w in doc.warnings if w != pinyin_note] + [pinyin_note]
    return doc


class _Walker:
    """Document order: text runs become paragraphs, leaf tables become grids."""

    def __init__(self, doc: Document, settings: Settings) -> None:
        self.doc = doc
        self.settings = settings
        self.buf: list[str] = []
        self.notes: set[str] = set()

    def walk(self, root) -> None:
        body = root.find("body")
        self._visit(body if body is not None else root)
        self._flush()
        self.doc.warnings.extend(sorted(self.notes))

    def _visit(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP:
            self._tail(el)
            return
        if tag == "table" and el.find(".//table") is None:
            self._flush()
            self._table(el)
            self._tail(el)
            return
        if tag == "br":
            self._flush()
            self._tail(el)
            return
        block = tag in _BLOCKS
        if block:
            self._flush()
        if el.text and tag:
            self.buf.append(el.text)
        for child in el:
            self._visit(child)
        if block:
            self._flush()
        self._tail(el)

    def _tail(self, el) -> None:
        if el.tail:
            self.buf.append(el.tail)

    def _flush(self) -> None:
        text = _clean("".join(self.buf), self.notes)
        self.buf = []
        for line in text.split("\n"):
            line = line.strip()
            if line and not is_debris_line(line):
                self.doc.paragraphs.append(Paragraph(text=line, tables_before=len(self.doc.tables)))

    def _table(self, table) -> None:
        rows: list[Row] = []
        pending: dict[int, tuple[int, Cell]] = {}  # column → (rows still covered, the covering cell)
        trs = [tr for tr in table.iter("tr")]
        if len(trs) > self.settings.max_rows_per_table:
            raise InputError(self.doc.path, f"a table has more than {self.settings.max_rows_per_table} rows "
                                            "(raise it with --set max_rows_per_table=N)")
        for r_i, tr in enumerate(trs):
            cells: list[Cell] = []
            col = 0

            def take_pending() -> None:
                nonlocal col
                while col in pending:
                    left, origin = pending[col]
                    cells.append(Cell(list(origin.paragraphs), covered=True))
                    if left <= 1:
                        del pending[col]
                    else:
                        pending[col] = (left - 1, origin)
                    col += 1

            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                    continue
                take_pending()
                cell = Cell(_cell_paragraphs(td, self.notes))
                rowspan = _span(td.get("rowspan"))
                colspan = _span(td.get("colspan"))
                for k in range(colspan):
                    cells.append(cell if k == 0 else Cell(list(cell.paragraphs)))
                    if rowspan > 1:
                        pending[col] = (rowspan - 1, cell)
                    col += 1
            take_pending()
            if any(not c.empty for c in cells):
                rows.append(Row(cells=cells, index=r_i))
        width = max((len(r.cells) for r in rows), default=0)
        for r in rows:
            r.cells += [Cell() for _ in range(width - len(r.cells))]
        if rows:
            self.doc.tables.append(Table(rows=rows, index=len(self.doc.tables)))


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), _MAX_SPAN))
    except (TypeError, ValueError):
        return 1


def _cell_paragraphs(td, notes: set[str]) -> list[str]:
    """A cell's paragraphs: ``<br>``, ``<p>`` and ``<div>`` break lines, as Word's paragraphs do."""
    parts: list[str] = []

    def visit(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                parts.append(el.tail)
            return
        if tag == "br" or tag in _BLOCKS:
            parts.append("\n")
        if el.text and tag != "br":
            parts.append(el.text)
        for child in el:
            visit(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    if td.text:
        parts.append(td.text)
    for child in td:
        visit(child)
    text = _clean("".join(parts), notes)
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _clean(text: str, notes: set[str]) -> str:
    text = text.replace("\xa0", " ").replace("\u3000", " ").replace("\r", "")
    if not text.strip():
        return ""
    cleaned, found = clean_text(text)
    notes.update(n for n in found if "pinyin" in n)
    return cleaned
