"""``pdftotext -raw`` text: the cells of a table one after another, rebuilt into rows.

-raw prints each cell's wrapped lines in order, row by row, and puts the first line
of a cell on the previous cell's line (after a space) when both sit on one
baseline. So the text is cut into chunks (at spaces between two CJK characters,
or before a deadline), and a small state machine walks them with the header's
column order: grouping cells (numbered headings, narrow), the measure (wide lines;
it goes on while its lines are full width), then the unit and deadline cells
(narrow; a unit list goes on while its last name is unfinished). A wide chunk, a
next item number or a heading starts the next row.
"""
from __future__ import annotations

import os
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from govdisclose.normalize.deadlines import parse_deadline
from govdisclose.normalize.text import display_width as width
from govdisclose.normalize.words import breaks_word
from govdisclose.normalize.units import (cell_runs_on, ends_like_unit, ends_whole, is_known, lead_cut, name_runs_on,
                                         names_with_role, role_word_across, scoped_unit, starts_known,
                                         without_role, without_role_tail)
from govdisclose.parsers.document import Cell, Row, Table
from govdisclose.parsers.text.align import lone_unit_col, units_printed_again
from govdisclose.parsers.text.layout import _measure_paragraphs, find_one_line_header
from govdisclose.shape.celltypes import opens_measure, person_like, task_openers
from govdisclose.shape.header import header_role
from govdisclose.shape.numbering import COUNTED, ITEM_RE, counted_number, heading_level, sub_point

Lines = list[tuple[int, str]]
_CJKP = r"[\u3400-\u9fff，。、；：？！“”‘’（）《》〔〕【】—…]"
_SPLIT = re.compile(rf"(?<={_CJKP}) +(?={_CJKP}|\d{{1,2}}[.．、﹒](?!\d))")  # CJK | CJK, or before 1.
_PHONE_PIECE = re.compile(r"[\d\-－()（） ]+")  # a telephone number, or a piece of one cut over lines
_DEADLINE_START = re.compile(r"^(?:\d{1,2} ?月|20\d\d ?年|年底|年内|长期|持续|及时|全年|按|每年|每月|每季度|[一二三四]季度|上半年|下半年)")
_TERMINAL = ("。", "；", ";")
# characters that end unit names and never start one: a chunk starting so continues the name above
_SUFFIX_START = r"^[（(门位局委会办室厅处所队员组站部心司院府]"


@dataclass
class Chunk:
    line: int
    text: str
    joined: bool  # printed on the same line as the chunk before: it starts a new cell
    after_header: bool = False  # first chunk after a repeated (page) header


@dataclass
class _Row:
    line: int
    cells: dict[int, list[str]] = field(default_factory=dict)
    blocks: list[list[str]] = field(default_factory=list)  # unnumbered grouping texts, in order
    titles: list[str] = field(default_factory=list)  # one-line titles across the table, above the row
    # (first, second) unit columns printed as one run of unit lines, 牵头 / 责任 in either order
    unit_run: tuple[int, int] | None = None
    lead_first: bool = False

    def split_unit_run(self) -> None:
        """One unit a line in a lead and a responsible column, neither line sharing a
        baseline: the column boundary is lost; it is where a lead list would end
        (``lead_cut``: most often after one unit, never inside the collectives; read
        backwards when the responsible column comes first)."""
        if self.unit_run is None:
            return
        first, second = self.unit_run
        # (not ``join_broken_lines``: a line holding a separator is a wrapped list, no run of
        # one unit a line, and must stay apart so the check below refuses the split)
        lines: list[str] = []
        for x in self.cells.get(first, []) + self.cells.get(second, []):
            if lines and (not scoped_unit(lines[-1]) or cell_runs_on(lines[-1], x)) \
                    and not re.search(r"[、，,；;]", lines[-1]):
                # a name cut at the column's width (市疫情防控工作领导 / 小组成员单位; 区政府各部 /
                # 门, which ends like a name)
                lines[-1] += x
            else:
                lines.append(x)
        if len(lines) >= 2 and all(scoped_unit(x) for x in lines):
            cut = lead_cut(lines) if self.lead_first else len(lines) - lead_cut(lines[::-1])
            self.cells[first], self.cells[second] = lines[:cut], lines[cut:]

    def settle_blocks(self, groups: list[int], seen: dict[int, list[str]] | None = None) -> None:
        """Unnumbered grouping blocks go right-aligned into the grouping columns still free:
        a row under a merged outer cell prints only its inner one, unless the block reads
        like the outer column's earlier titles (以政务公开助力… over no task)."""
        free = [g for g in groups if g not in self.cells]
        blocks, self.blocks = self.blocks, []
        if not blocks or not free:
            return
        if len(blocks) == 1 and len(free) >= 2 and (cut := _task_cut(blocks[0], seen or {}, free)) is not None:
            blocks = [blocks[0][:cut], blocks[0][cut:]]
        elif len(blocks) == 1 and len(free) == len(groups) == 1 and seen and seen.get(-1) \
                and (cut := _task_cut(blocks[0], {free[0]: seen[-1]}, free)) == 1:
            blocks = [blocks[0][:1], blocks[0][1:]]  # a title row over the task (增强政务公开实效 / 全面落实…)
        if seen and len(blocks) == 1 and len(free) >= 2:
            text = "".join(blocks[0])
            outer, inner = seen.get(free[0], []), [t for g in free[1:] for t in seen.get(g, [])]
            if _title_like(text, outer) and not _title_like(text, inner):
                self.cells[free[0]] = blocks[0]
                return
        while len(blocks) > len(free):
            if len(blocks[0]) == 1 and len(free) == len(groups):
                # more one-line blocks than grouping columns: a title row across the table
                # (以政务公开助力稳增长 over 加强预期引导 in a table whose only group is the task)
                self.titles.append(blocks.pop(0)[0])
            else:
                blocks[0:2] = [blocks[0] + blocks[1]]
        for g, b in zip(free[len(free) - len(blocks):], blocks):
            self.cells[g] = b


# a 序号 cell on the baseline of the cell before it: 以政务公开 1 认真… (not 第 713 号, 10 月)
_BEFORE_BARE_NUMBER = re.compile(rf"(?<={_CJKP})(?<!第) +(?=\d{{1,3}} +(?![{COUNTED}]){_CJKP})")


def _chunks(lines: Lines, item_column: bool = False) -> list[Chunk]:
    out: list[Chunk] = []
    for no, line in lines:
        parts = [p for p in _SPLIT.split(line.strip()) if p.strip()]
        if item_column:
            parts = [q for p in parts for q in _BEFORE_BARE_NUMBER.split(p) if q.strip()]
        pieces: list[str] = []
        for p in parts:
            # "区发展改革委 10 月 31 日前": a deadline glued after a unit
            m = re.search(r"(?<=[\u4e00-\u9fff。；])(?<!年) (?=\d{1,2} ?月|20\d\d ?(?:年(?!度)|$))", p)  # (not 年 6 月; 2022 / 年 1 月 wraps)
            # (or after a short cell: a person's name, a remark)
            short_cells = m is not None and len(p[: m.start()]) <= 6 and len(p[m.end():]) <= 14 \
                and not re.search(r"[，。、；：\d]", p[: m.start()])
            # (or after a measure's last sentence: …“免申即享”。 2023年6月30日前)
            # (or a telephone number's rest beside a unit cell: …市质监局 3001234)
            phone = re.search(r"(?<=[\u4e00-\u9fff]) (?=[\d\-－]{5,}$)", p)
            if m and re.fullmatch(r"20\d\d", p[m.end():]) and not all(is_known(u) for u in re.split(r"[、，]", p[: m.start()])):
                m = None  # a year at a line's end is a deadline's start only after unit names (…重庆市 2021 / 年行政…)
            if m and (ends_like_unit(p[: m.start()]) or short_cells or p[m.start() - 1] in "。；"):
                pieces.extend([p[: m.start()], p[m.end():]])
            elif phone and ends_like_unit(p[: phone.start()]):
                pieces.extend([p[: phone.start()], p[phone.end():]])
            else:
                pieces.append(p)
        for k, p in enumerate(pieces):
            out.append(Chunk(no, p.strip(), joined=k > 0))
    return out


def raw_table(lines: Lines, page_starts: AbstractSet[int] = frozenset()) -> tuple[Lines, Table] | None:
    found = find_one_line_header(lines)
    if found is None:
        return None
    first, words, n_head = found
    roles = [header_role(w) for w in words]
    if "measure" not in roles:
        return None
    before = [(no, l.strip()) for no, l in lines[:first] if l.strip()]
    body: Lines = []
    marks: set[int] = set()
    head = [re.sub(r"\s+", "", l) for _no, l in lines[first:first + n_head] if l.strip()]
    rest = [(no, l) for no, l in lines[first + n_head:] if l.strip()]
    i = 0
    while i < len(rest):
        # the header again after a page break: all its lines in order (a wrapped cell's
        # rest alone, 门 or 导, is no header)
        if [re.sub(r"\s+", "", l) for _no, l in rest[i:i + len(head)]] == head:
            marks.add(len(body))
            i += len(head)
            continue
        if rest[i][0] in page_starts:
            marks.add(len(body))  # a new page with no header again: a row may run over
        body.append(rest[i])
        i += 1
    body, marks = _join_stacked_numbers(body, marks)
    m = roles.index("measure")
    if "item_no" not in roles and _unlabelled_numbers(body):
        # 序号 printed without a header word: its numbers stand before the measure's first lines
        words = words[:m] + ["序号"] + words[m:]
        roles = roles[:m] + ["item_no"] + roles[m:]
    chunks: list[Chunk] = []
    for k, (no, l) in enumerate(body):
        cs = _chunks([(no, l)], item_column="item_no" in roles)
        if k in marks and cs:
            cs[0].after_header = True
        chunks.extend(cs)
    rows = _walk(chunks, roles)
    grid = [Row(cells=[Cell.of(w) for w in words], index=0, line=lines[first][0])]
    for r in rows:
        for title in r.titles:
            grid.append(Row(cells=[Cell.of(title)] + [Cell.of("") for _ in roles[1:]], index=len(grid),
                            line=r.line, flags=["reconstructed_from_raw_flow"]))
        cells = []
        for c, role in enumerate(roles):
            parts = r.cells.get(c, [])
            if role == "measure":
                cells.append(Cell(_measure_paragraphs(parts)))
            elif role in ("lead", "responsible"):
                cells.append(Cell.of("\n".join(parts)))  # wrapped names are joined by shaping
            else:
                cells.append(Cell.of("".join(parts)))
        grid.append(Row(cells=cells, index=len(grid), line=r.line, flags=["reconstructed_from_raw_flow"]))
    return before, Table(rows=grid, index=0, flags=["raw"])


def _join_stacked_numbers(body: Lines, marks: set[int]) -> tuple[Lines, set[int]]:
    """A 序号 too wide for its narrow column is printed a digit a line (1 / 0 for 10): two
    lone digits whose number goes on from the last one (or skips one cut by a page) are
    one number, set before the measure line that follows them as a one-line number is."""
    out: Lines = []
    moved: set[int] = set()
    last, i = 0, 0

    def next_in_line(n: int, restart: bool = True) -> bool:
        return last < n <= last + 2 or (restart and n == 1) or (last == 0 and restart)

    while i < len(body):
        no, line = body[i]
        t = line.strip()
        if i in marks:
            moved.add(len(out))
        if re.fullmatch(r"\d{1,3}", t):
            below = body[i + 1][1].strip() if i + 1 < len(body) and i + 1 not in marks else ""
            if not next_in_line(int(t), restart=False) and re.fullmatch(r"\d{1,2}", below) \
                    and next_in_line(int(t + below), restart=False):
                # on the baseline of the measure's first line, which comes next: 10 重点公开…
                after = body[i + 2][1].strip() if i + 2 < len(body) and i + 2 not in marks else ""
                joined = after and not re.match(r"\d", after)
                out.append((no, t + below + (" " + after if joined else "")))
                last = int(t + below)
                i += 3 if joined else 2
                continue
            if next_in_line(int(t)):
                last = int(t)
        elif (lead := re.match(r"^(\d{1,3}) +(?![年月日个号])\D", t)) and next_in_line(int(lead[1])):
            last = int(lead[1])  # 9 按照市财政局…: a number on its measure's first line
        out.append(body[i])
        i += 1
    return out, moved


_BARE_NUMBERED = re.compile(rf"(?:^|{_CJKP} +)(\d{{1,3}}) +{_CJKP}")


def _unlabelled_numbers(body: Lines) -> bool:
    """Bare numbers 1, 2, 3… each before a line's text after a space: a 序号 column."""
    # (pdftotext sets digits apart everywhere: 10 月 31 日前, 在 5 个工作日内 are no item numbers)
    nos = [int(mt[1]) for _no, l in body for mt in [_BARE_NUMBERED.search(l.strip())]
           if mt and l.strip()[mt.end() - 1] not in COUNTED]
    steps = sum(1 for a, b in zip(nos, nos[1:]) if b == a + 1)
    return len(set(nos)) >= 3 and steps >= 0.6 * (len(nos) - 1)


def _walk(chunks: list[Chunk], roles: list[str | None]) -> list[_Row]:
    m = roles.index("measure")
    pre = [i for i in range(m) if roles[i] in ("group", "item_no")]
    groups = [i for i in pre if roles[i] == "group"]
    item_col = next((i for i in pre if roles[i] == "item_no"), None)
    # 一、 and （一） headings over a single grouping column: the sections are title rows
    levels = {heading_level(c.text) for c in chunks if not c.joined}
    titles_as_rows = len(groups) == 1 and {"section", "task"} <= levels
    tail = [i for i in range(m + 1, len(roles)) if roles[i] in ("lead", "responsible", "deadline", "other")]
    widths = sorted(width(c.text) for c in chunks)
    w_full = widths[int(len(widths) * 0.9)] if widths else 40
    narrow = 0.6 * w_full
    rows: list[_Row] = []
    state: tuple[str, int] = ("none", 0)
    last_item = 0
    sub_last = 0  # the last number of a list inside the current row's measure
    last_measure_full = False

    def titles_seen(before: list[_Row]) -> dict[int, list[str]]:
        seen = {g: ["".join(r.cells[g]) for r in before if r.cells.get(g)] for g in groups}
        return seen | {-1: [x for r in before for x in r.titles]}  # (-1: title rows across the table)

    def new_row(c: Chunk) -> _Row:
        rows.append(_Row(c.line))
        return rows[-1]

    def title_block(c: Chunk) -> tuple[str, int]:
        """Open the next row with an unnumbered grouping block (its titles, placed later)."""
        new_row(c)
        rows[-1].blocks.append([c.text])
        return ("pre", -1)

    def put(col: int, text: str) -> None:
        nonlocal last_put
        rows[-1].cells.setdefault(col, []).append(text)
        since_header.add(col)
        last_put = col

    # columns that took text since the last repeated header: -raw prints a cut row's
    # rest cell by cell, so a column left of one already continued is finished
    since_header: set[int] = set()
    last_put = -1

    cut_row = False  # inside the rest of a row cut by a page break
    resume_measure = False  # the next chunk, on a grouping cell's baseline, goes on with the measure
    prev_wide = False
    for idx, c in enumerate(chunks):
        t = c.text
        item = ITEM_RE.match(t)
        is_item = bool(item) and (last_item < int(item["no"]) <= last_item + 2 or int(item["no"]) == 1
                                  or (sub_last > 0 and int(item["no"]) == sub_last + 1)) \
            and not re.match(r"\d+[.．]\s*政府网站>", t) and not counted_number(t) \
            and not (rows and sub_point("\n".join(rows[-1].cells.get(m, [])), t, opened=True)) \
            and not (item_col is not None and re.match(r"\d{1,3}[.．、﹒]", t) is not None
                     and any(r.cells.get(item_col) for r in rows))  # 序号 prints 7 bare: 1． is a list in the measure
        level = heading_level(t)
        wide = width(t) > narrow
        kind, k = state
        first_of_many = idx + 1 < len(chunks) and chunks[idx + 1].joined and not c.joined
        if c.after_header:
            since_header.clear()
        phone_cut = [col for col in tail if roles[col] == "other" and rows and rows[-1].cells.get(col)
                     and re.search(r"\d$", rows[-1].cells[col][-1])] if re.fullmatch(r"[\d\-－]+", t) else []
        if phone_cut:
            put(phone_cut[0], t)  # a telephone number cut at its column's width (王磊 0 / 23-677 / 81234)
            continue
        if rows and last_put in tail and not c.joined and rows[-1].cells.get(last_put) \
                and _closes_bracket(rows[-1].cells[last_put][-1], t):
            put(last_put, t)  # a narrow cell's bracket closed on the next line (王芳（ / 副区长）)
            continue
        if c.after_header and rows and not is_item and not level:
            cut_row = True
        sub_next = False  # ⑤ after ④ in the row's measure: its list goes on
        if cut_row and rows and re.match(r"^[①-⑳]", t):
            seen_sub = re.findall(r"[①-⑳]", "".join(rows[-1].cells.get(m, [])))
            # (a circled number with an item's stop, ⑤., numbers a row of its own)
            sub_next = bool(seen_sub) and ord(t[0]) == ord(seen_sub[-1]) + 1 and not re.match(r"^.[.．、﹒]", t)
            if t[0] != "①" and not sub_next:
                cut_row = False  # ⑦ after ⑤: the next row, not the rest of this one
                state = ("tail", len(tail) - 1) if tail else state
        if cut_row and (is_item or level or (wide and not prev_wide and not c.after_header
                                             and _measure_done(rows, m) and not _numbered(rows, m)
                                             and not _list_goes_on(rows[-1].cells.get(m, []), t))):
            cut_row = False  # in a numbered table only a number opens the next row
        if cut_row and wide and not c.after_header and not sub_next and _measure_done(rows, m) \
                and width(rows[-1].cells[m][-1]) <= w_full - 4 and _units_done(rows[-1], tail, roles) and _units_ahead(chunks, idx, narrow):
            # the cut row's units were printed before the page break and its measure has ended:
            # a new paragraph followed by units of its own is the next (unnumbered) row
            cut_row = False
            state = ("tail", len(tail) - 1)
        if cut_row and pre and not wide and _measure_done(rows, m) and _units_done(rows[-1], tail, roles) \
                and (t.startswith(task_openers()) or _title_like(t, [x for xs in titles_seen(rows).values() for x in xs])) \
                and _item_ahead(chunks, idx, last_item):
            # the row ended before the page did: a title opening with a task verb, or the way
            # an earlier title did, before the next numbered item opens the next row (推进消费
            # 升级和 / …, 以政务公 / 开助力稳 / …: not a full title line's rest)
            cut_row = False
        if cut_row:
            # a row cut by a page break goes on: wide text to the measure, narrow to an open tail cell
            if wide:
                put(m, t)
                last_measure_full = width(t) >= w_full - 4
            else:
                # the rest of a cut cell: a grouping cell whose last line was full width,
                # else a unit or deadline cell that is not finished
                later = max(since_header, default=-1)
                col_w = {g: _column_width(rows, g) for g in groups}
                # (a chunk on the line of the one before is in a column right of its)
                open_groups = [g for g in groups if g >= later and rows[-1].cells.get(g)
                               and _full_lines(rows[-1].cells[g], col_w[g], t) and not (c.joined and g <= last_put)]
                open_cells = [col for col in tail if rows[-1].cells.get(col) and not _done(rows[-1].cells[col], roles[col])]
                measure_open = last_measure_full and m >= later \
                    and not "".join(rows[-1].cells.get(m, [""])).endswith(_TERMINAL)
                # (a name that looks whole may still go on: 各区县（自治县） / 人民政府)
                # (never a sentence's end: 府更好依法规范履职。 after …市物 is the measure's)
                finishing = [] if t.endswith(_TERMINAL) else [
                    col for col in open_cells if _completes(rows[-1].cells[col], t)] or [
                    col for col in tail if roles[col] in ("lead", "responsible") and rows[-1].cells.get(col)
                    and (not re.match(_SUFFIX_START, t) or cell_runs_on(rows[-1].cells[col][-1], t))  # (市直各有关部 / 门)
                    and _completes(rows[-1].cells[col], t)]
                unit_cols = [col for col in tail if roles[col] in ("lead", "responsible") and rows[-1].cells.get(col)]
                if finishing:
                    put(finishing[0], t)  # 局、… finishes the cut unit name above
                elif not _measure_done(rows, m) and t.endswith(_TERMINAL) and not _unit_list(t) \
                        and (all(width(t) > col_w[g] + 1 for g in open_groups)
                             or (measure_open and not _wide_ahead(chunks, idx, narrow))):
                    # the measure's last words: too wide for a grouping cell's rest (…推动优化 /
                    # [header] / 投资和建设环境。), or no more measure text follows (大有效投资的
                    # 信息 / [header] / 公开。 / 告》要求，… : the title's end, then the measure's)
                    put(m, t)
                elif open_groups and (first_of_many or width(t) <= col_w[open_groups[0]] + 1):
                    # a grouping cell's rest comes before the measure's rest (-raw prints left to
                    # right): right before the measure's it is the inner cell's, unless it mends a word
                    # cut at the end of one cell only (以政务公开助 / 力稳增长)
                    beside_measure = first_of_many and width(chunks[idx + 1].text) > narrow
                    mends = [g for g in open_groups if breaks_word(rows[-1].cells[g][-1], t)] if beside_measure else []
                    put(mends[0] if len(mends) == 1 else open_groups[-1] if beside_measure else open_groups[0], t)
                elif measure_open and not _unit_list(t):
                    put(m, t)
                    last_measure_full = width(t) >= w_full - 4
                elif open_groups and not _unit_list(t):
                    put(open_groups[0], t)
                elif m in since_header and t.endswith(_TERMINAL) and not _unit_list(t):
                    put(m, t)  # the end of the measure's last sentence: units never end with 。
                elif open_cells:
                    put(open_cells[0], t)
                elif unit_cols and _unit_line(t, chunks[idx + 1:idx + 4]):
                    # more names of a cut unit cell, one a line: the last cell's, unless cells
                    # beside it on the line say which (有关单位 有关单位 23-677: lead, then 配合)
                    right = [col for col in unit_cols if col > last_put] if c.joined else []
                    put(unit_cols[0] if first_of_many else right[0] if right else unit_cols[-1], t)
                elif pre and not _unit_list(t) and _item_ahead(chunks, idx, last_item):
                    cut_row = False  # a title block before the next numbered item: the next row
                else:
                    put(tail[-1] if tail else m, t)
            if cut_row:
                prev_wide = wide
                if last_put in tail:
                    state = ("tail", tail.index(last_put))  # (a chunk beside it goes to the next column)
                continue
        prev_wide = wide
        if level == "section" and titles_as_rows:
            new_row(c)
            put(0, t)  # a title row across the table: shaping reads it as the section
            state = ("title", 0)
            continue
        if level and pre:
            if kind != "pre" or rows[-1].cells.get(m):
                new_row(c)
            col = _group_col(level, pre, roles, rows[-1])
            put(col, t)
            state = ("pre", col)
            continue
        if is_item:
            n = int(item["no"])
            if kind == "measure" and not c.joined:
                # items before any unit cell share one measure cell (1．… 2．… 3．…):
                # shaping splits them and gives each the row's units; numbers up to the
                # row's own (7 规范… / 1．… / 2．…) are a list inside its measure
                own = _row_number(rows[-1], m, item_col)
                if own is not None and n <= own and (n == 1 or sub_last):
                    sub_last = n
                else:
                    last_item, sub_last = n, 0
                put(m, t)
                last_measure_full = width(t) >= w_full - 4
                continue
            last_item, sub_last = n, 0
            if kind != "pre":
                new_row(c)
            rows[-1].settle_blocks(groups, titles_seen(rows[:-1]))
            bare = re.match(r"^\s*(\d{1,3})\s+(?=\D)", t)
            if bare and item_col is not None and not rows[-1].cells.get(item_col):
                put(item_col, bare[1])  # the 序号 cell, on the measure's first baseline
                t = t[bare.end():]
            put(m, t)
            state, last_measure_full = ("measure", 0), width(t) >= w_full - 4
            continue
        if resume_measure:
            resume_measure = False
            put(m, t)
            last_measure_full = width(t) >= w_full - 4
            continue
        if kind == "measure":
            measure_text = rows[-1].cells.get(m, [""])
            unit_like = not wide and (first_of_many or _unit_list(t) or measure_text[-1].endswith(_TERMINAL)
                                      or _name_goes_on(t, chunks[idx + 1:idx + 2], narrow)
                                      or (bool(tail) and roles[tail[0]] == "deadline" and not t.endswith(_TERMINAL)
                                          and (bool(_DEADLINE_START.match(t)) or _wrapped_deadline(t, chunks[idx + 1:idx + 2]))))
            # ①② open paragraphs inside the measure when they follow in sequence
            circ = re.match(r"^[①-⑳]", t)
            seen = re.findall(r"[①-⑳]", "".join(rows[-1].cells.get(m, [])))
            circled_next = bool(circ) and (t[0] == "①" or (bool(seen) and ord(t[0]) == ord(seen[-1]) + 1))
            out_of_sequence = bool(circ) and not circled_next  # ⑦ after ⑤: a row of its own
            if ((last_measure_full and not c.joined and not unit_like) or (circled_next and not c.joined)) \
                    and not out_of_sequence:
                put(m, t)
                last_measure_full = width(t) >= w_full - 4
                continue
            if not wide and t.endswith(_TERMINAL) and not _unit_list(t) and not c.joined:
                put(m, t)  # the end of the measure's last sentence: units never end with 。
                last_measure_full = False
                continue
            if pre and not wide and _measure_done(rows, m) and not _fits_tail(t, chunks[idx + 1:idx + 4]) \
                    and not (person_like(t) and any(roles[col] == "other" for col in tail)) \
                    and _item_ahead(chunks, idx, last_item):
                state = title_block(c)  # no unit cell in this row: the next row's grouping cells
                continue
            if tail and not wide:
                k0 = 0
                if roles[tail[0]] in ("lead", "responsible") and not _unit_list(t) \
                        and _person_ahead(t, chunks[idx + 1:idx + 2]):
                    # empty unit cells: a person's name goes to the person column after them
                    k0 = next((j for j, col in enumerate(tail) if roles[col] == "other"), 0)
                put(tail[k0], t)
                state = ("tail", k0)
                continue
            if tail and not out_of_sequence and not c.joined:
                # a row's units come after its measure: wide text before them is more measure
                put(m, t)
                last_measure_full = width(t) >= w_full - 4
                continue
            new_row(c)
            put(m, t)
            last_measure_full = width(t) >= w_full - 4
            continue
        if kind == "pre":
            # a line sharing its baseline with the next cell is some cell's first line (cells are
            # top-aligned): beside a unit or deadline it is the measure, beside the measure it
            # is the next grouping cell
            at_top = first_of_many and (bool(rows[-1].blocks) or any(rows[-1].cells.get(g) for g in groups))
            beside = chunks[idx + 1].text if at_top else ""
            measure_next = bool(ITEM_RE.match(beside)) or width(beside) > narrow
            if wide or (at_top and not measure_next):
                rows[-1].settle_blocks(groups, titles_seen(rows[:-1]))
                put(m, t)
                state, last_measure_full = ("measure", 0), width(t) >= w_full - 4
            elif k == -1:
                block = rows[-1].blocks[-1]
                # a chunk after a space, or a line at the top of its cell, is the next cell
                seen_titles = [x for r in rows for x in r.titles]
                # a line wider than the wrapped cell after it (以政务公开助力稳增长 over
                # 加强预期引 / 导) is no line of that cell: a title row across the table
                nxt_c = chunks[idx + 1] if idx + 1 < len(chunks) else None
                wrapped_after = nxt_c is not None and not nxt_c.joined and not ITEM_RE.match(nxt_c.text) \
                    and width(nxt_c.text) < width(t) and not heading_level(nxt_c.text)
                ended = c.joined or at_top or _block_ended(block, t) or (
                    len(block) == 1 and _title_like(block[0], seen_titles)) or (
                    len(block) == 1 and wrapped_after and width(block[0]) > width(t) + 4
                    and not breaks_word(block[0], t))
                if ended:
                    rows[-1].blocks.append([t])
                else:
                    block.append(t)
            else:
                put(k, t)
            continue
        if kind == "tail" and first_of_many and not wide and width(chunks[idx + 1].text) > narrow \
                and not _measure_done(rows, m) and (open_g := [
                    g for g in groups if rows[-1].cells.get(g) and _full_lines(
                        rows[-1].cells[g], _column_width(rows, g))]):
            # the unit cell's first lines came before the measure's next line, and a grouping
            # cell's last line shares that baseline (推进重大建设项 / 目和公共资源配 / … / 委、
            # 市政府 / 置信息公开 进一步明确…): the grouping cell and the measure go on
            put(open_g[-1], t)
            state, resume_measure = ("measure", 0), True
            continue
        if kind == "tail" and pre and first_of_many and not wide and not _deadline_like(t) and not _unit_list(t) \
                and not scoped_unit(t) and (nxt := ITEM_RE.match(chunks[idx + 1].text)) \
                and last_item < int(nxt["no"]) <= last_item + 2:
            # a title on the baseline of the next row's numbered measure (村务公开 4．落实…)
            state = title_block(c)
            continue
        if kind == "tail":
            col = tail[k]
            cur = rows[-1].cells.get(col, [])
            if wide:
                new_row(c)
                put(m, t)
                state, last_measure_full = ("measure", 0), width(t) >= w_full - 4
            elif roles[col] in ("lead", "responsible") and k + 1 < len(tail) \
                    and roles[tail[k + 1]] in ("lead", "responsible") and _repeats_name(cur, t):
                put(tail[k + 1], t)  # the same names again: the next unit column starts
                state = ("tail", k + 1)
            elif roles[col] != "deadline" and k + 1 < len(tail) and roles[tail[k + 1]] == "deadline" \
                    and _DEADLINE_START.match(t) and not _completes(cur, t):
                put(tail[k + 1], t)  # the deadline starts while the unit cell above is still cut
                state = ("tail", k + 1)
            elif roles[col] in ("lead", "responsible") and k + 1 < len(tail) \
                    and roles[tail[k + 1]] in ("lead", "responsible") and not c.joined and cur \
                    and not _done(cur, roles[col]) and _starts_other_name(cur, t):
                # the unit cell above was cut at the page's end mid-name; this starts the next cell
                put(tail[k + 1], t)
                state = ("tail", k + 1)
            elif roles[col] == "deadline" and cur and not c.joined and (remark := _remark_before(tail, roles, k, rows[-1])) \
                    is not None and _DEADLINE_START.match(t) and not cur[-1].endswith(("，", "、", ",")) \
                    and not _done(cur, "deadline") and len(t) <= 14:
                # a second deadline after a whole one that is not finished as a deadline
                # (持续推进，年底总结 / 10月底前): the first was the remark column's, left of it
                rows[-1].cells[remark], rows[-1].cells[col] = cur, [t]
            elif not c.joined and cur and not (roles[col] == "deadline" and (scoped_unit(t) or _unit_list(t))) \
                    and (not _done(cur, roles[col]) or _completes(cur, t)
                                            or (roles[col] in ("lead", "responsible") and _role_goes_on(cur, t))
                                            or (roles[col] in ("deadline", "other") and breaks_word(cur[-1], t)
                                                and not (roles[col] == "deadline" and person_like(t)))
                                            or (roles[col] == "deadline" and not _short_last_line(cur)
                                                and _deadline_gains(cur, t))
                                            or (roles[col] == "other" and bool(_PHONE_PIECE.fullmatch(t)))
                                            or (roles[col] == "deadline" and not scoped_unit(t)
                                                and not (person_like(t) and "other" in [roles[x] for x in tail[k + 1:]])
                                                and not _short_last_line(cur) and (len(t) <= 4 or (
                                                len(t) <= 6 and (_heading_ahead(chunks, idx, 2, 24) or re.search(
                                                    r"(完成|更新|动态|公开|前|日|月|底|内|坚持|推进)", t)))))):
                put(col, t)
            elif not c.joined and cur and roles[col] in ("lead", "responsible") \
                    and _unit_line(t, chunks[idx + 1:idx + 4]) \
                    and not any(roles[x] in ("lead", "responsible") for x in tail[k + 1:]):
                put(col, t)  # one unit a line in the last unit column
            elif (dl := _deadline_after_others(tail, roles, k)) is not None and _deadline_like(t):
                put(tail[dl], t)  # an empty remark column between: the deadline goes to its own
                state = ("tail", dl)
            elif roles[col] in ("lead", "responsible") and cur and _done(cur, roles[col]) \
                    and (dl := _deadline_after_others(tail, roles, k, skip=("other", "lead", "responsible"))) is not None \
                    and _deadline_like(t) and not _unit_list(t) and not scoped_unit(t):
                put(tail[dl], t)  # an empty unit cell between (a lead with no 配合单位): the deadline
                state = ("tail", dl)
            elif roles[col] == "other" and cur and k + 1 < len(tail) and roles[tail[k + 1]] == "deadline" \
                    and not c.joined and not _deadline_like(t):
                put(col, t)  # the remark goes on (纳入 / 年度 / 考核): the deadline column takes only a deadline
            elif k + 2 == len(tail) and roles[tail[k + 1]] == "other" and pre and not c.joined and cur \
                    and _done(cur, roles[col]) and not _deadline_like(t) and not _unit_list(t) \
                    and not _person_ahead(t, chunks[idx + 1:idx + 2]) \
                    and width(t) > _widest_line(rows, tail[k + 1]) + 1 and _item_ahead(chunks, idx, last_item):
                # an empty remark column at the row's end: a line wider than any remark so far,
                # before the next numbered item, is the next row's title block
                state = title_block(c)
            elif roles[col] in ("lead", "responsible") and person_like(t) and not scoped_unit(t) and not _unit_list(t) \
                    and (oc := next((j for j in range(k + 1, len(tail)) if roles[tail[j]] == "other"), None)) is not None:
                put(tail[oc], t)  # a person's name after the unit cells (张敏 beside a lead with no 配合)
                state = ("tail", oc)
            elif _PHONE_PIECE.fullmatch(t) and (oc := _phone_cut_after(rows[-1], tail, roles, k, t)) is not None:
                put(tail[oc], t)  # a telephone number's rest after a page break (刘军 023- / … / 6300 / 1234)
                state = ("tail", oc)
            elif k + 1 < len(tail) and pre and not c.joined and cur and roles[col] in ("lead", "responsible") \
                    and _done(cur, roles[col]) and not first_of_many \
                    and all(roles[x] in ("lead", "responsible") for x in tail[k + 1:]) \
                    and not _unit_line(t, chunks[idx + 1:idx + 4]) and not starts_known(re.split(r"[、，,]", t)[0]) \
                    and not _person_ahead(t, chunks[idx + 1:idx + 2]) and not _PHONE_PIECE.fullmatch(t) \
                    and _item_ahead(chunks, idx, last_item):
                # the unit columns left are empty (a lead with no 配合单位): a line that names no
                # unit, before the next numbered item, is the next row's title block
                state = title_block(c)
            elif k + 1 < len(tail):
                if not c.joined and {roles[col], roles[tail[k + 1]]} == {"lead", "responsible"} \
                        and _unit_line(t, chunks[idx + 1:idx + 4]):
                    rows[-1].unit_run = (col, tail[k + 1])  # where one unit cell ends is not printed
                    rows[-1].lead_first = roles[col] == "lead"
                put(tail[k + 1], t)
                state = ("tail", k + 1)
            elif not c.joined and cur and roles[col] in ("deadline", "other") and not heading_level(t) \
                    and (_heading_ahead(chunks, idx, 5, narrow) or len(t) <= 3):
                # narrow lines and then a numbered heading, or a piece too short for a title
                # (纳入年度 / 考核): the last cell's rest
                put(col, t)
            elif pre:
                state = title_block(c)
            else:
                put(col, t)
            continue
        # before the first row
        new_row(c)
        if wide or not pre:
            put(m, t)
            state, last_measure_full = ("measure", 0), width(t) >= w_full - 4
        else:
            rows[-1].blocks.append([t])
            state = ("pre", -1)
    for k, r in enumerate(rows):
        if r.blocks:  # (the titles seen above are read only for a row with blocks to place)
            r.settle_blocks(groups, titles_seen(rows[:k]))
        r.split_unit_run()
    _place_lone_unit_cells(rows, [i for i in tail if roles[i] in ("lead", "responsible")], roles)
    return rows


def _place_lone_unit_cells(rows: list[_Row], unit_cols: list[int], roles: list[str | None]) -> None:
    """In a table that prints a unit cell again on the next row (so merges none), a row with
    one of its two unit cells printed has the other empty: the walk put the cell in the first
    unit column; it belongs where ``lone_unit_col`` says (the lead's)."""
    texts = [{c: "\n".join(r.cells[c]) for c in unit_cols if r.cells.get(c)} for r in rows]
    if not units_printed_again(texts, unit_cols):
        return
    for r, t in zip(rows, texts):
        col = lone_unit_col(t, unit_cols, roles)
        if col is not None and col not in t:
            r.cells[col] = r.cells.pop(next(iter(t)))


def _role_goes_on(cur: list[str], text: str) -> bool:
    """The line brings a unit cell's role word (区级各部门 / 参与): names that say who leads
    run on to their 牵头 / 配合 / 参与. (A role word cut by the break, 参 / 与, is
    ``_completes``'s.)"""
    return names_with_role(cur[-1] + text) and not names_with_role(cur[-1])


def _row_number(row: _Row, m: int, item_col: int | None) -> int | None:
    """The row's own item number: its 序号 cell, or the number its measure starts with."""
    if item_col is not None and row.cells.get(item_col):
        no = "".join(row.cells[item_col]).strip()
        return int(no) if no.isdigit() else None
    first = ITEM_RE.match(row.cells.get(m, [""])[0])
    return int(first["no"]) if first else None


def _fits_tail(text: str, following: list[Chunk]) -> bool:
    """Whether a chunk could open a unit or deadline cell: unit names (whole, or cut at the
    line end) or a deadline."""
    first = re.split(r"[、，,；;]", text)[0]
    return _unit_list(text) or _unit_line(text, following) or starts_known(first) or _deadline_like(text)


def _phone_cut_after(row: "_Row", tail: list[int], roles: list[str | None], k: int, t: str) -> int | None:
    """The tail position of a person column right of ``k`` whose cell ends in a telephone
    number cut short (``023-``, ``6778``), or in a name with no number yet when ``t`` has
    four digits or more (a page break dropped ``023-`` as a page number): digits further
    down are its rest."""
    for j in range(k + 1, len(tail)):
        cell = "".join(row.cells.get(tail[j], []))
        if roles[tail[j]] == "other" and (re.search(r"(?:\d|[\-－])$", cell)
                                          or (person_like(cell) and len(re.sub(r"\D", "", t)) >= 4)):
            return j
    return None


def _deadline_after_others(tail: list[int], roles: list[str | None], k: int,
                           skip: tuple[str, ...] = ("other",)) -> int | None:
    """The tail position of a deadline column that follows ``k`` past remark or person
    columns only (备注, 责任领导; with ``skip``, other kinds of column), or None."""
    for j in range(k + 1, len(tail)):
        if roles[tail[j]] == "deadline":
            return j if j > k + 1 else None
        if roles[tail[j]] not in skip:
            return None
    return None


def _remark_before(tail: list[int], roles: list[str | None], k: int, row: _Row) -> int | None:
    """The remark (备注) column right before the deadline column at ``tail[k]``, if the row
    left it empty."""
    if k >= 1 and roles[tail[k - 1]] == "other" and not row.cells.get(tail[k - 1]):
        return tail[k - 1]
    return None


def _closes_bracket(above: str, text: str) -> bool:
    """A short line that closes the bracket left open at the end of the cell line above:
    the rest of that cell (王芳（ / 副区长）), never a title or the next row."""
    opened = above.count("（") + above.count("(") - above.count("）") - above.count(")")
    close = min((i for i in (text.find("）"), text.find(")")) if i >= 0), default=-1)
    opens = min((i for i in (text.find("（"), text.find("(")) if i >= 0), default=len(text))
    return opened > 0 and 0 <= close < opens and width(text) <= 16


def _deadline_like(text: str) -> bool:
    return bool(_DEADLINE_START.match(text)) or parse_deadline(text, None).kind not in ("none", "conditional")


def _unit_line(text: str, following: list[Chunk]) -> bool:
    """A line of whole unit names (市财政局、市国资委), or one cut at the line end whose rest
    is on the next lines (市疫情防控工作领导小 / 组成员单位)."""
    names = [without_role_tail(x) for x in re.split(r"[、，,；;]", text) if x]  # (市发展改革委牵头，/ …牵)
    names = [x for x in names if x]
    if names and all(scoped_unit(x) for x in names):
        return True
    if not names or not all(scoped_unit(x) for x in names[:-1]):
        return False
    # the last name runs on over the next lines (各区县（自 / 治县）人民 / 政府), or after the
    # measure's last line, printed on the line of its rest (各开发区管 / …了解政策。 委会)
    cand, passed = names[-1], False
    for nxt in following:
        if nxt.joined and not passed:
            return False
        piece = re.split(r"[、，,；;]", nxt.text)[0]
        if scoped_unit(cand + piece):
            return True
        if starts_known(cand + piece):
            cand, passed = cand + piece, False
        elif not passed and not nxt.joined and nxt.text.endswith(_TERMINAL):
            passed = True
        else:
            return False
    return False


def _starts_other_name(parts: list[str], text: str) -> bool:
    """``text`` starts a name of its own (各区县政 → 各区县政府) that the cut name above
    (市政府新闻) does not run into."""
    last = re.split(r"[、，,；;]", "".join(parts))[-1]
    first = re.split(r"[、，,；;]", text)[0]
    return len(first) >= 3 and starts_known(first) and not starts_known(last + first) and not is_known(last + first)


def _units_done(row: _Row, tail: list[int], roles: list[str | None]) -> bool:
    """Whether a row already holds finished unit cells."""
    filled = [col for col in tail if roles[col] in ("lead", "responsible") and row.cells.get(col)]
    return bool(filled) and all(_done(row.cells[col], roles[col]) for col in filled)


def _units_ahead(chunks: list[Chunk], idx: int, narrow: float) -> bool:
    """Whether the wide lines from ``idx`` on are followed by a unit cell before any item
    number or heading."""
    for c in chunks[idx + 1: idx + 40]:
        if ITEM_RE.match(c.text) or heading_level(c.text):
            return False
        if width(c.text) <= narrow and not c.text.endswith(_TERMINAL):
            if _deadline_like(c.text):
                continue  # a deadline column before the units
            first = re.split(r"[、，,；;]", c.text)[0]
            return _unit_list(c.text) or is_known(first) or starts_known(first)
    return False


def _short_last_line(cur: list[str]) -> bool:
    """A wrapped cell whose last line stops well short of its other lines has ended
    (10月31日前，如有 / … / 公开: the remark's 纳入年度 after it is no more of it)."""
    return len(cur) >= 2 and width(cur[-1]) < max(width(x) for x in cur[:-1]) - 1


def _deadline_gains(cur: list[str], text: str) -> bool:
    """The line finishes a deadline the cell above only began (专项规划编制完成 / 后20个工作日内公):
    with it the cell reads as a date or a time after an event, without it as neither."""
    done = ("date", "relative")
    return parse_deadline("".join(cur), None).kind not in done and parse_deadline("".join(cur) + text, None).kind in done


def _wrapped_deadline(text: str, following: list[Chunk]) -> bool:
    """A narrow line that, with the next line, reads as a time after an event (政策制定后20 /
    个工作日内公): a deadline cell's first lines, not the measure's."""
    return bool(following) and not following[0].joined and "。" not in text and bool(re.search(r"后\d*$", text)) \
        and parse_deadline(text + following[0].text, None).kind == "relative" \
        and bool(re.match(r"\d*个?(?:工作日|日|天|月|周)", following[0].text))


def _person_ahead(text: str, following: list[Chunk]) -> bool:
    """A person's name (and title or phone), whole or cut by the line end (周杰（副 / 县长）)."""
    return person_like(text) or (bool(following) and not following[0].joined
                                  and person_like(text + following[0].text))


def _widest_line(rows: list[_Row], col: int) -> float:
    """The widest line a column has printed so far (0 before its first cell): how wide a
    remark may be, against a title block's line (a grouping column's width is
    ``_column_width``)."""
    return max((width(x) for r in rows for x in r.cells.get(col, [])), default=0)


def _column_width(rows: list[_Row], col: int) -> int:
    """A grouping column's width: its widest wrapped line (a line a cell went on after), so
    a title printed whole in it (以政务公开助力惠民生 over no task) does not widen it."""
    wrapped = [_set_width(x) for r in rows for x in r.cells.get(col, [])[:-1]]
    return max(wrapped or [_set_width(x) for r in rows for x in r.cells.get(col, [])] or [0])


def _item_ahead(chunks: list[Chunk], idx: int, last_item: int) -> bool:
    """Whether the next item number comes within a few narrow chunks; further on (a title
    block two grouping columns print as a dozen lines) only after nothing like a unit or
    deadline cell."""
    titles_only = True
    for k, c in enumerate(chunks[idx + 1: idx + 13]):
        m = ITEM_RE.match(c.text)
        if m and last_item < int(m["no"]) <= last_item + 2:
            return True
        titles_only = titles_only and not (c.joined or _unit_list(c.text) or scoped_unit(c.text)
                                           or _deadline_like(c.text))
        if width(c.text) > 24 or (k >= 3 and not titles_only):
            return False
    return False


def _name_goes_on(text: str, following: list[Chunk], narrow: float) -> bool:
    """A short chunk that, with the next narrow chunk, makes a unit name the registry knows
    (市发展改革 / 委、市经济信…): the unit cell starting, not the measure going on."""
    if not following or width(following[0].text) > narrow or text.endswith(_TERMINAL):
        return False
    last = re.split(r"[、，,；;]", text)[-1]
    first = re.split(r"[、，,；;]", following[0].text)[0]
    if len(last) < 2 or is_known(last):
        return False
    # the name is finished by the next chunk, or still cut after it (各区县（自治 / 县）人民政 / 府…)
    return is_known(last + first) or (first == following[0].text and starts_known(last + first))


# line-breaking rules (kinsoku) LibreOffice and Word follow: punctuation that may not start
# a line hangs past the column's edge; after characters a line may not end with, the word
# wraps whole
_HANGING = "，。、；：？！）」』”’》〕】"
_NO_LINE_END = "（(“‘《〔【"


def _set_width(line: str) -> int:
    """A line's width inside its column: punctuation hanging past the edge left out. A
    column is as wide as its widest line so measured; a line is full when, punctuation and
    all, it reaches that (一、紧扣“十四五” hangs its ” in a column of 二、紧扣宏观政策)."""
    return width(line.rstrip(_HANGING))


def _task_cut(block: list[str], seen: dict[int, list[str]], free: list[int]) -> int | None:
    """Where the outer title ends in one block of lines that two merged grouping cells
    printed as one run (以政务公开 / 助力稳增长 / 加强预期引 / 导): after a full line, before
    a line opening with a task verb, the outer part opening with none (a task title alone
    under a merged section: 推进政务公开 / …) unless it reads like an earlier outer title."""
    if len(block) < 2:
        return None
    full = max(_set_width(x) for x in block)
    outer_like = _title_like("".join(block), seen.get(free[0], []))
    if block[0].startswith(task_openers()) and not outer_like:
        return None
    for i in range(1, len(block)):
        if width(block[i - 1]) >= full - 1 and block[i].startswith(task_openers()) \
                and not breaks_word(block[i - 1], block[i]):
            return i
    return None


def _title_like(text: str, titles: list[str]) -> bool:
    """A line that starts the way an earlier title row did (以政务公开助力…): another title row."""
    return any(len(os.path.commonprefix([text, t])) >= 4 for t in titles)


def _block_ended(block: list[str], text: str) -> bool:
    """Whether a grouping cell's lines ended before ``text``: its last line ends a sentence,
    ``text`` is wider than the cell's column, or the last line is short by more than the
    next line's first character would need (a line that wrapped early only because
    「（PPP）」 or 「“五」 could not be split is not the end)."""
    last = block[-1]
    if last.endswith("。"):
        return True
    if breaks_word(last, text):
        return False  # 推进政府和社会资本合 / 作（PPP）: one word over the break
    full = max(width(x) for x in block)
    if len(block) > 1 and width(text) > full + 2:
        return True  # wider than the column the wrapped lines above show: the next column
    if len(block) == 1 or width(last) >= full - 1:
        return False
    return width(last) + width(_first_piece(text)) <= full  # (（PPP） and 服” wrap whole)


def _repeats_name(parts: list[str], text: str) -> bool:
    """A chunk starting with a name the cell above already holds begins the next column
    (区发展改革委、… printed again as 责任单位 after 牵头单位)."""
    first = re.split(r"[、，,；;]", text)[0]
    names = [n for n in re.split(r"[、，,；;]", "".join(parts)) if n]
    return bool(first) and ends_like_unit(first) and first in names


def _completes(parts: list[str], text: str) -> bool:
    """Whether ``text`` finishes the last name of a unit cell: it starts the way only the end
    of a name starts (局, 门, a bracket), or the two pieces make a name the registry knows."""
    if role_word_across(parts[-1], text):
        return True  # 市政府办公厅牵 / 头，…
    last = re.split(r"[、，,；;]", "".join(parts))[-1]
    if without_role_tail(last) != without_role(last):
        return False  # cut inside a role word: only its rest goes on (not 位监督管理…)
    if re.match(_SUFFIX_START, text):
        return True
    first = without_role_tail(re.split(r"[、，,；;]", text)[0])  # (事处按职责分工负 / 责)
    # the last name runs over the cell's lines, or (one name a line) is the last line's; or
    # over three lines, this one holding only its middle (局、市政府 / 信息公开 / 办、…)
    lasts = {re.split(r"[、，,；;]", "".join(parts))[-1], re.split(r"[、，,；;]", parts[-1])[-1]}
    return any(name_runs_on(last, first) for last in lasts) or (
        first == text and any(len(last) >= 2 and not is_known(last + first) and starts_known(last + first)
                              and not starts_known(first) for last in lasts))


def _measure_done(rows: list[_Row], m: int) -> bool:
    return bool(rows) and "".join(rows[-1].cells.get(m, [""])).endswith(_TERMINAL)


def _numbered(rows: list[_Row], m: int) -> bool:
    """Most rows so far start with an item number."""
    return len(rows) >= 3 and sum(1 for r in rows if ITEM_RE.match("".join(r.cells.get(m, [""])))) >= 0.8 * len(rows)


def _heading_ahead(chunks: list[Chunk], idx: int, count: int, max_width: float) -> bool:
    """Whether a numbered heading follows within ``count`` chunks no wider than ``max_width``
    (and no item number): the narrow text before it finishes the cell above (a deadline's or
    remark's rest), for an unnumbered title block never stands right before a numbered one."""
    for c in chunks[idx + 1: idx + 1 + count]:
        if heading_level(c.text):
            return True
        if width(c.text) > max_width or ITEM_RE.match(c.text):
            return False
    return False


def _full_lines(parts: list[str], col_width: int = 0, nxt: str = "") -> bool:
    """A grouping cell whose last line is as wide as its column (the widest line seen in it),
    or too wide to take ``nxt``'s first piece (推进“放管 / 服”改革信息: 服” wraps whole):
    its text goes on."""
    if not parts or parts[-1].endswith(("。", "）", ")")):
        return False
    full = max([col_width] + [_set_width(p) for p in parts])
    return width(parts[-1]) >= full - 1 or (bool(nxt) and width(parts[-1]) + width(_first_piece(nxt)) > full)


def _list_goes_on(measure: list[str], text: str) -> bool:
    """A line numbered as the next point of a list the measure holds (1．… / 2．…)."""
    got = re.match(r"(\d{1,2})[.．、﹒]", text)
    return bool(got) and int(got[1]) >= 2 and any(re.match(rf"{int(got[1]) - 1}[.．、﹒]", x) for x in measure)


def _wide_ahead(chunks: list[Chunk], idx: int, narrow: float) -> bool:
    """Whether a line as wide as a measure's comes within the next three chunks (no item)."""
    return any(width(c.text) > narrow and not ITEM_RE.match(c.text) for c in chunks[idx + 1:idx + 4])


def _first_piece(text: str) -> str:
    """What wraps with a line's first character: punctuation that may not end a line before
    it, the Latin word it starts, punctuation that may not start a line after it."""
    m = re.match(rf"[{_NO_LINE_END}]*(?:[A-Za-z0-9]+|.)[{_HANGING}]*", text)
    return m[0] if m else ""


def _unit_list(text: str) -> bool:
    """A chunk that is nothing but unit names (no sentence punctuation)."""
    if re.search(r"[。；：“”《》>]", text) or opens_measure(text):
        return False  # (推进政府和社会 at a page's top ends like 社会 but opens a title)
    parts = [without_role_tail(p) for p in re.split(r"[、，,]", text) if p]  # (…牵头，/ …配合 / …牵)
    parts = [p for p in parts if p]
    if not parts or parts[0].startswith(task_openers()) and not (scoped_unit(parts[0]) or is_known(parts[0])):
        return False  # (推进政府 / 和社会资 / …: a title's first line, no 推进办)
    # the last name may be cut at the line end (市信息中心、市 / 工信局…)
    last_ok = ends_like_unit(parts[-1]) or (len(parts) > 1 and len(parts[-1]) <= 4)
    return all(ends_like_unit(p) for p in parts[:-1]) and last_ok


def _group_col(level: str, pre: list[int], roles: list[str | None], row: _Row) -> int:
    groups = [i for i in pre if roles[i] == "group"]
    if not groups:
        return pre[0]
    if level == "section" or len(groups) == 1:
        return groups[0]
    return groups[1]


def _done(parts: list[str], role: str | None) -> bool:
    """Whether a unit or deadline cell's text looks finished."""
    text = "".join(parts)
    if role in ("lead", "responsible"):
        return ends_whole(text)  # (a cell saying who leads ends with its role word: …参与)
    if role == "deadline":
        if re.search(r"完成$", text) and len(parts) > 1 and width(parts[-1]) >= max(width(p) for p in parts) - 1:
            return False  # 编制 / 完成 on a full line: …完成后 20 个工作日内公开 may go on
        return bool(re.search(r"(前|底|止|坚持|推进|更新|完成|公开|全年|内)$", text))
    return not text.endswith(("，", "、", ",", "；", "：", "-", "－"))  # a remark cut after a comma goes on
