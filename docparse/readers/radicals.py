"""Kangxi and CJK radical code points mapped back to the ideographs they stand for.

Browser-printed PDFs often carry ⼀ (U+2F00) for 一 or ⻔ (U+2ED4) for 门 in their text layer.
The table lives in ``rules/readers/kangxi.yaml``; only those characters change (unlike NFKC,
which would also turn 户 into 戶 and full-width punctuation into ASCII).
"""

from __future__ import annotations

from functools import cache

from docparse.errors import RuleFileError
from docparse.rules import load_yaml, require_keys, rules_dir

RULE_FILE = "readers/kangxi.yaml"


@cache
def radical_table() -> dict[int, str]:
    """``str.translate`` table: radical code point → unified ideograph."""
    data = load_yaml(RULE_FILE)
    require_keys(RULE_FILE, data, ["kangxi", "supplement"])
    table: dict[int, str] = {}
    for group in ("kangxi", "supplement"):
        for src, dst in (data[group] or {}).items():
            if not (isinstance(src, str) and isinstance(dst, str) and len(src) == 1 and len(dst) == 1):
                raise RuleFileError(rules_dir() / RULE_FILE, f"{group}: entry {src!r} must map one character")
            table[ord(src)] = dst
    return table


def has_radicals(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u2fdf" for ch in text)


def map_radicals(text: str) -> str:
    """``text`` with every radical from the table replaced by its unified ideograph."""
    return text.translate(radical_table()) if has_radicals(text) else text
