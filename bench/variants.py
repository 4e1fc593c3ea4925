#!/usr/bin/env python3
"""Generalisation check: print the corpus gold as other notices print their tables, parse, score.

    python bench/variants.py [--n 200] [--seed 1] [--show 5]

The renderer lives in ``fixtures/make_variants.py`` (which also writes the fixed set the
tests score). Every variant draws, at random: header words for each column (synonyms real notices
use), the column order (deadline before the units, lead after responsible), how the
item number is printed (own 序号 column, or ``1.`` / ``1．`` / ``1、`` / ``1﹒`` before
the measure), how units are separated (``、``, ``，``, one per line), whether merged
group cells are printed once or on every row, and the flow (Word table with real merges,
tab copy, cell-per-line copy, pipe copy, spreadsheet paste, saved HTML page). Each is
parsed with the library and scored exactly as ``shared/bench/score.py`` does (the
helpers in ``tests/conftest.py``). Prints exact-record F1 per flow and per drawn choice,
so a weak spot shows as a low cell, and the worst variants with their misses.
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
from make_pdf_variants import through_pdf  # noqa: E402
from make_variants import FLOWS, draw, golds, render  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=5, help="print the worst N variants")
    ap.add_argument("--flows", default=",".join(FLOWS))
    ap.add_argument("--keep", type=Path, help="write the worst variants' files (text, html, pdf) here")
    ap.add_argument("--via-pdf", action="store_true",
                    help="print each variant as Word, convert it to PDF with LibreOffice and read the PDF and "
                         "its pdftotext -raw and -layout text (needs soffice and pdftotext)")
    ap.add_argument("--written", action="store_true",
                    help="also draw from the notices written for this check (fixtures/variants/golds)")
    ap.add_argument("--docs", default="", help="comma-separated stem prefixes to draw from (e.g. 901,902)")
    args = ap.parse_args()
    from govdisclose import parse
    from govdisclose.errors import GovdiscloseError

    gold_by_stem = golds(args.written)
    if args.docs:
        gold_by_stem = {s: g for s, g in gold_by_stem.items() if s.startswith(tuple(args.docs.split(",")))}
    rng = random.Random(args.seed)
    flows = args.flows.split(",")
    tally = Tally()
    results = []

    def score(path: Path, stem: str, v: dict, flow: str) -> None:
        gold = gold_by_stem[stem]
        try:
            pred = json.loads(parse(path).model_dump_json())
        except GovdiscloseError as exc:
            pred = {"tasks": [], "error": str(exc)}
        keys = ["ALL", "flow=" + flow, "item=" + v["item"], "sep=" + repr(v["sep"]),
                "groups=" + ("repeated" if v["repeat_groups"] else "once"), "doc=" + stem[:3],
                "header=" + ("two rows" if v["header2"] else "one row"), "pages=" + str(v.get("page_rows", 0)),
                "sections=" + ("title rows" if v["title_rows"] else "column"), "preamble=" + v["preamble"],
                "units=" + ("one cell, 牵头 + " + v["joint"] if v.get("joint") else "own columns"),
                "order=" + ("deadline-first" if v["cols"].index("measure") + 1 < len(v["cols"])
                            and v["cols"][v["cols"].index("measure") + 1] == "deadline" else "units-first")]
        keys += [f"{c}={v['names'][c]}" for c in v["cols"]]
        f1 = tally.add(keys, gold, pred)
        results.append((f1, stem, {**v, "flow": flow}, gold, pred,
                        (path.suffix, path.read_bytes() if path.suffix in (".txt", ".html", ".pdf") else b"")))

    with tempfile.TemporaryDirectory() as tmp:
        pending: list[tuple[Path, str, dict]] = []
        for k in range(args.n):
            stem, v = draw(rng, gold_by_stem)
            if args.via_pdf:
                v = {**v, "flow": "docx"}
            elif v["flow"] not in flows:
                continue
            path = render(Path(tmp) / f"{stem}.v{k}.out", gold_by_stem[stem], v)
            if args.via_pdf:
                pending.append((path, stem, v))
            else:
                score(path, stem, v, v["flow"])
        if pending:
            printed = through_pdf([path for path, _, _ in pending])
            for path, stem, v in pending:
                for kind, out in printed[path].items():
                    score(out, stem, v, "lo-" + kind)
    tally.print()
    results.sort(key=lambda r: r[0])
    for rank, (f1, stem, v, gold, pred, raw) in enumerate(results[: args.show]):
        print(f"\n{f1:.3f} {stem} {json.dumps({k: v[k] for k in ('flow', 'item', 'sep', 'repeat_groups', 'header2', 'title_rows')}, ensure_ascii=False)} "
              f"{[v['names'][c] for c in v['cols']]} pred={len(pred['tasks'])} {pred.get('error', '')}")
        print("   misses by field:", misses_by_field(gold, pred))
        suffix, data = raw
        if args.keep and data:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"{f1:.3f}_{rank:02d}.{stem}.{v['flow']}{suffix}").write_bytes(data)  # (rank: equal scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
