"""Notice metadata from the paragraphs around the table: title, 文号, issuer, dates, region."""
from __future__ import annotations

import datetime as dt
import re

from govdisclose.models import NoticeMeta, Reference
from govdisclose.normalize.text import compact

_BRACKETS = r"[〔\[（(【]"
_CLOSE = r"[〕\]）)】]"
DOC_NUMBER = re.compile(rf"(?P<org>[\u4e00-\u9fff]{{1,12}}?){_BRACKETS}(?P<y>(?:19|20)\d{{2}}){_CLOSE}(?P<n>\d{{1,4}})号")
_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年.\-/]\s*(?P<m>\d{1,2})\s*[月.\-/]\s*(?P<d>\d{1,2})\s*日?")
_CN_DATE = re.compile(r"(?P<y>[一二〇○零Ｏ三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
_ISSUER_END = re.compile(r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管委会|局|委|厅|办)$")
_TITLE = re.compile(r"关于.{2,80}的(?:通知|意见|方案|函|决定|批复)$")
_REFERENCE = re.compile(rf"《(?P<title>[^《》]{{4,120}})》\s*[（(](?P<no>[^（）()]{{2,40}}?{_BRACKETS}\d{{4}}{_CLOSE}\d+号)[^（）()]{{0,60}}[）)]")
_LABEL_WORDS = r"(?:索引号|主题分类|主题词|发布机关|发文机关|发布机构|发文机构|发文单位|成文日期|印发日期|发文日期|标题|名称|发文字号|文号|发布日期|发布时间|公开日期|有效性|统一编号|分类|来源|内容概述|信息分类)"
_UNTIL_LABEL = rf"(?P<v>.*?)(?={_LABEL_WORDS}[:：]|$)"
_LABELS = {
    "doc_number": re.compile(rf"(?:发文字号|文号)[:：]{_UNTIL_LABEL}"),
    "issuer": re.compile(rf"(?:发布机关|发文机关|发布机构|发文机构|发文单位)[:：]{_UNTIL_LABEL}"),
    "issued_on": re.compile(rf"(?:成文日期|印发日期|发文日期)[:：]{_UNTIL_LABEL}"),
    "published_on": re.compile(rf"(?:发布日期|发布时间|公开日期)[:：]{_UNTIL_LABEL}"),
    "title": re.compile(rf"(?:标题|名称)[:：]{_UNTIL_LABEL}"),
}
_LABEL_PREFIX = re.compile(rf"^{_LABEL_WORDS}[:：]")


def _cn_number(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGIT[s[1]]
    if s.endswith("十"):
        return _CN_DIGIT[s[0]] * 10
    if "十" in s:
        a, b = s.split("十")
        return _CN_DIGIT[a] * 10 + _CN_DIGIT[b]
    return _CN_DIGIT[s]


def parse_date(text: str) -> dt.date | None:
    """``2021年6月19日``, ``2021-06-19``, ``二〇二一年六月十九日`` (also with ○) → date."""
    t = compact(text)
    m = _DATE.search(t)
    try:
        if m:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        m = _CN_DATE.search(t)
        if m:
            y = int("".join(str(_CN_DIGIT[c]) for c in m["y"]))
            return dt.date(y, _cn_number(m["m"]), _cn_number(m["d"]))
    except (ValueError, KeyError):
        return None
    return None


def doc_number(text: str, own: bool = False) -> str | None:
    """The first 文号 in the text, brackets normalised to 〔〕. With ``own``, numbers in
    parentheses or right after a cited 《title》 (references to other documents) are skipped."""
    t = compact(text)
    for m in DOC_NUMBER.finditer(t):
        before = t[: m.start()]
        if own and (before.endswith(("（", "(", "》")) or before.count("（") > before.count("）")):
            continue
        org = re.split(r"(?:通知|意见|决定|方案|公告|的|印发|关于|。|，|：|:)", m["org"])[-1][-10:]
        if org:
            return f"{org}〔{m['y']}〕{m['n']}号"
    return None


def region_of(issuer: str | None) -> str | None:
    """The issuing government's area as named in the issuer (国务院 → 全国)."""
    if not issuer:
        return None
    if issuer.startswith("国务院"):
        return "全国"
    m = re.match(r"^(?P<r>.+?(?:省|自治区|市|自治州|地区|盟|县|自治县|旗|区|镇|乡|街道))(?:人民政府|政府|委员会|办公厅|办公室|党委|管委会)", issuer)
    if m:
        return m["r"]
    m = re.match(r"^(?P<r>.+?(?:省|自治区|市|自治州|县|区))", issuer)
    return m["r"] if m else None


def _is_issuer(line: str) -> bool:
    return 4 <= len(line) <= 30 and bool(_ISSUER_END.search(line)) and not line.startswith(("各", "有关")) \
        and "：" not in line and "，" not in line


_LABEL_ALONE = re.compile(rf"^{_LABEL_WORDS}[:：]?$")


def _join_label_values(texts: list[str]) -> list[str]:
    """A portal block printing each label on its line and the value on the next
    (``发布日期:`` / ``2024年04月08日``, or with no colon: ``发文字号`` / ``冠政办发〔2021〕9号``):
    label and value on one line."""
    out: list[str] = []
    for t in texts:
        if out and _LABEL_ALONE.match(out[-1]) and not _LABEL_PREFIX.match(t) and not _LABEL_ALONE.match(t):
            out[-1] = out[-1].rstrip(":：") + "：" + t
        else:
            out.append(t)
    return out


def extract_notice(lines: list[str], table_title: str | None = None) -> NoticeMeta:
    """Read the notice header from its paragraphs (those before the task table / points)."""
    meta = NoticeMeta(table_title=table_title)
    if len(lines) > 400:  # the header block is at the top (and a signature at the very end)
        lines = list(lines[:300]) + list(lines[-100:])
    texts = _join_label_values([compact(x).lstrip("•·●◆") for x in lines if compact(x).lstrip("•·●◆")])
    labelled: dict[str, str] = {}
    for t in texts:
        for key, rx in _LABELS.items():
            for m in rx.finditer(t):
                if m["v"].strip(" |"):
                    labelled.setdefault(key, m["v"].strip(" |"))
    texts = [_LABEL_PREFIX.sub("", t) for t in texts]
    for k, t in enumerate(texts):
        if meta.doc_number is None and (k < 12 or len(t) <= 30):  # the notice's own number heads it
            meta.doc_number = doc_number(t, own=True)
        if meta.title is None and _TITLE.search(t) and len(t) <= 120 and not t.startswith(("为", "根据", "经")) \
                and not re.search(rf"{_LABEL_WORDS}[:：]", t):
            meta.title = t
    # a title split over lines (issuer / 关于印发… / …的通知): the longest run of up to
    # three lines that reads as one title, issuer line included
    if meta.title is None or meta.title.startswith("关于"):
        for k in range(min(len(texts), 40)):
            for n in (3, 2):
                joined = "".join(texts[k:k + n])
                if len(texts[k:k + n]) == n and re.match(r"^.{0,30}关于.{2,80}的(?:通知|意见|方案|决定)$", joined) \
                        and not DOC_NUMBER.search(texts[k]) \
                        and len(joined) <= 120 and not texts[k].startswith(("为", "根据", "经")) \
                        and (meta.title is None or joined.endswith(meta.title) or meta.title in joined):
                    if meta.title is None or len(joined) > len(meta.title):
                        meta.title = joined
                    break
            if meta.title and not meta.title.startswith("关于"):
                break
    if meta.title is None:  # a title glued to what follows it in a long first line
        for t in texts[:5]:
            m = re.match(r"^(.{2,30}?关于.{2,80}?的(?:通知|意见|方案|决定))", t)
            if m and not t.startswith(("为", "根据", "经")):
                meta.title = m.group(1)
                break
    if "title" in labelled and meta.title is None:
        meta.title = labelled["title"]
    if meta.doc_number is None and "doc_number" in labelled:
        meta.doc_number = doc_number(labelled["doc_number"])
    # issuer + issue date: the signature block (issuer line, then a date line)
    for a, b in zip(texts, texts[1:]):
        if _is_issuer(a) and parse_date(b) and len(b) <= 16:
            meta.issuer, meta.issued_on = a, parse_date(b)
    # the title's own issuer before a portal's label (发布机构: 某区政府(办公室) is its short form)
    if meta.issuer is None and meta.title and "关于" in meta.title:
        head = meta.title.split("关于")[0]
        if _is_issuer(head):
            meta.issuer = head
    if meta.issuer is None and "issuer" in labelled:
        meta.issuer = labelled["issuer"]
    if meta.issued_on is None and meta.issuer:  # signature block glued into running text
        rx = re.compile(re.escape(meta.issuer) + r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)")
        for t in texts:
            m = rx.search(t)
            if m:
                meta.issued_on = parse_date(m.group(1))
                break
    if meta.issued_on is None and "issued_on" in labelled:
        meta.issued_on = parse_date(labelled["issued_on"])
    if meta.issued_on is None:
        for t in texts:
            if len(t) <= 16 and parse_date(t):
                meta.issued_on = parse_date(t)
                break
    if "published_on" in labelled:
        meta.published_on = parse_date(labelled["published_on"])
    meta.region = region_of(meta.issuer)
    for t in texts:
        for m in _REFERENCE.finditer(t):
            ref = Reference(doc_number=doc_number(m["no"]) or m["no"], title=m["title"])
            if ref not in meta.references and ref.doc_number != meta.doc_number:
                meta.references.append(ref)
    meta.plan_year = plan_year(meta)
    return meta


def plan_year(meta: NoticeMeta) -> int | None:
    """The year the tasks are for: named in the table title or title, else the year of issue."""
    for text in (meta.table_title, meta.title):
        if text:
            m = re.search(r"((?:19|20)\d{2})\s*年", text)
            if m:
                return int(m.group(1))
    if meta.issued_on:
        return meta.issued_on.year
    if meta.doc_number:
        m = re.search(r"〔(\d{4})〕", meta.doc_number)
        if m:
            return int(m.group(1))
    return None


def pick_table_title(lines: list[str]) -> str | None:
    """The short heading printed right above the table (or the points)."""
    for raw in reversed(lines[-60:]):
        t = compact(raw)
        if not t or len(t) > 60 or t.startswith(("（此件", "(此件", "附件", "附表")) or parse_date(t) and len(t) <= 16:
            continue
        if re.search(r"(分工|要点|分解|清单|任务|方案|台账|计划|安排|表)$", t):
            return t
    return None
