"""The corpus tables printed as other notices print them (fixtures/make_variants.py).

Each file re-renders one gold with drawn header synonyms, column orders, item styles,
unit separators, merges, two-row headers, section title rows and preambles, in one of
twelve flows; it must parse back to that gold. The hardest shapes of the text flows
(two-row header, unlabelled 序号, title rows) are each drawn in every text flow.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest

import govdisclose
from conftest import FIXTURES, exact_counts

VARIANTS = FIXTURES / "variants"
MANIFEST = json.loads((VARIANTS / "manifest.json").read_text(encoding="utf-8"))
GOLD = {stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (FIXTURES / "corpus").glob("*.gold.json") for stem in [p.name.split(".")[0]]}
# cell-per-line copies (and PDF-viewer copies and pdftotext -raw, a cell a line cut at the column
# width) lose empty cells, so a row with one unit cell reads as under a merged cell, and -raw
# cannot tell where one unit a line in a 牵头 cell ends and the 配合 cell starts; the rest reads
# back whole
FLOOR = {"cells": 0.85, "pdfcopy": 0.8, "raw": 0.85}


def test_the_set_covers_every_shape() -> None:
    """A regenerated set that stopped drawing a shape would silently stop testing it."""
    drawn = Counter()
    for v in MANIFEST.values():
        drawn.update([f"flow={v['flow']}", f"item={v['item']}", f"sep={v['sep']!r}"])
        drawn.update(k for k in ("header2", "title_rows", "repeat_groups") if v[k])
        if "extra" in v["cols"]:
            drawn["person or remark column"] += 1
        if v["page_rows"] and v["flow"] in ("tab", "cells", "pipe", "rowpipe"):
            drawn["page breaks"] += 1
        if v["item"] == "column" and not v["names"]["item"]:
            drawn["unlabelled 序号"] += 1
            drawn[f"{v['flow']}: unlabelled 序号"] += 1
        if v["header2"]:
            drawn[f"{v['flow']}: two-row header"] += 1
        if v["title_rows"]:
            drawn[f"{v['flow']}: title rows"] += 1
        cols = v["cols"]
        if "deadline" in cols and cols.index("deadline") < cols.index("responsible"):
            drawn["deadline-first"] += 1
        if "lead" in cols and cols.index("lead") > cols.index("responsible"):
            drawn["responsible-first"] += 1
    wanted = ([f"flow={f}" for f in ("docx", "tab", "cells", "pipe", "sheet", "html", "rowpipe", "layout", "rowtab",
                                           "cellpipe", "pdfcopy", "raw")]
              + [f"{f}: {shape}" for f in ("layout", "rowtab", "cells", "rowpipe", "cellpipe", "pdfcopy", "raw")
                 for shape in ("two-row header", "unlabelled 序号", "title rows")]
              + [f"item={i}" for i in ("column", "1.", "1．", "1、", "1﹒")]
              + [f"sep={s!r}" for s in ("、", "，", "\n")]
              + ["header2", "title_rows", "repeat_groups", "deadline-first", "responsible-first", "unlabelled 序号",
                 "page breaks", "person or remark column"])
    assert [w for w in wanted if not drawn[w]] == []


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_variant_reads_back_to_its_gold(name: str) -> None:
    v = MANIFEST[name]
    gold = GOLD[v["gold"]]
    pred = govdisclose.parse(VARIANTS / name).model_dump(mode="json")
    exact, n_gold, n_pred = exact_counts(gold, pred)
    f1 = 2 * exact / (n_gold + n_pred)
    assert f1 >= FLOOR.get(v["flow"], 0.95), (f1, {k: v[k] for k in ("flow", "item", "header2", "title_rows")})


def test_variants_pooled() -> None:
    totals = [0, 0, 0]
    for name, v in MANIFEST.items():
        counts = exact_counts(GOLD[v["gold"]], govdisclose.parse(VARIANTS / name).model_dump(mode="json"))
        totals = [a + b for a, b in zip(totals, counts)]
    exact, n_gold, n_pred = totals
    assert 2 * exact / (n_gold + n_pred) >= 0.97
