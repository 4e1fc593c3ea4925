"""公开路径 chains (政府网站>…>…) found in a measure."""
from __future__ import annotations

import re

_CHAIN = re.compile(r"(?:政府|门户)网站(?:\s*>\s*[^>，,。；;）)〕\]】\n]+)+")


def disclosure_paths(measure: str) -> list[str]:
    """Every ``政府网站>…`` chain, as printed, in order, without duplicates."""
    out: list[str] = []
    for m in _CHAIN.finditer(measure or ""):
        chain = re.sub(r"\s*>\s*", ">", m.group(0)).strip()
        if chain not in out:
            out.append(chain)
    return out
