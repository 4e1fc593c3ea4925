"""Web-page and conversion debris removed from text before any flow is detected."""
from __future__ import annotations

import html
import re

_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,300})?/?\s*>")
_BR = re.compile(r"<\s*br\s*/?\s*>", re.I)
_CELL_END = re.compile(r"<\s*/\s*t[dh]\s*>", re.I)
_ROW_END = re.compile(r"<\s*/\s*tr\s*>", re.I)
_WIDGETS = re.compile(r"^\s*(?:分享到[:：]?.*|扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|【?打印本?页】?|【?关闭窗口】?|"
                      r"打印|关闭|字体[:：]?\s*[大中小\s]+|【字体[:：].*】|保存本页|收藏|返回顶部|网站地图|"
                      r"\[?\s*(?:大|中|小)\s*\]?\s*(?:\[?\s*(?:大|中|小)\s*\]?\s*)*)\s*$")
_PAGE_NO = re.compile(r"^\s*[-—－–_·•]*\s*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*共?\s*\d+\s*页?)?\s*[-—－–_·•]*\s*$")
_SPAM = re.compile(r"(?:快3|快三|时时彩|六合彩|百家乐|博彩|娱乐城|棋牌|彩票|赌场|网投|开户|真人|老虎机|体育投注|bet\s*365|亚洲版官网|威尼斯人|新葡京|太阳城集团|线上赌)", re.I)
_TRAILING_WIDGET = re.compile(r"(?:文件下载|附件下载|【打印】|【关闭】|打印本页|关闭窗口)\s*$", re.M)
# an attachment link: a file name, printed on its own line or broken over lines by <BR>
_EXT = r"\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar)"
_LINK_BROKEN = re.compile(r"(?im)^(?:[^\n<>。；]{1,120}?<\s*br\s*/?\s*>\s*){1,3}" + _EXT + r"\s*(?:<\s*br\s*/?\s*>)?[ \t]*$")
_FILE_NAME = re.compile(r"^(?:附件\s*\d*\s*[:：]?\s*)?[^。；，\s]{0,100}" + _EXT + r"$", re.I)
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*){1,4}\)")


def clean_text(text: str) -> tuple[str, list[str]]:
    """Remove HTML tags and entities, pinyin inserted by mirror sites; return notes on what went."""
    notes: list[str] = []
    if _TAG.search(text):
        if _CELL_END.search(text):  # a saved web page with a table: keep its cells as a pipe flow
            text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", "", text)
            text = _ROW_END.sub("\n||\n", _CELL_END.sub("\n|\n", text))
            text = re.sub(r"(?i)<\s*(?:p|div)\b[^>]{0,300}>", "\n", text)
            notes.append("HTML table cells kept as a pipe flow")
        if _LINK_BROKEN.search(text):
            text = _LINK_BROKEN.sub("", text)
            notes.append("attachment link removed")
        text = _BR.sub("\n", text)
        text = _TAG.sub("", text)
        notes.append("HTML tags removed")
    text = _TRAILING_WIDGET.sub("", text)
    if "&" in text:
        text = html.unescape(text).replace("\xa0", " ")
    if _PINYIN.search(text):
        text = _PINYIN.sub("", text)
        notes.append("pinyin inserted after characters removed")
    return text, notes


def is_debris_line(line: str, numbered_pages: bool = True) -> bool:
    """A line that is page furniture or web widgets, never content."""
    s = line.strip()
    if not s:
        return False
    if _WIDGETS.match(s):
        return True
    if numbered_pages and _PAGE_NO.match(s) and not s.isdigit():
        return True
    if re.fullmatch(r"[-—－–]\s*\d{1,4}\s*[-—－–]", s):
        return True
    if len(s) <= 40 and _SPAM.search(s):
        return True
    if _FILE_NAME.match(s):  # an attachment link (附件：…任务分工.docx)
        return True
    return False
