"""Title boxes of a spliced copy: item numbers, sections and tasks.

A viewer that reads a table as text boxes reads the narrow grouping columns line by line
across, so a box holds the section's lines, the 序号 column and the task's lines
interleaved (``7推进“放管以政务公开助力促改革8服”改革信息公开``), sometimes after unit cells
printed alone just above it. Numbers printed one after another run together (``9101112``).
A section is told from its task where a box prints it cleanly (before a numbered task, or
before a task verb when another box backs it) and is then taken out of the boxes that
interleave it. Where no box prints it cleanly, the boxes are taken apart line by line:
each column prints lines of one width, so the section is the text whose runs, set among
whole task lines, leave a task that opens with a task verb and ends the box; of those
readings, the section read in several boxes and the one that mends the words the lines
cut (jieba leaves fewer stray characters) wins.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from govdisclose.normalize.words import tokens
from govdisclose.shape.celltypes import task_openers

_MAX_TITLE = 40  # a title box's text without its numbers, at most
_DIGITS = re.compile(r"(?<![\d.．年月])(\d{1,8})(?![\d年月日%％.．个项家名])")


@dataclass
class Box:
    """A title box: the numbers and titles read across the grouping columns, and the unit
    cells printed at its head (the rows above it)."""

    numbers: list[int]
    title: str
    parts: list[str]
    cells: list[list[str]]
    line: int
    fresh: bool = True
    then_repeat: bool = False  # a sentence printed before came right after this box
    raw: str = ""  # the text as printed, numbers in place
    number_at: list[tuple[int, int]] = field(default_factory=list)  # (offset in raw, number)

    def position(self, text: str) -> float | None:
        """Where ``text`` (a section printed in this box) stands among the box's numbers, in
        row numbers: between two numbers, or a little before the first / after the last."""
        if not self.number_at or not text:
            return None
        at = self.raw.find(text[:2])
        if at < 0:
            return None
        before = [n for off, n in self.number_at if off < at]
        after = [n for off, n in self.number_at if off >= at]
        if before and after:
            return (before[-1] + after[0]) / 2
        return after[0] - 0.25 if after else before[-1] + 0.25


def numbers_in(text: str, after: int | None = None) -> list[tuple[int, int, list[int]]]:
    """Item numbers in a title box: (start, end, numbers). Numbers printed one after another
    run together: a run of digits is read as a count when it goes on from the number before
    it (``1 … 23`` → 1, 2, 3) or is too long to be one number (``9101112`` → 9 … 12)."""
    out = []
    for m in _DIGITS.finditer(text):
        found = counted(m.group(1), after)
        if found:
            out.append((m.start(), m.end(), found))
            after = found[-1]
    return out


def counted(run: str, after: int | None = None) -> list[int] | None:
    """A run of digits as item numbers: consecutive numbers written with nothing between when
    it goes on from ``after`` or is longer than two digits; else one number."""
    firsts = [str(after + 1)] if after is not None and run.startswith(str(after + 1)) else []
    if len(run) > 2:
        firsts += [run[:1], run[:2]]
    for first in firsts:
        n, pos, found = int(first), len(first), [int(first)]
        while pos < len(run):
            nxt = str(n + 1)
            if not run.startswith(nxt, pos):
                break
            n, pos = n + 1, pos + len(nxt)
            found.append(n)
        if pos == len(run):
            return found
    return [int(run)] if len(run) <= 2 else None


def as_box(text: str, cells: list[list[str]], line: int, after: int | None = None) -> Box | None:
    """A piece read as a title box: item numbers and a title's length, no comma; or unit cells
    printed alone before a short title. ``after`` is the last number printed before it."""
    bare = text.strip().rstrip("。")
    found = numbers_in(bare, after)
    title_parts, last = [], 0
    for a, b, _ in found:
        title_parts.append(bare[last:a])
        last = b
    title_parts.append(bare[last:])
    parts = [p for p in title_parts if p]
    title = "".join(parts)
    if "，" in title or "；" in title or len(title) > _MAX_TITLE:
        return None
    if not found and not (cells and title):
        return None
    if not found and len(title) > _MAX_TITLE * 3 // 4:
        return None
    return Box([n for _, _, ns in found for n in ns], title, parts, cells, line, raw=bare,
               number_at=[(a, n) for a, _, ns in found for n in ns])


def split_titles(box: Box, n_groups: int, sections: set[str], tasks: set[str],
                 interleaved: dict[str, tuple[str, str]] | None = None) -> tuple[str | None, str | None]:
    """(section, task) of a box whose grouping columns interleave: a known section taken out
    of the text in order (its pieces wherever the lines fell), else a cut where a numbered
    part opens a task (``以政务公开助力促改革 | 17 | 推进财税…``) or where a task verb follows a
    section's words (``增强政务公开实效 | 依法规范…``)."""
    title = box.title
    if not title:
        return None, None
    if n_groups < 2:
        return None, title
    best: tuple[int, str, str] | None = None
    for section in sections:
        rest = _take_out(title, section, tasks)
        if rest is not None and (best is None or rest[0] < best[0]):
            best = (rest[0], section, rest[1])
    if best is not None:
        return best[1], best[2] or None
    cut = _section_cut(box)
    if cut is not None and cut[0] in sections:
        return cut[0], cut[1]
    if interleaved and (read := interleaved.get(box.title + "。")):
        return read[0], read[1].rstrip("。") or None
    return None, title


_HANGING = "、，。；：）》”’"  # may stand past a line's end
_NARROW = set("“”‘’")  # half as wide as a character in most CJK faces
_MAX_READINGS = 400  # readings of one box at one pair of widths, at most
_MIN_SECTION = 4  # characters a section has, at least
_FREE_CHARS = set("的和与及、，。“”（）()")  # one-character words that say nothing of a cut


def _char_width(c: str) -> float:
    return 0.5 if c in _NARROW else 1.0


def _width(text: str) -> float:
    return sum(map(_char_width, text))


@lru_cache(maxsize=65536)
def _full_lines(run: str, width: int) -> bool:
    """Whether ``run`` is whole lines of ``width`` (a line one hanging mark wider, a narrow
    quote half a character)."""
    lines = 0
    pos = 0
    while pos < len(run):
        end, used = pos, 0.0
        while end < len(run) and used + _char_width(run[end]) <= width:
            used += _char_width(run[end])
            end += 1
        while end < len(run) and run[end] in _HANGING:
            end += 1
        if used < width - 0.5:
            return False
        pos, lines = end, lines + 1
    return lines > 0


def interleaved_readings(text: str, ws: int, wt: int) -> list[tuple[str, str]]:
    """(section, task) for every way ``text`` is a section's lines of width ``ws`` set among a
    task's lines of width ``wt``: the columns' runs of lines alternate, every run but each
    column's last is whole lines, the task opens with a task verb and its last run ends the
    text (its 。), the section does not open with one."""
    openers = task_openers()
    n = len(text)
    out: list[tuple[str, str]] = []
    widths = {"s": ws, "t": wt}

    def walk(pos: int, col: str, done: dict[str, bool], got: dict[str, str]) -> None:
        if len(out) >= _MAX_READINGS:
            return
        other = "t" if col == "s" else "s"
        opens = text.startswith(openers, pos)
        if not got[col] and (opens if col == "s" else not opens):
            return
        for end in range(pos + 1, n + 1):
            run = text[pos:end]
            # the column's last run: whole lines and one line no wider
            if (col == "t") == (end == n) and _full_lines_prefix(run, widths[col]):
                now = {**done, col: True}
                part = {**got, col: got[col] + run}
                if end == n and now[other]:
                    if len(part["s"]) >= _MIN_SECTION:
                        out.append((part["s"], part["t"]))
                elif end < n and not now[other]:
                    walk(end, other, now, part)
            # whole lines, the column going on after the other's run
            if end < n and not done[other] and _full_lines(run, widths[col]):
                walk(end, other, done, {**got, col: got[col] + run})

    walk(0, "t" if text.startswith(openers) else "s", {"s": False, "t": False}, {"s": "", "t": ""})
    return out


@lru_cache(maxsize=65536)
def _full_lines_prefix(run: str, width: int) -> bool:
    """Whether ``run`` is whole lines of ``width`` and then one line no wider (that holds
    more than punctuation)."""
    if not run.strip(_HANGING):
        return False
    for cut in range(len(run) - 1, -1, -1):
        if not run[cut:].strip(_HANGING):
            continue
        if _width(run[cut:].rstrip(_HANGING)) > width:
            break
        if cut == 0 or _full_lines(run[:cut], width):
            return True
    return False


def take_apart(titles: list[str]) -> dict[str, tuple[str, str]]:
    """(section, task) for each box title (ending in its 。) that reads as a section set
    among a task at some pair of column widths; of its readings, the section read in the
    most boxes, then the reading whose parts read most as words, is the likelier one. A
    title is taken apart only when its section is read in two boxes or more and taking it
    out mends words the line breaks cut."""
    distinct = list(dict.fromkeys(t for t in titles if t))
    readings: dict[str, set[tuple[str, str]]] = {}
    for title in distinct:
        got: set[tuple[str, str]] = set()
        for ws in range(4, 13):
            for wt in range(3, 9):
                got.update(interleaved_readings(title, ws, wt))
        readings[title] = got
    seen: Counter[str] = Counter(s for got in readings.values() for s in {s for s, _ in got})
    openers = task_openers()

    def loose(*texts: str) -> int:
        """Words cut apart: one-character pieces that say something on their own."""
        return sum(1 for x in texts for tok in tokens(x) if len(tok) == 1 and tok not in _FREE_CHARS)

    def score(reading: tuple[str, str]) -> float:
        section, task = reading
        verbs = sum(1 for tok in tokens(section)[1:] if tok in openers)
        return min(seen[section], 3) + len(section) / 20 - loose(section, task) - 2 * verbs

    out: dict[str, tuple[str, str]] = {}
    for title, got in readings.items():
        if not got:
            continue
        best = max(got, key=lambda r: (score(r), len(r[0])))
        # a section printed in several boxes, and taking it out mends words the lines cut
        if seen[best[0]] >= 2 and loose(*best) < loose(title):
            out[title] = best
    return out


def known_sections(boxes: list[Box]) -> set[str]:
    """Sections the boxes print cleanly. Before a numbered task (``以政务公开助力促改革 | 17 |
    推进…``) a section is sure. Cut before a task verb alone (``增强政务公开实效 | 依法规范…``)
    it may be a task's first line with the section set inside the rest, so it counts only
    when another box backs it: printed again, or opening as a sure section does (sections
    of one table are worded alike: 以政务公开助力稳增长 / …调结构)."""
    sure: set[str] = set()
    verb_cut: Counter[str] = Counter()
    for b in boxes:
        cut = _section_cut(b)
        if cut is None:
            continue
        if cut[2]:
            sure.add(cut[0])
        else:
            verb_cut[cut[0]] += 1
    backed = {s for s, n in verb_cut.items()
              if n >= 2 or any(_shared_opening(s, x) for x in sure)}
    found = sure | backed
    return {x for x in found if not any(y != x and y.startswith(x) for y in found)}


def _shared_opening(a: str, b: str) -> bool:
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= 4 and k < min(len(a), len(b))


def _section_cut(box: Box) -> tuple[str, str, bool] | None:
    """(section, task, cut at a number) of a box that prints its section before its task."""
    openers = task_openers()
    parts = box.parts
    if len(parts) >= 2 and not parts[0].startswith(openers) and parts[1].startswith(openers) \
            and len(parts[0]) >= 4:
        return parts[0], "".join(parts[1:]), True
    title = box.title
    if title.startswith(openers):
        return None
    for k in range(4, len(title) - 3):
        if title.startswith(openers, k):
            return title[:k], title[k:], False
    return None


def _take_out(title: str, section: str, tasks: set[str]) -> tuple[int, str] | None:
    """The text left when ``section`` is taken out of ``title`` in at most three pieces, with
    how many pieces it took; a rest that is a task printed elsewhere is preferred."""
    best: tuple[int, str] | None = None

    def walk(pos: int, need: str, kept: str, pieces: int) -> None:
        nonlocal best
        if not need:
            rest = kept + title[pos:]
            score = pieces - (10 if rest in tasks else 0)
            if best is None or score < best[0]:
                best = (score, rest)
            return
        if pieces >= 3:
            return
        for start in range(pos, len(title)):
            size = 0
            while start + size < len(title) and size < len(need) and title[start + size] == need[size]:
                size += 1
            for take in range(size, 1, -1):
                if take < len(need) and len(need) - take < 2:
                    continue
                walk(start + take, need[take:], kept + title[pos:start], pieces + 1)

    walk(0, section, "", 0)
    if best is None or best[1] == title:
        return None
    return best
