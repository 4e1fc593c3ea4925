"""Batch conversion: many notices → one JSON each plus combined CSV / JSONL / XLSX and a manifest.

Each file is parsed in its own forked worker process with a time limit, so one
pathological file can neither crash nor stall the run. Results are written
atomically as they arrive, and the manifest after every file, so an interrupted
run says exactly what finished and ``resume`` picks up from there.
"""
from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing as mp
import os
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterable

from govdisclose.errors import GovdiscloseError
from govdisclose.export import render, to_csv, to_json, to_jsonl, write_atomic
from govdisclose.models import Notice
from govdisclose.settings import DEFAULT_SETTINGS, Settings

SUFFIXES = {".docx", ".xlsx", ".pdf", ".txt", ".text", ".csv", ".htm", ".html"}
MANIFEST = "manifest.json"


@dataclass
class Item:
    """One input file and what became of it (a manifest entry)."""

    path: Path
    rel: Path  # where its output goes, relative to OUTDIR (folder structure kept)
    sha256: str = ""
    status: str = "pending"  # ok | no_table | error
    reason: str | None = None
    tasks: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    output: str | None = None

    def entry(self) -> dict:
        return {"path": str(self.path), "sha256": self.sha256, "status": self.status, "reason": self.reason,
                "tasks": self.tasks, "warnings": self.warnings, "seconds": round(self.seconds, 3),
                "output": self.output}


def expand_inputs(inputs: Iterable[str]) -> list[Item]:
    """Files, folders (recursive, supported suffixes only) and globs → items, in a stable order."""
    items: list[Item] = []
    seen: set[Path] = set()

    def add(p: Path, rel: Path) -> None:
        rp = p.resolve()
        if rp not in seen:
            seen.add(rp)
            items.append(Item(path=p, rel=rel))

    for raw in inputs:
        matches = sorted(glob.glob(raw, recursive=True)) if any(ch in raw for ch in "*?[") else [raw]
        if not matches:
            items.append(Item(path=Path(raw), rel=Path(Path(raw).name), status="error", reason="no such file"))
        for m in matches:
            p = Path(m)
            if p.is_dir():
                for f in sorted(p.rglob("*")):
                    if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                        add(f, Path(p.name) / f.relative_to(p))
            else:
                add(p, Path(p.name))
    return items


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


def _work(path: str, settings_json: str, out_base: str, fmt: str, conn: Connection) -> None:
    """Child process: parse one file, write its outputs atomically, report what happened.

    Writing here, not in the parent, keeps the parent's serial work small."""
    from govdisclose.pipeline import parse

    try:
        notice = parse(path, settings=Settings.model_validate_json(settings_json))
        if not notice.tasks:
            conn.send(("no_table", "no task table or numbered work points found", 0, list(notice.warnings)))
            return
        write_atomic(out_base + ".json", to_json(notice))
        if fmt != "json":
            write_atomic(out_base + "." + fmt, render(notice, fmt), bom=fmt == "csv")
        conn.send(("ok", None, len(notice.tasks), list(notice.warnings)))
    except GovdiscloseError as exc:
        conn.send(("error", getattr(exc, "reason", None) or str(exc), 0, []))
    except MemoryError:
        conn.send(("error", "out of memory", 0, []))
    except Exception as exc:  # noqa: BLE001 - a reader bug is this file's error, not the run's
        conn.send(("error", f"{exc.__class__.__name__}: {str(exc)[:200]}", 0, []))
    finally:
        conn.close()


@dataclass
class BatchResult:
    items: list[Item]
    outdir: Path
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)


def _remove_partial(outdir: Path, it: Item) -> None:
    """A worker stopped mid-write leaves its temporary file: remove it (no half output)."""
    target = outdir / it.rel
    for tmp in target.parent.glob(f".{target.name}.*.part"):
        try:
            tmp.unlink()
        except OSError:
            pass


def _load_manifest(outdir: Path) -> dict[str, dict]:
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
        return {e["sha256"]: e for e in data.get("files", []) if e.get("status") == "ok" and e.get("sha256")}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _write_manifest(outdir: Path, items: list[Item], started: float, done: bool) -> None:
    data = {"finished": done, "seconds": round(time.time() - started, 3),
            "files": [i.entry() for i in items if i.status != "pending"],
            "pending": [str(i.path) for i in items if i.status == "pending"]}
    write_atomic(outdir / MANIFEST, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def run_batch(inputs: Iterable[str], outdir: str | Path, workers: int | None = None, resume: bool = False,
              settings: Settings = DEFAULT_SETTINGS, timeout: float = 120.0,
              on_done: Callable[[Item], None] | None = None, fmt: str = "json") -> BatchResult:
    """Parse every input into OUTDIR; see the module docstring for what is written.

    Each input always gets ``<name>.json`` (what ``resume`` and the combined files read);
    ``fmt`` jsonl or csv adds ``<name>.jsonl`` / ``<name>.csv`` beside it."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    items = expand_inputs(inputs)
    workers = max(1, workers or os.cpu_count() or 1)
    previous = _load_manifest(outdir) if resume else {}
    started = time.time()
    todo: list[Item] = []
    for it in items:
        if it.status == "error":
            if on_done:
                on_done(it)
            continue
        it.sha256 = _sha256(it.path)
        prev = previous.get(it.sha256)
        out = outdir / (str(it.rel) + ".json")
        if prev and out.exists():
            it.status, it.tasks, it.warnings = "ok", prev.get("tasks", 0), prev.get("warnings", [])
            it.seconds, it.output, it.reason = prev.get("seconds", 0.0), str(out.relative_to(outdir)), "resumed"
            if on_done:
                on_done(it)
        else:
            todo.append(it)
    from govdisclose.normalize.units import use_unit_files
    from govdisclose.pipeline import warm_caches

    use_unit_files(list(settings.unit_files))
    warm_caches()  # built once here, shared with every forked worker
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    settings_json = settings.model_dump_json()
    running: dict[Connection, tuple[Item, mp.Process, float]] = {}
    # largest files first, so that no worker is left with one long file at the end
    queue = sorted(todo, key=lambda i: -_size(i.path))
    result = BatchResult(items, outdir)

    last_manifest = 0.0

    def finish(it: Item, status: str, reason: str | None, n_tasks: int, warnings: list[str]) -> None:
        nonlocal last_manifest
        it.status, it.reason, it.tasks, it.warnings = status, reason, n_tasks, warnings
        if status == "ok":
            it.output = str(it.rel) + ".json"
        if time.time() - last_manifest >= 1.0:  # often enough to resume from, cheap for many files
            _write_manifest(outdir, items, started, done=False)
            last_manifest = time.time()
        if on_done:
            on_done(it)

    try:
        while queue or running:
            while queue and len(running) < workers:
                it = queue.pop(0)
                parent, child = ctx.Pipe(duplex=False)
                out_base = str(outdir / it.rel)
                (outdir / it.rel).parent.mkdir(parents=True, exist_ok=True)
                proc = ctx.Process(target=_work, args=(str(it.path), settings_json, out_base, fmt, child), daemon=True)
                proc.start()
                child.close()
                running[parent] = (it, proc, time.time())
            ready = wait(list(running), timeout=0.2)
            now = time.time()
            for conn in ready:
                it, proc, t0 = running.pop(conn)
                try:
                    status, reason, n_tasks, warnings = conn.recv()
                except (EOFError, OSError):
                    proc.join(1)
                    status, reason, n_tasks, warnings = "error", f"worker died (exit code {proc.exitcode})", 0, []
                conn.close()
                proc.join(5)
                it.seconds = now - t0
                finish(it, status, reason, n_tasks, warnings)
            for conn, (it, proc, t0) in list(running.items()):
                if now - t0 > timeout:
                    proc.kill()
                    proc.join(1)
                    conn.close()
                    running.pop(conn)
                    _remove_partial(outdir, it)
                    it.seconds = now - t0
                    finish(it, "error", f"timed out after {timeout:g} s (raise --timeout)", 0, [])
    except KeyboardInterrupt:
        for conn, (it, proc, _t0) in running.items():
            proc.kill()
            proc.join(1)
            conn.close()
            _remove_partial(outdir, it)
        result.interrupted = True
        _write_manifest(outdir, items, started, done=False)
        return result
    write_combined(outdir, items)
    _write_manifest(outdir, items, started, done=True)
    return result


def write_combined(outdir: Path, items: list[Item]) -> None:
    """tasks.csv (UTF-8 with BOM), tasks.jsonl and tasks.xlsx over every ok file, in input order."""
    from govdisclose.export.xlsx import to_xlsx

    notices = []
    for it in items:
        if it.status == "ok" and it.output:
            try:
                notices.append(Notice.model_validate_json((outdir / it.output).read_text(encoding="utf-8")))
            except (OSError, ValueError):
                continue
    write_atomic(outdir / "tasks.csv", to_csv(notices), bom=True)
    write_atomic(outdir / "tasks.jsonl", to_jsonl(notices))
    write_atomic(outdir / "tasks.xlsx", to_xlsx(notices))
