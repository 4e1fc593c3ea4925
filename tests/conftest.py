"""Shared test helpers: fixture paths and a compact gold scorer (record contract v1)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = FIXTURES / "corpus"
SEEDS = FIXTURES / "seeds"

_PUNCT = str.maketrans({"（": "(", "）": ")", "，": ",", "；": ";", "：": ":", "．": ".", "“": '"', "”": '"',
                        "—": "-", "〔": "[", "〕": "]"})
_ALIASES = [("发展改革委", "发改委"), ("人力社保局", "人社局"), ("卫生健康委", "卫健委")]


def norm(s) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(s or "")).translate(_PUNCT))


def norm_unit(u: str) -> str:
    u = norm(u)
    for std, alias in _ALIASES:
        u = u.replace(alias, std)
    return u


def _heading(h):
    return ("", "") if not h else (norm(h.get("no")).strip("、.()"), norm(h.get("title")).rstrip("。."))


def task_equal(g: dict, p: dict) -> list[str]:
    """The fields on which a predicted task differs from its gold task."""
    bad = []
    if norm(g["measure"]) != norm(p["measure"]):
        bad.append("measure")
    for f in ("lead_units", "responsible_units"):
        if {norm_unit(u) for u in g[f]} != {norm_unit(u) for u in p[f]}:
            bad.append(f)
    gd, pd = g["deadline"], p["deadline"]
    if (gd["kind"], gd["date"]) != (pd["kind"], pd["date"]):
        bad.append("deadline")
    for f in ("section", "task"):
        if _heading(g[f]) != _heading(p[f]):
            bad.append(f)
    if norm(g["item_no"]).strip("、.") != norm(p["item_no"]).strip("、."):
        bad.append("item_no")
    if {norm(x) for x in g["disclosure_paths"]} != {norm(x) for x in p["disclosure_paths"]}:
        bad.append("disclosure_paths")
    return bad


def exact_f1(gold: dict, pred: dict) -> float:
    """Exact-record F1: tasks matched by equal measure text and every field right."""
    gt = [t for t in gold["tasks"] if "ambiguous" not in t["flags"]]
    amb = {norm(t["measure"]) for t in gold["tasks"] if "ambiguous" in t["flags"]}
    pt = [t for t in pred["tasks"] if norm(t["measure"]) not in amb]
    by_measure: dict[str, list[dict]] = {}
    for t in pt:
        by_measure.setdefault(norm(t["measure"]), []).append(t)
    exact = 0
    for g in gt:
        cands = by_measure.get(norm(g["measure"])) or []
        if cands and not task_equal(g, cands[0]):
            exact += 1
            cands.pop(0)
    return 2 * exact / (len(gt) + len(pt)) if gt or pt else 1.0


def gold_for(path: Path) -> dict:
    stem = path.name.split(".")[0]
    return json.loads((CORPUS / f"{stem}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS
