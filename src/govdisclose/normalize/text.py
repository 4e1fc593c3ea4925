"""Text normalisation: traditional → simplified, widths, whitespace and line-break debris.

Pure functions over strings. Everything a reader hands over passes through
:func:`clean_cell` before shaping looks at it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from govdisclose.normalize.data import load_data

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"，。、；：？！“”‘’（）《》〔〕【】—…·「」『』﹒"
# whitespace that touches a CJK character or CJK punctuation on either side is debris
_SPACE_RUN = re.compile(r"[ \t\u3000\u00a0]+")
_CJK_OR_PUNCT = re.compile(rf"[{_CJK}{_CJK_PUNCT}]")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


@lru_cache(maxsize=2)
def _converter(config: str = "tw2s"):  # opencc loads its dictionaries once
    import opencc

    return opencc.OpenCC(config)


def traditional_share(text: str) -> float:
    """Share of CJK characters that OpenCC's ``t2s`` would change (0.0 for simplified text).

    ``t2s`` decides, not ``tw2s``: tw2s also rewrites characters that simplified text
    uses (显著 → 显着), which would make simplified text look traditional."""
    cjk = _CJK_CHAR.findall(text[:100000])
    if not cjk:
        return 0.0
    sample = "".join(cjk[:20000])
    converted = _converter("t2s").convert(sample)
    changed = sum(1 for a, b in zip(sample, converted) if a != b)
    return changed / len(sample)


def is_traditional(text: str, threshold: float = 0.03) -> bool:
    """True when enough characters are traditional that the text was written so.

    Simplified text has a few characters tw2s would still touch (著 in 显著), so a
    share, not a single hit, decides; simplified input is never converted.
    """
    return traditional_share(text) >= threshold


def to_simplified(text: str) -> str:
    """Traditional → simplified (OpenCC ``tw2s``) plus Taiwan phrasing → mainland wording.

    ``tw2sp`` is not used: it rewrites legal terms (設定 → 设置) that must stay.
    """
    out = _converter().convert(text)
    for tw, cn in _taiwan_phrases():
        out = out.replace(tw, cn)
    return out


@lru_cache(maxsize=1)
def _taiwan_phrases() -> tuple[tuple[str, str], ...]:
    data = load_data("taiwan_phrases.yaml")
    return tuple(sorted(data.items(), key=lambda kv: -len(kv[0])))


_WIDTH_TABLE = {o: o - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
                for o in range(r[0], r[1] + 1)}
_WIDTH_TABLE[0x3000] = 0x20


@lru_cache(maxsize=1)
def _variants() -> tuple[dict[int, str], tuple[tuple[str, str], ...]]:
    data = load_data("variants.yaml")
    chars = {ord(k): v for k, v in data["chars"].items()}
    words = tuple(sorted(data["words"].items(), key=lambda kv: -len(kv[0])))
    return chars, words


def fix_variants(text: str) -> str:
    """Variant characters and Taiwan words left in simplified text (羣衆 → 群众, 著力 → 着力)."""
    chars, words = _variants()
    text = text.translate(chars)
    for a, b in words:
        if a in text:
            text = text.replace(a, b)
    return text


def fold_width(text: str) -> str:
    """Full-width ASCII digits and letters → ASCII; CJK punctuation is kept."""
    return text.translate(_WIDTH_TABLE)


def squeeze_spaces(text: str) -> str:
    """Drop whitespace next to CJK characters (letter-spacing, PDF gaps); fold runs elsewhere."""
    def repl(m: re.Match[str]) -> str:
        a, b = m.start(), m.end()
        near_cjk = (a > 0 and _CJK_OR_PUNCT.match(text[a - 1])) or (b < len(text) and _CJK_OR_PUNCT.match(text[b]))
        return "" if near_cjk else " "

    return _SPACE_RUN.sub(repl, text).strip()


_SUB_POINT = re.compile(r"^(?:\d{1,2}[.．、﹒](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])")


def line_joiner(left: str, right: str) -> str:
    """What joins two wrapped lines of one paragraph: a space between Latin words (IPv6 /
    改造 needs none, nor a number cut at the line end: 20 / 21年), else nothing."""
    return " " if re.search(r"[A-Za-z0-9]$", left) and re.match(r"[A-Za-z]", right) else ""


def opens_sub_point(before: str, line: str) -> bool:
    """Whether ``line`` opens a sub-point (``1.``, ``（1）``, ``①``) of its own paragraph: it
    follows the end of a sentence or a colon. Every reader's paragraph joining uses it."""
    # (公开路径：1.政府网站>… / 2.其他渠道: the paths of a sentence, not its paragraphs)
    return bool(_SUB_POINT.match(line)) and before.endswith(("。", "；", ";", "：", ":")) \
        and not re.search(r"路径[：:]$", before)


def join_lines(text: str) -> str:
    """Join lines broken inside a sentence: a CJK text line break carries no meaning. A line
    that opens a sub-point (``1.``, ``（1）``, ``①``) after a sentence or a colon ends is
    a paragraph of its own and keeps its break."""
    lines = [squeeze_spaces(x) for x in text.splitlines()]
    lines = [x for x in lines if x]
    if not lines:
        return ""
    out = lines[0]
    for ln in lines[1:]:
        if opens_sub_point(out, ln):
            out += "\n" + ln
        else:
            out += line_joiner(out, ln) + ln
    return out


def clean_cell(text: str) -> str:
    """A cell's text ready for shaping: widths folded, in-cell paragraphs kept with ``\\n``.

    Each ``\\n``-separated paragraph has its own wrapped lines already joined by the
    reader; here spacing debris inside each paragraph is removed.
    """
    text = unicodedata.normalize("NFC", text).replace("\r", "\n")
    text = fix_variants(fold_width(text))
    paras = [squeeze_spaces(p) for p in text.split("\n")]
    return "\n".join(p for p in paras if p)


def compact(text: str) -> str:
    """Text with all whitespace removed (for keys, header matching, deadlines)."""
    return re.sub(r"\s+", "", fold_width(text or ""))


def display_width(text: str) -> int:
    """Columns a text takes in print: wide (CJK) characters two, others one. Characters of
    ambiguous width (“ ” ‘ ’ … — ①) count two: a Chinese notice sets them in a CJK font,
    where they are as wide as a character (推进“放管服”改革 fills a line of 推进政府和社会资本)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)
