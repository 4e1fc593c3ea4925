"""Unit cells → lead and responsible unit lists (split, role words, aliases, dedup)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from govdisclose.normalize.data import load_data
from govdisclose.normalize.text import clean_cell

_SEPARATORS = "、，,；;\n/ "
_LABELLED = re.compile(r"(?P<label>牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门)[:：]")


@dataclass
class UnitSplit:
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    seen: dict[str, set[str]] = field(default_factory=dict)  # standard name → spellings printed


_EXTRA_FILES: list[str] = []


def use_unit_files(paths: list[str]) -> None:
    """Add users' unit files (same keys as ``data/units.yaml``) to the registry."""
    global _EXTRA_FILES
    paths = [str(p) for p in paths]
    if paths != _EXTRA_FILES:
        _EXTRA_FILES = paths
        _registry.cache_clear()


def _merged_data() -> dict:
    import copy

    import yaml

    data = copy.deepcopy(load_data("units.yaml"))
    for path in _EXTRA_FILES:
        try:
            extra = yaml.safe_load(open(path, encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            from govdisclose.errors import SettingsError

            raise SettingsError(f"{path}: cannot read the units file ({exc.__class__.__name__})") from None
        if not isinstance(extra, dict):
            from govdisclose.errors import SettingsError

            raise SettingsError(f"{path}: a units file is a YAML mapping (aliases, departments, collectives …)")
        for key, value in extra.items():
            if isinstance(value, dict):
                data.setdefault(key, {}).update(value)
            elif isinstance(value, list):
                data.setdefault(key, []).extend(value)
    return data


@lru_cache(maxsize=1)
def _registry() -> dict:
    import ahocorasick

    data = _merged_data()
    role = [(w, r) for r in ("lead", "responsible") for w in data["role_words"][r]]
    role.sort(key=lambda x: -len(x[0]))
    aliases = [(long, short) for short, longs in data["aliases"].items() for long in longs]
    aliases.sort(key=lambda x: -len(x[0]))
    role_re = re.compile("|".join(re.escape(w) for w, _ in role))
    # a role word cut by a cell's line break (区发展改革委牵 / 头，…)
    role_broken_re = re.compile("|".join(r"\s*".join(map(re.escape, w)) for w, _ in role if len(w) > 1))
    scopes = data["scopes"]
    bodies = set(data["departments"]) | set(data["aliases"]) | {a for a, _ in aliases}
    known = set(data["collectives"]) | set(data.get("named", []))
    for body in bodies:
        known.add(body)
        for scope in scopes:
            known.add(scope + body)
    automaton = ahocorasick.Automaton()
    for name in known:
        automaton.add_word(name, name)
    automaton.make_automaton()
    return {
        "role": dict(role),
        "role_re": role_re,
        "role_broken_re": role_broken_re,
        "aliases": aliases,
        "empty": set(data["empty"]),
        "endings": tuple(data["name_endings"]),
        "scopes": scopes,
        "known": known,
        "collectives": set(data["collectives"]),
        "automaton": automaton,
        "kinds": [(re.compile(k["pattern"]), k["kind"]) for k in data["kinds"]],
        "renamings": {r["old"]: (r["new"], r["year"]) for r in data["renamings"]},
        "bare_scopes": set(data["bare_scopes"]),
    }


def is_known(name: str) -> bool:
    """Whether the registry knows this name (scope prefix + department, or a collective)."""
    return name in _registry()["known"] or canonical_unit(name) in _registry()["known"]


def starts_known(text: str) -> bool:
    """Whether ``text`` is the start of a name the registry knows (a unit cut at a line end)."""
    return bool(text) and _registry()["automaton"].match(text)


_SCOPE_IN_WORD = {"乡镇", "城镇", "村镇", "社区", "城区", "辖区", "园区", "区县", "市县", "县市", "城市", "省市", "全省", "全市",
                  "全区", "全县", "全镇", "本市", "本区", "本县", "本镇"}


def only_name_from(prefix: str) -> str | None:
    """The one known name that starts with ``prefix`` (a name cut at a column edge whose rest
    was lost), or None when none or several do."""
    found = list(_registry()["automaton"].keys(prefix)) if prefix else []
    return found[0] if len(found) == 1 else None


def in_word_scope(text: str, a: int) -> bool:
    """Whether the scope character at ``a`` ends a word with the one before it (各乡|镇卫生院,
    全市|…): no name starts there."""
    return a > 0 and text[a - 1:a + 1] in _SCOPE_IN_WORD


def known_matches(text: str) -> list[tuple[int, int]]:
    """Known unit names in ``text``, leftmost-longest and non-overlapping, as (start, end)."""
    found = []
    for end, word in _registry()["automaton"].iter(text):
        found.append((end - len(word) + 1, end + 1))
    # a scope character that ends a word with the one before it starts no name (各乡|镇卫生院)
    found = [(a, b) for a, b in found if not in_word_scope(text, a)]
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int]] = []
    for a, b in found:
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out



def opens_with_known(text: str) -> bool:
    """Whether ``text`` starts with a whole name the registry knows (区卫生健康委牵头，…)."""
    found = known_matches(text)
    return bool(found) and found[0][0] == 0

def split_glued(part: str) -> tuple[list[str], list[str]]:
    """``市发展改革委市经济信息委`` → two names. Returns (names, flags); a part that is one
    known name, or where the dictionary explains too little, is returned whole."""
    if len(part) < 6 or is_known(part):
        return [part], []
    m = re.fullmatch(r"(?P<name>[^（()）]+)[（(](?P<alias>[^（()）]+)[)）]", part)
    if m and ends_like_unit(m["name"]) and ends_like_unit(m["alias"]):
        return [part], []  # 市政府办公室（市大数据局）: a name and its alias are one unit
    spans = known_matches(part)
    if len(spans) < 2 or sum(b - a for a, b in spans) < 0.7 * len(part):
        return [part], []
    names, flags, pos = [], ["units_split_by_dictionary"], 0
    for a, b in spans:
        residue = part[pos:a]
        if residue:
            names.append(residue)
            flags.append("unknown_unit")
        names.append(part[a:b])
        pos = b
    if part[pos:]:
        names.append(part[pos:])
        flags.append("unknown_unit")
    return names, flags


def canonical_unit(name: str) -> str:
    """One standard spelling: aliases folded (市发改委 → 市发展改革委), debris trimmed."""
    name = name.strip(" 　:：、，,；;。.")
    name = re.sub(r"\s*\n\s*", "", name)  # a line break inside brackets (各县（市、 / 区）人民政府)
    name = re.sub(r"^(?:由|请|其中)", "", name)
    for long, short in _registry()["aliases"]:
        if long in name:
            name = name.replace(long, short)
            break
    return name


def _split_top_level(text: str) -> list[str]:
    """Split on unit separators that are not inside parentheses."""
    parts, buf, depth = [], [], 0
    for ch in text:
        if ch in "（(〔[【":
            depth += 1
        elif ch in "）)〕]】":
            depth = max(0, depth - 1)
        if depth == 0 and ch in _SEPARATORS:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return [p for p in parts if p.strip()]


def _split_deng(part: str) -> list[str]:
    """``市司法局等市直各有关部门`` → two units; a bare trailing 等 is dropped."""
    endings = _registry()["endings"]
    out: list[str] = []
    rest = part
    while True:
        i = rest.find("等")
        if i <= 0:
            break
        head, tail = rest[:i], rest[i + 1:]
        if head.endswith(endings) or re.search(r"[)）]$", head):
            out.append(head)
            rest = tail
        else:
            break
    rest = re.sub(r"等$", "", rest)
    if out and rest in ("部门", "单位", "部门单位", "单位部门"):
        rest = ""  # 市财政局等部门: 等 and the bare word name no unit
    if rest:
        out.append(rest)
    return out


def ends_like_unit(name: str) -> bool:
    """True when ``name`` ends the way unit names end (局, 委, 政府 …) or is an empty mark."""
    name = name.strip()
    if name in _registry()["empty"]:
        return True
    if len(name) < 2 or name in _registry()["bare_scopes"]:  # a bare scope prefix (市, 区直) starts a name
        return False
    bare = re.sub(r"[（(][^（()）]{1,20}[)）]$", "", name)  # 各村（社区）, 股(行政审批服务股)
    return bare.endswith(_registry()["endings"]) or (bare != name and len(bare) >= 2 and bare[-1] in "村居")


def without_role(part: str) -> str:
    """A piece of a unit cell without its role words (区发展改革委牵头 → 区发展改革委)."""
    return _registry()["role_re"].sub("", part).strip()


def without_role_tail(part: str) -> str:
    """A piece of a unit cell without its role words, nor the start of one cut at the line
    end (事处按职责分工负 → 事处): what is left is name."""
    rest = without_role(part)
    if ends_like_unit(rest) or is_known(rest):
        return rest  # (市政协, 市科协 end the way 协办 starts)
    for w in sorted(_registry()["role"], key=len, reverse=True):
        for k in range(len(w) - 1, 0, -1):
            if rest.endswith(w[:k]) and len(rest) > k:
                return rest[:-k]
    return rest


def role_word_across(left: str, right: str) -> bool:
    """Whether a line break between ``left`` and ``right`` cuts a role word (…牵 / 头，…)."""
    joined = left + "\n" + right
    return any(m.start() < len(left) < m.end() for m in _registry()["role_broken_re"].finditer(joined))


def ends_with_role(text: str) -> bool:
    """Whether a unit cell's text ends with a role word (…各部门配合, …位配合): it is finished."""
    m = None
    for m in _registry()["role_re"].finditer(text.strip()):
        pass
    return m is not None and m.end() == len(text.strip())


def ends_whole(text: str) -> bool:
    """Whether a unit cell's text so far is finished: its last name ends like a unit, or the
    cell ends with a role word (…各部门配合). A separator at the end means more follows."""
    last = re.split(r"[、，,；;]", text)[-1]
    return (ends_like_unit(last) and not _bracket_open(last)) or ends_with_role(text)


def _bracket_open(name: str) -> bool:
    """A name cut inside its bracket (县委宣传部（县政府 / 新闻办）): not finished, though
    it ends like one."""
    return name.count("（") + name.count("(") > name.count("）") + name.count(")")


def names_with_role(part: str) -> bool:
    """A piece of a unit cell that is a name with its role word (区发展改革委牵头,
    有关单位参与) or a role word alone: not a sentence that happens to say 负责."""
    if not _registry()["role_re"].search(part):
        return False
    rest = without_role(part)
    return not rest or ends_like_unit(rest) or is_known(rest)


def ends_mid_name(text: str) -> bool:
    """Whether the last name of a unit list stops short of a unit ending (省医保 | 局)."""
    last = re.split(r"[、，,；;\n]", text.strip())[-1]
    return bool(last) and (not ends_like_unit(last) or _bracket_open(last)) and not names_with_role(last)  # (…各区县政府负责)


def scoped_unit(name: str) -> bool:
    """A whole unit name with some certainty: one the registry knows, or one that starts with
    a scope (市, 区, 各, 省…) and ends like a unit. A title line cut at 社 or 区 is not."""
    name = name.strip()
    if is_known(name):
        return True
    reg = _registry()
    starts = tuple(reg["scopes"]) + tuple(reg["bare_scopes"])
    return ends_like_unit(name) and name.startswith(starts)


def name_runs_on(last: str, first: str) -> bool:
    """Whether a name cut at a line end (``last``) goes on in the next line's first piece:
    together they make a name the registry knows, and the first half is not known alone or
    the rest is no name of its own (市政府办 / 公厅, 各区县（自治县） / 人民政府)."""
    return bool(last) and is_known(last + first) and (not is_known(last) or not scoped_unit(first))


def cell_runs_on(above: str, here: str) -> bool:
    """A unit cell's line and the next: the last name above and the first name here make
    one name (``name_runs_on``), the way a name wrapped at the column edge is printed."""
    first = re.split(r"[、，,；;]", here)[0]
    return bool(first) and name_runs_on(re.split(r"[、，,；;]", above)[-1], first)


def _runs_over(last: str, rest: list[str]) -> bool:
    """A name cut twice: its middle fills a whole line (局、市政府 / 信息公开 / 办、…,
    计局、人行 / 重庆营管 / 部、…). The three pieces make a known name, the last two none."""
    if not last or len(rest) < 2 or re.search(r"[、，,；;]", rest[0]):
        return False
    end = re.split(r"[、，,；;]", rest[1])[0]
    return is_known(last + rest[0] + end) and not is_known(rest[0] + end)


def join_broken_lines(text: str) -> str:
    """Lines inside a unit cell: a line that does not end like a unit (or a separator)
    was wrapped (``市司`` + ``法局``, ``市司法局等市直`` + ``各有关部门``) and is joined."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    out: list[str] = []
    for k, ln in enumerate(lines):
        last = re.split(r"[、，,；;]", out[-1])[-1] if out else ""
        first = re.split(r"[、，,；;]", ln)[0]
        broken = last and not ends_like_unit(last) or name_runs_on(last, first) or _runs_over(last, lines[k:]) \
            or (last and ln[0] in "（(）)")  # a name never starts with a bracket: 各区县 / （自治县）人民政府
        if out and broken and not out[-1].endswith(tuple(_SEPARATORS)):
            out[-1] += ln
        else:
            out.append(ln)
    return "\n".join(out)


def salvage(part: str) -> tuple[str, bool]:
    """A unit cell piece carrying text from another column (a repaired copy): keep the
    name. ``其他渠道）。区司法局`` → 区司法局 (sentence debris before it);
    ``市卫生计生委推进食品药品安全领域信息公开`` → 市卫生计生委 (a title glued after it).
    Returns (name, whether anything was cut)."""
    cut = False
    part = part.rstrip("。")  # a list closed by a full stop (责任单位：A、B。)
    if "。" in part:
        part, cut = part.rsplit("。", 1)[1], True
    if part and not ends_like_unit(part) and len(part) > 8:
        spans = known_matches(part)
        if spans and spans[0][0] == 0:
            part, cut = part[: spans[0][1]], True
    return part, cut


def split_names(text: str, flags: list[str] | None = None, seen: dict[str, set[str]] | None = None) -> list[str]:
    """A run of unit names (no role words) → single names, printed order, no duplicates.
    Dictionary splits of glued names add their flags to ``flags``; ``seen`` collects
    the printed spelling behind each standard name."""
    names: list[str] = []
    text = join_broken_lines(text)
    for part in _split_top_level(text):
        for piece in _split_deng(part.strip()):
            piece, cut = salvage(piece)
            if cut and flags is not None and "low_confidence" not in flags:
                flags.append("low_confidence")
            glued, why = split_glued(piece)
            if flags is not None:
                flags.extend(f for f in why if f not in flags)
            for printed in glued:
                name = canonical_unit(printed)
                if seen is not None and name:
                    seen.setdefault(name, set()).add(printed.strip())
                if name and name not in _registry()["empty"] and name not in names:
                    names.append(name)
    return names


def two_names(left: str, right: str) -> bool:
    """Whether a break (a space, a line end) between ``left`` and ``right`` falls between two
    names rather than inside one: the last piece of ``left`` ends like a name and the first
    piece of ``right`` starts one (a scope, 各/有关, or a name the registry knows), and the
    two do not make one known name. ``镇党政办 | 镇综治办`` yes; ``市司 | 法局``,
    ``市政府 | 办公室``, ``县级有关部 | 门`` no."""
    reg = _registry()
    last = re.split(r"[、，,；;\n\s]", left.strip())[-1]
    first = re.split(r"[、，,；;\n\s]", right.strip())[0]
    starts = tuple(reg["scopes"]) + ("各", "有关")
    # (a township's offices carry no scope: 经济发展办公室 | 社会事务办公室, two whole-looking
    # names of four characters or more, the second not opening with a name's tail)
    whole = len(last) >= 4 and len(first) >= 4 and ends_like_unit(first) and first[0] not in "办室委局厅处科股所队站部"
    return bool(last) and ends_like_unit(last) and last not in reg["bare_scopes"] and bool(first) \
        and (first.startswith(starts) and len(first) >= 3 or is_known(first) or whole) \
        and not reg["role_re"].match(first) and not is_known(last + first)


def _spaces_between_names(text: str) -> str:
    """A space between two whole names is a separator (a web copy prints a cell's line breaks
    as spaces: ``镇党政办 镇综治办``); a space inside a name is spacing debris and stays for
    ``clean_cell`` to drop (``市司 法局``, ``市政府 办公室``)."""
    pieces = re.split(r"([ \t\u3000]+)", text)
    out = pieces[0]
    for k in range(1, len(pieces) - 1, 2):
        out += ("\n" if two_names(pieces[k - 1], pieces[k + 1]) else pieces[k]) + pieces[k + 1]
    return out


def _dedup(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def parse_units(cell: str | None, default_role: str = "responsible") -> UnitSplit:
    """Read one unit cell. ``default_role`` is the column's role (lead / responsible).

    Role words inside the cell override it: ``办公室牵头，各科室配合`` gives lead
    办公室 and responsible 各科室; ``X牵头落实`` alone gives lead X only.
    Labelled brackets (``牵头单位:A,责任单位:B``) are read by their labels.
    """
    reg = _registry()
    text = clean_cell(_spaces_between_names(cell or "")).strip("〔〕[]【】")
    # a role word in brackets after a name (市财政局（牵头）) is the role word itself
    text = re.sub(r"[（(]\s*(牵头|配合|负责|主责|协办|参与)\s*[)）]", r"\1", text)
    text = reg["role_broken_re"].sub(lambda m: re.sub(r"\s+", "", m.group(0)), text)
    out = UnitSplit()
    if not text or text in reg["empty"]:
        return out
    labels = list(_LABELLED.finditer(text))
    if labels:
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
            role = "lead" if m["label"].startswith("牵头") else "responsible"
            getattr(out, role).extend(split_names(text[m.end():end], out.flags, out.seen))
        out.lead, out.responsible = _dedup(out.lead), _dedup(out.responsible)
        return out
    pos = 0
    for m in reg["role_re"].finditer(text):
        chunk = text[pos:m.start()]
        role = reg["role"][m.group(0)]
        if chunk.strip(_SEPARATORS):
            getattr(out, role).extend(split_names(chunk, out.flags, out.seen))
        pos = m.end()
    rest = text[pos:]
    if rest.strip(_SEPARATORS):
        getattr(out, default_role).extend(split_names(rest, out.flags, out.seen))
    out.lead, out.responsible = _dedup(out.lead), _dedup(out.responsible)
    return out


_COLLECTIVE = re.compile(r"^各|有关|相关部门|相关单位|成员单位$|各部门$|各单位$|各科室$|各股室$")


def is_collective(name: str) -> bool:
    """A name for many offices at once (各区县政府, 市政府有关部门, 成员单位): rarely a lead."""
    return bool(_COLLECTIVE.search(re.sub(r"\s+", "", name)))


@lru_cache(maxsize=1)
def _government_tails() -> tuple[str, ...]:
    return tuple(load_data("units.yaml")["government_tails"])


def lead_cut(lines: list[str]) -> int:
    """One unit a line, lead column then responsible column, no mark between them: the
    responsible list starts where the first unit comes again (lead units are usually
    responsible too, listed first), else after a run of governments (各镇人民政府 / 各街道
    办事处 lead together), else at a collective among the first three (各区县政府,
    有关单位: rarely a lead), else after one lead unit. (Reversed lines give the cut of a
    responsible column printed before the lead.)"""
    names = [re.sub(r"\s+", "", x) for x in lines]
    for j in range(1, len(names)):
        if names[j] == names[0] and j <= len(names) - j:  # a lead list no longer than the responsible one
            return j
    j = 0
    while j < len(names) and is_collective(names[j]) and names[j].endswith(_government_tails()):
        j += 1  # the governments of a level lead together (各镇人民政府 / 各街道办事处)
    if j >= 2:
        return j
    for j in range(1, min(len(names), 3)):
        if is_collective(names[j]):
            return j  # (a lead list is short: a collective further down is one of the responsible)
    return 1
