"""A flat sequence of cells (tab and pipe flows) → header + rows of a grid.

Both flows print one cell after another with no reliable row marker, so rows are
cut by count: the number of columns comes from the header, checked against the
period of item numbers and the sizes of blank-line groups in the data.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from govdisclose.parsers.document import Cell, Row, Table
from govdisclose.shape.header import header_role, resolve_roles
from govdisclose.shape.numbering import ITEM_RE

_KEY = re.compile(r"[\s\u3000]+")


@dataclass
class FlowCell:
    paragraphs: list[str]
    line: int  # 1-based line of the cell's first line
    blank_before: bool = False  # a blank line separated it from the cell before
    row_end: bool = False  # not a cell: the copy printed a row end here

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class FlowTable:
    header: list[FlowCell]
    body: list[FlowCell]
    before: list[tuple[int, str]] = field(default_factory=list)  # (line, text) above the table
    inferred: bool = False  # the header was named from the cells (a copy without one)


def find_header(cells: list[FlowCell], start: int = 0) -> tuple[int, int] | None:
    """(index, length) of the first run of ≥2 consecutive header-word cells naming a unit or measure role."""
    i = start
    while i < len(cells):
        j = i
        roles = []
        while j < len(cells):
            if j > i + 1 and cells[j].blank_before and not cells[i + 1].blank_before \
                    and header_role(cells[j].text, exact=True) is None:
                break  # the header row ended at its blank line (基层政务公开标准化… is the first row's title)
            if _header_word(cells[j].text):
                roles.append(header_role(cells[j].text))
            elif j > i and not cells[j].text.strip() and j + 1 < len(cells) and _header_word(cells[j + 1].text):
                roles.append(None)  # an empty header cell (over an unlabelled 序号) inside the header
            else:
                break
            j += 1
        if j - i >= 2 and set(roles) & {"lead", "responsible", "measure"}:
            return i, j - i
        i = max(j, i + 1)
    return None


def _header_word(text: str) -> bool:
    return bool(header_role(text)) and len(_key(text)) <= 14


_UNIT_ROLES = ("lead", "responsible")


def two_row_header(cells: list[FlowCell], i: int, n: int) -> tuple[list[FlowCell], int] | None:
    """A header printed over two rows (责任单位 over 牵头单位 | 配合单位), as a cell stream
    that keeps empty cells (tab and pipe copies): the header cells, then the second
    row's, with empties where the first row's cells span both rows. Returns the folded
    header (the lower row's word wins where it has one) and the cells it used."""
    end = i + n
    while end < len(cells) and end - i <= 2 * (n + 6) and \
            (not cells[end].text.strip() or (header_role(cells[end].text, exact=True) and len(_key(cells[end].text)) <= 14)):
        end += 1
    region = cells[i:end]
    for width in range(n, len(region) // 2 + 1):
        top, low = region[:width], region[width:2 * width]
        if any(c.text.strip() for c in region[2 * width:]):
            continue
        low_roles = [header_role(c.text) if c.text.strip() else None for c in low]
        if sum(1 for r in low_roles if r) < 2 or not set(low_roles) & set(_UNIT_ROLES):
            continue
        # under each lower word the upper cell is empty (the span) or names a unit parent
        if all(r is None or not top[k].text.strip() or header_role(top[k].text) in _UNIT_ROLES
               for k, r in enumerate(low_roles)):
            folded = [lo if lo.text.strip() else up for up, lo in zip(top, low)]
            return folded, 2 * width
    return None


def fold_flat_header(words: list[str]) -> list[str]:
    """A two-row header flattened into one run of words (a cell-per-line copy drops the
    empty cells): 工作任务 … 责任单位 完成时限 牵头单位 配合单位. The unit words at the end
    are the lower row; they take the place of the unit word that heads them."""
    roles = [header_role(w) for w in words]
    k = len(words)
    while k > 0 and roles[k - 1] in _UNIT_ROLES:
        k -= 1
    if len(words) - k >= 3 and roles[k] == "responsible" and roles[k + 1] == "lead":
        k += 1  # 责任单位 牵头单位 配合单位: the parent sits right before its children
    children = words[k:]
    parents = [j for j in range(k) if roles[j] in _UNIT_ROLES]
    if len(children) < 2 or len(parents) != 1:
        return words
    p = parents[0]
    separated = p < k - 1  # a non-unit word between the parent and its children
    if not separated and not (roles[p] == "responsible" and roles[k] == "lead"):
        return words
    return words[:p] + children + words[p + 1:k]


def _key(text: str) -> str:
    return _KEY.sub("", text)


def drop_repeated_header(cells: list[FlowCell], header: list[FlowCell]) -> list[FlowCell]:
    """Header cells printed again after a page break are removed from the cell stream."""
    keys = [_key(c.text) for c in header]
    n = len(keys)
    out: list[FlowCell] = []
    i = 0
    while i < len(cells):
        if [_key(c.text) for c in cells[i:i + n]] == keys:
            i += n
            continue
        out.append(cells[i])
        i += 1
    return out


def row_width(header_len: int, body: list[FlowCell]) -> int:
    """Columns per row: the header's count, unless the data says more consistently
    (a 工作任务 header printed once over two grouping columns)."""
    numbered = [i for i, c in enumerate(body) if ITEM_RE.match(c.text) and len(c.text) > 8]
    votes: Counter[int] = Counter()
    for a, b in zip(numbered, numbered[1:]):
        votes[b - a] += 1
    groups: list[int] = []
    size = 0
    for c in body:
        if c.blank_before and size:
            groups.append(size)
            size = 0
        size += 1
    if size:
        groups.append(size)
    for g in groups:
        votes[g] += 1
    if not votes:
        return header_len
    best, count = votes.most_common(1)[0]
    if best > header_len and (best <= header_len + 3 or header_len == 0) and count >= max(3, 0.4 * sum(votes.values())):
        return best
    return header_len


def expand_header(header: list[str], width: int, rows: list[list[str]]) -> list[str]:
    """Fill the header up to the data's width: an unlabelled column of small numbers
    is 序号; otherwise the first grouping header covers the extra column."""
    header = list(header)
    while len(header) < width:
        numeric = [k for k in range(width)
                   if sum(1 for r in rows if k < len(r) and re.fullmatch(r"\d{1,3}[.．、]?", r[k].strip()))
                   >= 0.6 * max(1, sum(1 for r in rows if k < len(r) and r[k].strip()))
                   and any(k < len(r) and r[k].strip() for r in rows)]
        free = [k for k in numeric if k <= len(header) and header_role(header[k] if k < len(header) else "") != "item_no"]
        if free:
            header.insert(free[0], "序号")
            continue
        idx = next((i for i, h in enumerate(header) if header_role(h) == "group"), 0)
        header.insert(idx, header[idx])
    return header


def to_table(ft: FlowTable, index: int = 0) -> Table:
    """Cut the body into rows of the table's width, by count; when the copy marks row
    ends, or rows cut by count do not look like rows, align cells by their type."""
    from govdisclose.parsers.text.align import align, rows_look_right

    from govdisclose.parsers.text.align import complete_header

    body = drop_repeated_header([c for c in ft.body], ft.header)
    header_texts = [c.text for c in ft.header]
    marked_or_off = any(c.row_end for c in body) or not rows_look_right(_count_rows(body, ft), resolve_roles(header_texts))
    if marked_or_off:
        header_texts = complete_header(header_texts, [c.text for c in body])
    roles = resolve_roles(header_texts)
    header_row = Row(cells=[Cell.of(h) for h in header_texts], index=0, line=ft.header[0].line)
    if marked_or_off:
        stream = [(c.line, None if c.row_end else c.text) for c in body]
        return Table(rows=[header_row] + align(stream, roles), index=index, flags=["aligned"])
    return _count_table(ft, body, index)


def _count_rows(body: list[FlowCell], ft: FlowTable) -> list[list[str]]:
    width = row_width(len(ft.header), body)
    return [[c.text for c in body[k:k + width]] for k in range(0, len(body), width)]


def _count_table(ft: FlowTable, body: list[FlowCell], index: int) -> Table:
    width = row_width(len(ft.header), body)
    chunks = [body[k:k + width] for k in range(0, len(body), width)]
    header_texts = expand_header([c.text for c in ft.header], width, [[c.text for c in ch] for ch in chunks])
    rows = [Row(cells=[Cell.of(h) for h in header_texts], index=0, line=ft.header[0].line)]
    for chunk in chunks:
        cells = [Cell(list(c.paragraphs)) for c in chunk]
        cells += [Cell() for _ in range(width - len(cells))]
        rows.append(Row(cells=cells, index=len(rows), line=chunk[0].line))
    return Table(rows=rows, index=index)
