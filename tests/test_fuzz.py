"""Property-based tests: every text reader and normaliser takes arbitrary input without
an unexpected exception (a GovdiscloseError is the only allowed failure).

The quick profile runs in every test run; ``-m slow`` (run by .ci/run) raises the
case count past 10 000 in total and prints it.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from govdisclose.errors import GovdiscloseError
from govdisclose.normalize.deadlines import parse_deadline
from govdisclose.normalize.notice import extract_notice, parse_date
from govdisclose.normalize.paths import disclosure_paths
from govdisclose.normalize.text import clean_cell, to_simplified
from govdisclose.normalize.units import parse_units
from govdisclose.pipeline import run
from govdisclose.shape.numbering import parse_heading, split_item_no, split_numbered
from conftest import SEEDS

SLOW = os.environ.get("GOVDISCLOSE_FUZZ_SLOW") == "1"
CASES = {"text": 3500, "bytes": 2000, "cuts": 2500, "norm": 6000} if SLOW else \
    {"text": 60, "bytes": 40, "cuts": 30, "norm": 100}
COUNTED: dict[str, int] = {}

# text that looks like notices: CJK, numerals, tabs, pipes, unit and deadline words
ALPHABET = st.sampled_from(list("一二三四五六七八九十、．.（）()，。；：|\t\n 0123456789①②市区县政府办公厅局委牵头责任单位"
                                "完成时限月日前年底长期坚持贯彻举措工作任务序号<>BR&nbsp;政府网站>等各有关部门國務院辦公廳"))
NOTICE_TEXT = st.text(alphabet=ALPHABET, max_size=600) | st.text(max_size=300)
SEED_TEXTS = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]


def _count(name: str) -> None:
    COUNTED[name] = COUNTED.get(name, 0) + 1


def _parse_ok(data: bytes) -> None:
    try:
        run("fuzz.txt", data=data, fmt="txt")
    except GovdiscloseError:
        pass


@settings(max_examples=CASES["text"], deadline=None, suppress_health_check=list(HealthCheck))
@given(NOTICE_TEXT, st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_text_reader_on_arbitrary_text(text: str, encoding: str) -> None:
    _count("text")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    _parse_ok(data)


@settings(max_examples=CASES["bytes"], deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=2000))
def test_readers_on_arbitrary_bytes(data: bytes) -> None:
    _count("bytes")
    for fmt in ("txt", "docx", "xlsx", "pdf"):
        try:
            run(f"fuzz.{fmt}", data=data, fmt=fmt)
        except GovdiscloseError:
            pass


@settings(max_examples=CASES["cuts"], deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(SEED_TEXTS) - 1), st.integers(0, 40000), st.integers(0, 40000), st.booleans())
def test_random_cuts_of_real_seeds(k: int, a: int, b: int, mangle: bool) -> None:
    _count("cuts")
    data = SEED_TEXTS[k]
    a, b = sorted((a % (len(data) + 1), b % (len(data) + 1)))
    piece = data[a:b]
    if mangle:  # mixed encodings: a GB18030 stretch inside UTF-8
        piece = piece[: len(piece) // 2] + piece[len(piece) // 2:].decode("utf-8", "ignore").encode("gb18030")
    _parse_ok(piece)


@settings(max_examples=CASES["norm"], deadline=None, suppress_health_check=list(HealthCheck))
@given(NOTICE_TEXT, st.one_of(st.none(), st.integers(1990, 2035)))
def test_normalisers_on_arbitrary_text(text: str, year) -> None:
    _count("norm")
    clean_cell(text)
    to_simplified(text)
    pu = parse_units(text)
    assert all(u for u in pu.lead + pu.responsible)
    d = parse_deadline(text, year)
    assert d.kind in ("date", "ongoing", "relative", "conditional", "none")
    if d.date is not None:
        assert year is not None or "年" in text
    disclosure_paths(text)
    parse_date(text)
    extract_notice(text.split("\n"))
    parse_heading(text)
    split_item_no(text)
    split_numbered(text.split("\n"))


@pytest.mark.slow
@pytest.mark.skipif(not SLOW, reason="set GOVDISCLOSE_FUZZ_SLOW=1 (done by .ci/run)")
def test_fuzz_case_count() -> None:
    """Runs last in this module: reports how many cases ran (all passed, or pytest failed earlier)."""
    total = sum(COUNTED.values())
    print(f"\nfuzz: {total} cases ({COUNTED}), 0 failures")
    assert total >= 10000
