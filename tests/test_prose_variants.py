"""The corpus tables printed as task lists in prose (fixtures/make_prose_variants.py).

Each file prints one gold as 一、/（一）/1. points with drawn unit notes (a closing
parenthesis, labels in brackets of any kind, label lines under the point, labels after
the measure, in several label words), item styles, titles running on into their measure,
and the whole cut into lines at a page width with page numbers between pages as a PDF's
text is; it must parse back to that gold, with the headings and item numbers as printed.
"""
from __future__ import annotations

import json
import random
import sys
from collections import Counter

import pytest

import govdisclose
from conftest import FIXTURES, exact_counts

sys.path.insert(0, str(FIXTURES))
from make_prose_variants import render  # noqa: E402
from make_variants import golds  # noqa: E402

PROSE = FIXTURES / "prose_variants"
MANIFEST = json.loads((PROSE / "manifest.json").read_text(encoding="utf-8"))
GOLD = golds()


def test_the_set_covers_every_note_and_item_style() -> None:
    drawn = Counter(f"{k}={v[k]}" for v in MANIFEST.values() for k in ("note", "item", "title_runs_on"))
    for style in ("paren", "paren-labels", "brackets", "label-lines", "labels-after"):
        assert drawn[f"note={style}"] >= 2, style
    for item in ("1.", "1、", "（1）", "1﹒", "1．"):
        assert drawn[f"item={item}"] >= 1, item
    assert drawn["title_runs_on=True"] >= 2
    assert sum(1 for v in MANIFEST.values() if v["wrap"]) >= 6  # a PDF's text, lines cut at the page width


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_prose_variant_reads_back(name: str) -> None:
    v = MANIFEST[name]
    rng = random.Random(v["seed"])  # the draw the file was written from
    assert rng.choice(sorted(GOLD)) == v["gold"]
    text, expected, _ = render(GOLD[v["gold"]], rng)
    path = PROSE / name
    assert text == path.read_text(encoding="utf-8"), "fixture out of date: run fixtures/make_prose_variants.py"
    pred = json.loads(govdisclose.parse(path).model_dump_json())
    exact, n_gold, n_pred = exact_counts(expected, pred)
    assert 2 * exact / (n_gold + n_pred) >= 0.9, (name, exact, n_gold, n_pred)
