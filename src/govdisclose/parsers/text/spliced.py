"""A PDF copy whose table lost all line structure: cells spliced into one another.

Some viewers copy a table as one stream of text: the header words run together
(``目标序号任务具体要求责任单位``), item numbers glue onto titles, and the lines of a
narrow unit column land between the lines of the measure beside it, mid-sentence
(``引市统计局导社会各界``, ``做好质量提升市商务委、市工商行动…品局、市质监局牌信息``), often with
whole paragraphs printed twice. Nothing in the text says where a row ends.

What can be repaired is repaired: the unit-cell lines are found with the unit dictionary
(a name cut at the column edge is completed by the piece that finishes it further on)
and moved out of the sentence; paragraphs printed twice are dropped; rows start at item
numbers (glued to a title or to the measure) and take the unit cells spliced into their
sentences, a second unit cell before any number starting the next row.
Which sentences belong to which row is a guess from their order, so every row is flagged
``low_confidence`` and the document gets a warning: the records are a starting point to
check against the source, never a silent answer.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from govdisclose.normalize.units import ends_like_unit, in_word_scope, is_known, starts_known
from govdisclose.normalize.words import breaks_word, first_word
from govdisclose.parsers.document import Cell, Row, Table
from govdisclose.shape.header import header_words, names_a_table, resolve_roles

Lines = list[tuple[int, str]]

_MIN_LINE = 150  # median line length of a copy with no line structure left
_MAX_GAP = 40  # measure text between two pieces of one unit cell, at most
_ITEM = re.compile(r"(?<![\d.年月])(\d{1,2})(?![\d年月日%％.个项家名])")


@dataclass
class _Piece:
    """A sentence with the unit text spliced into it taken out."""

    text: str
    units: list[str] = field(default_factory=list)
    line: int = 0


def run_together_header(text: str) -> tuple[int, int, list[str]] | None:
    """(start, end, words) of the first run of ≥3 header words printed with nothing between."""
    words = [w for w in header_words() if len(w) >= 2]
    firsts = {w[0] for w in words}
    for i, ch in enumerate(text):
        if ch not in firsts:
            continue
        j, found = i, []
        while True:
            w = next((w for w in words if text.startswith(w, j)), None)
            if w is None:
                break
            found.append(w)
            j += len(w)
        if len(found) >= 3 and names_a_table(found):
            return i, j, found
    return None


def _known_end(s: str, p: int) -> int | None:
    """End of the longest known unit name starting at ``p``."""
    best, q = None, p + 1
    while q <= len(s) and starts_known(s[p:q]):
        if is_known(s[p:q]):
            best = q
        q += 1
    return best


def _prefix_end(s: str, p: int) -> int:
    """End of the longest start of a known name at ``p`` (a name cut at the column edge)."""
    q = p
    while q < len(s) and starts_known(s[p:q + 1]):
        q += 1
    return q


def _gaps(after: int, limit: int, gap: int | None) -> list[int]:
    """Where the next piece of a cell may start: the first gap is a measure line of any
    width, later ones a whole number of lines of that width (the column beside it is cut
    evenly; a line of the measure may pass with no cell line beside it)."""
    if gap is None:
        return list(range(after + 2, min(limit, after + _MAX_GAP)))
    return [after + k * gap + d for k in (1, 2, 3) for d in (0, -1, 1, -2, 2)
            if 2 <= k * gap + d and after + k * gap + d < limit]


def _completion(s: str, pending: str, after: int, gap: int | None) -> tuple[int, int] | None:
    """Where a cut name ``pending`` goes on: the nearest piece ahead that finishes it."""
    for r in _gaps(after, len(s), gap):
        for k in range(1, 8):
            if r + k > len(s):
                break
            if is_known(pending + s[r:r + k]):
                return r, r + k
    return None


def _next_piece(s: str, after: int, gap: int | None) -> int | None:
    """A cell line ending in ``、`` goes on in the next piece: where the next name starts."""
    for r in _gaps(after, len(s), gap):
        if "。" in s[after:r]:
            return None
        if _known_end(s, r) is not None:
            return r
    return None


def _chain(s: str, p: int) -> tuple[list[tuple[int, int]], list[str]] | None:
    """The unit cell starting at ``p``: its pieces (spans of ``s``) and the names they spell.
    A piece ends where the cell's line ended: after a separator, after a name, or inside a
    name (finished by the next piece, a measure line further on)."""
    spans: list[tuple[int, int]] = []
    names: list[str] = []
    start = pos = p
    gap: int | None = None

    def jump(to: int) -> None:
        nonlocal start, pos, gap
        spans.append((start, pos))
        gap = to - pos if gap is None else gap
        start = pos = to

    while pos < len(s):
        end = _known_end(s, pos)
        cut = _prefix_end(s, pos)
        # a name cut at the column edge: long enough to tell at the start of a cell, one
        # scope character (县 / 发展改革委) where a list separator asked for a name
        least = 4 if not names else 1 if s[pos - 1] == "、" else 2
        done = _completion(s, s[pos:cut], cut, gap) if cut > (end or pos) and cut - pos >= least \
            and _names_ahead(s, cut) else None
        if done is not None:
            name = s[pos:cut]
            pos = cut
            jump(done[0])
            pos = done[1]
            names.append(name + s[start:pos])
        elif end is not None:
            names.append(s[pos:end])
            pos = end
        elif names and s[pos - 1] == "、" and (ahead := _next_piece(s, pos, gap)) is not None:
            jump(ahead)  # the line ended after the separator
            continue
        else:
            break
        if pos < len(s) and s[pos] == "、":
            pos += 1
        elif pos < len(s) and (_known_end(s, pos) or _prefix_end(s, pos) - pos >= 3):
            continue  # names glued together (…市国税局市发展改革委)
        else:
            break
    if not names:
        return None
    spans.append((start, pos))
    return spans, names


def _names_ahead(s: str, cut: int) -> bool:
    """Text after a cut name: not a separator, so the name went on elsewhere."""
    return cut < len(s) and s[cut] not in "、，。"


def _spliced(s: str, spans: list[tuple[int, int]], names: list[str]) -> bool:
    """Whether the unit text found at ``spans`` was spliced in (and is no mention in the
    sentence): cut over several pieces, a word mended by taking it out, names glued
    together, or a cell standing at the start of a sentence with no verb after it."""
    if len(spans) > 1:
        return True
    a, b = spans[0]
    if b < len(s) and ends_like_unit(first_word(s[b:b + 8])):
        return False  # the name goes on: 各区县（自治县）人民政府 / 办公室
    glued = len("".join(names)) + s[a:b].count("、") < b - a or "、" not in s[a:b] and len(names) > 1
    if glued:
        return True
    if a > 0 and b < len(s) and breaks_word(s[max(0, a - 8):a], s[b:b + 8]):
        return True
    return (a == 0 or s[a - 1] == "。") and b < len(s) and s[b] not in "，。；、要和及等在的对负牵配）)" and not breaks_word(s[a:b][-3:], s[b:b + 3])


def pull_units(s: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """Text → (the text with spliced unit cells taken out, each cell's names with where the
    cell began in the returned text). A cell may run on past the end of a sentence."""
    keep: list[str] = []
    cells: list[tuple[int, list[str]]] = []
    kept = pos = last = 0
    while pos < len(s):
        found = _chain(s, pos) if starts_known(s[pos:pos + 2]) and not in_word_scope(s, pos) else None
        if found is not None and _spliced(s, *found):
            spans, names = found
            for k, (a, b) in enumerate(spans):
                keep.append(s[last:a])
                kept += a - last
                if k == 0:
                    cells.append((kept, names))
                last = b
            pos = spans[-1][1]
            continue
        pos += 1
    keep.append(s[last:])
    return "".join(keep), cells


def _sentences(text: str) -> list[str]:
    return [x for x in re.findall(r"[^。]*。|[^。]+$", text) if x.strip()]


def spliced_table(lines: Lines) -> tuple[Lines, Table] | None:
    """Rebuild the rows of a copy with no line structure (see the module docstring)."""
    texts = [l.strip() for _, l in lines if l.strip()]
    if not texts or sorted(len(t) for t in texts)[len(texts) // 2] < _MIN_LINE:
        return None
    text = "".join(texts)
    found = run_together_header(text)
    if found is None:
        return None
    a, b, words = found
    head = text[a:b]
    roles = resolve_roles(words)
    if "measure" not in roles and "group" not in roles:
        return None
    line_of = _line_index(lines, texts)
    seen: set[str] = set()
    kept: list[tuple[str, int]] = []  # sentences printed once, with their source lines
    pos = b
    for sent in _sentences(text[b:]):
        start = pos
        pos += len(sent)
        if head in sent:  # a page top printed again: title and header before this row text
            sent = sent[sent.rfind(head) + len(head):]
        key = re.sub(r"\s+", "", sent)
        if key and key not in seen:
            seen.add(key)
            kept.append((sent, line_of(start)))
    clean, cells = pull_units("".join(t for t, _ in kept))
    pieces: list[_Piece] = []
    offset = 0
    for sent, (_, line) in zip(_sentences(clean), kept):  # taking names out leaves every 。
        end = offset + len(sent)
        units = [n for at, names in cells if offset <= at < end for n in names]
        pieces.append(_Piece(sent, units, line))
        offset = end
    rows = _rows(pieces, roles)
    if not rows:
        return None
    before = [(lines[0][0], text[:a])] if text[:a].strip() else []
    header = Row(cells=[Cell.of(w) for w in words], index=0, line=lines[0][0])
    return before, Table(rows=[header] + rows, index=0, flags=["spliced"])


def _line_index(lines: Lines, texts: list[str]) -> Callable[[int], int]:
    """Offset in the joined text → the source line it came from."""
    bounds, total = [], 0
    numbered = [(no, l.strip()) for no, l in lines if l.strip()]
    for (no, _), t in zip(numbered, texts):
        total += len(t)
        bounds.append((total, no))

    def line_of(offset: int) -> int:
        return next((no for end, no in bounds if offset < end), bounds[-1][1])

    return line_of


def _is_heading(text: str) -> bool:
    """Item numbers glued to short titles (``7推进“放管以政务公开助力促改革8服”改革信息公开。``):
    a number, no comma, a title's length."""
    bare = text.rstrip("。")
    return bool(_ITEM.search(bare)) and len(_ITEM.sub("", bare)) <= 40 and "，" not in bare


@dataclass
class _Open:
    """The row being gathered."""

    measure: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    item: str | None = None
    line: int = 0


def _rows(pieces: list[_Piece], roles: list[str | None]) -> list[Row]:
    """Sentences in order → rows. A row starts at an item number (glued to a title or to
    the measure) and gathers the sentences after it with the unit names spliced into
    them; a second unit cell before any number starts the next row. Units spliced into a
    title line belong to the row above it."""
    n = len(roles)
    unit_col = next((i for i, r in enumerate(roles) if r == "responsible"), None)
    if unit_col is None:
        unit_col = next((i for i, r in enumerate(roles) if r == "lead"), None)
    measure_col = next((i for i, r in enumerate(roles) if r == "measure"), None)
    if measure_col is None:
        measure_col = max(i for i, r in enumerate(roles) if r == "group")
    item_col = next((i for i, r in enumerate(roles) if r == "item_no"), None)
    group_cols = [i for i, r in enumerate(roles) if r == "group" and i != measure_col]
    out: list[Row] = []
    titles: list[str] = []
    row = _Open()

    def close(next_item: str | None = None) -> None:
        nonlocal row
        if row.measure:
            cells = [Cell() for _ in range(n)]
            cells[measure_col] = Cell.of("".join(row.measure))
            if unit_col is not None:
                cells[unit_col] = Cell.of("、".join(dict.fromkeys(row.units)))
            if item_col is not None and row.item:
                cells[item_col] = Cell.of(row.item)
            for col, title in zip(group_cols[::-1], titles[::-1]):
                cells[col] = Cell.of(title)
            out.append(Row(cells=cells, index=len(out) + 1, line=row.line, flags=["low_confidence"]))
            row = _Open(item=next_item)
        elif next_item is not None:
            row.item = next_item

    for p in pieces:
        text = p.text.strip()
        if _is_heading(text):
            row.units += p.units
            numbers = _ITEM.findall(text)
            close(numbers[-1] if numbers else None)
            parts = [t.strip("。") for t in _ITEM.split(text) if t.strip("。") and not t.isdigit()]
            if parts and group_cols:
                titles = (titles + parts)[-len(group_cols):]
            continue
        m = re.match(r"^(\d{1,2})(?=[\u4e00-\u9fff（“])", text)
        if m:
            close(m.group(1))
            text = text[m.end():]
        elif p.units and row.units and row.measure:
            close()
        if not row.measure:
            row.line = p.line
        if text:
            row.measure.append(text)
        row.units += p.units
    close()
    return out
