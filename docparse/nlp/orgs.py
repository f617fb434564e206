"""Organisation names as spans of jieba words: a place word, the words of the name, an organisation word.

An organisation word is one the dictionary tags ``nt`` (jieba's tag for bodies, and the user
dictionary's) or a word ending with an official suffix (``rules/structure/metadata.yaml``
``unit.suffixes``: 局, 委员会, 中心, 联合会, 残联, 办事处 …); a name runs back from it over words of
Chinese characters to the earliest place word (湖南省, 常德市, 澧县, 街道 …) with no other organisation
word, punctuation, digit or word that never stands in a name (``unit.not_in_name``) between (the place
words and the clause openers jieba may glue to them are in ``rules/nlp/orgs.yaml``). Names that
go on past one organisation word (某县人民政府办公室) end at the last.
"""

from __future__ import annotations

import re
from functools import cache

from docparse.nlp.segment import org_words, tokens

_CJK = re.compile(r"^[\u3400-\u9fff]+$")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], str]:
    from docparse.rules import rule_file
    from docparse.structure.rules import metadata

    rules = metadata()
    own = rule_file("nlp/orgs.yaml", ["place_suffixes", "lead_chars"])
    suffix = re.compile(rules["unit"]["suffixes"].pattern + r"$")
    return suffix, re.compile(str(own["place_suffixes"])), rules["unit"]["not_in_name"], str(own["lead_chars"])


def _is_org(word: str) -> bool:
    suffix = _patterns()[0]
    return bool(_CJK.match(word)) and (word in org_words() or bool(suffix.search(word)))


def org_spans(text: str, *, max_chars: int = 30) -> list[tuple[int, int]]:
    """Character spans of the organisation names in ``text``, in order."""
    _, place, not_in_name, lead = _patterns()
    toks = tokens(text)
    out: list[tuple[int, int]] = []
    for k, (word, _, end) in enumerate(toks):
        if not _is_org(word):
            continue
        if k + 1 < len(toks) and _is_org(toks[k + 1][0]):
            continue  # the name goes on (人民政府|办公室)
        start = None
        j = k
        while j >= 0 and end - toks[j][1] <= max_chars:
            w = toks[j][0]
            if not _CJK.match(w) or (j < k and _is_org(w) and not _is_org(toks[j + 1][0])):
                break
            if place.search(w):
                start = toks[j][1] + (1 if len(w) == 2 and w[0] in lead else 0)
                before = toks[j - 1] if j > 0 else None
                if len(w) == 1 and before and len(before[0]) >= 2 and _CJK.match(before[0]) and not _is_org(before[0]):
                    start = before[1]  # a place name cut from its suffix (江北|市)
            j -= 1
        if start is None:
            continue
        name = text[start:end]
        if len(name) >= 4 and not not_in_name.search(name):
            out.append((start, end))
    return out


def orgs(text: str) -> list[str]:
    """The organisation names of ``text``, in order."""
    return [text[s:e] for s, e in org_spans(text)]
