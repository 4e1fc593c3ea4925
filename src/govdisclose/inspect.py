"""``govdisclose inspect``: a human report of how a file was read, before records."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable

from govdisclose.pipeline import run
from govdisclose.settings import Settings

_FATE_STYLE = {"kept": "green", "header": "bold cyan", "repeated_header": "cyan", "heading": "magenta",
               "joined": "yellow", "no_measure": "red", "empty": "red"}


def report(path: str, settings: Settings, max_rows: int = 40) -> None:
    console = Console()
    notice, trace = run(path, settings=settings)
    doc = trace.document
    console.print(f"[bold]{notice.source.path}[/]  format={doc.format}  encoding={doc.encoding or '-'}  "
                  f"flow={doc.flow or '-'}  read as={trace.used}")
    console.print(f"paragraphs={len(doc.paragraphs)}  source tables={len(doc.tables)}  "
                  f"logical tables={len(trace.shaped.tables)}  tasks={len(notice.tasks)}")
    meta = notice.notice
    console.print(f"notice: title={meta.title!r} doc_number={meta.doc_number!r} issuer={meta.issuer!r} "
                  f"issued_on={meta.issued_on} plan_year={meta.plan_year} region={meta.region!r}")
    for k, lt in enumerate(trace.shaped.tables):
        console.print(f"\n[bold]logical table {k}[/]: header rows={lt.cmap.header_rows}")
        roles = RichTable("column", "header", "role")
        for i, (h, r) in enumerate(zip(lt.cmap.header_texts, lt.cmap.roles)):
            roles.add_row(str(i + 1), h, r or "[red]unmapped[/]")
        console.print(roles)
    grid = RichTable("table", "row", "fate", "cells", show_lines=False)
    for f in trace.shaped.fates[:max_rows * max(1, len(doc.tables))]:
        cells = " | ".join(c.replace("\n", "⏎")[:24] for c in f.cells)
        grid.add_row(str(f.table), str(f.row), f"[{_FATE_STYLE.get(f.fate, 'white')}]{f.fate}[/]", cells)
    console.print(grid)
    for w in notice.warnings:
        console.print(f"[yellow]warning:[/] {w}")
    console.print("\nsettings: " + ", ".join(f"{k}={v}" for k, v in settings.model_dump().items()))
