"""Word automatic numbering: the "1." or "一、" Word draws but never stores in the text.

Notices often number their 序号 column or their points with Word lists. The label is
computed from ``word/numbering.xml`` (levels: start, format, label template) and the
paragraph's ``w:numPr`` (directly or through its style), counting in document order
as Word does, and put in front of the paragraph's text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(f"{W}val", default)


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    rest = n % 100
    return _CN[n // 100] + "百" + ("" if rest == 0 else ("零" + _CN[rest] if rest < 10 else chinese(rest)))


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
               "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("upperLetter", "lowerLetter"):
        s = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal, decimalZero and anything unknown


def _parse(xml: bytes | None, parser: etree.XMLParser) -> etree._Element | None:
    """A package part as XML; a missing or damaged part gives None (no numbering from it)."""
    if not xml:
        return None
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return None


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Counters for every list in a document; ``label(p)`` advances them."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    abstract_of: dict[str, str] = field(default_factory=dict)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → ilvl → count

    @classmethod
    def load(cls, numbering_xml: bytes | None, styles_xml: bytes | None,
             parser: etree.XMLParser) -> "Numbering":
        nb = cls()
        root = _parse(numbering_xml, parser)
        if root is not None:
            abstract: dict[str, dict[int, _Level]] = {}
            for an in root.findall(f"{W}abstractNum"):
                lv: dict[int, _Level] = {}
                for lvl in an.findall(f"{W}lvl"):
                    i = int(lvl.get(f"{W}ilvl", "0") or 0)
                    lv[i] = _Level(int(_val(lvl.find(f"{W}start"), "1") or 1),
                                   _val(lvl.find(f"{W}numFmt"), "decimal") or "decimal",
                                   _val(lvl.find(f"{W}lvlText"), "") or "")
                abstract[an.get(f"{W}abstractNumId", "")] = lv
            for num in root.findall(f"{W}num"):
                num_id = num.get(f"{W}numId", "")
                aid = _val(num.find(f"{W}abstractNumId"), "") or ""
                levels = {k: _Level(v.start, v.fmt, v.text) for k, v in abstract.get(aid, {}).items()}
                for ov in num.findall(f"{W}lvlOverride"):
                    i = int(ov.get(f"{W}ilvl", "0") or 0)
                    so = ov.find(f"{W}startOverride")
                    if so is not None and i in levels:
                        levels[i].start = int(_val(so, "1") or 1)
                nb.levels[num_id] = levels
                nb.abstract_of[num_id] = aid
        sroot = _parse(styles_xml, parser)
        if sroot is not None:
            for st in sroot.findall(f"{W}style"):
                numpr = st.find(f"{W}pPr/{W}numPr")
                nid = _val(numpr.find(f"{W}numId")) if numpr is not None else None
                if nid:
                    nb.style_num[st.get(f"{W}styleId", "")] = (nid, int(_val(numpr.find(f"{W}ilvl"), "0") or 0))
        return nb

    def label(self, p: etree._Element) -> str:
        """The number Word shows in front of paragraph ``p`` ('' when it has none)."""
        if not self.levels:
            return ""
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return ""
        numpr = ppr.find(f"{W}numPr")
        num_id, ilvl = None, 0
        style = _val(ppr.find(f"{W}pStyle"))
        if style in self.style_num:
            num_id, ilvl = self.style_num[style]
        if numpr is not None:
            num_id = _val(numpr.find(f"{W}numId"), num_id)
            ilvl = int(_val(numpr.find(f"{W}ilvl"), str(ilvl)) or ilvl)
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        lvl = levels.get(ilvl)
        if lvl is None or lvl.fmt in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counts[ilvl] = counts.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = lvl.text
        for k in range(ilvl + 1):
            lk = levels.get(k, _Level())
            text = text.replace(f"%{k + 1}", format_number(counts.get(k, lk.start), lk.fmt))
        return text
