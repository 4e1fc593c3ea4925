"""read → shape → normalise, for one file. ``parse()`` is the whole job."""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from govdisclose.errors import InputError
from govdisclose.models import Notice, Source
from govdisclose.normalize.notice import extract_notice, pick_table_title
from govdisclose.normalize.text import is_traditional, to_simplified
from govdisclose.normalize.unit_index import build_index
from govdisclose.normalize.units import use_unit_files
from govdisclose.parsers import read_document
from govdisclose.parsers.document import Document
from govdisclose.settings import DEFAULT_SETTINGS, Settings
from govdisclose.shape.prose import shape_points
from govdisclose.shape.records import to_task
from govdisclose.shape.table import ShapeResult, shape_tables


@dataclass
class Trace:
    """What ``inspect`` shows: the document as read and each row's fate."""

    document: Document
    shaped: ShapeResult
    used: str  # "table" | "points" | "none"


def warm_caches() -> None:
    """Load dictionaries and data once (the unit registry, OpenCC, synonyms) so that forked
    batch workers inherit them instead of each building its own."""
    from govdisclose.normalize.deadlines import _rules
    from govdisclose.normalize.text import _converter, _taiwan_phrases, _variants
    from govdisclose.normalize.units import _registry
    from govdisclose.shape.header import _synonyms

    _registry()
    _converter("tw2s")
    _converter("t2s")
    _taiwan_phrases()
    _variants()
    _rules()
    _synonyms()


def read_input(path: str | Path, settings: Settings = DEFAULT_SETTINGS) -> tuple[str, bytes]:
    """The file's bytes (``-`` reads standard input), with size and emptiness checked."""
    name = str(path)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
            name = "<stdin>"
        else:
            p = Path(path)
            if p.is_dir():
                raise InputError(name, "is a folder, not a file (use `govdisclose batch` for folders)")
            size = p.stat().st_size
            if size > settings.max_input_bytes:
                raise InputError(name, f"too large ({size // 2**20} MiB, limit "
                                       f"{settings.max_input_bytes // 2**20} MiB; raise --max-size)")
            data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    if len(data) > settings.max_input_bytes:
        raise InputError(name, f"too large (limit {settings.max_input_bytes // 2**20} MiB; raise --max-size)")
    if not data.strip():
        raise InputError(name, "empty file")
    return name, data


def _simplify(doc: Document, settings: Settings) -> None:
    """Traditional input → simplified, before anything else looks at the text."""
    sample = "".join(p.text for p in doc.paragraphs[:400])
    sample += "".join(c.text for t in doc.tables[:3] for r in t.rows[:60] for c in r.cells)
    if not is_traditional(sample, settings.traditional_share):
        return
    for p in doc.paragraphs:
        p.text = to_simplified(p.text)
    for t in doc.tables:
        for r in t.rows:
            for c in r.cells:
                c.paragraphs = [to_simplified(x) for x in c.paragraphs]
    doc.warnings.append("traditional characters converted to simplified (OpenCC tw2s)")


def run(path: str | Path, data: bytes | None = None, settings: Settings = DEFAULT_SETTINGS,
        fmt: str | None = None) -> tuple[Notice, Trace]:
    """Parse one file and keep the trace of how it was read."""
    if data is None:
        name, data = read_input(path, settings)
    else:
        name = str(path)
    use_unit_files(list(settings.unit_files))
    sha = hashlib.sha256(data).hexdigest()
    doc = read_document(name, data, sha, settings, fmt)
    _simplify(doc, settings)
    shaped = shape_tables(doc.tables)
    items = shaped.items
    used = "table" if items else "none"
    if items:
        first_table = min(ti for lt in shaped.tables for ti, _ in lt.rows[:1])
        header_lines = [p.text for p in doc.paragraphs if p.tables_before <= first_table]
    else:
        items = shape_points(doc.paragraphs)
        used = "points" if items else "none"
        header_lines = [p.text for p in doc.paragraphs[: _before_first_point(doc)]]
    table_title = pick_table_title(header_lines)
    if table_title is None and shaped.titles and used == "table":
        table_title = re.sub(r"\s+", "", shaped.titles[0])
    # a signature printed after the table (issuer, date) still belongs to the notice
    trailer = [p.text for p in doc.paragraphs if doc.tables and p.tables_before >= len(doc.tables)][:10] \
        if used == "table" else []
    meta = extract_notice(header_lines + trailer, table_title)
    aliases: dict[str, set[str]] = {}
    tasks = [to_task(it, meta.plan_year, aliases) for it in items]
    warnings = list(doc.warnings) + list(shaped.warnings)
    if not tasks:
        warnings.append("no task table and no numbered work points found")
    notice = Notice(source=Source(path=name, format=doc.format, sha256=sha), notice=meta, tasks=tasks,
                    warnings=warnings, units=build_index(tasks, meta.region, aliases))
    return notice, Trace(document=doc, shaped=shaped, used=used)


def _before_first_point(doc: Document) -> int:
    from govdisclose.shape.numbering import SECTION_RE, TASK_RE

    for i, p in enumerate(doc.paragraphs):
        t = p.text.strip()
        if (SECTION_RE.match(t) or TASK_RE.match(t)) and i > 0:
            return i
    return len(doc.paragraphs)


def parse(path: str | Path, data: bytes | None = None, settings: Settings = DEFAULT_SETTINGS,
          fmt: str | None = None) -> Notice:
    """Parse one notice file (.docx, .pdf or text) into records.

    Raises :class:`govdisclose.errors.InputError` for unreadable input. A notice with
    no task table has no tasks and a warning saying so.
    """
    return run(path, data, settings, fmt)[0]


__all__ = ["parse", "run", "read_input", "Trace"]
