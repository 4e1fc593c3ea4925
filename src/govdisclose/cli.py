"""The command line: thin wiring over the library (``govdisclose.parse`` does the work).

Data goes to stdout, messages to stderr. Exit 0 on success, 1 when the file was read
but held no task table, 2 when it could not be read (one line naming the file).
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from govdisclose import __version__
from govdisclose.errors import GovdiscloseError
from govdisclose.export import render, write_atomic
from govdisclose.settings import DEFAULT_SETTINGS, Settings

app = typer.Typer(add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn government task-division notices (.docx, .pdf, text) into clean records.")


class Fmt(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _err(msg: str) -> None:
    sys.stderr.write(f"govdisclose: {msg}\n")


def _settings(sets: list[str] | None, max_size: int | None = None, units: list[Path] | None = None) -> Settings:
    pairs: dict[str, object] = {}
    for s in sets or []:
        if "=" not in s:
            raise GovdiscloseError(f"--set takes name=value, got '{s}'")
        k, v = s.split("=", 1)
        pairs[k.strip()] = v.strip()
    if max_size is not None:
        pairs["max_input_bytes"] = str(max_size * 2**20)
    for u in units or []:
        if not u.is_file():
            raise GovdiscloseError(f"{u}: units file not found")
    if units:
        pairs["unit_files"] = tuple(str(u) for u in units)
    return DEFAULT_SETTINGS.with_overrides(pairs) if pairs else DEFAULT_SETTINGS


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govdisclose {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """govdisclose: task-division notices → records."""


@app.command()
def parse(
    file: str = typer.Argument(..., help="A .docx, .pdf or text file; '-' reads standard input."),
    format: Fmt = typer.Option(Fmt.json, "--format", "-f", help="json (whole notice), jsonl (one task a line), csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when the notice has warnings."),
    max_size: Optional[int] = typer.Option(None, "--max-size", help="Largest input in MiB (default 200)."),
    units: Optional[list[Path]] = typer.Option(None, "--units", help="Extra unit registry (YAML), repeatable."),
    set_: Optional[list[str]] = typer.Option(None, "--set", help="Override a setting: name=value (see inspect)."),
) -> None:
    """Parse one notice and print its records.

    Examples:

      govdisclose parse notice.docx

      govdisclose parse notice.pdf -f csv -o tasks.csv

      govdisclose parse notice.txt -f jsonl | jq -r '.lead_units[]' | sort | uniq -c
    """
    from govdisclose.pipeline import parse as parse_file

    try:
        settings = _settings(set_, max_size, units)
        notice = parse_file(file, settings=settings)
        out = render(notice, format.value)
    except GovdiscloseError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code)
    except MemoryError:
        _err(f"{file}: out of memory while reading")
        raise typer.Exit(2)
    except Exception as exc:  # a reader bug must still end in one line, not a traceback
        _err(f"{file}: could not be read ({exc.__class__.__name__}: {str(exc)[:200]})")
        raise typer.Exit(2)
    if not notice.tasks:  # the notice is still printed (its metadata), but no output file is left
        if output is None:
            sys.stdout.write(out)
            sys.stdout.flush()
        _err(f"{notice.source.path}: no task table or numbered work points found")
        raise typer.Exit(1)
    if output is not None:
        try:
            write_atomic(output, out, bom=format is Fmt.csv)
        except OSError as exc:
            _err(f"{output}: cannot write the output ({exc.strerror or exc.__class__.__name__})")
            raise typer.Exit(2)
    else:
        sys.stdout.write(("\ufeff" + out) if format is Fmt.csv else out)
        sys.stdout.flush()
    if strict and notice.warnings:
        _err(f"{notice.source.path}: {len(notice.warnings)} warning(s) (--strict): {notice.warnings[0]}")
        raise typer.Exit(1)


@app.command()
def batch(
    inputs: list[str] = typer.Argument(..., help="Files, folders (searched recursively) or globs."),
    outdir: Path = typer.Option(..., "--output", "-o", help="Folder for the results (created if needed)."),
    format: Fmt = typer.Option(Fmt.json, "--format", "-f",
                               help="Per-file output besides <name>.json: jsonl or csv (json: only the JSON)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Parallel worker processes (default: cores)."),
    resume: bool = typer.Option(False, "--resume", help="Skip inputs the manifest already lists as ok."),
    timeout: float = typer.Option(120.0, "--timeout", help="Seconds one file may take before it is stopped."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any file has warnings."),
    max_size: Optional[int] = typer.Option(None, "--max-size", help="Largest input in MiB (default 200)."),
    units: Optional[list[Path]] = typer.Option(None, "--units", help="Extra unit registry (YAML), repeatable."),
    set_: Optional[list[str]] = typer.Option(None, "--set", help="Override a setting: name=value."),
) -> None:
    """Convert many notices: one JSON per input plus tasks.csv, tasks.jsonl, tasks.xlsx and manifest.json.

    Examples:

      govdisclose batch notices/ -o out/

      govdisclose batch 'downloads/**/*.pdf' -o out/ --workers 4 --resume
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table as RichTable

    from govdisclose.batch import expand_inputs, run_batch

    try:
        settings = _settings(set_, max_size, units)
    except GovdiscloseError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code)
    console = Console(stderr=True)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _err(f"{outdir}: cannot create the output folder ({exc.strerror or exc.__class__.__name__})")
        raise typer.Exit(2)
    total = len(expand_inputs(inputs))
    stats = {"tasks": 0, "failed": 0}
    with Progress(TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("tasks {task.fields[tasks]}  failed {task.fields[failed]}"), TimeElapsedColumn(),
                  console=console, transient=False, disable=not console.is_terminal and total < 2) as progress:
        bar = progress.add_task("files", total=total, tasks=0, failed=0)

        def done(item) -> None:
            stats["tasks"] += item.tasks
            stats["failed"] += item.status == "error"
            progress.update(bar, advance=1, tasks=stats["tasks"], failed=stats["failed"])
            if item.status == "error":
                progress.console.print(f"[red]error[/] {item.path}: {item.reason}")

        result = run_batch(inputs, outdir, workers=workers, resume=resume, settings=settings, timeout=timeout,
                           on_done=done, fmt=format.value)
    table = RichTable("status", "files", "tasks")
    for status in ("ok", "no_table", "error"):
        table.add_row(status, str(result.count(status)), str(sum(i.tasks for i in result.items if i.status == status)))
    console.print(table)
    console.print(f"results in {outdir}/ (manifest.json, tasks.csv, tasks.jsonl, tasks.xlsx)")
    if result.interrupted:
        _err("interrupted: manifest.json lists what finished; run again with --resume")
        raise typer.Exit(130)
    if result.count("error") or (strict and any(i.warnings for i in result.items)):
        raise typer.Exit(1)


class UnitsFmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command("units")
def units_cmd(
    files: list[str] = typer.Argument(..., help="Notices to read."),
    format: UnitsFmt = typer.Option(UnitsFmt.table, "--format", "-f", help="table (human), json or csv."),
    units: Optional[list[Path]] = typer.Option(None, "--units", help="Extra unit registry (YAML), repeatable."),
) -> None:
    """List every unit across the files: full name, kind, level, counts; unknown units first.

    Unknown units come with look-alike known names as suggestions for your own
    registry file (--units); suggestions are never applied.
    """
    import csv as _csv
    import io

    from govdisclose.normalize.unit_index import suggest
    from govdisclose.pipeline import parse as parse_file

    try:
        settings = _settings(None, None, units)
    except GovdiscloseError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code)
    merged: dict[str, dict] = {}
    failed = 0
    for f in files:
        try:
            notice = parse_file(f, settings=settings)
        except GovdiscloseError as exc:
            _err(str(exc))
            failed += 1
            continue
        for u in notice.units or []:
            key = u.qualified or u.name
            e = merged.setdefault(key, {"name": u.name, "qualified": u.qualified, "kind": u.kind, "level": u.level,
                                        "known": u.known, "aliases": set(), "files": 0, "as_lead": 0,
                                        "as_responsible": 0, "renamed_to": u.renamed_to})
            e["aliases"].update(u.aliases)
            e["files"] += 1
            e["as_lead"] += u.as_lead
            e["as_responsible"] += u.as_responsible
    rows = sorted(merged.values(), key=lambda e: (e["known"], -(e["as_lead"] + e["as_responsible"]), e["name"]))
    for e in rows:
        e["aliases"] = sorted(e["aliases"])
        e["suggestions"] = [] if e["known"] else suggest(e["name"])
    if format is UnitsFmt.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif format is UnitsFmt.csv:
        buf = io.StringIO()
        cols = ["name", "qualified", "kind", "level", "known", "files", "as_lead", "as_responsible", "aliases",
                "renamed_to", "suggestions"]
        w = _csv.writer(buf, lineterminator="\r\n")
        w.writerow(cols)
        for e in rows:
            w.writerow(["、".join(e[c]) if isinstance(e[c], list) else ("" if e[c] is None else e[c]) for c in cols])
        sys.stdout.write("\ufeff" + buf.getvalue())
    else:
        from rich.console import Console
        from rich.table import Table as RichTable

        t = RichTable("unit", "full name", "kind", "level", "lead", "resp.", "files", "note")
        for e in rows:
            note = "[red]unknown[/]" + (f" ~ {'、'.join(e['suggestions'])}" if e["suggestions"] else "") \
                if not e["known"] else (f"now {e['renamed_to']}" if e["renamed_to"] else "")
            t.add_row(e["name"], e["qualified"] or "", e["kind"] or "", e["level"] or "", str(e["as_lead"]),
                      str(e["as_responsible"]), str(e["files"]), note)
        Console().print(t)
    if failed:
        raise typer.Exit(2 if failed == len(files) else 1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the records (generated from the pydantic models)."""
    from govdisclose.models import Notice

    sys.stdout.write(json.dumps(Notice.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def inspect(
    file: str = typer.Argument(..., help="The file to look into."),
    rows: int = typer.Option(40, "--rows", help="How many grid rows to show per table."),
    set_: Optional[list[str]] = typer.Option(None, "--set", help="Override a setting: name=value."),
) -> None:
    """Show how a file was read: format, encoding, flow, header roles, each row's fate, warnings."""
    from govdisclose.inspect import report

    try:
        report(file, _settings(set_), rows)
    except GovdiscloseError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        try:
            sys.stdout.close()
        except Exception:
            pass
        sys.exit(0)
