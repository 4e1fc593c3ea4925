"""What the variant benchmarks print: exact-record F1 per drawn choice, and the worst
variants with the fields their tasks miss (shared by variants.py and prose_variants.py)."""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _where in ("tests", "fixtures"):  # the scorer helpers and the renderers the benchmarks draw with
    sys.path.insert(0, str(ROOT / _where))
from conftest import exact_counts, task_equal  # noqa: E402


class Tally:
    """Exact, gold and predicted counts per choice key (``ALL``, ``flow=…``, …)."""

    def __init__(self) -> None:
        self.by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(self, keys: list[str], gold: dict, pred: dict) -> float:
        """Count one document under every key; returns its exact F1."""
        e, g, p = exact_counts(gold, pred)
        for key in keys:
            acc = self.by[key]
            acc[0] += e
            acc[1] += g
            acc[2] += p
        return 2 * e / (g + p) if g + p else 1.0

    def print(self) -> None:
        print(f"{'choice':<28}{'n-gold':>8}{'exact_F1':>10}")
        for key in sorted(self.by, key=lambda k: (k != "ALL", k)):
            e, g, p = self.by[key]
            print(f"{key:<28}{g:>8}{(2 * e / (g + p) if g + p else 1.0):>10.3f}")


def misses_by_field(gold: dict, pred: dict) -> dict[str, int]:
    """For each gold task (ambiguous ones aside), the fields its closest prediction gets wrong."""
    from rapidfuzz.fuzz import ratio

    bad: dict[str, int] = defaultdict(int)
    for g in gold["tasks"]:
        if "ambiguous" in (g.get("flags") or []):
            continue
        best = max(pred["tasks"], key=lambda p: ratio(g["measure"], p["measure"]), default=None)
        if best is None:
            bad["unmatched"] += 1
            continue
        for f in task_equal(g, best):
            bad[f] += 1
    return dict(bad)
