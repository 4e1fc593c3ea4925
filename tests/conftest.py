"""Shared test helpers: fixture paths and a compact gold scorer (record contract v1)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
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


def _similarity(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    return 1.0 if a == b else (ratio(a, b) / 100.0 if a and b else 0.0)


def exact_f1(gold: dict, pred: dict) -> float:
    """Exact-record F1 of one document (see :func:`exact_counts`)."""
    exact, n_gold, n_pred = exact_counts(gold, pred)
    return 2 * exact / (n_gold + n_pred) if n_gold + n_pred else 1.0


def exact_counts(gold: dict, pred: dict) -> tuple[int, int, int]:
    """(exact, gold, predicted) as the benchmark counts them: one-to-one greedy matching on
    measure similarity (>= 0.6); a match counts when every field is right; gold tasks
    flagged ambiguous (and the predictions matched to them) are left out."""
    gt, pt = gold["tasks"], pred["tasks"]
    gn, pn = [norm(t["measure"]) for t in gt], [norm(t["measure"]) for t in pt]
    pairs = sorted(((_similarity(g, p), i, j) for i, g in enumerate(gn) for j, p in enumerate(pn)
                    if _similarity(g, p) >= 0.6), key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, matched = set(), set(), []
    for _s, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matched.append((i, j))
    amb = {i for i, t in enumerate(gt) if "ambiguous" in t["flags"]}
    n_gold = len(gt) - len(amb)
    n_pred = len(pt) - sum(1 for i, _ in matched if i in amb)
    exact = sum(1 for i, j in matched if i not in amb and not task_equal(gt[i], pt[j]))
    return exact, n_gold, n_pred


def field_counts(gold: dict, pred: dict) -> tuple[int, int, int, int, int, Counter[str]]:
    """(exact, core, matched, gold, predicted, right fields) with the benchmark's one-to-one
    matching on measure similarity (>= 0.6), every gold task counted (the shapes this is
    for have no ambiguous ones); core is measure, units and deadline right."""
    gt, pt = gold["tasks"], pred["tasks"]
    pairs = sorted(((_similarity(norm(g["measure"]), norm(p["measure"])), i, j)
                    for i, g in enumerate(gt) for j, p in enumerate(pt)), key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, exact, core, matched = set(), set(), 0, 0, 0
    right: Counter[str] = Counter()
    for s, i, j in pairs:
        if s < 0.6 or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        matched += 1
        bad = set(task_equal(gt[i], pt[j]))
        exact += not bad
        core += not ({"measure", "lead_units", "responsible_units", "deadline"} & bad)
        right.update(f for f in ("measure", "responsible_units", "section", "task", "item_no") if f not in bad)
    return exact, core, matched, len(gt), len(pt), right


def gold_for(path: Path) -> dict:
    stem = path.name.split(".")[0]
    return json.loads((CORPUS / f"{stem}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS
