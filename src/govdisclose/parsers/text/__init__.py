"""Plain-text reader: decode, remove debris, detect the flow, rebuild the grid.

Every flow ends in the same :class:`~govdisclose.parsers.document.Document` the
Word and PDF readers return, so shaping stays shared. Text that is not a table
becomes paragraphs (work points are shaped from those).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from govdisclose.normalize.text import is_traditional, to_simplified
from govdisclose.parsers.document import Cell, Document, Paragraph, Row, Table
from govdisclose.parsers.text.align import align, complete_header
from govdisclose.shape.header import header_role, names_a_table, resolve_roles
from govdisclose.shape.records import LABEL_WORDS
from govdisclose.parsers.text.cells import fold_flat_header, to_table
from govdisclose.parsers.text.debris import clean_text, is_debris_line
from govdisclose.parsers.text.encoding import decode
from govdisclose.parsers.text.flows import (inline_pipe_table, pipe_cells, split_table, tab_cells, trailing_pipe_table,
                                            tsv_table)
from govdisclose.parsers.text.layout import find_one_line_header, layout_table
from govdisclose.parsers.text.quality import grid_quality
from govdisclose.parsers.text.raw import raw_table
from govdisclose.parsers.text.runs import runs_table
from govdisclose.parsers.text.spliced import spliced_table
from govdisclose.settings import Settings

def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    for no, line in enumerate(text.split("\n"), start=1):
        line = line.replace("\f", "").rstrip(" \r\u3000")
        if is_debris_line(line) and not line.startswith("\t"):
            continue
        out.append((no, line))
    return out


_STARTS_POINT = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(](?:[一二三四五六七八九十]+|\d{1,3})[）)]|\d{1,3}[.．、﹒]|[①-⑳])")


_LABEL = rf"(?:{LABEL_WORDS})[:：]"
_NOTE_START = re.compile(rf"^[（(〔【\[]{_LABEL}")
_LABEL_START = re.compile(rf"^{_LABEL}")
_LABEL_END = re.compile(rf"{_LABEL}$")


def _unclosed(text: str) -> bool:
    """An open bracket near the end: the paragraph goes on (a path list ``（公开路径：1.… / 2.…）``)."""
    tail = text[-80:]
    return sum(tail.count(c) for c in "（(〔【[") > sum(tail.count(c) for c in "）)〕】]")


def reflow(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Prose lines → paragraphs: a full-width line (as a PDF wraps them) runs on into
    the next unless the next starts a numbered point or a blank line stands between them
    (where blank lines are not between every line anyway). A line inside an open bracket
    runs on too, as does one ending in a label (``时间节点：``); a note of labels on a line of
    its own (``（责任单位：…）``, or ``配合单位：…`` after labels that trail a measure) joins
    the point above it. Web copies keep one line each."""
    texts = [(no, l.strip()) for no, l in lines if l.strip()]
    if not texts:
        return []
    blanks = {no for no, l in lines if not l.strip()}
    blank_between = len(blanks) < 0.4 * len(texts)
    widths = sorted(len(t) for _, t in texts)
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 10 else widths[-1]
    out: list[tuple[int, str]] = []
    prev_full = False
    last_no = 0
    for no, t in texts:
        broken = blank_between and any(b in blanks for b in range(last_no + 1, no))
        prev = out[-1][1] if out else ""
        joins = bool(out) and (
            _unclosed(prev) or _LABEL_END.search(prev)
            or prev_full and full >= 20 and not _STARTS_POINT.match(t)
            or _NOTE_START.match(t)
            or _LABEL_START.match(t) and re.search(_LABEL, prev) and not _LABEL_START.match(prev))
        if joins and not broken:
            out[-1] = (out[-1][0], prev + t)
        else:
            out.append((no, t))
        prev_full = len(t) >= 0.9 * full and not t.endswith(("。", "：", ":"))
        last_no = no
    return out


def _header_word_at(lines: list[tuple[int, str]], j: int) -> tuple[str, int] | None:
    """The header word starting at line ``j`` and how many lines it takes: one, or two
    when a PDF copy cut the word at its column width (完成时 / 限)."""
    one = lines[j][1]
    if len(re.sub(r"\s+", "", one)) <= 8 and header_role(one, exact=True):
        return one.strip(), 1
    if j + 1 < len(lines):
        two = one.strip() + lines[j + 1][1].strip()
        if len(re.sub(r"\s+", "", two)) <= 8 and header_role(two, exact=True) and not header_role(lines[j + 1][1], exact=True):
            return two, 2
    return None


def header_words(lines: list[tuple[int, str]]) -> list[str]:
    """The header words of a run found by ``header_line_run``."""
    out, j = [], 0
    while j < len(lines):
        found = _header_word_at(lines, j)
        if found is None:
            break
        out.append(found[0])
        j += found[1]
    return out


def header_line_run(lines: list[tuple[int, str]]) -> tuple[int, int] | None:
    """(index, lines) of ≥3 consecutive header words, each on its line (a cell-per-line copy)
    or cut over two."""
    k = 0
    while k < len(lines):
        j = k
        words = []
        while j < len(lines):
            found = _header_word_at(lines, j)
            if found is None:
                break
            words.append(found[0])
            j += found[1]
        if names_a_table(words):
            return k, j - k
        k = max(j, k + 1)
    return None


def _drop_header_repeats(body: list[tuple[int, str]], header: list[str]) -> list[tuple[int, str]]:
    """The header printed again after page breaks (its words possibly cut over lines)."""
    keys = [re.sub(r"\s+", "", h) for h in header]
    whole = "".join(keys)
    out, i = [], 0
    while i < len(body):
        if re.sub(r"\s+", "", body[i][1]) == keys[0] or whole.startswith(re.sub(r"\s+", "", body[i][1]) or "\0"):
            acc, j = "", i
            while j < len(body) and len(acc) < len(whole) and j < i + 2 * len(keys):
                acc += re.sub(r"\s+", "", body[j][1])
                j += 1
            if acc == whole:
                if out and re.fullmatch(r"\d{1,4}", out[-1][1].strip()):
                    out.pop()  # the page number above the repeated header
                i = j
                continue
        out.append(body[i])
        i += 1
    return out


_PDFTOTEXT_SPACING = re.compile(r"\d [年月日号个]|[年第] \d")
# two cells on one baseline, as -raw prints them: 市发展改革委 各区县政府、…
_SAME_BASELINE = re.compile(r"[\u4e00-\u9fff、，。）] (?=[\u4e00-\u9fff（]|\d{1,2}[.．、﹒]\D)")


_NUMBER_ON_BASELINE = re.compile(r"^\d{1,3} +(?![年月日个号次项条])[\u4e00-\u9fff“（]")


def _one_line_header_cells(lines: list[tuple[int, str]],
                           raw: Callable[[], tuple[list[tuple[int, str]], Table] | None]
                           ) -> tuple[list[tuple[int, str]], Table] | None:
    """A header on one line over cells one per line: whole cells (a copy that kept the
    header row together), or cells cut at their column width by a PDF viewer's copy.
    ``pdftotext -raw`` output, which puts the cells of one baseline on one line after a space
    and often a space between digits and characters (``2022 年``), is left to the raw rebuild
    (``raw`` gives that rebuild, made once)."""
    found = find_one_line_header(lines)
    if found is None:
        return None
    k, words, n_head = found
    printed = [(no, l.strip()) for no, l in lines[k + n_head:] if l.strip()]
    # (the header printed again on every page is one line with spaces, not cells on a baseline)
    body = _drop_header_repeats(printed, [l for _, l in lines[k:k + n_head] if l.strip()])
    paged = len(body) < len(printed)
    long = sorted(len(t) for _, t in body if len(t) > 20)
    wrapped = len(long) < 3 or long[int(len(long) * 0.8)] <= 45
    # (a 序号 cell on its measure's first baseline, 1 公开全区…, is such a join too)
    joins = sum(1 for _, t in body if _SAME_BASELINE.search(t) or _NUMBER_ON_BASELINE.match(t))
    if wrapped and (sum(1 for _, t in lines if _PDFTOTEXT_SPACING.search(t)) >= 2
                    or joins >= max(3, 0.005 * len(body))):
        return None  # pdftotext -raw: the raw rebuild reads those
    header = complete_header(fold_flat_header(words), [t for _, t in body])
    rows = align(body, resolve_roles(header))
    table = Table(rows=[Row(cells=[Cell.of(h) for h in header], index=0, line=lines[k][0])] + rows,
                  index=0, flags=["cells"])
    if (joins or paged or wrapped) and _raw_reads_better(table, raw):
        # a join or two, or lines longer than a column (-raw of a table whose measure column
        # comes first), or the header printed again inside a row cut by a page break: a
        # viewer's copy or -raw cannot be told apart; the grid that reads better
        return None
    return [(no, l.strip()) for no, l in lines[:k] if l.strip()], table


def _runs_unless_raw(lines: list[tuple[int, str]],
                     raw: Callable[[], tuple[list[tuple[int, str]], Table] | None]
                     ) -> tuple[list[tuple[int, str]], Table] | None:
    """Run-together rows, unless the text is ``pdftotext -raw`` of a table whose measure
    column comes first: then each row's first line holds the measure's first line and the
    one-line cells after it, and looks like a whole row. The grid that reads better wins."""
    found = runs_table(lines)
    if found is None or _raw_reads_better(found[1], raw):
        return None
    return found


def _raw_reads_better(table: Table, raw: Callable[[], tuple[list[tuple[int, str]], Table] | None]) -> bool:
    """Whether the -raw rebuild (made once, on first call) reads better than ``table``."""
    other = raw()
    return other is not None and grid_quality(other[1]) > grid_quality(table)


def detect_flow(lines: list[tuple[int, str]]) -> str:
    """Which flow a text is, from how its lines look (not from the file name)."""
    n = max(1, len(lines))
    tabbed = sum(1 for _, l in lines if l.startswith("\t"))
    pipes = sum(1 for _, l in lines if l.strip() in ("|", "||", "| |"))
    inline = sum(1 for _, l in lines if l.strip().count("|") >= 2)
    wide_gaps = sum(1 for _, l in lines if re.search(r"\S {3,}\S", l))
    inner_tabs = sum(1 for _, l in lines if re.search(r"\S\t", l))
    with_tabs = sum(1 for _, l in lines if "\t" in l.strip("\n"))
    # rows of tab-separated cells (a spreadsheet paste), even when quoted cells run over
    # lines or a merged first cell leaves the row starting with a tab
    if inner_tabs >= 3 and (inner_tabs >= 0.3 * sum(1 for _, l in lines if l.strip()) or inner_tabs >= 0.6 * with_tabs):
        return "tsv"
    if tabbed >= 6 and tabbed >= 0.15 * n:
        return "tab"
    if header_line_run(lines) is not None:
        return "cells"
    # a cell a line ending in " |" (a row opened by a lone "|"): rows between pipes
    trailing = sum(1 for _, l in lines if l.strip().endswith("|") and l.strip().count("|") == 1 and l.strip() != "|")
    if trailing >= 6 and trailing >= 0.4 * sum(1 for _, l in lines if l.strip()):
        return "pipe_trailing"
    if pipes >= 6:
        return "pipe"
    if inline >= 3:
        return "pipe_inline"
    if wide_gaps >= 5 and wide_gaps >= 0.2 * n:
        return "layout"
    return "raw"


def read_text(path: Path, data: bytes, sha256: str, settings: Settings) -> Document:
    text, encoding = decode(str(path), data)
    doc = Document(path=str(path), format="txt", sha256=sha256, encoding=encoding)
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.warnings.append(f"decoded as {encoding}")
    text, notes = clean_text(text)
    doc.warnings.extend(notes)
    if is_traditional(text, settings.traditional_share):  # before anything looks at the words
        text = to_simplified(text)
        doc.warnings.append("traditional characters converted to simplified (OpenCC tw2s)")
    lines = _lines(text)
    page_starts = {no for no, l in enumerate(text.split("\n"), start=1) if l.startswith("\f")}  # pdftotext's form feeds
    flow = detect_flow(lines)
    doc.flow = flow
    table = None
    before: list[tuple[int, str]] = []
    after_table: list[tuple[int, str]] = []
    if flow in ("tab", "pipe"):
        pre, cells = tab_cells(lines, after_table) if flow == "tab" else pipe_cells(lines)
        ft = split_table(pre, cells)
        if ft is not None:
            table = to_table(ft)
            before = ft.before
            if ft.inferred:
                doc.warnings.append("no header row: columns named from their cells ("
                                    + " | ".join(c.text for c in ft.header) + ")")
    elif flow == "cells":
        start, n_header = header_line_run(lines)  # type: ignore[misc]
        printed = header_words(lines[start:start + n_header])
        before = [(no, l.strip()) for no, l in lines[:start] if l.strip()]
        body = [(no, l.strip()) for no, l in lines[start + n_header:] if l.strip()]
        body = _drop_header_repeats(body, printed)
        header = fold_flat_header(printed)
        header = complete_header(header, [t for _, t in body])
        rows = align(body, resolve_roles(header))
        table = Table(rows=[Row(cells=[Cell.of(h) for h in header], index=0, line=lines[start][0])] + rows,
                      index=0, flags=["cells"])
    elif flow in ("tsv", "pipe_inline", "pipe_trailing", "layout"):
        builder = {"tsv": tsv_table, "pipe_inline": inline_pipe_table, "pipe_trailing": trailing_pipe_table,
                   "layout": lambda ls: layout_table(ls, page_starts)}[flow]
        found = builder(lines)
        if found:
            before, table = found
    elif flow == "raw":
        # one header line over the body: run-together rows, whole cells, or -raw wrapped cells;
        # the -raw rebuild is made once, for the comparison with the cells reading and as the result
        raw = functools.cache(lambda: raw_table(lines, page_starts))
        for name, build in (("runs", lambda ls: _runs_unless_raw(ls, raw)),
                            ("cells", lambda ls: _one_line_header_cells(ls, raw)),
                            ("raw", lambda ls: raw()), ("spliced", spliced_table)):
            found = build(lines)
            if found:
                before, table = found
                doc.flow = name
                break
    if table is not None and "spliced" in table.flags:
        doc.warnings.append("cells spliced into one another (a PDF copy with no line structure): rows rebuilt "
                            "from sentence order and unit names moved out of the text; every row is low_confidence")
    if table is None:
        doc.flow = "prose"
        before = reflow(lines)
    for no, t in before:
        doc.paragraphs.append(Paragraph(text=t, line=no, tables_before=0))
    if table is not None:
        doc.tables.append(table)
    for no, t in after_table:
        doc.paragraphs.append(Paragraph(text=t, line=no, tables_before=1))
    return doc
