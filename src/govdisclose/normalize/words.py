"""Whether a line break falls inside a word: the surest sign that a wrapped cell goes on.

Cells in PDF copies are cut at the column width wherever a character falls, so a word is
often split over two lines (年 / 底总结, 合 / 作（PPP）). jieba's dictionary (without its
guessing model, so only real words count) tells when the two sides make one word.
"""
from __future__ import annotations

from functools import lru_cache

_SIDE = 6  # characters either side of the break that jieba looks at


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    import logging

    import jieba

    jieba.setLogLevel(logging.ERROR)
    return jieba


@lru_cache(maxsize=4096)
def breaks_word(left: str, right: str) -> bool:
    """True when the end of ``left`` and the start of ``right`` form one dictionary word."""
    left, right = left.strip()[-_SIDE:], right.strip()[:_SIDE]
    if not left or not right:
        return False
    pos, cut = 0, len(left)
    for word in _tokenizer().cut(left + right, HMM=False):
        if pos < cut < pos + len(word):
            return True
        pos += len(word)
        if pos >= cut:
            return False
    return False


@lru_cache(maxsize=4096)
def first_word(text: str) -> str:
    """The dictionary word ``text`` starts with (one character when none is longer)."""
    text = text.strip()[:_SIDE]
    return next(iter(_tokenizer().cut(text, HMM=False)), "") if text else ""


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """``text`` cut into dictionary words (one character where no word fits)."""
    return tuple(_tokenizer().cut(text, HMM=False)) if text else ()
