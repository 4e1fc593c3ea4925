"""Run-together rows and column dumps (a Word table flattened badly, as seed 000).

A row's cells stand on one line separated by spaces: headings first (一、…, （一）…),
then the measure, then the unit cells at the end of the line, recognised by the
unit dictionary. Where the flattening dumped whole columns instead, lines of
measures without units are followed by a block of unit-only lines (the lead
column, then the responsible column, ``—`` for empty); those are re-zipped with
the waiting measures by count and order, and the rows are flagged
``reconstructed_from_column_flow``. Headings printed as a block ahead of their
measures are handed out in order, the next one whenever item numbering restarts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdisclose.normalize.units import cell_runs_on, ends_like_unit, is_collective, is_known, starts_known
from govdisclose.parsers.document import Cell, Row, Table
from govdisclose.parsers.text.layout import _header_spans
from govdisclose.shape.header import resolve_roles
from govdisclose.shape.numbering import SECTION_RE, TASK_RE

Lines = list[tuple[int, str]]
_SPACES = re.compile(r"[ \u3000\xa0]+")
_EMPTY = {"—", "——", "-", "－", "/", "无"}
_ITEM_START = re.compile(r"^\s*(\d{1,2})\s*[.．、﹒]")


def _unit_token(tok: str) -> bool:
    tok = tok.strip()
    if tok in _EMPTY:
        return True
    if not tok or re.search(r"[。；：“”《》>]", tok) or len(tok) > 120:
        return False
    parts = [p for p in re.split(r"[、，,；;]", tok) if p]
    return bool(parts) and all(ends_like_unit(p) or is_known(p) for p in parts)


class _H:
    """A heading's text, shared by every row under it so a title completed later reaches them all."""

    def __init__(self, s: str = "") -> None:
        self.s = s

    def __bool__(self) -> bool:
        return bool(self.s)


@dataclass
class _Pending:
    line: int
    section: _H = field(default_factory=_H)
    task: _H = field(default_factory=_H)
    measure: str = ""
    lead: str | None = None
    resp: str | None = None
    flags: list[str] = field(default_factory=list)


def looks_like_runs(lines: Lines) -> bool:
    """Enough long lines end in unit cells after a space for this to be run-together rows."""
    long = [l for _, l in lines if len(l.strip()) > 30]
    if len(long) < 3:
        return False
    wrapped = sorted(len(l.strip()) for _, l in lines if len(l.strip()) > 20)
    if wrapped[int(len(wrapped) * 0.8)] <= 45:
        return False  # lines cut at a column's width (pdftotext -raw), not whole rows
    ending = sum(1 for l in long if _unit_token(_SPACES.split(l.strip())[-1]) and len(_SPACES.split(l.strip())) > 1)
    return ending >= 0.25 * len(long)


def runs_table(lines: Lines) -> tuple[Lines, Table] | None:
    header_idx = next((k for k, (_no, l) in enumerate(lines) if _header_spans(l)), None)
    if header_idx is None:
        return None
    spans = _header_spans(lines[header_idx][1]) or []
    words = [w for _, _, w in spans]
    roles = resolve_roles(words)
    if "measure" not in roles:
        return None
    body = [(no, l.strip()) for no, l in lines[header_idx + 1:] if l.strip()]
    if not looks_like_runs(body):
        return None
    n_units = sum(1 for r in roles if r in ("lead", "responsible"))
    rows: list[_Pending] = []
    waiting: list[_Pending] = []  # measures whose units come later, in a column dump
    dump: list[str] = []
    headings: list[tuple[str, str]] = []  # (level, text) printed ahead of their measures
    section, task = _H(), _H()
    last_item = 0

    def flush_dump() -> None:
        nonlocal dump, waiting
        if not dump or not waiting:
            dump = []
            return
        if n_units >= 2:
            cut = _dump_cut(dump, len(waiting))
            leads, resps = dump[:cut], dump[cut:]
        else:
            leads, resps = [], dump[-len(waiting):]
        # a merged cell is printed once: a shorter column block leaves some rows to share
        # the value above them; which ones is guessed from the measures naming the unit
        for vals, attr in ((leads, "lead"), (resps, "resp")):
            for row, v in zip(waiting, _spread(vals, waiting)):
                setattr(row, attr, v)
        for r in waiting:
            r.flags.append("reconstructed_from_column_flow")
        dump, waiting = [], []

    carry: str | None = None  # a unit cell printed at the end of the line above, for this row
    title_wanted = False  # a bare （一） whose title follows on the next lines
    fresh_block = False  # headings were just printed as a block: the next measure takes the first
    section_wanted = False  # a section title too short to be whole: its rest starts the next line
    reassign: _H | None = None
    for idx, (no, line) in enumerate(body):
        line = re.sub(r"(?<=[^\s—])—\s*$", " —", line)  # "…各部门—": two cells glued
        toks = _SPACES.split(line)
        if all(_unit_token(t) for t in toks) and len(toks) <= n_units:
            dump.extend(toks)
            continue
        if dump:
            flush_dump()
        units: list[str] = []
        while toks and len(units) < n_units + 1 and len(toks) > 1 and _unit_token(toks[-1]):
            units[0:0] = _split_glued_cells(toks.pop())
        if units and len(units) < n_units and len(toks) > 1 and _cut_name(toks[-1]) and toks[-2].endswith("。"):
            units.insert(0, toks.pop())  # a unit cell cut by the flattening (…栏目。 市政 | 各区县政府)
        extra = None
        if len(units) > n_units:
            extra = units.pop()
        text = " ".join(toks)
        # the rest of a short section title cut off in the line above
        if section_wanted and toks and len(toks) > 1 and len(toks[0]) <= 8 and not _is_heading_or_item(toks[0]):
            section.s += toks.pop(0)
            text = " ".join(toks)
        section_wanted = False
        # a title for the bare heading above: the short first piece of this line
        if title_wanted and toks and not _is_heading_or_item(toks[0]) and len(toks[0]) <= 16:
            task.s += toks[0]
            text = " ".join(toks[1:])
            title_wanted = not task.s.endswith("。")
        # headings at the start of the line
        while True:
            m = SECTION_RE.match(text)
            if m and m["title"].strip():
                head, _, rest = text.partition(" ")
                section = _H(head)
                section_wanted = len(SECTION_RE.match(head)["title"].strip()) <= 6  # type: ignore[index]
                reassign = task  # settled once the line's own task heading (if any) is read
                text = rest
                continue
            m = TASK_RE.match(text)
            if m:
                head, rest = _split_heading(text)
                if not m["title"].strip() or not TASK_RE.match(head)["title"].strip():  # type: ignore[index]
                    task, text, title_wanted = _H(head), rest, True  # a bare （七）: its title follows
                    continue
                if headings or (not rest and not units):
                    headings.append(("task", head))  # a block of headings ahead of their measures
                    fresh_block = True
                    text = rest
                    if not rest:
                        break
                    continue
                task, text = _H(head), rest
                title_wanted = not TASK_RE.match(head)["title"].strip()  # type: ignore[index]
                continue
            break
        if reassign is not None and task is reassign:
            # a task never straddles two sections: its rows printed above this (vertically
            # centred) section heading belong to the new section too
            for r in rows:
                if r.task is task:
                    r.section = section
        reassign = None
        frag = re.match(r"^(\S{1,3}。)\s*", text)  # the tail of a heading cut off in the line above
        if frag:
            if title_wanted:
                task.s += frag.group(1)
                title_wanted = False
            text = text[frag.end():]
        text = text.strip()
        if not text:
            continue
        m = _ITEM_START.match(text)
        prev = rows[-1] if rows else None
        if prev is not None and not m and prev in waiting and not prev.measure.endswith(("。", "；")) and not units:
            prev.measure += text  # the measure runs on over the next line
            continue
        # the next item of a numbered list stays in its row (one cell held 1．2．3．)
        if m and prev is not None and prev in waiting and int(m.group(1)) == last_item + 1 and last_item > 0:
            prev.measure += text
            last_item += 1
            continue
        restart = False
        if m is not None and int(m.group(1)) == 1 and any(r.task is task for r in rows):
            # as many numbered lists still to come (this one included) as headings queued:
            # each list opens the next heading
            restart = 1 + _lists_ahead(body, idx) <= len(headings)
        if headings and (not rows or fresh_block or restart):
            task = _H(headings.pop(0)[1])
        fresh_block = False
        if m:
            last_item = max(int(n) for n in re.findall(r"(?:^|[。；\s])(\d{1,2})\s*[.．、﹒]", text) or [m.group(1)])
        else:
            last_item = 0
        row = _Pending(no, section, task, text)
        if units and waiting and not dump:
            # rows still waiting when units come back on the line: their units were lost
            # in the flattening (glued to a neighbour); keep them, but say so
            for w in waiting:
                w.flags.append("low_confidence")
            waiting = []
        if units:
            if len(units) == 1 and n_units >= 2:
                row.resp = units[0]
                row.lead = rows[-1].lead if rows else None
            else:
                row.lead, row.resp = (units[0], units[1]) if n_units >= 2 else (None, units[0])
        elif carry is not None:
            row.resp = carry
            row.lead = rows[-1].lead if rows else None
        else:
            waiting.append(row)
        carry = extra
        rows.append(row)
    # rows above the first heading sat beside a merged cell printed lower down
    first_section = next((r.section for r in rows if r.section), _H())
    first_task = next((r.task for r in rows if r.task), _H())
    for r in rows:
        if r.section or r.task:
            break
        r.section, r.task = first_section, first_task
    flush_dump()
    _mend_cut_names(rows)
    # the grid: two grouping columns (section, task), then the header's other columns
    rest = [(w, r) for w, r in zip(words, roles) if r != "group"]
    header = ["工作任务", "工作任务"] + [w for w, _ in rest]
    grid = [Row(cells=[Cell.of(w) for w in header], index=0, line=lines[header_idx][0])]
    for r in rows:
        cells = [Cell.of(r.section.s), Cell.of(r.task.s)]
        for _w, role in rest:
            if role == "measure":
                cells.append(Cell.of(r.measure))
            elif role == "lead":
                cells.append(Cell.of(r.lead or ""))
            elif role == "responsible":
                cells.append(Cell.of(r.resp or ""))
            else:
                cells.append(Cell())
        grid.append(Row(cells=cells, index=len(grid), line=r.line, flags=r.flags))
    before = [(no, l.strip()) for no, l in lines[:header_idx] if l.strip()]
    return before, Table(rows=grid, index=0, flags=["runs"])


def _cut_name(tok: str) -> bool:
    """The start of a known unit name, not a name itself (``市政``, ``市司``): a unit cell the
    flattening cut, its rest printed further down."""
    return len(tok) >= 2 and not is_known(tok) and bool(starts_known(tok))


def _dump_cut(dump: list[str], n_rows: int) -> int:
    """Where a dumped lead column ends and the responsible column starts. Neither column
    holds more cells than there are rows; a merged cell is printed once, so either may
    hold fewer. The responsible column opens at the first cell naming a collective
    (各区县政府、…: rarely a lead) when no lead cell before it names one; otherwise the
    responsible column is taken as full, one cell a row."""
    full = max(0, len(dump) - n_rows)  # the responsible column one cell a row
    first = next((k for k, tok in enumerate(dump)
                  if any(is_collective(u) for u in re.split(r"[、，,；;]", tok))), None)
    if first is not None and 0 < first and full <= first <= n_rows:
        return first
    return full


def _mend_cut_names(rows: list[_Pending]) -> None:
    """A unit name cut by the flattening (``市司`` at a column's end, ``法局`` on a later
    line): a cell ending in the start of a known name, the same column's next cell
    opening with its rest, is one merged cell printed across the break, so both rows
    hold the whole name. A heading printed between the two pieces lies inside that
    cell's rows (a merged heading is centred on its own rows), so the row above the
    heading belongs to the heading's group."""
    for k, (above, here) in enumerate(zip(rows, rows[1:])):
        for attr in ("lead", "resp"):
            a, b = getattr(above, attr), getattr(here, attr)
            if not a or not b:
                continue
            head = re.split(r"[、，,；;]", a)[-1]
            tail = re.split(r"[、，,；;]", b)[0]
            if not cell_runs_on(a, b) or is_known(head) or is_known(tail):  # both pieces cut, neither a name
                continue
            whole = a + b
            setattr(above, attr, whole)
            for row in rows[k + 1:]:  # the rows the merged cell's rest was carried to
                if getattr(row, attr) != b:
                    break
                setattr(row, attr, whole)
            if above.task is not here.task or above.section is not here.section:
                above.section, above.task = here.section, here.task


def _split_glued_cells(token: str) -> list[str]:
    """Two unit cells printed with nothing between them (``各区县政府各区县政府、市商务委``):
    where two known names meet with no separator, a cell ends."""
    from govdisclose.normalize.units import split_glued

    pos = 0
    for part in re.split(r"([、，,；;])", token):
        if part and part not in "、，,；;":
            names, flags = split_glued(part)
            if "units_split_by_dictionary" in flags and len(names) >= 2 and "unknown_unit" not in flags:
                cut = pos + len(names[0])
                return [token[:cut], token[cut:]]
        pos += len(part)
    return [token]


def _core(unit: str) -> str:
    """``重庆市税务局`` → ``税务``: the part of a unit name a measure would mention."""
    u = re.sub(r"^(重庆市|[省市区县镇乡])", "", unit)
    return re.sub(r"(委员会|办公厅|办公室|局|委|办|厅|部)$", "", u)


def _spread(vals: list[str], rows: list[_Pending]) -> list[str | None]:
    """Spread ``vals`` over ``rows`` (len(vals) <= len(rows)), repeating a value for the rows
    a merged cell covered; the placement that lets most measures name their unit wins,
    ties going to the value printed last covering the last rows."""
    from itertools import combinations

    n, d = len(rows), len(rows) - len(vals)
    if d <= 0 or not vals:
        return list(vals[:n]) + [None] * (n - len(vals[:n]))
    best: tuple[int, list[str | None]] | None = None
    for repeat in combinations(range(n), d):  # rows that repeat the value above them
        if 0 in repeat or d > 3:
            continue
        out: list[str | None] = []
        it = iter(vals)
        for k in range(n):
            out.append(out[-1] if k in repeat else next(it))
        score = sum(1 for r, v in zip(rows, out) if v and any(_core(u) and _core(u) in r.measure
                                                              for u in re.split(r"[、，,]", v)))
        if best is None or score >= best[0]:
            best = (score, out)
    if best is None:  # too many merges to guess: the values go to the last rows
        return [None] * d + list(vals)
    return best[1]


def _is_heading_or_item(tok: str) -> bool:
    return bool(SECTION_RE.match(tok) or TASK_RE.match(tok) or _ITEM_START.match(tok))


def _lists_ahead(body: Lines, idx: int) -> int:
    """Numbered lists (lines starting with 1．) after line ``idx``, up to the next unit-only line."""
    n = 0
    for _no, line in body[idx + 1:]:
        toks = _SPACES.split(line.strip())
        if all(_unit_token(t) for t in toks):
            break
        if re.match(r"^\s*1\s*[.．、﹒]", line):
            n += 1
    return n


def _split_heading(text: str) -> tuple[str, str]:
    """``（十二）科学合理确定公开方式。 准确把握…`` → (heading, rest)."""
    m = re.match(r"^(\S*?。)\s*(.*)$", text)
    head, rest = (m.group(1), m.group(2)) if m else text.partition(" ")[::2]
    if not m and " " not in text:
        head, rest = text, ""
    return head.strip(), rest.strip()
