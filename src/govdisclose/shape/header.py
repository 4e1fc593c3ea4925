"""Find a table's header row(s) and map its columns to roles by synonym."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from govdisclose.normalize.data import load_data
from govdisclose.parsers.document import Row

ROLES = ("item_no", "group", "measure", "lead", "responsible", "deadline", "other")
_PUNCT = re.compile(r"[\s\u3000:：()（）/、,，.．*]+")


@dataclass
class ColumnMap:
    """Which column plays which role. ``group`` columns are grouping levels, outermost first."""

    n_cols: int
    header_rows: int
    roles: list[str | None]
    header_texts: list[str]
    warnings: list[str] = field(default_factory=list)

    def cols(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]

    def first(self, role: str) -> int | None:
        c = self.cols(role)
        return c[0] if c else None

    def signature(self) -> tuple[str | None, ...]:
        return tuple(self.roles)


@lru_cache(maxsize=1)
def _synonyms() -> list[tuple[str, str]]:
    data = dict(load_data("headers.yaml"))
    compound = data.pop("compound_units", {})
    pairs = [(_key(w), role) for role, words in data.items() for w in words]
    listed = {w for w, _ in pairs}
    for role in ("lead", "responsible"):  # role word + kind of office (负责科室, 牵头负责单位); listed words first
        for word in (_key(r + k) for r in compound.get(role, []) for k in compound.get("kinds", [])):
            if word not in listed:
                listed.add(word)
                pairs.append((word, role))
    return sorted(pairs, key=lambda p: -len(p[0]))


def header_words() -> list[str]:
    """Every header synonym (spaces and punctuation taken out), longest first: what a run of
    header words printed with nothing between them is read against."""
    return [w for w, _role in _synonyms()]


def _key(text: str) -> str:
    return _PUNCT.sub("", text or "")


def header_role(text: str, exact: bool = False) -> str | None:
    """The role a header cell names, or None. Exact synonym first, then (unless
    ``exact``) the longest synonym contained in it."""
    k = _key(text)
    if not k or len(k) > 14:
        return None
    for word, role in _synonyms():
        if k == word:
            return role
    if exact or re.match(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．])", text):
        return None  # a numbered title (一、深化重点领域信息公开) names no column
    for word, role in _synonyms():
        if len(word) >= 2 and word in k:
            return role
    return None


def resolve_roles(texts: list[str]) -> list[str | None]:
    """Header texts → column roles, as the shaping step will map them (a table with no
    measure column has its last grouping column as the measure)."""
    return _finish([header_role(t) for t in texts], texts, 1).roles


def names_a_table(words: list[str]) -> bool:
    """Whether header words read as a task table's header: three or more, a unit column
    among them and a measure or grouping column."""
    roles = {header_role(w) for w in words}
    return len(words) >= 3 and bool(roles & {"lead", "responsible"}) and bool(roles & {"measure", "group"})


def _row_texts(row: Row) -> list[str]:
    return [c.text for c in row.cells]


def is_header_row(row: Row, min_roles: int = 2) -> bool:
    """A row naming at least ``min_roles`` distinct known roles, one of them a unit or measure role."""
    roles = [header_role(t) for t in _row_texts(row)]
    found = {r for r in roles if r}
    return len(found) >= min_roles and bool(found & {"measure", "lead", "responsible", "group"}) and \
        sum(1 for t, r in zip(_row_texts(row), roles) if t.strip() and r is None) <= max(1, len(roles) // 3)


def find_header(rows: list[Row], max_scan: int = 6) -> ColumnMap | None:
    """Locate the header in the first rows and map every column to a role.

    Two-row headers (责任单位 over 牵头单位 | 配合单位) are merged: the lower row's role
    wins where it names one. When no column is a measure column, the last group
    column is the measure (序号 | 工作任务 | 责任单位 tables).
    """
    for i, row in enumerate(rows[:max_scan]):
        if not is_header_row(row):
            continue
        texts = _row_texts(row)
        roles = [header_role(t) for t in texts]
        n_header = 1
        if i + 1 < len(rows):
            below = _row_texts(rows[i + 1])
            below_roles = [header_role(t) for t in below]
            if any(below_roles) and all(r or not t.strip() for t, r in zip(below, below_roles)):
                roles = [b or a for a, b in zip(roles, below_roles)]
                texts = [(a + "/" + b) if b and b != a else a for a, b in zip(texts, below)]
                n_header = 2
        roles = _unlabelled_item_column(roles, texts, rows[i + n_header:])
        return _finish(roles, texts, i + n_header)
    return None


_BARE_NO = re.compile(r"^\s*\d{1,3}\s*[.．、﹒]?\s*$")


def _unlabelled_item_column(roles: list[str | None], texts: list[str], body: list[Row]) -> list[str | None]:
    """A column of bare numbers under an empty header cell, or under the 工作任务 cell
    spanning it and the task column, is the 序号 column."""
    if "item_no" in roles:
        return roles
    for k, (role, text) in enumerate(zip(roles, texts)):
        spanned = k > 0 and role == "group" and _key(text) == _key(texts[k - 1])
        if text.strip() and not spanned:
            continue
        cells = [r.cells[k].text for r in body if k < len(r.cells) and r.cells[k].text.strip()]
        numbers = sum(1 for c in cells if _BARE_NO.match(c))
        if numbers >= 2 and numbers >= 0.6 * len(cells):
            roles = list(roles)
            roles[k] = "item_no"
            return roles
    return roles


def _finish(roles: list[str | None], texts: list[str], header_rows: int) -> ColumnMap:
    warnings = []
    roles = list(roles)
    if "measure" not in roles:
        groups = [i for i, r in enumerate(roles) if r == "group"]
        if groups:
            roles[groups[-1]] = "measure"
    measures = [i for i, r in enumerate(roles) if r == "measure"]
    for extra in measures[1:]:  # a second measure-like column is kept as text only
        roles[extra] = "other"
    # a grouping word right of the measure (具体措施 | 工作目标) heads targets, not a level
    if measures:
        roles = ["other" if r == "group" and i > measures[0] else r for i, r in enumerate(roles)]
    for i, (r, t) in enumerate(zip(roles, texts)):
        if r is None and t.strip():
            warnings.append(f"column {i + 1} '{_key(t)}' could not be mapped to a role; its text is not used")
        elif r == "other":
            warnings.append(f"column {i + 1} '{_key(t)}' is not a unit column; its text is not used")
    return ColumnMap(n_cols=len(roles), header_rows=header_rows, roles=roles,
                     header_texts=[_key(t) for t in texts], warnings=warnings)


def within_header(row: Row, cmap: ColumnMap) -> bool:
    """A header row printed again with its cells cut otherwise (分管 / 领导 over two rows):
    every filled cell is part of its column's header text, and two or more are filled."""
    keys = [_key(c.text) for c in row.cells]
    if len(keys) != len(cmap.header_texts) or sum(1 for k in keys if k) < 2:
        return False
    return all(not k or k in h for k, h in zip(keys, cmap.header_texts))


def same_as_header(row: Row, cmap: ColumnMap) -> bool:
    """True for a header row printed again (after a page break or in a split table)."""
    keys = [_key(c.text) for c in row.cells]
    if not any(keys):
        return False
    hits = sum(1 for k, h in zip(keys, cmap.header_texts) if k and (k == h or k in h.split("/")))
    return hits >= max(2, sum(1 for k in keys if k) - 1) and is_header_row(row)
