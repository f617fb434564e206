"""Word automatic numbering: render the labels Word draws from ``numbering.xml``.

python-docx leaves these labels out of ``paragraph.text`` (一、 / （二） / 1. come from the
numbering part, not from the runs). :class:`Numbering` keeps Word's counters while paragraphs are
visited in document order and returns each paragraph's label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from docparse import lexicon
from docparse.limits import limits, refuse

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"

_CN_DIGITS = lexicon.digits()
_CN_LEGAL = lexicon.capital_digits()
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_CIRCLED_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"


def chinese_count(n: int, digits: str = _CN_DIGITS, units: str = lexicon.lower_units()) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting family)."""
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = chinese_count(low, digits, units) if low else ""
        if low and low < 1000:
            rest = digits[0] + rest
        return chinese_count(high, digits, units) + "万" + rest
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, power)
        if d:
            if zero:
                parts.append(digits[0])
                zero = False
            parts.append(digits[d] + unit)
        elif parts:
            zero = True
    text = "".join(parts)
    if text.startswith(digits[1] + units[0]) and len(text) <= 3 and units[0] == "十":
        text = text[1:]  # 一十二 → 十二
    return text


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


_LETTER_REPEATS = 20


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    q, r = divmod(n - 1, 26)
    if q >= _LETTER_REPEATS:
        return str(n)  # Word would write the letter hundreds of times
    return chr(ord("A") + r) * (q + 1)


def _cycle(seq: str, n: int) -> str:
    return seq[(n - 1) % len(seq)] if n > 0 else str(n)


def _table(seq: str, n: int) -> str:
    return seq[n - 1] if 0 < n <= len(seq) else str(n)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word ``numFmt`` (unknown formats fall back to decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):
        return chinese_count(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return chinese_count(n, _CN_LEGAL, lexicon.capital_units())
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(("〇" + _CN_DIGITS[1:])[int(d)] for d in str(n))  # Word draws zero as 〇
    if fmt == "ideographTraditional":
        return _cycle(_TIANGAN, n)
    if fmt == "ideographZodiac":
        return _cycle(_DIZHI, n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _table(_CIRCLED, n)
    if fmt == "decimalEnclosedParen":
        return _table(_PAREN, n)
    if fmt == "decimalEnclosedFullstop":
        return _table(_FULLSTOP, n)
    if fmt == "ideographEnclosedCircle":
        return _table(_CIRCLED_CN, n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass(slots=True)
class Level:
    """One ``w:lvl``: its start value, format, label template and restart rule."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # None: restart after any higher level; 0: never
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass(slots=True)
class _Num:
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(f"{_W}val", default)


def _checked(value: str, what: str) -> int:
    """A list start written in the file, refused beyond ``numbering_value`` (counters start from it)."""
    number, limit = int(value), limits().numbering_value
    if abs(number) > limit:
        raise refuse(None, f"numbering value {what}", number, "numbering_value", limit)
    return number


def _parse_level(el: etree._Element, base: Level | None = None) -> Level:
    lvl = Level() if base is None else Level(base.start, base.fmt, base.text, base.restart,
                                             base.legal, base.suffix, base.style)
    start = _val(el.find(f"{_W}start"))
    if start is not None and start.lstrip("-").isdigit():
        lvl.start = _checked(start, "w:start")
    fmt = _val(el.find(f"{_W}numFmt"))
    if fmt is not None:
        lvl.fmt = fmt
    text_el = el.find(f"{_W}lvlText")
    if text_el is not None:
        lvl.text = _val(text_el, "") or ""
    restart = _val(el.find(f"{_W}lvlRestart"))
    if restart is not None and restart.isdigit():
        lvl.restart = int(restart)
    legal = el.find(f"{_W}isLgl")
    if legal is not None:
        lvl.legal = _val(legal, "true") not in ("0", "false", "off")
    suffix = _val(el.find(f"{_W}suff"))
    if suffix is not None:
        lvl.suffix = suffix
    style = _val(el.find(f"{_W}pStyle"))
    if style is not None:
        lvl.style = style
    return lvl


class Numbering:
    """The lists of one document and their running counters."""

    def __init__(self, root: etree._Element | None, style_links: dict[str, str] | None = None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._aliases: dict[str, str] = {}
        links: dict[str, str] = {}
        if root is None:
            return
        for ab in root.iterfind(f"{_W}abstractNum"):
            aid = ab.get(f"{_W}abstractNumId", "")
            self.abstracts[aid] = {int(lv.get(f"{_W}ilvl", "0")): _parse_level(lv)
                                   for lv in ab.iterfind(f"{_W}lvl")}
            link = _val(ab.find(f"{_W}numStyleLink"))
            if link:
                links[aid] = link
        for num in root.iterfind(f"{_W}num"):
            nid = num.get(f"{_W}numId", "")
            entry = _Num(abstract=_val(num.find(f"{_W}abstractNumId"), "") or "")
            for ov in num.iterfind(f"{_W}lvlOverride"):
                ilvl = int(ov.get(f"{_W}ilvl", "0"))
                start = _val(ov.find(f"{_W}startOverride"))
                if start is not None and start.lstrip("-").isdigit():
                    entry.starts[ilvl] = _checked(start, "w:startOverride")
                lvl_el = ov.find(f"{_W}lvl")
                if lvl_el is not None:
                    base = self.abstracts.get(entry.abstract, {}).get(ilvl)
                    entry.levels[ilvl] = _parse_level(lvl_el, base)
            self.nums[nid] = entry
        # numStyleLink: the abstract list's levels live in the list a numbering style points to.
        for aid, style in links.items():
            target_num = (style_links or {}).get(style)
            target = self.nums.get(target_num or "")
            if target is not None and target.abstract != aid and target.abstract in self.abstracts:
                self.abstracts[aid] = self.abstracts[target.abstract]

    def level(self, num_id: str, ilvl: int) -> Level | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        if ilvl in num.levels:
            return num.levels[ilvl]
        return self.abstracts.get(num.abstract, {}).get(ilvl)

    def signature(self, num_id: str) -> tuple:
        """What a list looks like (formats and templates of its levels), to compare two lists."""
        return tuple((lv.start, lv.fmt, lv.text) if (lv := self.level(num_id, i)) else None for i in range(9))

    def join_lists(self, sequence: list[str]) -> None:
        """Undo a LibreOffice export habit: a list's first paragraph on a num of its own.

        ``sequence`` is the numId of each numbered paragraph in order. A num used once whose next
        differently numbered paragraph starts an unused num that looks the same continues its count.
        """
        uses: dict[str, int] = {}
        for nid in sequence:
            uses[nid] = uses.get(nid, 0) + 1
        seen: set[str] = set()
        for i, nid in enumerate(sequence):
            seen.add(nid)
            if uses[nid] != 1 or nid not in self.nums:
                continue
            # the next paragraph numbered by another num (a num used once never comes again)
            later = sequence[i + 1] if i + 1 < len(sequence) else None
            if (later is not None and later not in seen and later in self.nums
                    and self.signature(later) == self.signature(nid)):
                self._aliases.setdefault(later, nid)

    def _key(self, num_id: str) -> str:
        # Lists sharing an abstract list share counters unless a num restarts its own sequence.
        num_id = self._aliases.get(num_id, num_id)
        num = self.nums[num_id]
        return f"num:{num_id}" if num.starts or num.levels else f"abs:{num.abstract}"

    def _start(self, num_id: str, ilvl: int) -> int:
        num = self.nums[num_id]
        if ilvl in num.starts:
            return num.starts[ilvl]
        lvl = self.level(num_id, ilvl)
        return lvl.start if lvl is not None else 1

    def advance(self, num_id: str | None, ilvl: int = 0) -> str | None:
        """Count one numbered paragraph and return its label (``None`` when unnumbered)."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = max(0, min(8, ilvl))
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return None
        key = self._key(num_id)
        counters = self._counters.setdefault(key, [None] * 9)
        current = counters[ilvl]
        counters[ilvl] = self._start(num_id, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            dl = self.level(num_id, deeper)
            restart = dl.restart if dl is not None else None
            if restart is None or (restart and restart - 1 <= ilvl):
                counters[deeper] = None
        if lvl.fmt == "bullet":
            return None
        return self._render(num_id, lvl, counters)

    def _render(self, num_id: str, lvl: Level, counters: list[int | None]) -> str:
        out: list[str] = []
        text = lvl.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                k = int(text[i + 1]) - 1
                ref = self.level(num_id, k)
                value = counters[k] if 0 <= k < 9 else None
                if value is None:
                    value = self._start(num_id, k) if ref is not None else 1
                fmt = ref.fmt if ref is not None else "decimal"
                if lvl.legal and k < len(counters) and fmt != "none":
                    fmt = "decimal"
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)


def join_label(label: str, suffix: str, text: str) -> str:
    """The paragraph text as displayed: label, separator per ``w:suff``, then the runs' text."""
    if not label:
        return text
    if suffix == "nothing":
        sep = ""
    elif suffix == "space":
        sep = " "
    else:  # a tab: shown as a gap, written as nothing after CJK punctuation, a space otherwise
        sep = "" if (label[-1] in "、．.)）]】" or ord(label[-1]) > 0x2E80) else " "
    return f"{label}{sep}{text}"
