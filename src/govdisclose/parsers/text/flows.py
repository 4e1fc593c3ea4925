"""Cell-stream flows: tab (one cell per line behind a tab) and pipe (cells between ``|`` lines)."""
from __future__ import annotations

import re

from govdisclose.parsers.document import Cell, Row, Table
from govdisclose.parsers.text.cells import FlowCell, FlowTable, find_header, two_row_header

Lines = list[tuple[int, str]]  # (1-based line number, text)
_DOC_END = re.compile(r"^(?:抄送|印发|附件|（此件|\(此件|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$|\S{2,20}(?:人民政府办公厅|人民政府办公室|人民政府)$)")


def tab_cells(lines: Lines, after: Lines | None = None) -> tuple[list[tuple[int, str]], list[FlowCell]]:
    """Split lines into the text before the first tabbed line and a stream of cells.

    A tabbed line starts a cell (a lone tab is an empty / merged cell); an untabbed
    line continues the cell above as a new paragraph; blank lines are remembered
    as weak row boundaries.
    """
    before: list[tuple[int, str]] = []
    cells: list[FlowCell] = []
    blank = False
    for k, (no, line) in enumerate(lines):
        if cells and blank and not line.startswith("\t") and _DOC_END.match(line.strip()):
            # the signature / 抄送 after the table is not part of its last cell
            if after is not None:
                after.extend((n, t.strip()) for n, t in lines[k:] if t.strip())
            break
        if line.startswith("\t"):
            for part in line[1:].split("\t") or [""]:
                part = part.strip()
                cells.append(FlowCell([part] if part else [], no, blank))
                blank = False
        elif not line.strip():
            blank = True
        elif cells and blank and re.fullmatch(r"\d{1,3}", line.strip()):
            continue  # a page's number between rows (untabbed, after the row's end), not a cell's rest
        elif cells:
            cells[-1].paragraphs.append(line.strip())
        else:
            before.append((no, line.strip()))
    return before, cells


def pipe_cells(lines: Lines) -> tuple[list[tuple[int, str]], list[FlowCell]]:
    """Cells separated by lines holding only ``|`` (a web table copied as text)."""
    cells: list[FlowCell] = []
    buf: list[str] = []
    start = None
    for no, line in lines:
        mark = line.strip()
        if mark and set(mark) <= {"|", " "}:
            if buf or mark == "|":
                # a blank line before the text: the copy's row break (the header row ends there too)
                blank = bool(buf) and not buf[0] and any(buf)
                cells.append(FlowCell([x for x in buf if x], start or no, blank_before=blank))
            if mark.count("|") >= 2:  # "| ||" / "||": the copy marks the end of a row
                cells.append(FlowCell([], no, row_end=True))
            buf, start = [], None
        else:
            if start is None:
                start = no
            buf.append(line.strip())
    if any(buf):
        cells.append(FlowCell([x for x in buf if x], start or 0))
    # the notice text above the table sticks to the first cell: split it off
    before: list[tuple[int, str]] = []
    if cells and len(cells[0].paragraphs) > 1:
        first = cells[0]
        before = [(first.line + k, p) for k, p in enumerate(first.paragraphs[:-1])]
        cells[0] = FlowCell(first.paragraphs[-1:], first.line + len(first.paragraphs) - 1)
    return before, cells


def split_table(before: list[tuple[int, str]], cells: list[FlowCell]) -> FlowTable | None:
    """Find the header in the cell stream; cells ahead of it join the text above."""
    found = find_header(cells)
    if found is None:
        return headerless_table(before, cells)
    i, n = found
    pre = list(before) + [(c.line, c.text) for c in cells[:i] if c.text]
    two = two_row_header(cells, i, n)
    if two is not None:
        header, used = two
        return FlowTable(header=header, body=cells[i + used:], before=pre)
    return FlowTable(header=cells[i:i + n], body=cells[i + n:], before=pre)


def headerless_table(before: list[tuple[int, str]], cells: list[FlowCell]) -> FlowTable | None:
    """A table copied without its header row: the columns are named from what their cells
    hold. Width comes from the blank lines between rows; without a consistent width
    nothing is guessed."""
    from govdisclose.parsers.text.cells import row_width
    from govdisclose.shape.celltypes import name_columns

    if len(cells) < 6:
        return None
    width = row_width(0, cells)
    if width < 2 or width > 8:
        return None
    names = name_columns([[c.text for c in cells[k:k + width]] for k in range(0, len(cells), width)])
    if names is None:
        return None
    header = [FlowCell([n], cells[0].line) for n in names]
    return FlowTable(header=header, body=cells, before=list(before), inferred=True)


def trailing_pipe_table(lines: Lines) -> tuple[list[tuple[int, str]], Table] | None:
    """A cell a line, each ending in `` |``, a ``|`` line opening each row (a
    markdown-like table printed a cell a line): rows rebuilt, then read as pipe rows.
    A cell running over lines ends at the line that carries its ``|``. A lone ``|``
    inside a row is an empty cell when what follows cannot open a row (a unit list,
    a deadline, a person's name)."""
    from govdisclose.shape.celltypes import cell_type, person_like
    from govdisclose.shape.header import header_role

    items: list[tuple[int, str | None]] = []  # cells; None for a lone "|"
    before: list[tuple[int, str]] = []
    buf: list[str] = []
    for no, line in lines:
        s = line.strip()
        if s == "|":
            if buf:
                items.append((no, "".join(buf)))
                buf = []
            items.append((no, None))
        elif s.endswith("|") and s.count("|") == 1:
            items.append((no, "".join(buf + [s[:-1].strip()])))
            buf = []
        elif s and not items:
            before.append((no, s))
        elif re.fullmatch(r"\d{1,4}", s):
            continue  # a page number: every cell, a 序号 too, is closed by its pipe
        elif s:
            buf.append(s)
    if buf:
        items.append((lines[-1][0] if lines else 0, "".join(buf)))
    rows: list[tuple[int, list[str]]] = []
    cur: list[str] = []
    start = 0
    for k, (no, text) in enumerate(items):
        if text is not None:
            if not cur:
                start = no
            cur.append(text)
            continue
        nxt = next((t for _, t in items[k + 1:] if t is not None), None)
        kind = cell_type(nxt) if nxt else "end"
        # (a header word, 类别, printed again after a page break opens a row; it is no name)
        if any(cur) and (kind in ("units", "deadline") or (nxt and person_like(nxt) and not header_role(nxt))) \
                and not all(header_role(c) for c in cur if c):
            cur.append("")  # an empty cell: what follows cannot open a row
        else:
            if any(cur):
                rows.append((start, cur))
            cur = []
    if any(cur):
        rows.append((start, cur))
    flat = before + [(no, " | ".join(cells) + " |") for no, cells in rows]
    return inline_pipe_table(flat)


def _rejoin_cut_pipe_lines(lines: Lines) -> Lines:
    """Rows that end in ``|``: a line break inside a cell (a browser prints it as one) cuts
    the row's line, and the lines up to the next one ending in ``|`` are the rest of it.
    Only when the header line ends in ``|`` (the copy closes its rows with one)."""
    from govdisclose.shape.header import header_role

    piped = [l.strip() for _, l in lines if l.strip().count("|") >= 2]
    if len(piped) < 3 or not piped[0].endswith("|") or sum(1 for l in piped if l.endswith("|")) < 2:
        return lines  # (the header row shows whether this copy closes its rows with a pipe)
    out: Lines = []
    open_row = started = False
    for k, (no, line) in enumerate(lines):
        s = line.strip()
        if open_row and s:
            out[-1] = (out[-1][0], out[-1][1] + "\n" + s)
        elif s.count("|") >= 2 or (started and "|" in s):
            out.append((no, s))
            started = started or sum(1 for p in s.split("|") if header_role(p.strip())) >= 2
        elif started and s and any("|" in l and l.strip().endswith("|") for _, l in lines[k + 1:k + 6]) \
                and not re.fullmatch(r"[-—\s\d第页/]+", s):
            out.append((no, s))  # a row whose first cell breaks before its first pipe
        else:
            out.append((no, line))
            continue
        open_row = not out[-1][1].endswith("|")
    return [(no, l.replace("\n", "\u2028")) for no, l in out]


def inline_pipe_table(lines: Lines) -> tuple[list[tuple[int, str]], Table] | None:
    """``| a | b | c |`` rows, one per line (markdown-like copies)."""
    from govdisclose.shape.header import header_role

    rows: list[Row] = []
    before: list[tuple[int, str]] = []
    for no, line in _rejoin_cut_pipe_lines(lines):
        s = line.strip()
        # once rows have begun, a title row spanning the table keeps a single pipe (一、… |)
        if s.count("|") >= 2 or (rows and s.endswith("|") and len(s) > 1):
            if re.fullmatch(r"[|\s:\-—]+", s):
                continue
            parts = [p.strip().replace("\u2028", "\n").strip() for p in s.strip("|").split("|")]
            if not rows and not sum(1 for p in parts if header_role(p)) >= 2 and any(
                    re.match(r"^[^|]{1,8}[:：]", p) for p in parts):
                # a portal's labelled block (索引号: | … |) above the notice: text, not the table
                before.append((no, " ".join(p for p in parts if p)))
                continue
            rows.append(Row(cells=[Cell.of(p) for p in parts], index=len(rows), line=no))
        elif not rows and s:
            before.append((no, s))
    if len(rows) < 2:
        return None
    realigned = _align_inline_rows(rows)
    if realigned is not None:
        return before, realigned
    width = max(len(r.cells) for r in rows)
    for r in rows:
        # short rows (merged cells left out) are aligned to the right
        r.cells = [Cell() for _ in range(width - len(r.cells))] + r.cells
    return before, Table(rows=rows, index=0)


def fold_lower_header(top: list[str], low: list[str]) -> list[str] | None:
    """The second row of a two-row header (牵头单位 | 配合单位 under 责任单位), printed
    with its empty cells (same width) or alone (a browser copy): folded into the top row."""
    from govdisclose.shape.header import header_role

    words = [w for w in low if w.strip()]
    roles = [header_role(w) for w in words]
    if len(words) < 2 or not all(roles) or not {"lead", "responsible"} & set(roles):
        return None
    if len(low) >= len(top) and all(not w.strip() or not top[k].strip() or header_role(top[k]) in ("lead", "responsible")
                                     for k, w in enumerate(low[: len(top)])):
        return [lo if lo.strip() else up for up, lo in zip(top + [""] * (len(low) - len(top)), low)]
    parent = next((k for k, h in enumerate(top) if header_role(h) in ("lead", "responsible")), None)
    if parent is None or not all(r in ("lead", "responsible") for r in roles):
        return None  # (printed alone, the lower row holds the unit columns under the spanning cell)
    span = 2 if parent + 1 < len(top) and not top[parent + 1].strip() else 1
    return top[:parent] + words + top[parent + span:]


def _align_inline_rows(rows: list[Row]) -> Table | None:
    """The rows under their header (a two-row header folded). Rows under a merged cell
    printed without it, the rest of the row padded with ``| |`` at the end: when a
    row's cells do not sit in their header's columns, every row is re-aligned by what
    its cells look like (the typed aligner); else short rows are aligned to the right."""
    from govdisclose.parsers.text.align import complete_header
    from govdisclose.shape.header import header_role, resolve_roles

    head = next((i for i, r in enumerate(rows[:5]) if sum(1 for c in r.cells if header_role(c.text)) >= 2), None)
    if head is None:
        return None
    header = [c.text for c in rows[head].cells]
    while header and not header[-1]:
        header.pop()
    body = rows[head + 1:]
    if body:
        folded = fold_lower_header(header, [c.text for c in body[0].cells])
        if folded:
            header, body = folded, body[1:]
    texts = [c.text for r in body for c in r.cells if c.text]
    header = complete_header(header, texts)
    roles = resolve_roles(header)
    grid = [Row(cells=[Cell.of(h) for h in header], index=0, line=rows[head].line)]
    out, aligned = place_rows([(r.line, [c.text for c in r.cells]) for r in body], roles)
    return Table(rows=rows[:head] + grid + out, index=0, flags=["aligned"] if aligned else [])


def place_rows(body: list[tuple[int | None, list[str]]], roles: list[str | None]) -> tuple[list[Row], bool]:
    """Rows of printed cells under a header of ``roles``. Printed empty cells are empty;
    cells a merge covers are left out, on the left (some copies pad the row at its end
    instead): a short row sits where its cells fit their columns, rightmost first; a row
    whose cells fit nowhere is aligned by what its cells look like. Returns the rows and
    whether any was aligned by type."""
    from govdisclose.parsers.text.align import align, row_fits
    from govdisclose.shape.celltypes import cell_type
    from govdisclose.shape.header import header_role

    width = len(roles)
    out: list[Row] = []
    aligned = False
    for line, texts in body:
        filled = [t for t in texts if t]
        if len(filled) >= 2 and all(header_role(t) for t in filled):
            continue  # the header printed again after a page break (or its lower row)
        if len(filled) == 1 and len(texts) == 1 and cell_type(filled[0]) == "item" and width > 2:
            continue  # a page number on a line of its own
        if len(filled) == 1 and cell_type(filled[0]) in ("heading", "short") and width > 1:
            # one cell across the table: a section title row
            out.append(Row(cells=[Cell.of(filled[0])] + [Cell() for _ in range(width - 1)], index=len(out) + 1,
                           line=line))
            continue
        trimmed = list(texts)
        while trimmed and not trimmed[-1]:
            trimmed.pop()
        candidates = [[""] * (width - len(texts)) + texts] if len(texts) <= width else []
        # trimmed of its padding, the row sits where its first cell fits, rightmost first
        candidates += [[""] * off + trimmed + [""] * (width - off - len(trimmed))
                       for off in range(width - len(trimmed), -1, -1)]
        fitted = next((c for c in candidates if row_fits(c, roles)), None)
        if fitted is not None:
            out.append(Row(cells=[Cell.of(t) for t in fitted], index=len(out) + 1, line=line))
            continue
        # cells that do not sit in their columns (the row padded at its end): by type
        stream: list[tuple[int, str | None]] = [(line or 0, t) for t in texts if t] + [(line or 0, None)]
        for row in align(stream, roles, prev=out[-1].cells if out else None):
            out.append(Row(cells=row.cells, index=len(out) + 1, line=row.line, flags=row.flags))
            aligned = True
    return out, aligned


def rejoin_broken_rows(body: list[tuple[int, list[str]]], width: int) -> list[tuple[int, list[str]]]:
    """A browser copy prints a line break inside a cell as a line break, cutting its row in
    two: the piece after it continues the cell the line ended in. A line is such a piece
    when it cannot be a row itself (no measure, number or title in it), when the row
    before stops mid-sentence (，) and together they make exactly one row, or when the
    row before has printed its measure but no unit or deadline cell yet."""
    from govdisclose.shape.celltypes import cell_type
    from govdisclose.shape.header import header_role

    out: list[tuple[int, list[str]]] = []
    for no, cells in body:
        filled = [c for c in cells if c]
        if out and filled and cells[0]:
            prev = out[-1][1]
            prev_filled = [c for c in prev if c]
            if len(prev_filled) >= 2 and all(header_role(c) for c in prev_filled):
                out.append((no, list(cells)))  # the header printed again after a page break
                continue
            prev_kinds = [cell_type(c) for c in prev_filled]
            kinds = [cell_type(c) for c in filled]
            fits = len(prev) + len(cells) - 1 <= width
            opens = kinds[0] in ("item", "heading")
            lonely = not any(k in ("measure", "short", "heading", "item") for k in kinds)
            mid_sentence = prev and prev[-1].endswith(("，", "、", "；", ",")) and len(prev) + len(cells) - 1 == width
            # a row that has printed its measure but none of its unit or deadline cells yet
            # (a title row across the table, one short cell, is finished when a title follows)
            title_row = prev_kinds == ["short"] and bool(prev[0]) \
                and kinds[0] in ("short", "measure") and len(filled) > 1 and not filled[0].endswith(("。", "；"))
            unfinished = not title_row \
                and not any(k in ("units", "deadline") for k in prev_kinds) \
                and any(k in ("measure", "short") for k in prev_kinds)
            # a title row across the table after a finished sentence opens the next group
            next_title = len(filled) == 1 and kinds[0] == "short" and (prev_filled or [""])[-1].endswith(("。", "；"))
            # one unit a line: the row's unit cell goes on, the cells after it follow (… \t 张伟)
            more_units = bool(prev[-1]) and prev_kinds[-1:] == ["units"] and kinds[0] == "units"
            if fits and not opens and not next_title and (lonely or mid_sentence or unfinished or more_units):
                out[-1] = (out[-1][0], prev[:-1] + [prev[-1] + "\n" + cells[0]] + cells[1:])
                continue
        out.append((no, list(cells)))
    return out


def tsv_table(lines: Lines) -> tuple[list[tuple[int, str]], Table] | None:
    """Rows as lines with cells between tabs (a spreadsheet or Word table pasted as text);
    quoted cells may run over several lines. Short rows are placed as in pipe copies."""
    import csv
    import io

    from govdisclose.parsers.text.align import complete_header
    from govdisclose.shape.header import header_role, resolve_roles

    text = "\n".join(l for _, l in lines)
    starts = [no for no, _ in lines]
    try:
        records = list(csv.reader(io.StringIO(text), delimiter="\t"))
    except csv.Error:
        return None
    # line numbers for records: csv folds quoted line breaks, so count them back
    numbered: list[tuple[int, list[str]]] = []
    k = 0
    for rec in records:
        numbered.append((starts[min(k, len(starts) - 1)] if starts else 0, rec))
        k += 1 + sum(c.count("\n") for c in rec)
    head = next((i for i, (_, r) in enumerate(numbered)
                 if sum(1 for c in r if header_role(c)) >= 2 and len([c for c in r if c.strip()]) >= 2), None)
    if head is None:
        return None
    before = [(no, " ".join(c for c in r if c.strip())) for no, r in numbered[:head] if any(c.strip() for c in r)]
    header = [c.strip() for c in numbered[head][1]]
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    first = head + 1
    if head + 1 < len(numbered):  # a second header row (牵头单位 | 配合单位 under 责任单位) may reach further
        below = [c.strip() for c in numbered[head + 1][1]]
        if any(below) and all(not c or header_role(c) for c in below):
            folded = fold_lower_header(header[:width], below) if len([c for c in below if c]) < width else None
            if folded:  # a browser prints the spanning cell once and the lower row's words alone
                header, width, first = folded, len(folded), head + 2
            else:
                width = max(width, max(k + 1 for k, c in enumerate(below) if c))
    header = (header + [""] * width)[:width]
    body = [(no, [c.strip() for c in r]) for no, r in numbered[first:] if any(c.strip() for c in r)]
    if any(len(r) > width for _, r in body):  # a column the header does not name (序号 under 工作任务)
        header = complete_header(header, [c for _, r in body for c in r if c])
    roles = resolve_roles(header)
    grid = [Row(cells=[Cell.of(h) for h in header], index=0, line=numbered[head][0])]
    if all(len([c for c in r]) >= len(header) for _, r in body):
        for no, r in body:
            grid.append(Row(cells=[Cell([p for p in c.split("\n") if p]) for c in r[: len(header)]],
                            index=len(grid), line=no))
    else:  # rows under merged cells print fewer cells
        rows, _ = place_rows(rejoin_broken_rows(body, len(header)), roles)
        grid.extend(Row(cells=r.cells, index=len(grid) + k, line=r.line, flags=r.flags) for k, r in enumerate(rows))
    return before, Table(rows=grid, index=0, flags=["tsv"])
