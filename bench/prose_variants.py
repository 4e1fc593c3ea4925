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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import Tally, misses_by_field  # noqa: E402  (puts tests/ and fixtures/ on the path)
from make_prose_variants import render  # noqa: E402
from make_variants import golds  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=5, help="print the worst N variants")
    ap.add_argument("--keep", type=Path, help="write the worst variants' text here")
    ap.add_argument("--written", action="store_true",
                    help="also draw from the notices written for this check (fixtures/variants/golds)")
    args = ap.parse_args()
    from govdisclose import parse
    from govdisclose.errors import GovdiscloseError

    gold_by_stem = golds(args.written)
    rng = random.Random(args.seed)
    tally = Tally()
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
            keys = ["ALL", f"note={v['note']}", f"item={v['item']}", f"title_runs_on={v['title_runs_on']}",
                    f"doc={stem[:3]}", f"wrap={v['wrap']}", f"pages={v['page_lines'] if v['wrap'] else 0}",
                    *(f"{k}={w}" for k, w in v["labels"].items())]
            results.append((tally.add(keys, expected, pred), stem, v, expected, pred, text))
    tally.print()
    results.sort(key=lambda r: r[0])
    for f1, stem, v, gold, pred, text in results[: args.show]:
        print(f"\n{f1:.3f} {stem} {v} pred={len(pred['tasks'])} {pred.get('error', '')}")
        print("   misses by field:", misses_by_field(gold, pred))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"{f1:.3f}_{stem}.{v['note']}.txt").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
