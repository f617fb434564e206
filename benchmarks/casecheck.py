"""Compare the figures docparse finds in a short text with a labelled expectation.

A case is ``{"id", "text", "mentions": [{"kind", "text", "value", ...}]}``; optional keys of an
expected mention (unit, qualifier, direction, comparator, unit_from) are checked when present.
Used by the sentence-set test and the numbers benchmark.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any


def found_mentions(text: str) -> list[dict[str, Any]]:
    """The mentions docparse reports for ``text`` read as a .txt file, as plain dicts."""
    from benchmarks.scoring_numbers import governed_mentions

    return [m.to_dict() for _, _, m in governed_mentions(text)]


_OPTIONAL = ("unit", "qualifier", "direction", "comparator", "unit_from")


def _same_value(a: Any, b: Any) -> bool:
    """Values equal as numbers ("98.50" == "98.5"); ranges element by element."""
    if isinstance(a, list) or isinstance(b, list):
        return (isinstance(a, list) and isinstance(b, list) and len(a) == len(b)
                and all(_same_value(x, y) for x, y in zip(a, b, strict=True)))
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (InvalidOperation, TypeError):
        return False


def check_case(case: dict[str, Any]) -> list[str]:
    """Differences between expected and found mentions (empty when the case is right)."""
    got = found_mentions(case["text"])
    want = case.get("mentions", [])
    problems = []
    if len(got) != len(want):
        problems.append(f"expected {len(want)} mentions, found {len(got)}: "
                        f"{[(g['kind'], g['text'], g['value']) for g in got]}")
    for w, g in zip(want, got, strict=False):
        for key in ("kind", "text", "value", *[k for k in _OPTIONAL if k in w]):
            if key == "value" and _same_value(w.get(key), g.get(key)):
                continue
            if w.get(key) != g.get(key):
                problems.append(f"{w['text']!r}: {key} expected {w.get(key)!r}, found {g.get(key)!r}")
    return problems
