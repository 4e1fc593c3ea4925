"""Rows of a spliced PDF copy, rebuilt from what the page layout leaves in the text.

A viewer that copies a table with no line structure reads text boxes: lines that stand
close together, in order from the top. That leaves three kinds of pieces:

* **title boxes**: the narrow grouping columns read line by line across, so the section,
  the 序号 and the task title interleave (``7推进“放管以政务公开助力促改革8服”改革信息公开``),
  sometimes after the unit cells printed just above them (``市教委市卫生计生委以政务公开…``);
* **measure sentences**, the unit cell's lines spliced into them. Cells are centred in
  their row, so the splice stands where as much of the row's measure comes before it as
  after it: that tells where a row ends when nothing else does;
* **unit cells alone**, at the head of a title box: the cells of the rows just above that
  box, one per row, right-aligned.

Copies of this kind often hold the table twice, one copy behind the other; sentences
printed twice are dropped before this step, and title boxes whose numbers fall behind the
run of numbers (the copy that lags) still name the titles of their numbers but restart no
count. Every row stays ``low_confidence``: the reading is a reconstruction.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from govdisclose.normalize.data import load_data
from govdisclose.normalize.units import is_known, known_matches
from govdisclose.parsers.document import Cell, Row
from govdisclose.parsers.text.spliced_titles import Box, known_sections, split_titles, take_apart

_LONE_ROW = 40  # cost of a row with no unit cell spliced in, in characters of asymmetry
_LONGEST_ROW = 40  # sentences in one row, at most
_BOX_REACH = 60  # title boxes back a chain of rising numbers looks for its last link
_APART = 20  # cost of two sentences that share nothing standing in one row


@dataclass
class Sentence:
    """A measure sentence; ``splice`` is where the unit cell's pieces began and ended in it."""

    text: str
    line: int
    splice: tuple[int, int] | None = None
    names: list[str] = field(default_factory=list)


class PageTop:
    """The header printed again: a page began, and no row's text runs across it."""


@dataclass
class _Row:
    sentences: list[Sentence]
    given: list[list[str]] = field(default_factory=list)  # cells printed alone, handed to this row
    number: int | None = None
    giver: Box | None = None  # the title box whose head printed this row's cell
    rank: int = 0  # which of that box's cells, counted from its last
    claimed: int | None = None  # the number of a lagging title box printed right before it

    @property
    def spliced(self) -> list[str]:
        return [n for s in self.sentences for n in s.names]

    @property
    def has_units(self) -> bool:
        return bool(self.spliced or self.given)


@lru_cache(maxsize=None)
def spliced_chars(key: str) -> frozenset[str]:
    """One of the character lists in cells.yaml ``spliced``."""
    return frozenset(load_data("cells.yaml")["spliced"][key])


# ---------------------------------------------------------------- rows between title boxes

def _segment(run: list[Sentence], cohesion: "_Cohesion") -> list[_Row]:
    """Cut a run of sentences into rows. Each row holds at most one spliced unit cell, which
    stands where as much of the row's measure comes before it as after it (cells are
    centred). Rows with no spliced cell stand only at the run's head or its end (their
    cells are printed at the head of the next title box); sentences that share little cost
    more kept in one row (a row's sentences speak of one thing)."""
    m = len(run)
    upto = [0]  # characters before each sentence
    for s in run:
        upto.append(upto[-1] + len(s.text))
    apart = [0.0]  # cost of keeping the sentences before each one together
    for k in range(m - 1):
        apart.append(apart[-1] + _APART * (1 - cohesion([run[k].text], [run[k + 1].text])))
    spliced_at = [k for k, s in enumerate(run) if s.splice is not None]
    first, last = (spliced_at[0], spliced_at[-1]) if spliced_at else (m, -1)
    best = [0.0] + [math.inf] * m
    back = [0] * (m + 1)
    for j in range(1, m + 1):
        inside: list[int] = []
        for i in range(j - 1, max(-1, j - 1 - _LONGEST_ROW), -1):
            if run[i].splice is not None:
                inside.append(i)
            if len(inside) > 1:
                break
            if inside:
                k = inside[0]
                a, b = run[k].splice  # type: ignore[misc]
                before = upto[k] - upto[i] + a
                after = upto[j] - upto[k] - b
                cost = abs(before - after)
            elif j <= first or i > last:  # the run's head or its end
                cost = _LONE_ROW
            else:
                continue
            cost += apart[j - 1] - apart[i]
            if best[i] + cost < best[j]:
                best[j], back[j] = best[i] + cost, i
        if best[j] == math.inf:  # no reading within reach: the sentence stands as a row
            best[j], back[j] = best[j - 1] + _LONE_ROW, j - 1
    rows: list[_Row] = []
    j = m
    while j > 0:
        i = back[j]
        rows.append(_Row(run[i:j]))
        j = i
    return rows[::-1]


class _Cohesion:
    """How much two sentences share: cosine of their character bigrams weighted by how rare
    each bigram is in the notice (``公开``, ``信息`` say nothing)."""

    def __init__(self, texts: list[str]) -> None:
        self.df: Counter[str] = Counter()
        for t in texts:
            self.df.update(set(self._grams(t)))
        self.n = max(1, len(texts))
        self._vectors: dict[tuple[str, ...], dict[str, float]] = {}  # each text weighed once

    @staticmethod
    def _grams(text: str) -> list[str]:
        han = re.sub(r"[^\u4e00-\u9fff]", "", text)
        return [han[k:k + 2] for k in range(len(han) - 1)]

    def vector(self, texts: list[str]) -> dict[str, float]:
        key = tuple(texts)
        if key not in self._vectors:
            counts = Counter(g for t in texts for g in self._grams(t))
            self._vectors[key] = {g: c * math.log(self.n / self.df[g]) for g, c in counts.items() if self.df[g]}
        return self._vectors[key]

    def __call__(self, left: list[str], right: list[str]) -> float:
        a, b = self.vector(left), self.vector(right)
        dot = sum(v * b.get(g, 0.0) for g, v in a.items())
        na = math.sqrt(sum(v * v for v in a.values()))
        nb = math.sqrt(sum(v * v for v in b.values()))
        return dot / (na * nb) if na and nb else 0.0


def _affinity(texts: list[str], cell: list[str]) -> float:
    """How much of a unit cell's own words a row's text holds: the characters of each name
    that are not scope or office words (市教委 → 教, 市卫生计生委 → 卫生计生), so a unit
    leans to the measure it answers for."""
    text = "".join(texts)
    scores = []
    for name in cell:
        core = [c for c in name if c not in spliced_chars("generic_name_chars")]
        if core:
            scores.append(sum(c in text for c in core) / len(core))
    return sum(scores) / len(scores) if scores else 0.0


def _split(row: _Row, cohesion: "_Cohesion", new: list[str]) -> tuple[float, _Row, _Row] | None:
    """A row of several sentences cut in two, the first part to take the cell ``new`` and the
    second to keep the one it was given: where the sentences on either side share least and
    each part holds most of its own cell's words. Returns the cut's cost with the parts."""
    if len(row.sentences) < 2 or row.spliced:
        return None
    texts = [s.text for s in row.sentences]
    old = row.given[0] if row.given else []

    def cost(k: int) -> float:
        left, right = texts[:k], texts[k:]
        lean = _affinity(left, new) + _affinity(right, old) - _affinity(left, old) - _affinity(right, new)
        return cohesion(texts[k - 1:k], texts[k:k + 1]) - lean

    best, k = min((cost(k), -k) for k in range(1, len(texts)))
    k = -k
    return best, _Row(row.sentences[:k]), _Row(row.sentences[k:], given=row.given)


def _hand_out_cells(seq: list[Box | _Row | PageTop], cohesion: _Cohesion) -> None:
    """Unit cells printed at the head of a title box go, last first, to the rows above it that
    have no unit cell of their own, across at most one other title box and never across a
    page top. Cells left over mean that a row above, printed as one with the next, was two:
    the nearest row of several sentences holding a cell printed alone is cut where its
    sentences share least, and its first part takes the cell."""
    k = 0
    while k < len(seq):
        box = seq[k]
        if not (isinstance(box, Box) and box.cells):
            k += 1
            continue
        cells = list(box.cells)
        reach = []  # the rows the cells may go to, nearest first
        boxes_crossed = 0
        for j in range(k - 1, -1, -1):
            item = seq[j]
            if isinstance(item, PageTop):
                break
            if isinstance(item, Box):
                boxes_crossed += 1
                if boxes_crossed > 1:
                    break
                continue
            reach.append(item)
        for row in reach:
            if cells and not row.has_units:
                _give(row, box, cells)
        while cells:
            cuts = [(cut, row) for row in reach if row.given and not row.spliced
                    and (cut := _split(row, cohesion, cells[-1])) is not None]
            if not cuts:
                break
            (share, first, second), row = min(cuts, key=lambda c: c[0][0])
            at = seq.index(row)
            seq[at:at + 1] = [first, second]
            reach[reach.index(row):reach.index(row) + 1] = [second, first]
            second.giver, second.rank = row.giver, row.rank
            k += 1
            _give(first, box, cells)
        k += 1


def _join_cellless(seq: list[Box | _Row | PageTop]) -> None:
    """Every row of such a table has a unit cell; a row at the head of a run that got none
    (nothing spliced into it, no cell printed for it) is the top of the row after it, when
    the rows up to the next leading title box or page top outnumber the numbers the boxes
    before them print (else it is a row of its own whose cell this copy left out)."""
    k = 0
    while k < len(seq):
        row = seq[k]
        nxt = seq[k + 1] if k + 1 < len(seq) else None
        if not isinstance(row, _Row) or row.has_units or not isinstance(nxt, _Row):
            k += 1
            continue
        if k > 0 and isinstance(seq[k - 1], _Row):
            k += 1  # not at a run's head
            continue
        numbers, j = 0, k - 1
        while j >= 0 and isinstance(seq[j], Box) and seq[j].fresh:  # type: ignore[union-attr]
            numbers += len(seq[j].numbers) or 1  # type: ignore[union-attr]
            j -= 1
        rows = 0
        for item in seq[k:]:
            if isinstance(item, PageTop) or (isinstance(item, Box) and item.fresh):
                break
            rows += isinstance(item, _Row)
        if numbers and rows <= numbers:
            k += 1
            continue
        nxt.sentences[:0] = row.sentences
        del seq[k]


def _give(row: _Row, box: Box, cells: list[list[str]]) -> None:
    row.given = [cells.pop()]
    row.giver, row.rank = box, len(box.cells) - len(cells) - 1


def _mention_spliced(s: Sentence, cell_names: frozenset[str] = frozenset()) -> Sentence:
    """A sentence with nothing spliced into it whose one whole unit name stands where no name
    can (before the rest of a phrase, not after a preposition, not as a subject before 要 /
    负责 / 牵头): the unit cell's one line spliced in. A single name must follow a conjunction
    (…反馈和市审计局整改…) unless the copy prints it as a cell elsewhere (``cell_names``:
    …增值税留抵重庆市税务局退税政策…); a list of names needs neither. Every row of such a table
    has a unit cell, so this is the likelier reading."""
    text = s.text
    runs: list[tuple[int, int, list[str]]] = []  # names in a row, joined by 、
    for a, b in known_matches(text):
        if not is_known(text[a:b]):
            continue
        if runs and runs[-1][1] + 1 == a and text[runs[-1][1]] == "、":
            runs[-1] = (runs[-1][0], b, runs[-1][2] + [text[a:b]])
        else:
            runs.append((a, b, [text[a:b]]))
    found = []
    for a, b, names in runs:
        after = text[b:b + 1]
        if a == 0 or not re.match(r"[\u4e00-\u9fff]", after) or after in spliced_chars("not_after_cell"):
            continue
        before = text[a - 1]
        lone = len(names) == 1 and names[0] not in cell_names
        if (lone and before not in spliced_chars("before_lone_name")) or before in spliced_chars("not_before_cell"):
            continue
        found.append((a, b, names))
    if len(found) != 1:
        return s
    a, b, names = found[0]
    return Sentence(text[:a] + text[b:], s.line, (a, a), names)


# ---------------------------------------------------------------- numbers and titles

def _fresh_boxes(seq: list[Box | _Row | PageTop]) -> None:
    """Title boxes of the copy that leads: the longest chain of rising numbers whose gaps
    agree with the rows printed between them. The others belong to a copy that lags."""
    boxes = [(k, b) for k, b in enumerate(seq) if isinstance(b, Box) and b.numbers]
    if not boxes:
        return
    rows_before = [0]
    for item in seq:
        rows_before.append(rows_before[-1] + isinstance(item, _Row))

    def rows_between(a: int, b: int) -> int:
        return rows_before[b] - rows_before[a + 1]

    n = len(boxes)
    score = [0.0] * n
    prev = [-1] * n
    for j, (kj, bj) in enumerate(boxes):
        score[j] = 1 - 0.2 * abs(rows_between(-1, kj) - (bj.numbers[0] - 1))
        for i in range(max(0, j - _BOX_REACH), j):
            ki, bi = boxes[i]
            if bi.numbers[0] >= bj.numbers[0]:
                continue
            s = score[i] + 1 - 0.2 * abs(rows_between(ki, kj) - (bj.numbers[0] - bi.numbers[0]))
            if s > score[j]:
                score[j], prev[j] = s, i
    j = max(range(n), key=lambda j: score[j])
    chain = set()
    while j >= 0:
        chain.add(j)
        j = prev[j]
    for j, (_, b) in enumerate(boxes):
        b.fresh = j in chain


def _number_rows(seq: list[Box | _Row]) -> None:
    """Numbers from the leading copy's title boxes, the rows after a box taking its numbers in
    turn and counting on (a box that lost its number counts on). The lagging copy's rows
    are left out of the count: a row whose cell a lagging box printed at its head is that
    box's row above (its first number less one, less two …), and a row printed right after
    a lagging box with its own cell spliced in (no repeated sentence between) is the box's
    first row; the count skips a number a lagging box prints."""
    lagging = {b.numbers[0] for b in seq if isinstance(b, Box) and b.numbers and not b.fresh}
    queue: list[int] = []
    last = 0
    for k, item in enumerate(seq):
        if isinstance(item, Box):
            if item.numbers and item.fresh:
                after_box = k > 0 and isinstance(seq[k - 1], Box)  # boxes one after another queue up
                queue = ([q for q in queue if q < item.numbers[0]] if after_box else []) + list(item.numbers)
            elif not item.numbers and item.title and not queue:
                queue = [last + 1]
            nxt = seq[k + 1] if k + 1 < len(seq) else None
            if item.numbers and not item.fresh and not item.then_repeat and isinstance(nxt, _Row) \
                    and nxt.spliced and nxt.giver is None:
                nxt.claimed = item.numbers[0]  # the lagging copy's own row, printed with its cell
            continue
        if item.claimed is not None:
            item.number = item.claimed
            continue
        giver = item.giver
        if giver is not None and not giver.fresh and giver.numbers:
            item.number = giver.numbers[0] - 1 - item.rank
            continue
        if queue:
            item.number = queue.pop(0)
        else:
            n = last + 1
            while n in lagging:
                n += 1
            item.number = n
        last = item.number


def _titles(boxes: list[Box], rows: list[_Row], n_groups: int) -> dict[int, tuple[str | None, str | None]]:
    """number → (section, task). A task holds from its box's numbers until the next task's;
    a section holds the rows nearest to where its text is printed (a merged cell's text is
    centred on its rows), so a section printed with a later task still covers the rows
    above it."""
    sections = known_sections(boxes) if n_groups >= 2 else set()
    interleaved = take_apart([b.title + "。" for b in boxes if b.title]) if n_groups >= 2 else {}
    split = {id(b): split_titles(b, n_groups, sections, set(), interleaved) for b in boxes}
    printed = Counter(t for t in (split[id(b)][1] for b in boxes) if t)
    for b in boxes:  # a task another box prints whole is the likelier reading of an interleaved one
        own = split[id(b)][1]
        others = {t for t, n in printed.items() if n > (t == own)}
        split[id(b)] = split_titles(b, n_groups, sections, others, interleaved)
    numbers = [r.number for r in rows if r.number is not None] + [n for b in boxes for n in b.numbers]
    top = max(numbers, default=0)
    tasks: dict[int, str | None] = {}
    placed: list[tuple[float, str]] = []
    for b in boxes:
        section, task = split[id(b)]
        for num in b.numbers:
            tasks.setdefault(num, task)
        if section and (at := b.position(section)) is not None:
            placed.append((at, section))
    out: dict[int, tuple[str | None, str | None]] = {}
    task: str | None = None
    for num in range(1, top + 1):
        if num in tasks:
            task = tasks[num]
        section = min(placed, key=lambda p: (abs(p[0] - num), p[0]))[1] if placed else None
        out[num] = (section, task)
    return out


def build_rows(items: list[Box | Sentence | PageTop], roles: list[str | None]) -> list[Row]:
    """Title boxes and sentences in reading order → grid rows (see the module docstring)."""
    n = len(roles)
    unit_col = next((i for i, r in enumerate(roles) if r == "responsible"), None)
    if unit_col is None:
        unit_col = next((i for i, r in enumerate(roles) if r == "lead"), None)
    measure_col = next((i for i, r in enumerate(roles) if r == "measure"), None)
    if measure_col is None:
        measure_col = max(i for i, r in enumerate(roles) if r == "group")
    item_col = next((i for i, r in enumerate(roles) if r == "item_no"), None)
    group_cols = [i for i, r in enumerate(roles) if r == "group" and i != measure_col]

    cell_names = frozenset(n for it in items for n in (it.names if isinstance(it, Sentence) else
                                                        [u for c in it.cells for u in c] if isinstance(it, Box) else []))
    sentences = [_mention_spliced(it, cell_names) if isinstance(it, Sentence) and it.splice is None else it
                 for it in items]
    cohesion = _Cohesion([it.text for it in sentences if isinstance(it, Sentence)])
    marked: list[Box | _Row | PageTop] = []
    run: list[Sentence] = []
    for it in sentences + [None]:  # type: ignore[list-item]
        if isinstance(it, Sentence):
            run.append(it)
            continue
        if run:
            marked.extend(_segment(run, cohesion))
            run = []
        if it is not None:
            marked.append(it)
    _hand_out_cells(marked, cohesion)
    _fresh_boxes([x for x in marked if not isinstance(x, PageTop)])
    _join_cellless(marked)
    seq = [x for x in marked if not isinstance(x, PageTop)]
    _number_rows(seq)
    for k, item in enumerate(seq):  # a title box that lost its number names the row after it
        if isinstance(item, Box) and not item.numbers and item.title:
            nxt = next((r for r in seq[k + 1:] if isinstance(r, _Row)), None)
            if nxt is not None and nxt.number is not None:
                item.numbers = [nxt.number]
    rows = [r for r in seq if isinstance(r, _Row)]
    boxes = [b for b in seq if isinstance(b, Box)]
    titles = _titles(boxes, rows, len(group_cols))

    out: list[Row] = []
    for item in rows:
        measure = "".join(s.text.strip() for s in item.sentences)
        if not measure:
            continue
        cells = [Cell() for _ in range(n)]
        cells[measure_col] = Cell.of(measure)
        names = item.spliced + [u for cell in item.given for u in cell]
        if unit_col is not None:
            cells[unit_col] = Cell.of("、".join(dict.fromkeys(names)))
        if item_col is not None and item.number is not None:
            cells[item_col] = Cell.of(str(item.number))
        section, task = titles.get(item.number or 0, (None, None))
        heads = [section, task] if len(group_cols) >= 2 else [task]
        for col, title in zip(group_cols[::-1], heads[::-1]):
            cells[col] = Cell.of(title)
        out.append(Row(cells=cells, index=len(out) + 1, line=item.sentences[0].line, flags=["low_confidence"]))
    return out
