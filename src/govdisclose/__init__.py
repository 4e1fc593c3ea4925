"""govdisclose: Chinese government task-division notices → clean records.

    >>> import govdisclose
    >>> notice = govdisclose.parse("fixtures/docx/merged.docx")
    >>> notice.tasks[0].lead_units
"""
from __future__ import annotations

from govdisclose.errors import GovdiscloseError, InputError, NoTableError
from govdisclose.export import render, to_csv, to_json, to_jsonl
from govdisclose.models import Deadline, Heading, Notice, NoticeMeta, Provenance, Reference, Source, Task
from govdisclose.pipeline import parse
from govdisclose.settings import Settings

__version__ = "0.1.0"
__all__ = ["parse", "Notice", "NoticeMeta", "Task", "Heading", "Deadline", "Provenance", "Reference", "Source",
           "Settings", "GovdiscloseError", "InputError", "NoTableError", "render", "to_json", "to_jsonl",
           "to_csv", "__version__"]
