"""The shared step from grids to raw rows: a chain of small named steps.

find header → stitch split tables → drop repeated headers → join rows cut by page
breaks → carry merged grouping cells down → split numbered measures → raw items.
Every step takes and returns plain data; :func:`shape_tables` runs the chain and
records each row's fate (kept / header / heading / empty / joined) for ``inspect``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdisclose.models import Heading
from govdisclose.normalize.text import clean_cell
from govdisclose.normalize.units import ends_mid_name, two_names
from govdisclose.parsers.document import Cell, Row, Table
from govdisclose.shape.celltypes import name_columns
from govdisclose.shape.header import ColumnMap, _finish, find_header, header_role, same_as_header, within_header
from govdisclose.shape.numbering import (
    clean_item_no,
    heading_level,
    parse_heading,
    split_item_no,
    split_numbered,
    sub_point,
)


@dataclass
class RawItem:
    """One task before normalisation: texts as printed (cleaned), grouping resolved."""

    section: Heading | None
    task: Heading | None
    item_no: str | None
    measure: list[str]
    lead: str
    responsible: str
    deadline: str
    table: int | None
    row: int | None
    page: int | None
    line: int | None
    has_lead_col: bool
    has_resp_col: bool
    flags: list[str] = field(default_factory=list)


@dataclass
class RowFate:
    table: int
    row: int
    fate: str  # kept | header | repeated_header | heading | empty | joined | no_measure
    cells: list[str]


@dataclass
class LogicalTable:
    """One task table, possibly stitched from several source tables."""

    cmap: ColumnMap
    rows: list[tuple[int, Row]]  # (source table index, row)


@dataclass
class ShapeResult:
    items: list[RawItem] = field(default_factory=list)
    tables: list[LogicalTable] = field(default_factory=list)
    fates: list[RowFate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # title rows printed inside a table, above its header


_TERMINAL = tuple("。！？；;!?）)〕】”")


def _pad(row: Row, n: int) -> list[Cell]:
    cells = list(row.cells[:n])
    while len(cells) < n:
        cells.append(Cell())
    return cells


def stitch_tables(tables: list[Table], fates: list[RowFate], titles: list[str] | None = None) -> list[LogicalTable]:
    """Find each table's header; a following table with no header and the same width
    (or the same header) continues the table before it (Word splits long tables)."""
    out: list[LogicalTable] = []
    for t in tables:
        cmap = find_header(t.rows)
        follows = bool(out) and bool(out[-1].rows) and out[-1].rows[-1][0] == t.index - 1
        if cmap is not None and follows and t.n_cols == out[-1].cmap.n_cols \
                and cmap.signature() != out[-1].cmap.signature():
            # the header printed again on the next page, its cells cut otherwise (分管 / 领导
            # over two rows): rows whose every cell is part of the header above are repeats
            k = 0
            while k < len(t.rows) and within_header(t.rows[k], out[-1].cmap):
                fates.append(RowFate(t.index, t.rows[k].index, "repeated_header", [c.text for c in t.rows[k].cells]))
                k += 1
            if k:
                out[-1].rows.extend((t.index, r) for r in t.rows[k:])
                continue
        if cmap is not None:
            body = t.rows[cmap.header_rows:]
            for r in t.rows[: cmap.header_rows]:
                fates.append(RowFate(t.index, r.index, "header", [c.text for c in r.cells]))
                distinct = {c.text.strip() for c in r.cells if c.text.strip()}
                if titles is not None and len(distinct) == 1 and len(r.cells) > 1:
                    titles.append(distinct.pop())  # a title row spanning the table
            if out and out[-1].cmap.signature() == cmap.signature() and out[-1].rows and \
                    out[-1].rows[-1][0] == t.index - 1:
                out[-1].rows.extend((t.index, r) for r in body)
            else:
                out.append(LogicalTable(cmap, [(t.index, r) for r in body]))
        elif out and t.n_cols == out[-1].cmap.n_cols and out[-1].rows and out[-1].rows[-1][0] == t.index - 1:
            out[-1].rows.extend((t.index, r) for r in t.rows)
        elif len(t.rows) >= 3 and (names := name_columns([[c.text for c in r.cells] for r in t.rows])):
            # a table printed without a header row: columns named from their cells
            cmap = _finish([header_role(n) for n in names], names, 0)
            cmap.warnings.append(f"table {t.index} has no header row: columns named from their cells ("
                                 + " | ".join(names) + ")")
            out.append(LogicalTable(cmap, [(t.index, r) for r in t.rows]))
    return out


def drop_repeated_headers(lt: LogicalTable, fates: list[RowFate]) -> None:
    """Header rows printed again after page breaks are not data."""
    kept = []
    for ti, r in lt.rows:
        if same_as_header(r, lt.cmap):
            fates.append(RowFate(ti, r.index, "repeated_header", [c.text for c in r.cells]))
        else:
            kept.append((ti, r))
    lt.rows = kept


def _measure_text(row: Row, cmap: ColumnMap) -> str:
    m = cmap.first("measure")
    return row.cells[m].text.strip() if m is not None and m < len(row.cells) else ""


def join_split_group_cells(lt: LogicalTable) -> None:
    """A grouping cell cut by a page break (``二、紧扣宏观政策落地`` | ``见效深化政务公开``)
    is one heading: its numbered start and unnumbered rest are joined in every row
    that carries either piece."""
    groups = lt.cmap.cols("group")
    rows = [r for _, r in lt.rows]
    for k in range(1, len(rows)):
        r, prev = rows[k], rows[k - 1]
        if r.page is None or prev.page is None or r.page == prev.page:
            continue
        for c in groups:
            if c >= len(r.cells) or c >= len(prev.cells):
                continue
            cont, head = r.cells[c].text.strip(), prev.cells[c].text.strip()
            if not cont or not head or r.cells[c].covered or heading_level(cont) or not heading_level(head) \
                    or head.endswith(("。", ".")):
                continue
            full = head + cont
            j = k - 1
            while j >= 0 and rows[j].cells[c].text.strip() == head:
                rows[j].cells[c] = Cell([full], covered=rows[j].cells[c].covered)
                j -= 1
            j = k
            while j < len(rows) and rows[j].page == r.page and rows[j].cells[c].text.strip() == cont:
                rows[j].cells[c] = Cell([full], covered=rows[j].cells[c].covered)
                j += 1


def _cut_unit_cell(text: str) -> bool:
    """A unit cell that stops mid-list (trailing 、) or mid-name (no unit ending)."""
    text = text.strip()
    if not text:
        return False
    if text.endswith(("、", "，", ",", "；")):
        return True
    return ends_mid_name(text)


def _numbered_in_column(row: Row, item_cols: list[int]) -> bool:
    """The row prints its number in a 序号 column."""
    return any(c < len(row.cells) and row.cells[c].text.strip() for c in item_cols)


def _list_goes_on(prev_measure: str, measure: str, in_column: int, here_in_column: bool) -> bool:
    """A piece at a page's top opening with a number is the rest of the measure above, a
    list inside it cut by the page break, not a new item: when the table numbers its rows in
    a 序号 column that is empty here (1．以部门名义…), or when it is a point of the measure's
    own list (``sub_point``: 1 after …重点做好以下工作：, 2 after 1.组织…；)."""
    return (in_column >= 2 and not here_in_column) or sub_point(prev_measure, measure, opened=True)


def join_page_cuts(lt: LogicalTable, fates: list[RowFate]) -> None:
    """A row cut by a page break continues on the next page as a row with empty
    grouping cells and no item number; join it to the row before.

    It is a continuation when the previous measure stops mid-sentence, or when the
    new piece has no units of its own while the row before had some.
    """
    groups = lt.cmap.cols("group") + lt.cmap.cols("item_no")
    unit_cols = lt.cmap.cols("lead") + lt.cmap.cols("responsible")
    item_cols = lt.cmap.cols("item_no")  # (a table numbers its rows in the measure or in a 序号 column)
    out: list[tuple[int, Row]] = []
    replaced: dict[int, tuple[str, Cell]] = {}
    page: int | None = None
    for ti, r in lt.rows:
        if out and r.page is not None and out[-1][1].page is not None and r.page != out[-1][1].page:
            prev = out[-1][1]
            cells = _pad(r, lt.cmap.n_cols)
            prev_cells = _pad(prev, lt.cmap.n_cols)
            grouping_blank = all((cells[c].empty and not cells[c].covered) or cells[c].text == prev_cells[c].text
                                 for c in groups)
            measure = _measure_text(r, lt.cmap)
            prev_measure = _measure_text(prev, lt.cmap)
            no = split_item_no(measure)[0]
            # ②③ continue the sub-points of the row above; only a new item number starts a row
            circled_goes_on = no is not None and not (no.isascii() and no.isdigit()) and "①" in prev_measure
            starts_item = (no is not None and not circled_goes_on) or heading_level(measure) is not None
            if no is not None and heading_level(measure) is None and _list_goes_on(
                    prev_measure, measure, in_column=sum(1 for _, x in out if _numbered_in_column(x, item_cols)),
                    here_in_column=_numbered_in_column(r, item_cols)):
                starts_item = False
            no_units = all(cells[c].empty for c in unit_cols)
            prev_units = any(not c.empty for i, c in enumerate(_pad(prev, lt.cmap.n_cols)) if i in unit_cols)
            numbered = sum(1 for _, x in out if split_item_no(_measure_text(x, lt.cmap))[0]
                           or _numbered_in_column(x, item_cols)) >= 0.8 * len(out) >= 2
            cut_unit = any(_cut_unit_cell(c.text) for i, c in enumerate(prev_cells) if i in unit_cols)
            # a merged title cut by the page break prints its rest beside the rest of the row
            # (推进减税、降费、降低要素 | 成本信息公开): in a numbered table, with the measure
            # above stopping mid-sentence, that is no new group
            title_rest = numbered and not prev_measure.endswith(_TERMINAL) and all(
                cells[c].empty or not heading_level(cells[c].text) for c in groups)
            if (grouping_blank or title_rest) and not starts_item and prev_measure and (
                    not prev_measure.endswith(_TERMINAL) or (no_units and prev_units) or cut_unit
                    or (numbered and (no_units or not circled_goes_on))):
                merged = []
                for i, (a, b) in enumerate(zip(_pad(prev, lt.cmap.n_cols), cells)):
                    if b.empty or b.covered or b.text == a.text:
                        merged.append(a)
                    elif a.empty:
                        merged.append(b)
                    elif i in unit_cols and two_names(a.paragraphs[-1], b.paragraphs[0]):
                        merged.append(Cell(a.paragraphs + b.paragraphs, covered=a.covered))  # 镇宣传办 / 镇派出所
                    else:
                        paras = a.paragraphs[:-1] + [a.paragraphs[-1] + b.paragraphs[0]] + b.paragraphs[1:]
                        merged.append(Cell(paras, covered=a.covered))
                out[-1] = (out[-1][0], Row(merged, prev.index, prev.page, prev.line, prev.flags))
                fates.append(RowFate(ti, r.index, "joined", [c.text for c in r.cells]))
                # covered cells below the piece carry the piece's text: give them the whole
                replaced = {i: (b.text, m) for i, (b, m) in enumerate(zip(cells, merged)) if not b.empty}
                page = r.page
                continue
        if replaced and r.page == page:
            for i, cell in enumerate(r.cells):
                if cell.covered and i in replaced and cell.text == replaced[i][0]:
                    r.cells[i] = Cell(list(replaced[i][1].paragraphs), covered=True)
        else:
            replaced = {}
        out.append((ti, r))
    lt.rows = out


def _is_heading_row(cells: list[Cell], cmap: ColumnMap) -> str | None:
    """A row that is only a grouping label (一、… spanning the table): its text, else None."""
    texts = [c.text.strip() for c in cells]
    distinct = {t for t in texts if t}
    if len(distinct) != 1:
        return None
    text = distinct.pop()
    non_group = [i for i, r in enumerate(cmap.roles) if r not in ("group", "item_no")]
    spans_all = all(texts[i] == text for i in range(len(texts)))
    first_only = texts[0] == text and all(not texts[i] for i in non_group if i != 0)
    if (spans_all or first_only) and (heading_level(text) or spans_all):
        return text
    # an unnumbered title alone in the only grouping column, the rest of the row empty:
    # a section printed as a row above its tasks (以政务公开助力稳增长)
    groups = cmap.cols("group")
    if first_only and groups == [0] and len(text) <= 40 and not text.endswith(("。", "；")) and "\n" not in text:
        return text
    return None


def _reads_like(text: str, sections: list[str], tasks: list[str]) -> bool:
    """An unnumbered title that shares a clear stem with the section titles seen so far
    (以政务公开助力…) and less of one with the task titles."""
    import os

    def kin(seen: list[str]) -> int:
        return max((len(os.path.commonprefix([text, t])) for t in seen if t != text), default=0)

    k = kin(sections)
    return k >= 4 and k > kin(tasks)


def build_items(lt: LogicalTable, fates: list[RowFate], warnings: list[str]) -> list[RawItem]:
    """Carry merged grouping cells down, read headings and item numbers, split numbered measures."""
    cmap = lt.cmap
    group_cols = cmap.cols("group")
    m_col = cmap.first("measure")
    item_col = cmap.first("item_no")
    lead_cols, resp_cols = cmap.cols("lead"), cmap.cols("responsible")
    dl_col = cmap.first("deadline")
    # the level each grouping column holds by default (when its cells carry no numeral)
    default_level = {}
    for k, c in enumerate(group_cols):
        if len(group_cols) == 1:
            hdr = cmap.header_texts[c]
            default_level[c] = "section" if hdr in ("目标", "工作目标", "领域", "重点领域", "板块") else "task"
        else:
            default_level[c] = "section" if k == 0 else "task"
    section: Heading | None = None
    task: Heading | None = None
    last_group_text: dict[int, str] = {}
    last_item: str | None = None
    items: list[RawItem] = []

    seen_titles: dict[str, list[str]] = {"section": [], "task": []}

    def apply_heading(text: str, col_default: str) -> None:
        nonlocal section, task
        level = heading_level(text) or col_default
        if not heading_level(text) and level == "task" and _reads_like(text, seen_titles["section"], seen_titles["task"]):
            level = "section"  # 以政务公开助力惠民生 after 以政务公开助力稳增长 … printed as section rows
        h = parse_heading(text)
        seen_titles[level].append(h.title)
        if level == "section":
            section, task = h, None
        else:
            task = h

    for ti, row in lt.rows:
        cells = _pad(row, cmap.n_cols)
        heading = _is_heading_row(cells, cmap)
        if heading is not None:
            apply_heading(clean_cell(heading), "section")
            last_group_text.clear()
            fates.append(RowFate(ti, row.index, "heading", [c.text for c in cells]))
            continue
        for c in group_cols:
            text = clean_cell(cells[c].text)
            if text and text != last_group_text.get(c):
                apply_heading(text, default_level[c])
                last_group_text[c] = text
                # an outer level changing resets what inner columns carried
                for inner in group_cols:
                    if inner > c:
                        last_group_text.pop(inner, None)
        measure_paras = [clean_cell(p) for p in (cells[m_col].paragraphs if m_col is not None else [])]
        measure_paras = [p for p in measure_paras if p]
        if not measure_paras:
            fates.append(RowFate(ti, row.index, "no_measure", [c.text for c in cells]))
            if any(not cells[c].empty for c in lead_cols + resp_cols):
                warnings.append(f"table {ti} row {row.index}: units without a measure; row dropped")
            continue
        item_no = None
        if item_col is not None:
            if cells[item_col].covered:
                item_no = last_item
            else:
                item_no = clean_item_no(cells[item_col].text)
        # unit cells go to parse_units as printed: a space between two names is a separator there
        lead = "\n".join(cells[c].text.strip() for c in lead_cols if cells[c].text.strip())
        resp = "\n".join(cells[c].text.strip() for c in resp_cols if cells[c].text.strip())
        deadline = clean_cell(cells[dl_col].text) if dl_col is not None else ""
        split = split_numbered(measure_paras) if item_no is None else None
        pieces = split or [(None, measure_paras)]
        for no, paras in pieces:
            if split is None:
                first_no, first = split_item_no(paras[0])
                if item_no is None and first_no is not None:
                    no, paras = first_no, [first] + paras[1:]
                else:
                    no = item_no
                    if item_no is not None:
                        # the measure may repeat the 序号 column's number
                        rep_no, rep_rest = split_item_no(paras[0])
                        if rep_no == item_no:
                            paras = [rep_rest] + paras[1:]
            items.append(RawItem(section=section, task=task, item_no=no, measure=paras, lead=lead,
                                 responsible=resp, deadline=deadline, table=ti, row=row.index,
                                 page=row.page, line=row.line, has_lead_col=bool(lead_cols),
                                 has_resp_col=bool(resp_cols), flags=list(row.flags)))
        last_item = item_no
        fates.append(RowFate(ti, row.index, "kept", [c.text for c in cells]))
    return items


def shape_tables(tables: list[Table]) -> ShapeResult:
    """Run the whole chain over a document's tables."""
    res = ShapeResult()
    res.tables = stitch_tables(tables, res.fates, res.titles)
    for lt in res.tables:
        res.warnings.extend(w for w in lt.cmap.warnings if w not in res.warnings)
        drop_repeated_headers(lt, res.fates)
        join_split_group_cells(lt)
        join_page_cuts(lt, res.fates)
        res.items.extend(build_items(lt, res.fates, res.warnings))
    return res

