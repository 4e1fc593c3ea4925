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
from dataclasses import dataclass

from govdisclose.normalize.units import ends_like_unit, in_word_scope, is_known, only_name_from, starts_known
from govdisclose.normalize.words import breaks_word, first_word
from govdisclose.parsers.document import Cell, Row, Table
from govdisclose.parsers.text.spliced_rows import PageTop, Sentence, build_rows, spliced_chars
from govdisclose.parsers.text.spliced_titles import Box, as_box, counted
from govdisclose.shape.header import header_words, names_a_table, resolve_roles

Lines = list[tuple[int, str]]

_SENTENCE_LINES = 0.6  # share of lines ending a sentence in a copy cut at sentence ends
_MIN_LINE = 150  # median line length of a copy with no line structure left
_MAX_GAP = 40  # measure text between two pieces of one unit cell, at most


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
    """A cell line ending in ``、`` goes on in the next piece: where the next name starts,
    whole (``市财政局``) or cut at the column edge and finished a line further on
    (``各区县（自治县）人`` … ``民政府``)."""
    for r in _gaps(after, len(s), gap):
        if "。" in s[after:r]:
            return None
        if _known_end(s, r) is not None:
            return r
        cut = _prefix_end(s, r)
        if cut - r >= 4 and _completion(s, s[r:cut], cut, r - after) is not None:
            return r
    return None


def _chain(s: str, p: int) -> tuple[list[tuple[int, int]], list[str], set[int]] | None:
    """The unit cell starting at ``p``: its pieces (spans of ``s``), the names they spell
    and where a name opens another cell (two cells printed with nothing between them,
    ``…市国税局市发展改革委``). A piece ends where the cell's line ended: after a separator,
    after a name, or inside a name (finished by the next piece, a measure line further on)."""
    spans: list[tuple[int, int]] = []
    names: list[str] = []
    breaks: set[int] = set()
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
        done = None
        # the longest start of a name first, then shorter ones (市资 starts 市资源规划局, but the
        # line may have ended after 市, finished by 财政局 a line further on)
        for short in range(cut, max(end or pos, pos + least - 1), -1):
            if _names_ahead(s, short) and (done := _completion(s, s[pos:short], short, gap)) is not None:
                cut = short
                break
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
        elif names and s[pos - 1] == "、" and cut - pos >= 4 and (whole := only_name_from(s[pos:cut])):
            names.append(whole)  # the cell's last line cut inside a name whose rest was not printed here
            pos = cut
            break
        else:
            break
        if pos < len(s) and s[pos] == "、":
            pos += 1
        elif pos < len(s) and (_known_end(s, pos) or _prefix_end(s, pos) - pos >= 3):
            breaks.add(len(names))  # names glued together (…市国税局市发展改革委): the next cell
            continue
        else:
            break
    if not names:
        return None
    spans.append((start, pos))
    return spans, names, breaks


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


@dataclass
class Splice:
    """Unit text taken out of a sentence: where its first and last pieces stood in the
    text left over, and its names by cell (more than one cell when cells were printed one
    after another with nothing between them)."""

    start: int
    end: int
    cells: list[list[str]]

    @property
    def names(self) -> list[str]:
        return [n for cell in self.cells for n in cell]


def pull_cells(s: str) -> tuple[str, list[Splice]]:
    """Text → (the text with spliced unit cells taken out, each splice). A cell may run on
    past the end of a sentence."""
    keep: list[str] = []
    found_cells: list[Splice] = []
    kept = pos = last = 0
    while pos < len(s):
        found = _chain(s, pos) if starts_known(s[pos:pos + 2]) and not in_word_scope(s, pos) else None
        if found is not None and _spliced(s, found[0], found[1]):
            spans, names, breaks = found
            cells: list[list[str]] = []
            for k, name in enumerate(names):
                if not cells or k in breaks:
                    cells.append([])
                cells[-1].append(name)
            start = kept + spans[0][0] - last
            for a, b in spans:
                keep.append(s[last:a])
                kept += a - last
                last = b
            found_cells.append(Splice(start, kept, cells))
            pos = spans[-1][1]
            continue
        pos += 1
    keep.append(s[last:])
    return "".join(keep), found_cells


def pull_units(s: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """Text → (the text with spliced unit cells taken out, each cell's names with where the
    cell began in the returned text)."""
    clean, splices = pull_cells(s)
    return clean, [(sp.start, sp.names) for sp in splices]


def _sentences(text: str) -> list[str]:
    return [x for x in re.findall(r"[^。]*。|[^。]+$", text) if x.strip()]


def spliced_table(lines: Lines) -> tuple[Lines, Table] | None:
    """Rebuild the rows of a copy with no line structure (see the module docstring)."""
    texts = [l.strip() for _, l in lines if l.strip()]
    # no line structure left: long lines, or lines cut only where sentences end
    if not texts or (sorted(len(t) for t in texts)[len(texts) // 2] < _MIN_LINE
                     and sum(t.endswith("。") for t in texts) < _SENTENCE_LINES * len(texts)):
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
    kept: list[tuple[str, int, bool]] = []  # sentences printed once, their source lines, page tops
    pos = b
    page_top = False
    repeated_after: set[str] = set()  # sentences a repeat was printed right after
    for sent in _sentences(text[b:]):
        start = pos
        pos += len(sent)
        if head in sent:  # a page top printed again: title and header before this row text
            sent = sent[sent.rfind(head) + len(head):]
            page_top = True
        key = re.sub(r"\s+", "", sent)
        if key and key not in seen:
            seen.add(key)
            kept.append((sent, line_of(start), page_top))
            page_top = False
        elif key and kept and kept[-1][0] not in repeated_after:
            repeated_after.add(kept[-1][0])
    rows = build_rows(_items(kept, repeated_after), roles)
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


def _items(kept: list[tuple[str, int, bool]], repeated_after: set[str]) -> list[Box | Sentence | PageTop]:
    """Sentences printed once, in order → title boxes and measure sentences with the unit
    cells spliced into them taken out, and where a page began (the header printed again).
    A number glued to a sentence's start after a title box is that box's last number (its
    序号 column read on past the titles); anywhere else it opens a row."""
    clean, splices = pull_cells("".join(t for t, _, _ in kept))
    items: list[Box | Sentence | PageTop] = []
    offset = at = 0
    last_number: int | None = None  # the last item number a title box printed
    for sent, (printed, line, page_top) in zip(_sentences(clean), kept):  # taking names out leaves every 。
        start, end = offset, offset + len(sent)
        offset = end
        if page_top:
            items.append(PageTop())
        while at < len(splices) and splices[at].start < start:
            at += 1
        inside = []
        while at < len(splices) and splices[at].start < end:
            inside.append(splices[at])
            at += 1
        box = as_box(sent, [c for sp in inside for c in sp.cells], line, last_number)
        if box is not None:
            box.then_repeat = printed in repeated_after
            items.append(box)
            last_number = box.numbers[-1] if box.numbers else last_number
            continue
        text = _without_stray_tail(sent)
        glued = re.match(r"^(\d{1,8})(?=[\u4e00-\u9fff（“])", text)
        if glued and not (len(glued.group(1)) <= 2 or (items and isinstance(items[-1], Box))):
            glued = None  # a long number opens no row unless it is a box's numbers read on
        shift = 0
        if glued:
            shift = glued.end()
            if items and isinstance(items[-1], Box):
                box = items[-1]
                box.numbers += counted(glued.group(1), box.numbers[-1] if box.numbers else None) or []
            else:
                items.append(Box([int(glued.group(1))], "", [], [], line))
            last_number = items[-1].numbers[-1] if items[-1].numbers else last_number  # type: ignore[union-attr]
            text = text[shift:]
        splice = None
        if inside:
            splice = (max(0, inside[0].start - start - shift), max(0, min(inside[-1].end - start - shift, len(text))))
        items.append(Sentence(text, line, splice, [n for sp in inside for n in sp.names]))
    return items


def _without_stray_tail(text: str) -> str:
    """A sentence opening with a unit name's last character on a word of its own (``办围绕年内
    实现…``: the cell's last line, 市政府法制 / 办, read onto the next sentence) loses it."""
    if len(text) > 2 and text[0] in spliced_chars("name_tails") and first_word(text) == text[0] \
            and not starts_known(text[:2]):
        return text[1:]
    return text
