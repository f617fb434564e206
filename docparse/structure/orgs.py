"""Organisation names: where one starts in a line and where it ends (an organisation word)."""

from __future__ import annotations

import re
from functools import cache

from docparse.structure.rules import metadata

_ORG_CHARS = r"(?:[\u3400-\u9fff*]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))"


@cache
def _org_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """An organisation word, a name made only of name characters, the same filling the whole text,
    and what may follow a name."""
    rules = metadata()["unit"]
    name = _ORG_CHARS + r"{2,30}?" + rules["suffixes"].pattern
    return (rules["suffixes"], re.compile(name + r"$"), re.compile(name + r"\s*$"),
            re.compile(rules["after_name"].pattern))


def org_at(text: str, folded: str, start: int = 0, *, whole: bool = False) -> str | None:
    """The organisation name starting at ``start`` in ``folded`` (cut from ``text``).

    A name ends in an organisation word (局, 中心, 委员会 …). Of the words that could end it, the last
    one followed by what follows names in titles (a year, 关于, the end …) is taken, so that
    "人力资源和社会保障局2023年度" is not cut at 社; failing that, the first one."""
    rules = metadata()["unit"]
    suffix, name_only, filling, after = _org_patterns()
    if whole:
        m = filling.match(folded, start)
        ends = [len(folded.rstrip())] if m else []
    else:
        window = folded[start:start + 40]
        ends = [start + m.end() for m in suffix.finditer(window) if name_only.match(window[: m.end()])]
    if not ends:
        return None
    bounded = [e for e in reversed(ends) if after.match(folded, e)]
    for end in bounded + [e for e in ends if e not in bounded]:
        name = folded[start:end]
        if not rules["not_in_name"].search(name) and len(re.sub(r"\*", "", name)) >= 4:
            return text[start:end]
    return None


def with_joined(text: str, folded: str, start: int, found: str, *, in_title: bool = True) -> str:
    """``found`` with a second body named right after it ("某省住房和城乡建设厅、财政厅"); in a title
    the second name must be followed by what follows names there (关于, a year, the end)."""
    end = start + len(found)
    rules = metadata()["unit"]
    m = rules["joined"].match(folded[end:])
    if not m or (in_title and not rules["joined_end"].match(folded, end + m.end())):
        return found
    return text[start:end + m.end("org")]
