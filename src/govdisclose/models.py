"""The record contract (schema version 1): the one source of the output schema.

Field names and meanings follow ``shared/spec/records.md``; JSON Schema is generated
from these models (``govdisclose schema``), never written by hand.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer

SCHEMA_VERSION = "1"

DeadlineKind = Literal["date", "ongoing", "relative", "conditional", "none"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """Which file the records came from."""

    path: str
    format: str
    sha256: str


class Reference(_Model):
    """A document the notice cites: 《title》（doc number）."""

    doc_number: str | None = None
    title: str | None = None


class NoticeMeta(_Model):
    """What the notice says about itself."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: _dt.date | None = None
    published_on: _dt.date | None = None
    plan_year: int | None = None
    region: str | None = None
    references: list[Reference] = Field(default_factory=list)
    table_title: str | None = None


class Heading(_Model):
    """A grouping level: section (一、…) or task (（一）…)."""

    no: str | None = None
    title: str


class Deadline(_Model):
    """The 完成时限 cell, as printed and as a kind / date."""

    text: str = ""
    kind: DeadlineKind = "none"
    date: _dt.date | None = None


class Provenance(_Model):
    """Where a record came from; keys that do not apply are omitted."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    line: int | None = None

    @model_serializer(mode="wrap")
    def _drop_none(self, handler: Any) -> dict[str, Any]:
        return {k: v for k, v in handler(self).items() if v is not None}


class Task(_Model):
    """One duty: a measure with its units and deadline."""

    section: Heading | None = None
    task: Heading | None = None
    item_no: str | None = None
    measure: str
    lead_units: list[str] = Field(default_factory=list)
    responsible_units: list[str] = Field(default_factory=list)
    deadline: Deadline = Field(default_factory=Deadline)
    disclosure_paths: list[str] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    flags: list[str] = Field(default_factory=list)


class UnitEntry(_Model):
    """One unit in the notice-level index (issue: units registry)."""

    name: str
    qualified: str | None = None
    aliases: list[str] = Field(default_factory=list)
    kind: str | None = None
    level: str | None = None
    known: bool = True
    renamed_to: str | None = None  # the name after a 机构改革 renaming (卫计委 → 卫生健康委)
    renamed_in: int | None = None
    as_lead: int = 0
    as_responsible: int = 0


class Notice(_Model):
    """A parsed notice: what ``govdisclose parse FILE --format json`` prints."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    notice: NoticeMeta = Field(default_factory=NoticeMeta)
    tasks: list[Task] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    units: list[UnitEntry] | None = None
