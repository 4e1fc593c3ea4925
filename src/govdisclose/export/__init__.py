"""The one place that knows output formats: json, jsonl, csv (and xlsx for batch)."""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from govdisclose.models import Notice

TEXT_FORMATS = ("json", "jsonl", "csv")
CSV_COLUMNS = ["source", "doc_number", "plan_year", "region", "section_no", "section", "task_no", "task",
               "item_no", "measure", "lead_units", "responsible_units", "deadline_text", "deadline_kind",
               "deadline_date", "disclosure_paths", "page", "table", "row", "line", "flags"]


def to_json(notice: Notice) -> str:
    return json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def task_lines(notice: Notice) -> Iterable[dict]:
    """One flat dict per task with the notice fields an analyst filters by."""
    n = notice.notice
    for t in notice.tasks:
        d = t.model_dump(mode="json")
        yield {"source": notice.source.path, "doc_number": n.doc_number, "plan_year": n.plan_year,
               "region": n.region, **d}


def to_jsonl(notices: Iterable[Notice]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for n in notices for line in task_lines(n))


def csv_rows(notices: Iterable[Notice]) -> Iterable[list]:
    for notice in notices:
        for line in task_lines(notice):
            sec, task, dl, prov = line["section"] or {}, line["task"] or {}, line["deadline"], line["provenance"]
            yield [line["source"], line["doc_number"], line["plan_year"], line["region"], sec.get("no"),
                   sec.get("title"), task.get("no"), task.get("title"), line["item_no"], line["measure"],
                   "、".join(line["lead_units"]), "、".join(line["responsible_units"]), dl["text"], dl["kind"],
                   dl["date"], "；".join(line["disclosure_paths"]), prov.get("page"), prov.get("table"),
                   prov.get("row"), prov.get("line"), ",".join(line["flags"])]


def to_csv(notices: Iterable[Notice]) -> str:
    """UTF-8 with BOM when written to a file, so Excel reads the Chinese right."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for row in csv_rows(notices):
        w.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def render(notice: Notice, fmt: str) -> str:
    if fmt == "json":
        return to_json(notice)
    if fmt == "jsonl":
        return to_jsonl([notice])
    if fmt == "csv":
        return to_csv([notice])
    raise ValueError(f"unknown output format '{fmt}' (known: {', '.join(TEXT_FORMATS)})")


def write_atomic(path: str | Path, data: str | bytes, bom: bool = False) -> None:
    """Write to a temporary file beside ``path`` and rename it into place: never half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8-sig" if bom else "utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
