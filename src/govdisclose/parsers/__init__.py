"""One reader per format; each returns the same :class:`~govdisclose.parsers.document.Document`."""
from __future__ import annotations

from pathlib import Path

from govdisclose.errors import InputError
from govdisclose.parsers.document import Document
from govdisclose.settings import Settings

FORMATS = ("docx", "xlsx", "pdf", "html", "txt")


def _zip_has(data: bytes, member: str) -> bool:
    import io
    import zipfile

    try:
        return member in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sniff_format(name: str, data: bytes) -> str:
    """Decide the format from the bytes, not the name: a PDF renamed .docx is still a PDF."""
    head = data[:8]
    suffix = Path(name).suffix.lower()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "xlsx" if _zip_has(data, "xl/workbook.xml") else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if suffix == ".docx" or suffix == ".doc":
            raise InputError(name, "legacy .doc (or encrypted .docx) file: save it as .docx first")
        raise InputError(name, "an OLE2 file (legacy .doc/.xls or encrypted Office file), not a supported format")
    if suffix in (".docx", ".pdf"):
        kind = "Word .docx" if suffix == ".docx" else "PDF"
        raise InputError(name, f"not a {kind} file (its content is neither a zip package nor a PDF)")
    if _looks_like_html_page(data):
        return "html"
    return "txt"


def _looks_like_html_page(data: bytes) -> bool:
    """A saved web page holding a table (UTF-8 or a legacy single/double-byte encoding)."""
    import re

    head = data[:4096].lower()
    return bool(re.search(rb"<(?:!doctype\s+html|html|body|head)\b", head)) \
        and len(re.findall(rb"<t[dh]\b", data[:2_000_000], re.I)) >= 4


def read_document(name: str, data: bytes, sha256: str, settings: Settings, fmt: str | None = None) -> Document:
    fmt = fmt or sniff_format(name, data)
    if fmt == "docx":
        from govdisclose.parsers.docx import read_docx

        return read_docx(Path(name), data, sha256, settings)
    if fmt == "xlsx":
        from govdisclose.parsers.xlsx import read_xlsx

        return read_xlsx(Path(name), data, sha256, settings)
    if fmt == "pdf":
        from govdisclose.parsers.pdf import read_pdf

        return read_pdf(Path(name), data, sha256, settings)
    if fmt == "html":
        from govdisclose.parsers.html import read_html

        return read_html(Path(name), data, sha256, settings)
    if fmt == "txt":
        from govdisclose.parsers.text import read_text

        return read_text(Path(name), data, sha256, settings)
    raise InputError(name, f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
