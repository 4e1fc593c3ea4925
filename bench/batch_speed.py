#!/usr/bin/env python3
"""Time ``govdisclose batch`` over a folder with 1 worker and with 2, in one run.

    python bench/batch_speed.py [FOLDER]      (default: fixtures/corpus)

Each configuration runs three times and its best time counts (the machine's other
load only ever adds time). Prints both times and the speed-up (goal: 2 workers >= 1.6x
faster than 1).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from govdisclose.batch import run_batch


def timed(folder: str, workers: int, repeat: int = 3) -> float:
    best = None
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            res = run_batch([folder], out, workers=workers)
            secs = time.perf_counter() - t
        best = secs if best is None else min(best, secs)
    print(f"workers={workers}: {len(res.items)} files, {res.count('ok')} ok, best of {repeat} {best:.2f} s")
    return best


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    folder = sys.argv[1] if len(sys.argv) > 1 else str(root / "fixtures" / "corpus")
    one = timed(folder, 1)
    two = timed(folder, 2)
    print(f"speed-up with 2 workers: {one / two:.2f}x (goal >= 1.6x)")


if __name__ == "__main__":
    main()
