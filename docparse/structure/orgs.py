"""Organisation names: where one starts in a line and where it ends (an organisation word)."""

from __future__ import annotations

import re
from functools import cache

from docparse.structure.rules import metadata

_ORG_CHARS = r"(?:[\u3400-\u9fff*]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))"


@cache
def _org_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Organisation name (shortest), the same filling the whole text, and a sub-unit written after it."""
    rules = metadata()["unit"]
    name = _ORG_CHARS + r"{2,30}?" + rules["suffixes"].pattern
    sub = _ORG_CHARS + r"{1,8}?" + rules["suffixes"].pattern + r"(?=" + rules["after_name"].pattern + ")"
    return re.compile(name), re.compile(name + "$"), re.compile(sub)


def org_at(text: str, folded: str, start: int = 0, *, whole: bool = False) -> str | None:
    """The organisation name starting at ``start`` (shortest that ends in an organisation word)."""
    rules = metadata()["unit"]
    shortest, filling, sub = _org_patterns()
    m = (filling if whole else shortest).match(folded, start)
    if not m:
        return None
    end = m.end()
    if not whole:  # a sub-unit written after it ("…生态环境局XX分局2023年度"): take it along
        more = sub.match(folded, end)
        if more and not rules["not_in_name"].search(folded[end:more.end()]):
            end = more.end()
    name = folded[m.start():end]
    if rules["not_in_name"].search(name) or len(re.sub(r"\*", "", name)) < 4:
        return None
    return text[m.start():end]
