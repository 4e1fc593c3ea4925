#!/usr/bin/env python3
"""Generalisation check: print the corpus gold as other notices print their tables, parse, score.

    python bench/variants.py [--n 200] [--seed 1] [--show 5]

Every variant draws, at random: header words for each column (synonyms real notices
use), the column order (deadline before the units, lead after responsible), how the
item number is printed (own 序号 column, or ``1.`` / ``1．`` / ``1、`` / ``1﹒`` before
the measure), how units are separated (``、``, ``，``, one per line), whether merged
group cells are printed once or on every row, and the flow (Word table with real merges,
tab copy, cell-per-line copy, pipe copy, spreadsheet paste, saved HTML page). Each is
parsed with the library and scored exactly as ``shared/bench/score.py`` does (the
helpers in ``tests/conftest.py``). Prints exact-record F1 per flow and per drawn choice,
so a weak spot shows as a low cell, and the worst variants with their misses.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import exact_counts, task_equal  # noqa: E402

SYNONYMS = {
    "section": ["工作任务", "目标", "重点领域", "工作目标", "类别", "主要任务"],
    "task": ["工作任务", "任务", "重点任务", "主要任务", "任务名称"],
    "item": ["序号", "编号"],
    "measure": ["贯彻举措", "工作措施", "具体要求", "工作要求", "主要内容", "具体任务", "任务内容", "工作内容",
                "具体措施", "落实举措"],
    "lead": ["牵头单位", "牵头部门", "主责单位", "牵头科室"],
    "responsible": ["责任单位", "配合单位", "责任部门", "协办单位", "责任科室"],
    "deadline": ["完成时限", "时限要求", "完成时间", "时间节点", "时限"],
}
FLOWS = ["docx", "tab", "cells", "pipe", "sheet", "html"]
ITEM_STYLES = ["column", "1.", "1．", "1、", "1﹒"]


def heading_text(h: dict | None, kind: str) -> str:
    if not h:
        return ""
    no, title = h.get("no"), h["title"]
    if not no:
        return title
    return f"{no}、{title}" if kind == "section" else f"{no}{title}"


def choose(rng: random.Random, gold: dict) -> dict:
    tasks = gold["tasks"]
    has = {
        "section": any(t["section"] for t in tasks),
        "task": any(t["task"] for t in tasks),
        "lead": any(t["lead_units"] for t in tasks),
        "deadline": any(t["deadline"]["kind"] != "none" for t in tasks),
    }
    cols = [c for c in ("section", "task") if has[c]]
    item = rng.choice(ITEM_STYLES)
    if item == "column":
        cols.append("item")
    cols.append("measure")
    units = (["lead"] if has["lead"] else []) + ["responsible"]
    if has["lead"] and rng.random() < 0.15:
        units.reverse()
    tail = units + (["deadline"] if has["deadline"] else [])
    if has["deadline"] and rng.random() < 0.3:
        tail = ["deadline"] + units
    cols += tail
    names = {}
    for c in cols:
        pool = SYNONYMS[c]
        if c == "section" and has["task"]:
            pool = [p for p in pool if p not in SYNONYMS["task"]] or pool
        names[c] = rng.choice(pool)
    if has["section"] and has["task"] and rng.random() < 0.4:
        names["section"] = names["task"] = "工作任务"  # one spanning header over both levels
    flow = rng.choice(FLOWS)
    sep = rng.choice(["、", "，", "\n"])
    # 责任单位 printed over 牵头单位 | 配合单位 in a second header row
    pair = has["lead"] and any(cols[i:i + 2] == ["lead", "responsible"] for i in range(len(cols)))
    header2 = pair and rng.random() < 0.3
    if header2:
        names["lead"], names["responsible"] = rng.choice([("牵头单位", "配合单位"), ("牵头", "配合"),
                                                         ("牵头部门", "责任部门"), ("牵头单位", "责任单位")])
    # sections as full-width title rows instead of a column
    title_rows = has["section"] and has["task"] and not header2 and rng.random() < 0.25
    if title_rows:
        cols.remove("section")
    if rng.random() < 0.3:  # header words spaced out to fill the cell (序　号, 工 作 任 务)
        gap = rng.choice([" ", "\u3000", "  "])
        names = {c: (gap.join(w) if len(w) <= 4 else w) for c, w in names.items()}
    return {"cols": cols, "names": names, "item": item, "sep": sep, "flow": flow,
            "repeat_groups": rng.random() < 0.25, "header2": header2, "title_rows": title_rows,
            "preamble": rng.choice(["notice", "notice", "table title", "portal"])}


def header_rows(v: dict) -> list[list[str]]:
    top = [v["names"][c] for c in v["cols"]]
    if not v["header2"]:
        return [top]
    i = v["cols"].index("lead")
    top[i:i + 2] = ["责任单位", ""]
    second = ["" for _ in top]
    second[i:i + 2] = [v["names"]["lead"], v["names"]["responsible"]]
    return [top, second]


def rows_of(gold: dict, v: dict) -> list[list[str]]:
    rows, prev = [], {}
    for t in gold["tasks"]:
        if v["title_rows"] and t["section"] and prev.get("title") != json.dumps(t["section"]):
            prev["title"] = json.dumps(t["section"])
            rows.append([heading_text(t["section"], "section")] + [""] * (len(v["cols"]) - 1))
        row = []
        for c in v["cols"]:
            if c in ("section", "task"):
                text = heading_text(t[c], c)
                key = (c, json.dumps(t["section"]), json.dumps(t["task"]) if c == "task" else "")
                row.append(text if v["repeat_groups"] or prev.get(c) != key else "")
                prev[c] = key
            elif c == "item":
                row.append(t["item_no"] or "")
            elif c == "measure":
                m = t["measure"]
                if v["item"] != "column" and t["item_no"]:
                    m = t["item_no"] + v["item"][1:] + m
                row.append(m)
            elif c in ("lead", "responsible"):
                row.append(v["sep"].join(t[f"{c}_units"]))
            elif c == "deadline":
                row.append(t["deadline"]["text"] or "")
        rows.append(row)
    return rows


def preamble(gold: dict, v: dict) -> list[str]:
    n = gold["notice"]
    if v["preamble"] == "table title" and n.get("table_title"):
        return [n["table_title"]]  # a copy of the table alone, under its title
    if v["preamble"] == "portal":  # a portal page's label block, then the notice
        out = [f"索引号：11500000009275780L/{(n.get('issued_on') or '')[:4]}-00077", f"发布机关：{n.get('issuer') or ''}",
               f"成文日期：{n.get('issued_on') or ''}", f"标题：{n.get('title') or ''}",
               f"发文字号：{n.get('doc_number') or ''}", f"发布日期：{n.get('published_on') or n.get('issued_on') or ''}"]
        return out + ([n["table_title"]] if n.get("table_title") else [])
    out = [x for x in (n.get("doc_number"), n.get("title")) if x]
    out.append("各有关单位：")
    out.append("现将任务分工印发给你们，请认真贯彻执行。")
    if n.get("issuer"):
        out.append(n["issuer"])
    if n.get("issued_on"):
        y, m, d = n["issued_on"].split("-")
        out.append(f"{y}年{int(m)}月{int(d)}日")
    if n.get("table_title"):
        out.append(n["table_title"])
    return out


def _group_spans(rows: list[list[str]], v: dict, title_row: list[bool]) -> list[list[int]]:
    """Row spans of merged group cells: 0 for a position a merge covers."""
    spans = [[1] * len(r) for r in rows]
    if v["repeat_groups"]:
        return spans
    for c, col in enumerate(v["cols"]):
        if col not in ("section", "task"):
            continue
        start = None
        for r in range(len(rows)):
            if title_row[r] or rows[r][c]:
                start = None if title_row[r] else r
            elif start is not None:
                spans[start][c] += 1
                spans[r][c] = 0
    return spans


def render(path: Path, gold: dict, v: dict) -> Path:
    heads = header_rows(v)
    width = len(heads[0])
    rows = rows_of(gold, v)
    title_row = [bool(r[0]) and r[1:] == [""] * (len(r) - 1) for r in rows]
    spans = _group_spans(rows, v, title_row)
    before = preamble(gold, v)
    flow = v["flow"]
    if flow == "docx":
        from docx import Document

        doc = Document()
        for b in before:
            doc.add_paragraph(b)
        n_h = len(heads)
        table = doc.add_table(rows=len(rows) + n_h, cols=width)
        for r, values in enumerate(heads + rows):
            for c, val in enumerate(values):
                parts = val.split("\n")
                cell = table.cell(r, c)
                cell.text = parts[0]
                for extra in parts[1:]:
                    cell.add_paragraph(extra)
        if n_h == 2:
            i = heads[0].index("责任单位")
            table.cell(0, i).merge(table.cell(0, i + 1)).text = "责任单位"
            for c in range(width):
                if c not in (i, i + 1):
                    text = heads[0][c]
                    table.cell(0, c).merge(table.cell(1, c)).text = text
        for r in range(len(rows)):
            if title_row[r]:
                table.cell(n_h + r, 0).merge(table.cell(n_h + r, width - 1)).text = rows[r][0]
            for c in range(width):
                if spans[r][c] > 1:
                    text = rows[r][c]
                    table.cell(n_h + r, c).merge(table.cell(n_h + r + spans[r][c] - 1, c)).text = text
        out = path.with_suffix(".docx")
        doc.save(out)
        return out
    if flow == "tab":
        lines = before + [""]
        for r in heads + rows:
            for val in r:
                parts = val.split("\n")
                lines.append("\t" + parts[0])
                lines.extend(parts[1:])
            lines.append("")
    elif flow == "cells":
        lines = before + [h for r in heads for h in r if h] + [c for r in rows for c in r if c]
    elif flow == "pipe":
        lines = list(before)
        for r in heads + rows:
            for val in r:
                lines += [val, "|"]
            lines.append("")
    elif flow == "sheet":
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, delimiter="\t", lineterminator="\n")
        for b in before:
            w.writerow([b])
        for r in heads + rows:
            w.writerow(r)
        lines = [buf.getvalue()]
    else:  # a saved portal page: merged cells are rowspan / colspan
        lines = ["<html><body>"] + [f"<p>{b}</p>" for b in before] + ["<table>"]
        if len(heads) == 2:
            i = heads[0].index("责任单位")
            tops = "".join('<th colspan="2">责任单位</th>' if c == i else "" if c == i + 1
                           else f'<th rowspan="2">{h}</th>' for c, h in enumerate(heads[0]))
            lines += [f"<tr>{tops}</tr>", f"<tr><th>{heads[1][i]}</th><th>{heads[1][i + 1]}</th></tr>"]
        else:
            lines.append("<tr>" + "".join(f"<th>{h}</th>" for h in heads[0]) + "</tr>")
        for r, row in enumerate(rows):
            if title_row[r]:
                lines.append(f'<tr><td colspan="{width}">{row[0]}</td></tr>')
                continue
            tds = "".join((f'<td rowspan="{spans[r][c]}">' if spans[r][c] > 1 else "<td>")
                          + val.replace("\n", "<br>") + "</td>" for c, val in enumerate(row) if spans[r][c])
            lines.append(f"<tr>{tds}</tr>")
        lines.append("</table></body></html>")
    out = path.with_suffix(".html" if flow == "html" else ".txt")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=5, help="print the worst N variants")
    ap.add_argument("--flows", default=",".join(FLOWS))
    args = ap.parse_args()
    from govdisclose import parse
    from govdisclose.errors import GovdiscloseError

    golds = {p.name.split(".")[0]: json.loads(p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "fixtures" / "corpus").glob("00[0-3]_*.gold.json"))}
    rng = random.Random(args.seed)
    flows = args.flows.split(",")
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.n):
            stem = rng.choice(sorted(golds))
            gold = golds[stem]
            v = choose(rng, gold)
            if v["flow"] not in flows:
                continue
            path = render(Path(tmp) / f"{stem}.v{k}", gold, v)
            try:
                pred = json.loads(parse(path).model_dump_json())
            except GovdiscloseError as exc:
                pred = {"tasks": [], "error": str(exc)}
            e, g, p = exact_counts(gold, pred)
            f1 = 2 * e / (g + p) if g + p else 1.0
            results.append((f1, stem, v, gold, pred, path.read_bytes() if v["flow"] != "docx" else b""))
            keys = ["ALL", "flow=" + v["flow"], "item=" + v["item"], "sep=" + repr(v["sep"]),
                    "groups=" + ("repeated" if v["repeat_groups"] else "once"), "doc=" + stem[:3],
                    "header=" + ("two rows" if v["header2"] else "one row"),
                    "sections=" + ("title rows" if v["title_rows"] else "column"), "preamble=" + v["preamble"],
                    "order=" + ("deadline-first" if v["cols"].index("measure") + 1 < len(v["cols"])
                                and v["cols"][v["cols"].index("measure") + 1] == "deadline" else "units-first")]
            keys += [f"{c}={v['names'][c]}" for c in v["cols"]]
            for key in keys:
                acc = by[key]
                acc[0] += e
                acc[1] += g
                acc[2] += p
    print(f"{'choice':<28}{'n-gold':>8}{'exact_F1':>10}")
    for key in sorted(by, key=lambda k: (k != "ALL", k)):
        e, g, p = by[key]
        print(f"{key:<28}{g:>8}{(2 * e / (g + p) if g + p else 1.0):>10.3f}")
    results.sort(key=lambda r: r[0])
    for f1, stem, v, gold, pred, _ in results[: args.show]:
        print(f"\n{f1:.3f} {stem} {json.dumps({k: v[k] for k in ('flow', 'item', 'sep', 'repeat_groups', 'header2', 'title_rows')}, ensure_ascii=False)} "
              f"{[v['names'][c] for c in v['cols']]} pred={len(pred['tasks'])} {pred.get('error', '')}")
        bad = defaultdict(int)
        from rapidfuzz.fuzz import ratio
        for g in gold["tasks"]:
            if "ambiguous" in (g.get("flags") or []):
                continue
            best = max(pred["tasks"], key=lambda p: ratio(g["measure"], p["measure"]), default=None)
            if best is None:
                bad["unmatched"] += 1
                continue
            for f in task_equal(g, best):
                bad[f] += 1
        print("   misses by field:", dict(bad))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
