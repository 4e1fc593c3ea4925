#!/usr/bin/env python3
"""Spliced PDF copies (seed 002's shape) of other notices: how well their rows come back.

    python bench/spliced_variants.py [--seeds 5] [--copies single,double,lagging] [--keep DIR]

Each notice's gold (fixtures/corpus and fixtures/variants/golds) is printed by
fixtures/make_spliced.py as a viewer copies a table from text boxes: title boxes read
line by line across the grouping columns, unit cells spliced centred into the measure's
lines or printed alone at the next box's head, optionally a second copy read in turns
with the first. Prints exact, core and record F1 and each field's accuracy per copy kind.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures"))
sys.path.insert(0, str(ROOT / "tests"))

import make_spliced  # noqa: E402
from conftest import field_counts  # noqa: E402

import govdisclose  # noqa: E402

GOLDS = sorted((ROOT / "fixtures" / "corpus").glob("00[0-3]_*.gold.json")) \
    + sorted((ROOT / "fixtures" / "variants" / "golds").glob("*.gold.json"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--copies", default="single,double,lagging")
    ap.add_argument("--keep", type=Path, help="write every render here")
    args = ap.parse_args()
    out = Path(args.keep or tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    for copies in args.copies.split(","):
        totals = [0, 0, 0, 0, 0]
        right: Counter = Counter()
        for path in GOLDS:
            gold = make_spliced.derive(json.loads(path.read_text(encoding="utf-8")))
            for seed in range(args.seeds):
                f = out / f"{path.name.split('.')[0]}.{copies}.{seed}.txt"
                f.write_text(make_spliced.render(gold, seed, copies), encoding="utf-8")
                pred = govdisclose.parse(f).model_dump(mode="json")
                *counts, fields = field_counts(gold, pred)
                totals = [a + b for a, b in zip(totals, counts)]
                right += fields
        exact, core, matched, n_gold, n_pred = totals
        f1 = lambda x: 2 * x / (n_gold + n_pred)  # noqa: E731
        print(f"{copies:<8} exact {f1(exact):.3f}  core {f1(core):.3f}  record {f1(matched):.3f}  "
              + "  ".join(f"{k} {v / max(1, matched):.2f}" for k, v in sorted(right.items())))


if __name__ == "__main__":
    main()
