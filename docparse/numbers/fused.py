"""Split table cells that lost their separators ("40004000100%" → 4000 | 4000 | 100%).

The column kinds of the row (from its header) constrain the split: weights and scores are small,
a score does not exceed its weight, a rate agrees with the amounts before it or with the score
after it. A split is accepted only when it is well formed; when only a trailing part of the run
can be read, that part must be confirmed by arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

_WELL = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
NUMERIC_KINDS = ("money", "rate", "weight", "score", "target", "actual")
_MAX_RUN = 32


def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


def _parts(run: str, k: int) -> Iterator[list[tuple[int, int]]]:
    """All ways to cut ``run`` into ``k`` well-formed numbers, as (start, end) pairs."""
    if k == 1:
        if _WELL.fullmatch(run):
            yield [(0, len(run))]
        return
    for cut in range(1, len(run)):
        head = run[:cut]
        if not _WELL.fullmatch(head):
            continue
        for rest in _parts(run[cut:], k - 1):
            yield [(0, cut)] + [(s + cut, e + cut) for s, e in rest]


def _tolerance(text: str) -> Decimal:
    return Decimal(1).scaleb(-_decimals(text)) if _decimals(text) else Decimal("0.5")


def _score(texts: list[str], kinds: list[str], known: list[Decimal], percent_unit: bool) -> tuple[int, bool] | None:
    """Plausibility of one assignment (None when impossible) and whether arithmetic confirms it."""
    values = [Decimal(t) for t in texts]
    by = dict(zip(kinds, zip(texts, values, strict=True), strict=False))
    points = 0
    confirmed = False
    for kind, text, value in zip(kinds, texts, values, strict=True):
        if kind == "weight" and not (0 < value <= 100 and _decimals(text) <= 1):
            return None
        if kind in ("rate", "score") and _decimals(text) > 2:
            return None
        if (kind == "rate" or (percent_unit and kind in ("target", "actual"))) and value > 100:
            points -= 4
    if "weight" in by and "score" in by and by["score"][1] > by["weight"][1]:
        return None
    if "weight" in by and "score" in by and by["score"][1] == by["weight"][1]:
        points += 2
    if "rate" in by and "weight" in by and "score" in by:
        expect = min(by["weight"][1], by["weight"][1] * by["rate"][1] / 100)
        if abs(expect - by["score"][1]) <= _tolerance(by["score"][0]):
            points, confirmed = points + 5, True
    moneys = known + [v for k, v in zip(kinds, values, strict=True) if k == "money"]
    if "rate" in by and len(moneys) >= 2 and moneys[0] > 0:
        expect = moneys[-1] / moneys[0] * 100
        if abs(expect - by["rate"][1]) <= _tolerance(by["rate"][0]):
            points, confirmed = points + 5, True
    if len({_decimals(t) for t in texts}) == 1:
        points += 1
    return points, confirmed


def split_fused(run: str, kinds: list[str], known: list[Decimal] | None = None,
                percent_unit: bool = False) -> list[tuple[int, int, str]] | None:
    """Cut a digit run into numbers for the column ``kinds`` that follow in the row.

    ``run`` holds digits and dots only; ``known`` are amounts already read in the row (so a rate
    can be checked against them). Returns (start, end, kind) for each number read, or None.
    """
    known = known or []
    kinds = [k for k in kinds if k in NUMERIC_KINDS]
    if not kinds or not run or len(run) > _MAX_RUN:
        return None
    best: tuple[int, list[tuple[int, int, str]]] | None = None
    for n in range(min(len(kinds), len(run)), 0, -1):
        for parts in _parts(run, n):
            texts = [run[s:e] for s, e in parts]
            got = _score(texts, kinds[:n], known, percent_unit)
            if got is None:
                continue
            points = got[0] + n  # reading more columns is better
            if best is None or points > best[0]:
                best = (points, [(s, e, k) for (s, e), k in zip(parts, kinds[:n], strict=True)])
        if best is not None and n > 1:
            break
    if best is not None and len(best[1]) > 1:
        return best[1]
    # only a trailing part readable: accept it when arithmetic confirms it
    for tail_n in range(2, len(kinds)):
        tail_kinds = kinds[-tail_n:]
        for start in range(1, len(run)):
            for parts in _parts(run[start:], tail_n):
                texts = [run[start + s:start + e] for s, e in parts]
                got = _score(texts, tail_kinds, [], percent_unit)
                if got is not None and got[1]:
                    return [(start + s, start + e, k) for (s, e), k in zip(parts, tail_kinds, strict=True)]
    return None
