"""What every reader returns: paragraphs plus table grids with provenance.

A reader's only job is to turn bytes into this structure. Merged cells are already
resolved: every row of a table has one :class:`Cell` per column; a cell covered by
a merge from above carries ``covered=True`` and the text of the cell that covers it.
Shaping (``govdisclose.shape``) never looks at the file format.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    """One grid position. ``paragraphs`` keeps in-cell paragraph breaks."""

    paragraphs: list[str] = field(default_factory=list)
    covered: bool = False  # part of a vertical merge whose text sits in the row above

    @property
    def text(self) -> str:
        return "\n".join(p for p in self.paragraphs if p)

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @classmethod
    def of(cls, text: str | None, covered: bool = False) -> "Cell":
        return cls([text] if text else [], covered=covered)


@dataclass
class Row:
    cells: list[Cell]
    index: int = 0  # 0-based row within its source table
    page: int | None = None  # 1-based page of the row's first line (PDF)
    line: int | None = None  # 1-based line (plain text)
    flags: list[str] = field(default_factory=list)


@dataclass
class Table:
    rows: list[Row]
    index: int = 0
    page: int | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def n_cols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass
class Paragraph:
    text: str
    page: int | None = None
    line: int | None = None
    # where the paragraph sits relative to tables: the number of tables before it
    tables_before: int = 0


@dataclass
class Document:
    """A file as read: body paragraphs and tables, in order, plus reader notes."""

    path: str
    format: str
    sha256: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None
    flow: str | None = None
