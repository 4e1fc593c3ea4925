"""The corpus tables printed as Word, through LibreOffice to PDF, and read back from
``pdftotext -raw`` and ``pdftotext -layout`` (fixtures/make_pdf_variants.py): the route the
benchmark corpus's own text copies took, on tables the corpus does not have (header
synonyms spaced out and cut over lines, narrow columns, person and remark columns,
pages without the header again).
"""
from __future__ import annotations

import json

import pytest

import govdisclose
from conftest import FIXTURES, exact_counts

VARIANTS = FIXTURES / "pdf_variants"
MANIFEST = json.loads((VARIANTS / "manifest.json").read_text(encoding="utf-8"))
GOLD = {stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (FIXTURES / "corpus").glob("*.gold.json") for stem in [p.name.split(".")[0]]}
# pooled exact F1 per flow: what the rebuilds reach on this set, less a margin
POOLED = {"pdftotext-raw": 0.85, "pdftotext-layout": 0.96}


def _f1(name: str) -> tuple[int, int, int]:
    v = MANIFEST[name]
    return exact_counts(GOLD[v["gold"]], govdisclose.parse(VARIANTS / name).model_dump(mode="json"))


@pytest.mark.parametrize("flow", sorted(POOLED))
def test_pdftotext_copies_pooled(flow: str) -> None:
    totals = [0, 0, 0]
    for name in (n for n, v in MANIFEST.items() if v["flow"] == flow):
        totals = [a + b for a, b in zip(totals, _f1(name))]
    exact, n_gold, n_pred = totals
    assert 2 * exact / (n_gold + n_pred) >= POOLED[flow]


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_every_copy_reads_as_a_table(name: str) -> None:
    """No copy falls apart: each finds its header and most of its tasks."""
    exact, n_gold, n_pred = _f1(name)
    assert n_pred >= 0.8 * n_gold and 2 * exact / (n_gold + n_pred) >= 0.35
