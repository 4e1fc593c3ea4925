"""Bytes → text: BOMs, strict UTF-8, GB18030, then charset-normalizer as the last resort."""
from __future__ import annotations

import codecs

from govdisclose.errors import InputError


def _looks_binary(text: str) -> bool:
    """Control characters (other than tab, newlines, form feed) in more than 1% of the text."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample) > 0.01


def _utf16_without_bom(data: bytes) -> bool:
    """Line breaks and ASCII in UTF-16 put a NUL in every other byte."""
    sample = data[:20000]
    if len(sample) < 8 or b"\x00" not in sample:
        return False
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    return max(odd, even) >= 0.02 * len(sample) and min(odd, even) <= 0.2 * max(odd, even)


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        text, enc = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, enc = data.decode("utf-16", errors="replace"), "utf-16"
    elif _utf16_without_bom(data):
        enc = "utf-16-le" if data[1::2].count(0) >= data[0::2].count(0) else "utf-16-be"
        text = data.decode(enc, errors="replace")
    else:
        for enc in ("utf-8", "gb18030"):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            from charset_normalizer import from_bytes

            best = from_bytes(data[:2_000_000]).best()
            if best is None:
                raise InputError(name, "binary data, not a text file (no text encoding fits)")
            enc = best.encoding
            text = data.decode(enc, errors="replace")
    if "\x00" in text[:4096] or _looks_binary(text):
        raise InputError(name, "binary data, not a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, enc
