"""Cells that lost their separators ("40004000100%" → 4000 | 4000 | 100%), split once for every reader.

The columns the run stands under constrain the split: weights and scores are small, a score does not
exceed its weight, a rate agrees with the amounts before it or with the score after it. A split is
accepted only when it is well formed; when only a trailing part of the run can be read, that part must
be confirmed by arithmetic. A money unit inside the run ends the number before it ("50万元47.68…").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from docparse.lexicon import money_unit_pattern
from docparse.tables.vocabulary import NUMERIC_KINDS, kind_of

_WELL = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_UNIT = re.compile(money_unit_pattern())
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


def split_fused(run: str, columns: list[str], known: list[Decimal] | None = None,
                percent_unit: bool = False) -> list[tuple[int, int, str]] | None:
    """Cut a run of glued numbers into one number per column that follows in the row.

    ``columns`` are column roles (budget, spent, rate …) or kinds (money, rate …); those that hold no
    number are skipped. ``run`` holds digits and dots, and money units that end a number; ``known`` are
    amounts already read in the row (so a rate can be checked against them). Returns (start, end,
    column) for each number read (a unit stays with its number), or None.
    """
    known = list(known or [])
    cols = [c for c in columns if _kind(c) in NUMERIC_KINDS]
    if not cols or not run or len(run) > _MAX_RUN:
        return None
    unit = _UNIT.search(run)
    if unit is not None:
        head = run[: unit.start()]
        if not _WELL.fullmatch(head):
            return None
        if _kind(cols[0]) == "money":
            known.append(Decimal(head))
        rest = run[unit.end():]
        if not rest:
            return [(0, unit.end(), cols[0])]
        one = [(0, len(rest), cols[1])] if len(cols) > 1 and _WELL.fullmatch(rest) else None
        tail = split_fused(rest, cols[1:], known, percent_unit) or one
        if tail is None:
            return None
        return [(0, unit.end(), cols[0])] + [(s + unit.end(), e + unit.end(), c) for s, e, c in tail]
    kinds = [_kind(c) for c in cols]
    best: tuple[int, list[tuple[int, int, str]]] | None = None
    for n in range(min(len(kinds), len(run)), 0, -1):
        for parts in _parts(run, n):
            texts = [run[s:e] for s, e in parts]
            got = _score(texts, kinds[:n], known, percent_unit)
            if got is None:
                continue
            points = got[0] + n  # reading more columns is better
            if best is None or points > best[0]:
                best = (points, [(s, e, c) for (s, e), c in zip(parts, cols[:n], strict=True)])
        if best is not None and n > 1:
            break
    if best is not None and len(best[1]) > 1:
        return best[1]
    # only a trailing part readable: accept it when arithmetic confirms it
    for tail_n in range(2, len(kinds)):
        for start in range(1, len(run)):
            for parts in _parts(run[start:], tail_n):
                texts = [run[start + s:start + e] for s, e in parts]
                got = _score(texts, kinds[-tail_n:], [], percent_unit)
                if got is not None and got[1]:
                    return [(start + s, start + e, c) for (s, e), c in zip(parts, cols[-tail_n:], strict=True)]
    return None


def _kind(column: str) -> str | None:
    return column if column in NUMERIC_KINDS else kind_of(column)


def glued(text: str) -> bool:
    """Several numbers run together: two decimal points, a % or unit inside, or a very long number."""
    t = text.replace(" ", "")
    if not re.fullmatch(r"[\d.%万亿千元]+", t):
        return False
    inner = t.rstrip("%")
    return (t.count(".") >= 2 or "%" in inner or re.search(r"元\d", t) is not None
            or (len(re.sub(r"\D", "", t)) >= 9 and "." not in t))


def split_equal_halves(digits: str) -> tuple[str, str] | None:
    """``"2020"`` → ("20", "20"): a weight and a full-marks score glued together."""
    if len(digits) % 2 == 0 and len(digits) >= 2 and digits[: len(digits) // 2] == digits[len(digits) // 2:]:
        half = digits[: len(digits) // 2]
        if not re.match(r"0\d", half):
            return half, half
    return None
