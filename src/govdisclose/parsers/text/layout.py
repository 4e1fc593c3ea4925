"""``pdftotext -layout`` text: columns side by side, rebuilt from character offsets.

Per page (each page repeats the header line), columns are the runs of character
positions that some data line occupies, separated by "rivers" no line touches;
each run is mapped to the header word above it. Rows start where the measure
column starts the next item number, or a grouping column starts a numbered
heading, or (tables without numbers) where a finished measure is followed by a
new one beside new units. Grouping text is read in blocks of adjacent lines, so
a heading that wraps past its first row (or past a page break) stays whole.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from govdisclose.normalize.text import line_joiner, opens_sub_point
from govdisclose.normalize.units import cell_runs_on, ends_whole, is_known, scoped_unit, two_names
from govdisclose.parsers.document import Cell, Row, Table
from govdisclose.shape.header import header_role, names_a_table
from govdisclose.shape.numbering import ITEM_RE, counted_number, counts_up, heading_level

Lines = list[tuple[int, str]]
_TERMINAL = ("。", "；", ";", "）", ")", "〕")


def _header_spans(line: str) -> list[tuple[int, int, str]] | None:
    """Header words in a line with their (start, end) offsets; None if not a header line."""
    spans = _word_spans(line)
    return spans if spans and names_a_table([w for _, _, w in spans]) else None


def _word_spans(line: str) -> list[tuple[int, int, str]] | None:
    """The line as header words only, with their offsets; None if anything else is in it."""
    if len(line) > 200 or len(line.replace(" ", "")) > 60:
        return None
    chars = [(i, ch) for i, ch in enumerate(line) if not ch.isspace()]
    compact = "".join(ch for _, ch in chars)
    spans: list[tuple[int, int, str]] = []
    k = 0
    while k < len(compact):
        for length in range(min(8, len(compact) - k), 1, -1):
            word = compact[k:k + length]
            if header_role(word, exact=True):
                spans.append((chars[k][0], chars[k + length - 1][0] + 1, word))
                k += length
                break
        else:
            return None  # a character that is not part of a header word
    return spans


def header_line_words(lines: Lines, k: int) -> tuple[list[str], int]:
    """The header words on line ``k`` (a one-line header, as -raw and viewer copies print
    it) and the number of lines the header takes: two when the next line holds only the
    lower words of a two-row header (牵头 配合 under 责任单位), which are folded in."""
    from govdisclose.parsers.text.flows import fold_lower_header

    words = [w for _, _, w in _header_spans(lines[k][1]) or []]
    nxt = next(((j, l) for j, (_no, l) in enumerate(lines[k + 1:k + 3], k + 1) if l.strip()), None)
    if nxt is not None:
        low = [w for _, _, w in _word_spans(nxt[1]) or []]
        folded = fold_lower_header(words, low) if low else None
        if folded:
            return folded, nxt[0] - k + 1
    return words, 1


def _cut_words_in_order(top: str, low: str) -> list[str] | None:
    """A one-line header (as -raw prints it) whose narrow cells were cut: the next line
    holds the words' ends in order (序号 工作任务 具体措施 牵头 配合 完成 / 单位 单位 时限)."""
    ups, downs = top.split(), low.split()
    if len(ups) < 3 or not downs or len(downs) > len(ups) or len(top) > 200:
        return None
    words, j = [], 0
    for w in ups:
        if j < len(downs) and header_role(w + downs[j], exact=True):
            words.append(w + downs[j])
            j += 1
        elif header_role(w, exact=True):
            words.append(w)
        else:
            return None
    if j < len(downs):
        return None
    return words if names_a_table(words) else None


def find_one_line_header(lines: Lines) -> tuple[int, list[str], int] | None:
    """The first header printed on one line (a lower row of 牵头 / 配合 folded in) or with
    its words' ends on the next line: (index, words, lines it takes)."""
    for k, (_no, line) in enumerate(lines):
        if _header_spans(line):
            words, n = header_line_words(lines, k)
            # (its last word may have wrapped to the next line, 时 间 / 节 点: the longer
            # reading that still names as many columns wins)
            wrapped = _wrapped_header(lines, k)
            if wrapped and wrapped[1] > n and len(wrapped[0]) >= len(words):
                return k, wrapped[0], wrapped[1]
            return k, words, n
        nxt = next((j for j in range(k + 1, min(k + 3, len(lines))) if lines[j][1].strip()), None)
        if nxt is not None and line.strip():
            words = _cut_words_in_order(line, lines[nxt][1])
            if words:
                cut = _with_lower_row(lines, words, nxt - k + 1, k)
                wrapped = _wrapped_header(lines, k)
                if wrapped and len(wrapped[0]) > len(cut[0]):
                    return k, wrapped[0], wrapped[1]  # more of the header wrapped on (责任领 / 导 / 完成时间)
                return k, *cut
        found = _wrapped_header(lines, k)
        if found:
            return k, found[0], found[1]
    return None


def _with_lower_row(lines: Lines, words: list[str], n: int, k: int) -> tuple[list[str], int]:
    """A lower header row of 牵头 / 配合 words on the line after the header, folded in."""
    from govdisclose.parsers.text.flows import fold_lower_header

    nxt = next((j for j in range(k + n, min(k + n + 2, len(lines))) if lines[j][1].strip()), None)
    if nxt is None:
        return words, n
    low = [w for _, _, w in _word_spans(lines[nxt][1]) or []]
    folded = fold_lower_header(words, low) if len(low) >= 2 else None
    return (folded, nxt - k + 1) if folded else (words, n)


def _wrapped_header(lines: Lines, k: int) -> tuple[list[str], int] | None:
    """A one-line header whose cells wrapped, as -raw prints it: each cell's lines in turn,
    the next cell's first line after a space when it shares the baseline (工 作 / 目 标 /
    具 体 要 求 完 成 / 时 间 / 责 任 部 / 门). The lines read together as header words only;
    the most lines that do win, and a last line of 牵头 / 配合 words under 责任单位 is folded
    in as the lower row of a two-row header."""
    from govdisclose.parsers.text.flows import fold_lower_header

    first = lines[k][1].strip()
    if not first or len(first.replace(" ", "")) > 40:
        return None
    best = None
    texts = [first]
    for j in range(k + 1, min(k + 13, len(lines))):
        more = lines[j][1].strip()
        after = lines[j + 1][1].strip() if j + 1 < len(lines) else ""
        if not more or (len(more.replace(" ", "")) > 16 and _word_spans(more) is None
                        and _word_spans(f"{more} {after}") is None):
            break  # (a long line goes on the header only when it is header words itself, its
            # last word maybe cut: 工作措施 牵头单位 责任科室 时限 责任领 / 导)
        texts.append(more)
        spans = _word_spans(" ".join(texts))
        if not spans:
            continue
        words = [w for _, _, w in spans]
        folded = None
        # the lower row's words may wrap too (牵 头 部 / 门 / 责 任 部 / 门): its lines are the last few
        for cut in range(len(texts) - 1, 0, -1):
            low = [w for _, _, w in _word_spans(" ".join(texts[cut:])) or []]
            upper = [w for _, _, w in _word_spans(" ".join(texts[:cut])) or []]
            folded = fold_lower_header(upper, low) if upper and len(low) >= 2 else None
            if folded:
                break
        if folded and names_a_table(folded):
            best = (folded, j - k + 1)
        elif names_a_table(words):
            best = (words, j - k + 1)
    return best


def _fold_two_row_headers(found: list[tuple[int, list[tuple[int, int, str]]]], lines: Lines
                          ) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """A header over two lines (责任单位 over 牵头单位 | 配合单位): the lower line's words
    take the place of the upper word they sit under, and the pair counts as one header.
    Returns (first line, last line, spans) per header."""
    out: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for k, spans in found:
        j = k + 1
        while j < len(lines) and j <= k + 2 and not lines[j][1].strip():
            j += 1
        low = _word_spans(lines[j][1]) if j < len(lines) else None
        if low and len(low) >= 2 and all(header_role(w) in ("lead", "responsible") for _, _, w in low):
            lo0, lo1 = min(a for a, _, _ in low), max(b for _, b, _ in low)
            # the upper words standing over the lower ones (责任单位) give way to them; a
            # word of another column that only touches them (时 限 要 求 责任单位) stays
            kept = [sp for sp in spans if not (sp[0] < lo1 + 2 and sp[1] > lo0 - 2 and (
                header_role(sp[2]) in ("lead", "responsible") or lo0 - 2 <= (sp[0] + sp[1]) / 2 <= lo1 + 2))]
            if len(kept) < len(spans):
                out.append((k, j, sorted(kept + low)))
                continue
        out.append((k, k, spans))
    return out


_GUTTER = re.compile(r"\S {2,}\S")  # two cells on one line, the gap between columns
_NUMBER = re.compile(r"\d{1,3}[.．、]?")
_CIRCLED = re.compile(r"[①-⑳]")  # a sub-item numbered in the 序号 column among 16, 17 (⑦ between them)


def _number_runs(body: Lines) -> list[tuple[int, int, int]]:
    """Runs of a page's character positions holding only bare numbers: (start, end, cells)."""
    # a number sits on its row's first line beside the measure: lines of one run of text
    # (title rows across the table, wrapped titles) hold none and would bridge the column
    data = [l for _, l in body if re.search(r"\S\s{2,}\S", l.strip())]
    out = []
    for a, b in _runs(data):
        cells = [l[a:b].strip() for l in data if l[a:b].strip()]
        # 10 月 31 日前: pdftotext sets digits apart from the date words around them
        dated = any(re.match(r" ?[年月日个号]", l[b:b + 2]) or re.search(r"[年月第] ?$", l[max(0, a - 2):a])
                    for l in data if l[a:b].strip())
        numbers = [c for c in cells if _NUMBER.fullmatch(c)]
        if numbers and all(_NUMBER.fullmatch(c) or _CIRCLED.fullmatch(c) for c in cells) \
                and len(numbers) >= 0.8 * len(cells) and counts_up(numbers) and not dated:
            out.append((a, b, len(cells)))
    return out


def _number_run(body: Lines, spans: list[tuple[int, int, str]]) -> int | None:
    """Where (as a header index) a run of bare numbers no header word stands over sits."""
    for a, b, n in _number_runs(body):
        if n >= 2 and not any(min(b, h1) > max(a, h0) for h0, h1, _ in spans):
            return sum(1 for h0, _, _ in spans if h0 < a)
    return None


def _first_segment(body: Lines, page_starts: AbstractSet[int]) -> Lines:
    """A page's lines up to the first page break with no header after it."""
    cut = next((k for k, (no, _l) in enumerate(body) if no in page_starts and k > 0), len(body))
    return body[:cut]


def _with_item_span(spans: list[tuple[int, int, str]], body: Lines, at: int) -> list[tuple[int, int, str]]:
    for a, b, _n in _number_runs(body):
        if sum(1 for h0, _, _ in spans if h0 < a) == at:
            return spans[:at] + [(a, b, "序号")] + spans[at:]
    x = spans[at - 1][1] + 1 if at else 0  # a page without numbers: an empty column in the same place
    return spans[:at] + [(x, x, "序号")] + spans[at:]


def _title_line(line: str, first_end: int) -> bool:
    """A section title printed across the table (a row of one merged cell): one run of
    text, no gap between columns in it, reaching past the first column or numbered 一、."""
    text = line.strip()
    if len(text) < 4 or re.search(r"\S\s{2,}\S", text):
        return False
    start = len(line) - len(line.lstrip())
    if any(abs(m.end() - first_end) <= 1 for m in re.finditer(r"(?<=\S) (?=\S)", line)):
        return False  # two cells a single space apart at the column bound: （PPP）项目 作，加大…
    return heading_level(text) == "section" or (start < first_end and start + len(text) > first_end + 1)


def _titles_in_first_column(body: Lines, first_end: int) -> set[int]:
    """Title rows no wider than the first column: a line of first-column text alone, after
    a line whose first column is blank (so not the end of a wrapped cell above) and before
    a line that opens a row (text in the first column and further right, or a numbered
    measure). Cells are
    top-aligned, so such a line belongs to no row's cells."""
    filled = [(no, l) for no, l in body if l.strip()]
    found: set[int] = set()

    def first_col(line: str) -> str:
        return line[:first_end].strip()

    for k, (no, line) in enumerate(filled):
        text = line.strip()
        start = len(line) - len(line.lstrip())
        if len(text) < 4 or start >= first_end or start + len(text) > first_end + 1 or re.search(r"\S\s{2,}\S", text):
            continue
        prev_blank = k == 0 or not first_col(filled[k - 1][1])
        nxt = filled[k + 1][1] if k + 1 < len(filled) else ""
        rest = nxt[first_end:].strip()
        opens_row = bool(rest) and (bool(first_col(nxt)) or bool(re.match(r"^\d{1,3}(?:[.．、﹒]|\s)", rest)))
        if prev_blank and opens_row and heading_level(text) != "task":
            found.add(no)
    return found


def _runs(lines: list[str], valleys: bool = False) -> list[tuple[int, int]]:
    """Maximal runs of occupied character positions (columns) across the lines. With
    ``valleys``, a stretch that only a few lines cross (one in ten), between positions
    three times as full, parts two runs too: pdftotext set those lines of a cell (digits
    make one wider: 公开 12345 …情况， 每季度) one space from the next column."""
    count = _occupancy(lines)
    width = len(count)
    occ = [c > 0 for c in count]
    if valleys:
        low = max(1, len(lines) // 10)
        for a, b in _stretches([0 < c <= low for c in count]):
            if a > 0 and b < width and min(count[a - 1], count[b]) >= max(3, 3 * low):
                occ[a:b] = [False] * (b - a)
    return _stretches(occ)


def _occupancy(lines: list[str]) -> list[int]:
    """Per character position, how many lines hold text there."""
    count = [0] * max((len(l) for l in lines), default=0)
    for l in lines:
        for i, ch in enumerate(l):
            if not ch.isspace():
                count[i] += 1
    return count


def _overlap(extents: list[tuple[int, int]]) -> bool:
    """Whether two neighbouring columns' extents run into each other."""
    return any(a[1] > b[0] for a, b in zip(extents, extents[1:]))


def _split_under_words(runs: list[tuple[int, int]], spans: list[tuple[int, int, str]],
                       lines: list[str]) -> list[tuple[int, int]]:
    """Runs that hold two header words' starts (时限 and 协办单位 over one run, some
    deadlines set one character into the next column) cut between the words, at the
    stretch of positions the fewest lines hold text in."""
    count = _occupancy(lines)
    out: list[tuple[int, int]] = []
    for a, b in runs:
        starts = sorted(h0 for h0, _h1, _w in spans if a <= h0 < b)
        ends = {h0: h1 for h0, h1, _w in spans}
        for left, right in zip(starts, starts[1:]):
            lo, hi = ends[left], right
            if hi <= lo:
                continue
            least = min(count[lo:hi])
            cut = [i for i in range(lo, hi) if count[i] == least]
            out.append((a, cut[0]))
            a = cut[-1] + 1
        out.append((a, b))
    return out


def _stretches(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of true flags."""
    runs, start = [], None
    for i, o in enumerate(flags + [False]):
        if o and start is None:
            start = i
        elif not o and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _assign(runs: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """One (start, end) range per header column: the runs that lie under (or nearest) its word."""
    return _contiguous(_extents(runs, spans))


def _extents(runs: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Per header column, the extent of the runs that lie under (or nearest) its word."""
    cols: list[list[tuple[int, int]]] = [[] for _ in spans]
    for a, b in runs:
        best, dist = 0, None
        for k, (h0, h1, _w) in enumerate(spans):
            overlap = min(b, h1) - max(a, h0)
            d = -overlap if overlap > 0 else min(abs(a - h1), abs(b - h0)) + 0.5
            if dist is None or d < dist:
                best, dist = k, d
        cols[best].append((a, b))
    out = []
    for k, (h0, h1, _w) in enumerate(spans):
        if cols[k]:
            out.append((min(a for a, _ in cols[k]), max(b for _, b in cols[k])))
        else:
            out.append((h0, h1))
    return out


def _contiguous(out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges made contiguous so no character falls between columns."""
    bounds: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(out):
        start = 0 if k == 0 else bounds[-1][1]
        end = out[k + 1][0] if k + 1 < len(out) else 10**6
        bounds.append((start, max(end, start)))
    return bounds


# the rest of a date from a month or day on, as pdftotext spaces it (10 月 31 日前, 8 月底前)
_DATE = re.compile(r"\d{1,2} ?[月日号](?: ?\d{1,2} ?[日号])?(?:底|中旬|上旬|下旬)?(?:前|之前)?")
_SKIP = 0.5  # a column with no text on a page, in _shifted_bounds' width costs


def _shifted_bounds(extents: list[tuple[int, int]], runs: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Column ranges on a page that printed no header: pdftotext -layout places a page's
    columns afresh, dropping a column that is empty on the whole page (a merged title
    column below its title). The page's runs are matched in order to the columns whose
    widths they fit best; None when they cannot be."""
    merged: list[tuple[int, int]] = []
    for a, b in runs:  # a sliver one space from a run is part of its cell: 6 月 30 日 / 前
        if merged and a - merged[-1][1] <= 1 and min(b - a, merged[-1][1] - merged[-1][0]) <= 2:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    runs = merged
    n, m = len(extents), len(runs)
    if not runs or m > 3 * n:
        return None
    widths = [max(b - a, 1) for a, b in extents]
    inf = float("inf")
    # cost[i][j]: runs[:i] matched into columns[:j]. A column takes one run, or two or three
    # (a cell's words set a space apart: 2019 年 | 12 月), and is judged by how far its
    # width is from the column's on the page above; a column left empty on the whole page
    # costs as much as a poor fit, so two cells one space apart are not made one
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    back: list[list[int]] = [[0] * (n + 1) for _ in range(m + 1)]  # runs taken by column j
    cost[0][0] = 0.0
    for j in range(1, n + 1):
        for i in range(m + 1):
            best, took = cost[i][j - 1] + _SKIP, 0
            for g in (1, 2, 3):
                if i - g < 0 or cost[i - g][j - 1] == inf:
                    continue
                span = runs[i - 1][1] - runs[i - g][0]
                # (runs one space apart are likelier one cell's words than wider-set ones)
                gaps = sum(runs[q + 1][0] - runs[q][1] - 1 for q in range(i - g, i - 1))
                c = cost[i - g][j - 1] + abs(span - widths[j - 1]) / max(widths[j - 1], 6) + 0.1 * (g - 1) + 0.2 * gaps
                if c < best:
                    best, took = c, g
            cost[i][j], back[i][j] = best, took
    if cost[m][n] == inf:
        return None
    placed: list[tuple[int, int] | None] = [None] * n
    i, j = m, n
    while j > 0:
        g = back[i][j]
        if g:
            placed[j - 1] = (runs[i - g][0], runs[i - 1][1])
            i -= g
        j -= 1
    # a column left out has no width, at the edge of its right neighbour
    out: list[tuple[int, int]] = []
    for k in range(n - 1, -1, -1):
        here = placed[k]
        if here is None:
            edge = out[0][0] if out else 10**6
            here = (edge, edge)
        out.insert(0, here)
    return _contiguous(out)


def _split_line(line: str, bounds: list[tuple[int, int]]) -> list[str]:
    """The line cut at the column bounds. A word running over a bound after a single space
    (a full measure line: …强化政 区政务办) belongs to the column it runs into, but a date's
    month or day stays with its year (2020 年 | 10 月). Then a piece with two spaces inside
    holds two cells: its first words go to the left column, its last to an empty right one."""
    cuts = [a for a, _b in bounds[1:]]
    for k, b in enumerate(cuts):
        if not 0 < b < len(line):
            continue
        word = b if line[b - 1] == " " else line.rfind(" ", bounds[k][0], b) + 1
        if 2 <= word < len(line) and line[word - 1] == " " and line[word - 2] in "年月" \
                and line[word].isdigit():
            # the month or day of a date (2020 年 | 10 月): pdftotext sets digits wider, so
            # a date runs over the bound; it ends with its last date word (2020 年 10 月 张伟)
            date = _DATE.match(line, word)
            end = date.end() if date and date.end() > b else b
            end += len(line[end:]) - len(line[end:].lstrip(" "))
            cuts[k] = min(end, bounds[k + 1][1] if k + 1 < len(bounds) else end)
        elif line[b - 1] != " " and line[b] != " ":
            sp = line.rfind(" ", bounds[k][0], b)
            # after a single space (a full line of the column before) or after a gap (the
            # next cell's line set just left of a centred header word: 门，有关单位 under 责任部门)
            if sp > 0 and b - sp - 1 <= 4:
                cuts[k] = sp + 1
    edges = [bounds[0][0]] + cuts + [bounds[-1][1]]
    pieces = [line[a:b].strip() for a, b in zip(edges, edges[1:])]
    for k in range(1, len(pieces)):
        # a gap of two spaces inside a piece: its first words are the left column's. They
        # ran over the bound one space from that cell's text (2023 年 6 月 | 刘军: pdftotext
        # sets a line with digits wider), or are a bare number beside an empty 序号 cell
        parts = re.split(r" {2,}", pieces[k], maxsplit=1)
        if len(parts) < 2:
            continue
        head, rest = parts
        at = line.find(pieces[k], edges[k])
        joined = at >= 2 and line[at - 1] == " " and line[at - 2] != " " and pieces[k - 1]
        if joined or not pieces[k - 1] and _NUMBER.fullmatch(head):
            pieces[k - 1] = (pieces[k - 1] + " " + head).strip()
            pieces[k] = rest.strip()
    for k in range(len(pieces) - 1):
        # or its last words are the next column's, empty on this line: that cell's text
        # was set short of the bound (…重点做好以下工作：     区司法局)
        parts = re.split(r" {2,}", pieces[k])
        if len(parts) > 1 and not pieces[k + 1]:
            pieces[k], pieces[k + 1] = "  ".join(parts[:-1]), parts[-1]
    return pieces


def _unit_spilled(cells: list[str], roles: list[str | None]) -> list[str]:
    """A measure line set one space from the unit cell beside it: a unit name ending the
    measure's piece goes to the unit column when that is empty on this line (…方便中小企
    区财政局), and a measure word the unit cell starts with goes back (a line with digits is
    wider: 12366 | 纳税服务 各区人民政府)."""
    for k in range(len(cells) - 1):
        if roles[k] != "measure" or roles[k + 1] not in ("lead", "responsible"):
            continue
        if not cells[k + 1]:
            m = re.fullmatch(r"(.{8,}\S) (\S+)", cells[k])  # (not ④ 区政府办公室要…: a list item)
            if m and _names(m[2]):
                cells[k], cells[k + 1] = m[1], m[2]
        elif cells[k]:
            m = re.fullmatch(r"(\S+) (\S.*)", cells[k + 1])
            if m and not _names(m[1]) and _names(m[2]):
                cells[k], cells[k + 1] = cells[k] + " " + m[1], m[2]
    return cells


def _names(text: str) -> bool:
    """Text that is unit names only (a known name, or a short one with a scope and a unit ending)."""
    return all(is_known(n) or scoped_unit(n) and len(n) <= 10 for n in re.split(r"[、，]", text))


def _runs_of(line: str) -> list[tuple[int, int, str]]:
    """Runs of text separated by two or more spaces, with their offsets."""
    return [(m.start(), m.end(), m.group(0).replace(" ", "")) for m in re.finditer(r"\S+(?: \S+)*", line)]


def _stacked_header_spans(top: str, low: str) -> list[tuple[int, int, str]] | None:
    """A header whose words are cut over two lines in narrow columns (牵头 / 单位, 完成 /
    时限): each word of the lower line completes the upper word it sits under. None
    unless every run of both lines joins into a header word."""
    if not top.strip() or not low.strip() or len(top) > 200 or len(low) > 200:
        return None
    ups, downs = _runs_of(top), _runs_of(low)
    if len(ups) < 3 or not downs:
        return None
    used: set[int] = set()
    spans: list[tuple[int, int, str]] = []
    for a, b, word in ups:
        under = [j for j, (c, d, _w) in enumerate(downs) if j not in used and min(b, d) - max(a, c) > -2]
        if len(under) > 1:
            return None
        if under:
            c, d, w = downs[under[0]]
            used.add(under[0])
            if header_role(word, exact=True) and not header_role(word + w, exact=True):
                return None  # a whole word above, another below: a two-row header, not a cut one
            word, a, b = word + w, min(a, c), max(b, d)
        if not header_role(word, exact=True):
            return None
        spans.append((a, b, word))
    if len(used) < len(downs) or len(used) == 0:
        return None
    return spans if names_a_table([w for _, _, w in spans]) else None


def _headers(lines: Lines) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Every header in the copy as (first line, last line, spans): one line, a two-row
    header, words cut over two lines, or (when none of those is found) words read column
    by column under the body's own columns."""
    found = _fold_two_row_headers([(k, s) for k, (_no, l) in enumerate(lines) if (s := _header_spans(l))], lines)
    taken = {k for a, b, _s in found for k in range(a, b + 1)}
    for k in range(len(lines) - 1):
        if k in taken or k + 1 in taken:
            continue
        spans = _stacked_header_spans(lines[k][1], lines[k + 1][1])
        if spans:
            found.append((k, k + 1, spans))
            taken |= {k, k + 1}
    # one-line headers whose next lines hold more of them (责 任 单 / 位 under the line)
    for i, (a, b, spans) in enumerate(found):
        if b != a:
            continue
        for depth in (3, 2):
            head = [lines[j][1] for j in range(a, min(a + depth, len(lines)))]
            if len(head) < depth or any(not h.strip() or len(h.replace(" ", "")) > 20 for h in head[1:]):
                continue
            better = _header_words_by_position(head)
            if better and len(better) >= len(spans):
                found[i] = (a, a + depth - 1, better)
                taken |= set(range(a, a + depth))
                break
    # spaced header words cut over two lines, which no line reader takes: read by position
    for k in range(len(lines) - 1):
        if k in taken or k + 1 in taken or not lines[k][1].strip() or len(lines[k + 1][1].replace(" ", "")) > 20:
            continue
        spans = _header_words_by_position([lines[k][1], lines[k + 1][1]])
        if spans:
            found.append((k, k + 1, spans))
            taken |= {k, k + 1}
    if not found:
        found = _column_headers(lines)
    return sorted(found)


def _column_headers(lines: Lines) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Headers whose words are spaced out as wide as the gaps between columns and cut over
    lines in narrow columns (目   标    贯   彻   举   措    完 成 / 时 间): the body's columns (the
    runs of positions its lines occupy) are found first, then the header lines' characters
    are read column by column. The first header found fixes the text; every later block of
    the same lines is the header again after a page break."""
    nonblank = [k for k, (_no, l) in enumerate(lines) if l.strip()]
    for pos, k in enumerate(nonblank[:-1]):
        line = lines[k][1]
        if len(line.strip().replace(" ", "")) > 60 or not _GUTTER.search(line):
            continue
        for depth in (1, 2, 3, 4, 5):
            if pos + depth >= len(nonblank):
                break
            head = [lines[j][1] for j in nonblank[pos:pos + depth]]
            body = _until_again(head[0], [lines[j][1] for j in nonblank[pos + depth:pos + depth + 40]])
            spans = _header_words_by_position(head) or _read_under_columns(head, body)
            if spans:
                first, last = k, nonblank[pos + depth - 1]
                key = [re.sub(r"\s+", "", lines[j][1]) for j in nonblank[pos:pos + depth]]
                out = [(first, last, spans)]
                q = 0  # (a page above may print it too, in columns this reading missed)
                while q + depth <= len(nonblank):
                    if pos - depth < q < pos + depth:
                        q = pos + depth
                        continue
                    if [re.sub(r"\s+", "", lines[j][1]) for j in nonblank[q:q + depth]] == key:
                        again = [lines[j][1] for j in nonblank[q:q + depth]]
                        more = _until_again(again[0], [lines[j][1] for j in nonblank[q + depth:q + depth + 40]])
                        out.append((nonblank[q], nonblank[q + depth - 1],
                                    _header_words_by_position(again) or _read_under_columns(again, more) or spans))
                        q += depth
                    else:
                        q += 1
                return sorted(out)
    return []


def _header_words_by_position(head: list[str]) -> list[tuple[int, int, str]] | None:
    """Header words read off the lines by position (see ``_position_words``); with a
    two-row header, the lower row's 牵头 / 配合 words take the place of the upper word
    spanning them (责任单位)."""
    found = _position_words(head)
    if found or len(head) < 2:
        return found
    lower: list[tuple[int, int, str]] = []
    rest = list(head[1:])
    for r, line in enumerate(head[1:]):
        for a, b, word in _runs_of(line):
            if header_role(word, exact=True) in ("lead", "responsible"):
                lower.append((a, b, word))
                rest[r] = rest[r][:a] + " " * (b - a) + rest[r][b:]
    if len(lower) < 2:
        return None
    upper = _position_words([head[0]] + rest)
    if not upper:
        return None
    # the one upper unit word (its merged cell spans the lower words, wider than its text)
    spanning = [k for k, (_a, _b, w) in enumerate(upper) if header_role(w, exact=True) in ("lead", "responsible")]
    if len(spanning) != 1:
        return None
    k = spanning[0]
    out = upper[:k] + sorted(lower) + upper[k + 1:]
    return out if names_a_table([w for _, _, w in out]) else None


def _position_words(head: list[str]) -> list[tuple[int, int, str]] | None:
    """Header words read off the top line's characters in order, each completed by the
    lower lines' characters that sit under it (任 务 名 / 称, 完 成 时 / 间): spacing inside a
    word may be as wide as between words, so the split is where the characters make words.
    Every character must fall in a word; the fewest words win."""
    top = [(i, ch) for i, ch in enumerate(head[0]) if not ch.isspace()]
    lows = [(r, i, ch) for r, line in enumerate(head[1:], 1) for i, ch in enumerate(line) if not ch.isspace()]
    if len(top) < 6 or len(top) > 80:
        return None
    n = len(top)
    best: list[tuple[int, list[tuple[int, int, str]]] | None] = [None] * (n + 1)
    best[n] = (0, [])
    for p in range(n - 1, -1, -1):
        for size in range(1, min(8, n - p) + 1):
            rest = best[p + size]
            if rest is None:
                continue
            a, b = top[p][0], top[p + size - 1][0]
            nxt = top[p + size][0] if p + size < n else 10**6
            prv = top[p - 1][0] if p else -(10**6)
            under = sorted((g for g in lows if max(a - 1, prv + 1) <= g[1] <= min(b + 2, nxt - 1)), key=lambda g: (g[0], g[1]))
            word = "".join(ch for _i, ch in top[p:p + size]) + "".join(ch for _r, _i, ch in under)
            if header_role(word, exact=True) and (best[p] is None or rest[0] + 1 < best[p][0]):
                best[p] = (rest[0] + 1, [(a, b + 1, word)] + rest[1])
    if best[0] is None:
        return None
    spans = best[0][1]
    used = sum(len(w) for _a, _b, w in spans)
    if used != len(top) + len(lows):
        return None  # a lower character no word took: not this kind of header
    return spans if len(spans) >= 3 and names_a_table([w for _, _, w in spans]) else None


def _until_again(first: str, body: list[str]) -> list[str]:
    """The body lines up to the header printed again (the next page places its columns anew)."""
    key = re.sub(r"\s+", "", first)
    for k, line in enumerate(body):
        if re.sub(r"\s+", "", line) == key:
            return body[:k]
    return body


def _read_under_columns(head: list[str], body: list[str]) -> list[tuple[int, int, str]] | None:
    """The header lines' characters gathered per body column, top line first; every column
    with text must read as a header word (a column whose text reads as two words, as a
    narrow 序号 next to the measure can, is two columns cut at the gap in the top line),
    and the words must name a table."""
    cols = _runs([l for l in body if _GUTTER.search(l)])
    if len(cols) < 3:
        return None
    chars: list[list[tuple[int, int, str]]] = [[] for _ in cols]  # (line, x, ch) per column
    for r, line in enumerate(head):
        for i, ch in enumerate(line):
            if ch.isspace():
                continue
            best = min(range(len(cols)), key=lambda c: 0 if cols[c][0] <= i < cols[c][1]
                       else min(abs(i - cols[c][0]), abs(i - cols[c][1] + 1)))
            chars[best].append((r, i, ch))
    spans: list[tuple[int, int, str]] = []
    for (a, b), got in zip(cols, chars):
        if not got:
            continue
        word = _column_word(got)
        if word:
            spans.append((a, b, word))
            continue
        # two words in one column: cut where the top line leaves a gap of two or more
        top = sorted(x for r, x, _ch in got if r == 0)
        gaps = [(x2 + x1) // 2 + 1 for x1, x2 in zip(top, top[1:]) if x2 - x1 > 2]
        pieces = []
        for cut_at in gaps:
            left = [g for g in got if g[1] < cut_at]
            right = [g for g in got if g[1] >= cut_at]
            if _column_word(left) and _column_word(right):
                pieces = [(a, cut_at, _column_word(left)), (cut_at, b, _column_word(right))]
                break
        if not pieces:
            return None
        spans.extend(pieces)  # type: ignore[arg-type]
    return spans if len(spans) >= 3 and names_a_table([w for _, _, w in spans]) else None


def _column_word(got: list[tuple[int, int, str]]) -> str | None:
    """A column's header characters as one header word: all lines in order, or without the
    top line (a spanning 责任单位 over 牵头单位), or the top line alone."""
    lines = sorted({r for r, _x, _ch in got})
    parts = ["".join(ch for r2, _x, ch in sorted(got, key=lambda g: g[1]) if r2 == r) for r in lines]
    for w in ("".join(parts), "".join(parts[1:]), parts[0] if parts else ""):
        if w and header_role(w, exact=True):
            return w
    return None


def layout_table(lines: Lines, page_starts: AbstractSet[int] = frozenset()) -> tuple[Lines, Table] | None:
    header_at = _headers(lines)
    if not header_at:
        return None
    first = header_at[0][0]
    before = [(no, l.strip()) for no, l in lines[:first] if l.strip()]
    n_cols = len(header_at[0][2])
    words = [w for _, _, w in header_at[0][2]]
    roles = [header_role(w) for w in words]
    # split the table into pages at each repeated header line
    pages: list[tuple[list[tuple[int, int, str]], Lines]] = []
    for idx, (_top, k, spans) in enumerate(header_at):
        end = header_at[idx + 1][0] if idx + 1 < len(header_at) else len(lines)
        if len(spans) != n_cols:
            continue
        pages.append((spans, [(no, l) for no, l in lines[k + 1:end]]))
    # a column of bare numbers with no header word over it is the 序号 column
    if "item_no" not in roles:
        # (looked for under the header only: a page break with no header places the columns anew)
        tops = [_first_segment(body, page_starts) for _spans, body in pages]
        found = [_number_run(top, spans) for (spans, _body), top in zip(pages, tops)]
        at = next((k for k in found if k is not None), None)
        if at is not None:
            words.insert(at, "序号")
            roles.insert(at, "item_no")
            pages = [(_with_item_span(spans, top, at), body) for (spans, body), top in zip(pages, tops)]
    table_lines: list[tuple[int, list[str]]] = []
    title_nos: set[int] = set()
    for spans, body in pages:
        # a page break with no header after it: that page places its columns afresh
        cuts = [k for k, (no, _l) in enumerate(body) if no in page_starts and k > 0]
        segments = [body[a:b] for a, b in zip([0] + cuts, cuts + [len(body)])]
        extents: list[tuple[int, int]] = []
        for seg_no, segment in enumerate(segments):
            if seg_no:
                # the gutters show in lines with two cells or more (a title or a lone measure
                # line tells nothing of where the columns are)
                runs = _runs([l for no, l in segment if _GUTTER.search(l)], valleys=True)
                bounds = _shifted_bounds(extents, runs) or _contiguous(extents)
                first_end = bounds[1][0] if len(bounds) > 1 else 10**6
            else:
                # where the second column starts, from the lines that show a gutter (a header
                # word is centred over its column, so its start is no bound)
                gutters = _contiguous(_extents(_runs([l for no, l in segment if _GUTTER.search(l)]), spans))
                first_end = gutters[1][0] if len(spans) > 1 else 10**6
            titles = {no for no, l in segment if _title_line(l, first_end)} | _titles_in_first_column(segment, first_end)
            title_nos |= titles
            if not seg_no:
                body_lines = [l for no, l in segment if l.strip() and no not in titles]
                extents = _extents(_runs(body_lines), spans)
                gapped = [l for l in body_lines if _GUTTER.search(l)]
                if len(gapped) >= 3 and _overlap(extents):
                    # two columns ran together: a line with no gap (a title cell full to its
                    # edge, a measure line pdftotext set one space closer) touched the next
                    # column; the lines that show a gutter place them
                    extents = _extents(_runs(gapped), spans)
                    # still one run under two header words: a cell one line set wider than its
                    # column (2024年6月30日前便民服务中心) bridges the gutter the other lines keep;
                    # a stretch few lines cross parts the columns, or (a few lines more) the run
                    # is cut where fewest lines hold text between the two header words over it
                    for parting in (lambda: _runs(gapped, valleys=True),
                                    lambda: _split_under_words(_runs(gapped), spans, gapped)):
                        if not _overlap(extents):
                            break
                        parted = _extents(parting(), spans)
                        if not _overlap(parted):
                            extents = parted
                bounds = _contiguous(extents)
            for no, l in segment:
                if no in titles:  # a title row across the table: all of it in the first column
                    table_lines.append((no, [l.strip()] + [""] * (len(bounds) - 1)))
                elif l.strip():
                    table_lines.append((no, _unit_spilled(_split_line(l, bounds), roles)))
    rows = _rows(table_lines, roles, title_nos)
    header = Row(cells=[Cell.of(w) for w in words], index=0, line=lines[first][0])
    grid = [header] + [Row(cells=cells, index=i + 1, line=no) for i, (no, cells) in enumerate(rows)]
    return before, Table(rows=grid, index=0, flags=["layout"])


def _rows(table_lines: list[tuple[int, list[str]]], roles: list[str | None],
          titles: AbstractSet[int] = frozenset()) -> list[tuple[int, list[Cell]]]:
    """Cut the table's lines into rows and join each column's lines into cells; a title
    row (line number in ``titles``) is a row of its own."""
    m = roles.index("measure") if "measure" in roles else None
    groups = [i for i, r in enumerate(roles) if r == "group"]
    units = [i for i, r in enumerate(roles) if r in ("lead", "responsible")]
    items = [i for i, r in enumerate(roles) if r == "item_no"]
    widest = max((len(cells[m]) for _, cells in table_lines), default=0) if m is not None else 0
    # rows marked by a number, a heading or a title
    strong: list[bool] = []
    last_no = 0
    last_item = 0
    stacked: set[int] = set()  # lines whose 序号 digit goes on from the line above (1 / 0 = 10)
    # with numbers in a 序号 column, a number opening a measure line is a list inside the measure
    numbered_column = any(_NUMBER.fullmatch(cells[i]) for _, cells in table_lines for i in items)
    for k, (no, cells) in enumerate(table_lines):
        for i in items:
            digits = re.fullmatch(r"(\d{1,3})[.．、]?", cells[i])
            if not digits or k in stacked:
                continue
            below = table_lines[k + 1][1][i] if k + 1 < len(table_lines) else ""
            if int(digits[1]) != last_item + 1 and re.fullmatch(r"\d{1,2}", below) \
                    and int(digits[1] + below) == last_item + 1:
                stacked.add(k + 1)  # a number too wide for a narrow column, cut over two lines
                last_item += 1
            else:
                last_item = int(digits[1])
        new = k == 0 or no in titles or (k > 0 and table_lines[k - 1][0] in titles)
        if m is not None and cells[m] and not numbered_column:
            mm = ITEM_RE.match(cells[m])
            if mm and last_no < int(mm["no"]) <= last_no + 2 and not re.match(r"\d+[.．]\s*政府网站>", cells[m]) \
                    and not counted_number(cells[m]):
                new, last_no = True, int(mm["no"])
        if any(heading_level(cells[g]) for g in groups):
            new = True
        if items and k not in stacked and any(re.fullmatch(r"\d{1,3}[.．、]?", cells[i]) for i in items):
            new = True
        strong.append(new)
    # columns printed on the first line of (nearly) every numbered row: a row without them
    # on its first line is no row (repeated titles, a deadline column; a unit column only
    # when no numbered row leaves it empty)
    marked = [cells for k, (no, cells) in enumerate(table_lines) if strong[k] and no not in titles and k > 0]
    companions = [c for c in range(len(roles)) if c != m and c not in items and len(marked) >= 3
                  and sum(1 for cells in marked if cells[c]) >= (1.0 if c in units else 0.9) * len(marked)]
    starts: list[int] = []
    for k, (_no, cells) in enumerate(table_lines):
        new = strong[k]
        if not new and k > 0 and m is not None and cells[m] and all(cells[c] for c in companions):
            prev = table_lines[k - 1][1]
            prev_measure = next((table_lines[j][1][m] for j in range(k - 1, -1, -1) if table_lines[j][1][m]), "")
            units_here = any(cells[u] for u in units)
            # a unit cell ended: it ends like a name, and this line's piece does not finish it
            # (各区县（自治县） / 人民政府)
            # (or a name with its role word: 各部门配合)
            # (the cell's lines since the row began: a name wrapped to a last line of 局 is whole)
            since = starts[-1] if starts else 0
            cell_so_far = {u: "".join(table_lines[j][1][u] for j in range(since, k)) for u in units}
            units_done = all(not prev[u] or (ends_whole(cell_so_far[u]) and not cell_runs_on(prev[u], cells[u]))
                             for u in units)
            # a sentence end (a closing bracket only when the line is short of the column:
            # a wrapped line may end in one mid-sentence)
            finished = prev_measure.endswith(("。", "；", ";")) or (
                prev_measure.endswith(_TERMINAL) and len(prev_measure) < 0.8 * widest)
            if finished and units_here and units_done:
                new = True
        if new:
            starts.append(k)
    out: list[tuple[int, list[Cell]]] = []
    # grouping text: blocks of adjacent lines, each given to the row where it starts
    group_text: dict[tuple[int, int], str] = {}
    start_set = set(starts)
    for g in groups:
        block_start, buf = None, []
        # a table that prints its titles again on every row merges none: a title there
        # never runs past its own row's lines
        firsts = [table_lines[k][1][g] for k in starts]
        unmerged = any(a and a == b for a, b in zip(firsts, firsts[1:]))
        for k, (no, cells) in enumerate(table_lines + [(0, [""] * len(roles))]):
            text = cells[g]
            after_title = k > 0 and table_lines[k - 1][0] in titles
            # the title printed again on the next row's first line (merges repeated per row),
            # or a new title there in a table that does so
            again = block_start is not None and k in start_set and (text == buf[0] or unmerged)
            if text and block_start is not None and not heading_level(text) and no not in titles and not after_title \
                    and not again:
                buf.append(text)
                continue
            if block_start is not None:
                group_text[(g, block_start)] = "".join(buf)
                block_start, buf = None, []
            if text:
                block_start, buf = k, [text]
    for s_i, s in enumerate(starts):
        e = starts[s_i + 1] if s_i + 1 < len(starts) else len(table_lines)
        cells: list[Cell] = []
        for c in range(len(roles)):
            if c in groups:
                texts = [group_text[(c, k)] for k in range(s, e) if (c, k) in group_text]
                cells.append(Cell.of(texts[0] if texts else ""))
            elif c == m:
                cells.append(Cell(_measure_paragraphs([table_lines[k][1][c] for k in range(s, e)])))
            else:
                cells.append(Cell.of(_join_lines([table_lines[k][1][c] for k in range(s, e)],
                                                 roles[c] in ("lead", "responsible"))))
        out.append((table_lines[s][0], cells))
    return out


def _join_lines(parts: list[str], units: bool) -> str:
    """A cell's lines joined; in a unit cell a line that starts a new name after a whole one
    (one unit a line) keeps its break, so the names stay apart."""
    out = ""
    for p in parts:
        if p:
            out += ("\n" if units and out and two_names(out, p) else "") + p
    return out


def _measure_paragraphs(parts: list[str]) -> list[str]:
    """A measure cell's wrapped lines joined; a line starting a sub-point (①, 1., （1）) after
    a sentence end or a colon starts a new paragraph. Shared by the layout and raw rebuilds."""
    paras: list[str] = []
    for p in parts:
        if not p:
            continue
        if paras and not opens_sub_point(paras[-1], p):
            paras[-1] += line_joiner(paras[-1], p) + p
        else:
            paras.append(p)
    return paras
