#!/usr/bin/env python3
"""Generalisation check for task lists in prose: the corpus tables printed as work points.

    python bench/prose_variants.py [--n 100] [--seed 1] [--show 5]

The renderer lives in ``fixtures/make_prose_variants.py`` (which also writes the fixed set
the tests score): each variant prints one corpus table as work points, with drawn unit
notes, item styles and titles. Parsed with the library, scored as
``shared/bench/score.py`` scores; prints exact-record F1 per choice and the worst variants
with their misses.
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
sys.path.insert(0, str(ROOT / "fixtures"))
from conftest import exact_counts, task_equal  # noqa: E402
from make_prose_variants import render  # noqa: E402
from make_variants import golds  # noqa: E402

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=5, help="print the worst N variants")
    ap.add_argument("--keep", type=Path, help="write the worst variants' text here")
    args = ap.parse_args()
    from govdisclose import parse
    from govdisclose.errors import GovdiscloseError

    gold_by_stem = golds()
    rng = random.Random(args.seed)
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.n):
            stem = rng.choice(sorted(gold_by_stem))
            text, expected, v = render(gold_by_stem[stem], rng)
            path = Path(tmp) / f"{stem}.p{k}.txt"
            path.write_text(text, encoding="utf-8")
            try:
                pred = json.loads(parse(path).model_dump_json())
            except GovdiscloseError as exc:
                pred = {"tasks": [], "error": str(exc)}
            e, g, p = exact_counts(expected, pred)
            results.append((2 * e / (g + p) if g + p else 1.0, stem, v, expected, pred, text))
            for key in ("ALL", f"note={v['note']}", f"item={v['item']}", f"title_runs_on={v['title_runs_on']}",
                        f"doc={stem[:3]}", f"wrap={v['wrap']}", f"pages={v['page_lines'] if v['wrap'] else 0}",
                        *(f"{k}={w}" for k, w in v["labels"].items())):
                acc = by[key]
                acc[0] += e
                acc[1] += g
                acc[2] += p
    print(f"{'choice':<28}{'n-gold':>8}{'exact_F1':>10}")
    for key in sorted(by, key=lambda k: (k != "ALL", k)):
        e, g, p = by[key]
        print(f"{key:<28}{g:>8}{(2 * e / (g + p) if g + p else 1.0):>10.3f}")
    results.sort(key=lambda r: r[0])
    from rapidfuzz.fuzz import ratio

    for f1, stem, v, gold, pred, text in results[: args.show]:
        print(f"\n{f1:.3f} {stem} {v} pred={len(pred['tasks'])} {pred.get('error', '')}")
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
        print("   misses by field:", dict(bad))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"{f1:.3f}_{stem}.{v['note']}.txt").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
