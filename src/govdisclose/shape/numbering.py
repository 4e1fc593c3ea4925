"""Printed numbering: section numerals (一、), task numerals (（一）), item numbers (1. ①)."""
from __future__ import annotations

import re

from govdisclose.models import Heading

CN_DIGITS = "零〇○一二三四五六七八九十百"
SECTION_RE = re.compile(rf"^\s*(?P<no>[{CN_DIGITS}]{{1,4}})\s*[、．.，,]\s*(?P<title>.*)$", re.S)
TASK_RE = re.compile(rf"^\s*[（(]\s*(?P<no>[{CN_DIGITS}]{{1,4}})\s*[）)]\s*[、．.]?\s*(?P<title>.*)$", re.S)
ITEM_RE = re.compile(r"^\s*(?P<no>\d{1,3})\s*(?:[.．、﹒]+|\s(?=\D))(?!\d)\s*(?P<rest>.*)$", re.S)
PAREN_ITEM_RE = re.compile(r"^\s*[（(]\s*(?P<no>\d{1,3})\s*[）)]\s*(?P<rest>.*)$", re.S)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# words a number counts (pdftotext sets digits apart from them: 10 月, 5 个工作日): no 序号
COUNTED = "年月日号个次项条名家倍天周时小分人万元户期批类种份件岁亿千百余多"
CIRCLED_RE = re.compile(rf"^\s*(?P<no>[{CIRCLED}])\s*[.．、﹒]*\s*(?P<rest>.*)$", re.S)


def strip_title(text: str) -> str:
    return re.sub(r"[。.;；:：\s]+$", "", text.strip())


def heading_level(text: str) -> str | None:
    """``section`` for 一、…, ``task`` for （一）…, None for anything else."""
    if TASK_RE.match(text):
        return "task"
    m = SECTION_RE.match(text)
    if m and m["title"].strip():
        return "section"
    return None


def parse_heading(text: str) -> Heading | None:
    """A grouping cell → Heading; its numeral (if any) split off the title."""
    text = text.strip()
    if not text:
        return None
    m = TASK_RE.match(text)
    if m:
        return Heading(no=f"（{m['no']}）", title=strip_title(m["title"]))
    m = SECTION_RE.match(text)
    if m and m["title"].strip():
        return Heading(no=m["no"], title=strip_title(m["title"]))
    return Heading(no=None, title=strip_title(text))


def split_item_no(text: str) -> tuple[str | None, str]:
    """``15.在政府网站…`` → ("15", "在政府网站…"); ``①…`` → ("①", "…"); else (None, text)."""
    for rx in (ITEM_RE, PAREN_ITEM_RE, CIRCLED_RE):
        m = rx.match(text)
        if m and m["rest"].strip():
            if rx is ITEM_RE and re.match(r"\s*[年月日号%]", m["rest"]):
                continue
            # the number as printed, trailing 。/、 aside: （1） keeps its brackets, like （一）
            no = f"（{m['no']}）" if rx is PAREN_ITEM_RE else m["no"]
            return no, m["rest"].strip()
    return None, text


def clean_item_no(text: str) -> str | None:
    """A 序号 cell → the number as printed without its trailing ``.``/``、``
    (``（3）`` keeps its brackets, normalised to full width)."""
    t = re.sub(r"\s+", "", text or "").rstrip("．.、﹒")
    m = re.fullmatch(r"[（(](\d{1,3})[）)]", t)
    return (f"（{m.group(1)}）" if m else t) or None


def _number(text: str) -> int | None:
    m = ITEM_RE.match(text) or PAREN_ITEM_RE.match(text)
    return int(m["no"]) if m else None


def sub_point(before: str, text: str, opened: bool = False) -> bool:
    """Whether ``text`` (a line starting with a number) is a sub-point of the measure
    ``before`` rather than the next item: numbering that starts again at 1 after the
    measure's first paragraph (``…以下工作：`` / ``1.…`` / ``2.…``) is a list inside it.
    With ``opened``, a 1 counts only after a colon (where numbering may also restart per
    section, as a -raw print cannot tell a title row from the measure above)."""
    n = _number(text)
    if n is None:
        return False
    paras = [p.strip() for p in before.strip().split("\n") if p.strip()]
    if n == 1:
        return bool(paras) and (not opened or paras[-1].endswith(("：", ":")))
    k, want = len(paras) - 1, n - 1
    while k >= 1 and want >= 1 and _number(paras[k]) == want:
        k, want = k - 1, want - 1
    return want == 0


_INLINE_ITEM = re.compile(r"(?:^|(?<=[。；;！？\n]))\s*(\d{1,2})[.．、﹒](?!\d)")


def split_numbered(paragraphs: list[str]) -> list[tuple[str | None, list[str]]] | None:
    """Split a measure cell holding ``1．… 2．… 3．…`` into items; None when it is one item.

    Items must be numbered in sequence (n, n+1, …) and each must start a paragraph
    or follow a sentence end; numbers inside a sentence (``公开路径：1.… ，2.…``) never split.
    """
    text = "\n".join(paragraphs)
    starts = [(m.start(1), int(m.group(1))) for m in _INLINE_ITEM.finditer(text)]
    if len(starts) < 2 or text[: starts[0][0]].strip():
        return None
    seq = [starts[0]]
    for pos, n in starts[1:]:
        if n == seq[-1][1] + 1:
            seq.append((pos, n))
    if len(seq) < 2 or len(seq) < len(starts):
        return None  # numbers out of sequence: sub-points (以下工作：1.… 2.…) inside one item
    out = []
    for k, (pos, _n) in enumerate(seq):
        end = seq[k + 1][0] if k + 1 < len(seq) else len(text)
        chunk = text[pos:end].strip()
        no, rest = split_item_no(chunk)
        out.append((no, [p for p in rest.split("\n") if p.strip()]))
    return out


def counted_number(text: str) -> bool:
    """A number opening the text counts something (5 日前, 10 月底前, 24 小时内): it is no
    item number, though a line of a wrapped measure may start with it."""
    return re.match(rf"\s*\d{{1,3}} ?[{COUNTED}]", text) is not None


def counts_up(cells: list[str]) -> bool:
    """Item numbers go up (1, 2, 3 … or a page's 14, 15 …, or 1, 2 / 1, 2, 3 under each task);
    the day in 10 月 31 日前 / 11 月 30 日前, a run of bare numbers between spaces too, does not."""
    nums = [int(d) if (d := re.sub(r"\D", "", c)) else _circled(c) for c in cells]
    # (numbering that starts again at 1 under each task goes up too)
    ups = sum(1 for x, y in zip(nums, nums[1:]) if y > x or (y == 1 and x > 1))
    return len(nums) < 2 or ups >= 0.8 * (len(nums) - 1)


def _circled(text: str) -> int:
    """The value of a circled number (① is 1); 0 for anything else."""
    m = re.search(r"[①-⑳]", text)
    return ord(m.group(0)) - ord("①") + 1 if m else 0
