#!/usr/bin/env python3
"""Time govdisclose's PDF reading against a bare pdfplumber ``extract_words()`` pass.

    python bench/pdf_speed.py [PDF …]     (default: fixtures/corpus/*.pdf)

Both run in this process on the same files, best of ``--repeat`` runs each; the
ratio govdisclose / pdfplumber is the figure (goal ≤ 1.5×).
"""
from __future__ import annotations

import argparse
import glob
import time
from pathlib import Path

import pdfplumber

import govdisclose


def bare(paths: list[str]) -> None:
    for p in paths:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.flush_cache()


def ours(paths: list[str]) -> None:
    for p in paths:
        govdisclose.parse(p)


def best(fn, paths: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(paths)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    paths = a.pdfs or sorted(glob.glob(str(root / "fixtures" / "corpus" / "*.pdf")))
    if not paths:
        raise SystemExit("no PDFs given and none in fixtures/corpus/")
    ours(paths[:1])  # warm caches (OpenCC, YAML data) before timing
    t_bare = best(bare, paths, a.repeat)
    t_ours = best(ours, paths, a.repeat)
    print(f"{len(paths)} PDFs: pdfplumber extract_words {t_bare:.2f} s, govdisclose parse {t_ours:.2f} s, "
          f"ratio {t_ours / t_bare:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
