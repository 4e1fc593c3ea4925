"""Regression on the bench corpus copied into fixtures/: every flow keeps its exact-record F1."""
from __future__ import annotations

import pytest

import govdisclose
from conftest import CORPUS, FIXTURES, SEEDS, exact_counts, exact_f1, gold_for

# the floor each flow has reached; a drop below it is a regression
FLOORS = {"docx": 0.99, "pdf": 0.99, "tab.txt": 0.99, "pipe.txt": 0.99, "trad.txt": 0.99, "gbk.txt": 0.99,
          "layout.txt": 0.99, "raw.txt": 0.99,
          # the project's own re-flows of the corpus (fixtures/make_text_flows.py)
          "cells.txt": 0.95, "pipeshort.txt": 0.95, "mirror.txt": 0.95, "page.html": 0.95,
          "nolone.txt": 0.95, "seedcells.txt": 0.95, "sheet.txt": 0.95,
          "hdrline.txt": 0.95, "nohdr.txt": 0.95}
SEED_FLOORS = {"000": 0.97, "001": 0.95, "002": 0.75, "003": 0.95, "004": 0.95}


def _files(flow: str) -> list:
    own = ("cells.txt", "pipeshort.txt", "mirror.txt", "page.html", "nolone.txt", "seedcells.txt", "sheet.txt", "hdrline.txt", "nohdr.txt")
    folder = FIXTURES / "flows" if flow in own else CORPUS
    return sorted(p for p in folder.iterdir() if p.name.endswith("." + flow))


@pytest.mark.parametrize("flow", sorted(FLOORS))
def test_flow_exact_f1(flow: str) -> None:
    """Pooled over the flow's documents, as the benchmark reports it."""
    files = _files(flow)
    assert files, f"no {flow} files in fixtures"
    totals = [0, 0, 0]
    per_file = {}
    for f in files:
        counts = exact_counts(gold_for(f), govdisclose.parse(f).model_dump(mode="json"))
        totals = [a + b for a, b in zip(totals, counts)]
        per_file[f.name] = counts
    exact, n_gold, n_pred = totals
    assert 2 * exact / (n_gold + n_pred) >= FLOORS[flow], per_file


@pytest.mark.parametrize("stem", sorted(SEED_FLOORS))
def test_real_seed_texts(stem: str) -> None:
    seed = next(SEEDS.glob(f"{stem}_*.txt"))
    pred = govdisclose.parse(seed).model_dump(mode="json")
    assert exact_f1(gold_for(seed), pred) >= SEED_FLOORS[stem]


@pytest.mark.parametrize("path", _files("docx") + _files("pdf"), ids=lambda p: p.name)
def test_notice_metadata(path) -> None:
    gold = gold_for(path)["notice"]
    got = govdisclose.parse(path).model_dump(mode="json")["notice"]
    for field in ("doc_number", "issued_on", "plan_year", "region", "title"):
        if gold[field] is not None:
            assert got[field] == gold[field], field


@pytest.mark.parametrize("flow", ["docx", "pdf", "tab.txt", "pipe.txt", "layout.txt", "raw.txt"])
def test_unit_fields_on_every_flow(flow: str) -> None:
    """Lead and responsible units right on >= 98% of matched tasks, per flow (pooled)."""
    from conftest import _similarity, norm, task_equal

    right = {"lead_units": 0, "responsible_units": 0}
    matched = 0
    for f in _files(flow):
        gold, pred = gold_for(f), govdisclose.parse(f).model_dump(mode="json")
        gt = [t for t in gold["tasks"] if "ambiguous" not in t["flags"]]
        used: set[int] = set()
        for g in gt:
            best = max(((j, _similarity(norm(g["measure"]), norm(p["measure"]))) for j, p in enumerate(pred["tasks"])
                        if j not in used), key=lambda x: x[1], default=(None, 0))
            if best[0] is None or best[1] < 0.6:
                continue
            used.add(best[0])
            matched += 1
            bad = task_equal(g, pred["tasks"][best[0]])
            for k in right:
                right[k] += k not in bad
    assert matched and all(v / matched >= 0.98 for v in right.values()), (right, matched)
