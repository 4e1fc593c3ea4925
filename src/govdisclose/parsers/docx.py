"""Word (.docx) reader: walks the raw ``w:tbl/w:tr/w:tc`` XML.

python-docx's ``row.cells`` drops cells wrapped in ``w:sdt`` content controls and
repeats merged cells without saying so; reading the XML directly lets us resolve
``w:gridSpan`` / ``w:vMerge`` into one logical cell, keep ``w:ins`` runs, unwrap
content controls and read nested tables as text of their cell.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from govdisclose.errors import InputError
from govdisclose.parsers.document import Cell, Document, Paragraph, Row, Table
from govdisclose.parsers.docx_numbering import Numbering
from govdisclose.settings import Settings

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_W = f"{{{W}}}"
# elements whose children belong to the parent's flow (content controls, custom XML, revisions)
_TRANSPARENT = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}smartTag",
                f"{_W}moveTo"}
_SKIP = {f"{_W}del", f"{_W}moveFrom", f"{_W}sdtPr", f"{_W}sdtEndPr", f"{_W}tcPr", f"{_W}trPr", f"{_W}tblPr",
         f"{_W}tblGrid", f"{_W}pPr", f"{_W}rPr"}


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with ``tag``, looking through transparent wrappers."""
    out = []
    for ch in el:
        if ch.tag == tag:
            out.append(ch)
        elif ch.tag in _TRANSPARENT:
            out.extend(_children(ch, tag))
    return out


def _para_text(p: etree._Element, numbering: Numbering | None = None) -> str:
    parts: list[str] = [numbering.label(p)] if numbering is not None else []

    def walk(el: etree._Element) -> None:
        for ch in el:
            tag = ch.tag
            if tag in _SKIP:
                continue
            if tag == f"{_W}t":
                parts.append(ch.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            else:
                walk(ch)

    walk(p)
    return "".join(parts)


def _cell_paragraphs(tc: etree._Element, numbering: Numbering | None = None) -> list[str]:
    """Paragraph texts of a cell; nested tables contribute their cells' paragraphs."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for ch in el:
            if ch.tag == f"{_W}p":
                out.extend(x for x in _para_text(ch, numbering).split("\n"))
            elif ch.tag == f"{_W}tbl":
                for tr in _children(ch, f"{_W}tr"):
                    for inner in _children(tr, f"{_W}tc"):
                        walk(inner)
            elif ch.tag in _TRANSPARENT:
                walk(ch)

    walk(tc)
    return [x.strip() for x in out if x.strip()]


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(f"{_W}val", default)


def _read_table(tbl: etree._Element, index: int, settings: Settings, numbering: Numbering | None = None) -> Table:
    rows: list[Row] = []
    above: dict[int, Cell] = {}  # grid column → the cell that starts a vertical merge there
    for r_i, tr in enumerate(_children(tbl, f"{_W}tr")):
        if r_i >= settings.max_rows_per_table:
            raise InputError("", f"table {index} has more than {settings.max_rows_per_table} rows "
                                 "(raise it with --set max_rows_per_table=N)")
        trpr = tr.find(f"{_W}trPr")
        before = int(_val(trpr.find(f"{_W}gridBefore") if trpr is not None else None, "0") or 0)
        cells: list[Cell] = [Cell() for _ in range(before)]
        for tc in _children(tr, f"{_W}tc"):
            tcpr = tc.find(f"{_W}tcPr")
            span = int(_val(tcpr.find(f"{_W}gridSpan") if tcpr is not None else None, "1") or 1)
            span = max(1, min(span, 64))
            vm_el = tcpr.find(f"{_W}vMerge") if tcpr is not None else None
            col = len(cells)
            if vm_el is not None and _val(vm_el, "continue") != "restart" and col in above:
                origin = above[col]
                cell = Cell(list(origin.paragraphs), covered=True)
            else:
                cell = Cell(_cell_paragraphs(tc, numbering))
                if vm_el is not None:
                    above[col] = cell
                else:
                    above.pop(col, None)
            cells.append(cell)
            for _ in range(span - 1):
                cells.append(Cell(list(cell.paragraphs), covered=cell.covered))
        rows.append(Row(cells=cells, index=r_i))
    width = max((len(r.cells) for r in rows), default=0)
    for r in rows:
        r.cells.extend(Cell() for _ in range(width - len(r.cells)))
    return Table(rows=rows, index=index)


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def read_docx(path: Path, data: bytes, sha256: str, settings: Settings) -> Document:
    """Read body paragraphs and tables, in body order."""
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(str(path), "not a Word .docx file (not a zip package; truncated or another format?)")
    with zf:
        try:
            info = zf.getinfo("word/document.xml")
        except KeyError:
            if "EncryptedPackage" in zf.namelist():
                raise InputError(str(path), "encrypted Word file: remove the password first")
            raise InputError(str(path), "not a Word .docx file (no word/document.xml)")
        total = sum(i.file_size for i in zf.infolist())
        if total > settings.max_unzipped_bytes:
            raise InputError(str(path), f"unpacks to {total // 2**20} MiB, over the "
                                        f"{settings.max_unzipped_bytes // 2**20} MiB limit (zip bomb?); "
                                        "raise it with --set max_unzipped_bytes=N")
        try:
            with zf.open(info) as fh:  # the declared size may lie: read no more than the limit
                xml = fh.read(settings.max_unzipped_bytes + 1)
            extra = {}
            for part in ("word/numbering.xml", "word/styles.xml"):
                if part in zf.namelist():
                    with zf.open(part) as fh:
                        extra[part] = fh.read(min(settings.max_unzipped_bytes, 64 * 2**20))
            if len(xml) > settings.max_unzipped_bytes:
                raise InputError(str(path), "document.xml unpacks past the size limit (zip bomb?); "
                                            "raise it with --set max_unzipped_bytes=N")
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, zlib.error) as exc:
            raise InputError(str(path), f"damaged .docx package ({exc.__class__.__name__})")
    # Strict OOXML names the same elements under another namespace
    xml = xml.replace(_STRICT, W.encode())
    extra = {k: v.replace(_STRICT, W.encode()) for k, v in extra.items()}
    try:
        root = etree.fromstring(xml, _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(str(path), f"damaged .docx: document.xml is not well-formed ({exc.msg})")
    body = root.find(f"{_W}body")
    if body is None:
        raise InputError(str(path), "not a Word document body")
    doc = Document(path=str(path), format="docx", sha256=sha256)
    numbering = Numbering.load(extra.get("word/numbering.xml"), extra.get("word/styles.xml"), _safe_parser())

    def walk(el: etree._Element) -> None:
        for ch in el:
            if ch.tag == f"{_W}p":
                text = _para_text(ch, numbering).strip()
                if text:
                    doc.paragraphs.append(Paragraph(text=text, tables_before=len(doc.tables)))
            elif ch.tag == f"{_W}tbl":
                try:
                    doc.tables.append(_read_table(ch, len(doc.tables), settings, numbering))
                except InputError as exc:
                    raise InputError(str(path), exc.reason)
            elif ch.tag in _TRANSPARENT:
                walk(ch)

    walk(body)
    return doc
