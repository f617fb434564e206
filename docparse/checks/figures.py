"""Figures under check: a value, the text it was printed as, where it stands, and its precision.

A figure tolerates half a unit of its last printed digit ("99.14万元" → ±50 元); an amount printed
without decimals is read as exact (``rules/checks/tolerance.yaml``). Tolerance never grows with the
size of the total.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from docparse.lexicon import big_units
from docparse.model import Fact, Mention, MoneyRow, Provenance, money_str, number_str
from docparse.rules import rule_file

FigureKind = Literal["money", "rate", "score", "weight", "count"]

_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALES = (Decimal(1), Decimal(10000), Decimal(100000000), Decimal(1000), Decimal(100), Decimal(10),
           Decimal(1000000000000), Decimal("0.01"), Decimal("0.1"))
_ZERO = Decimal(0)
_HALF = Decimal("0.5")


@cache
def tolerance_rules() -> dict[str, Any]:
    return rule_file("checks/tolerance.yaml", ["money", "rate", "score", "weight", "count"])


def printed_half(kind: FigureKind, value: Decimal, text: str | None) -> Decimal:
    """Half a unit of the last digit ``value`` was printed with (0 for a figure read as exact)."""
    decimals, scale = _printed_precision(value, text)
    if decimals == 0 and tolerance_rules()[kind].get("integer_exact", False):
        return _ZERO
    return _HALF * scale * Decimal(1).scaleb(-decimals)


def _printed_precision(value: Decimal, text: str | None) -> tuple[int, Decimal]:
    """Decimals printed and the scale of the printed unit (10000 for 万元), from the surface text."""
    if text:
        plain = unicodedata.normalize("NFKC", text)
        numbers = list(_NUMBER.finditer(plain))
        for match in reversed(numbers):
            number = Decimal(match.group(0).replace(",", ""))
            for scale in _SCALES:
                if number * scale == value:
                    return len(match.group(1) or ""), scale
        if numbers:
            return len(numbers[-1].group(1) or ""), Decimal(1)
        return 0, _unit_scale(plain)
    exponent = value.as_tuple().exponent
    return (max(0, -exponent) if isinstance(exponent, int) else 0), Decimal(1)


def _unit_scale(text: str) -> Decimal:
    return Decimal(max((v for ch, v in big_units().items() if ch in text), default=1))


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure a check compares, with what it is (``role``) and where it was read."""

    role: str
    value: Decimal
    kind: FigureKind = "money"
    text: str | None = None
    provenance: Provenance | None = None
    name: str | None = None

    @property
    def half(self) -> Decimal:
        return printed_half(self.kind, self.value, self.text)

    @property
    def decimals(self) -> int | None:
        """Decimals printed (``None`` when the figure's text is unknown)."""
        return _printed_precision(self.value, self.text)[0] if self.text else None

    @property
    def scale(self) -> Decimal:
        """The printed unit in yuan (10000 for 万元)."""
        return _printed_precision(self.value, self.text)[1]

    def value_str(self) -> str:
        return fmt_value(self.value, self.kind)

    def evidence(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "role": self.role,
            "value": self.value_str(),
            "text": self.text,
            "provenance": self.provenance.to_dict() if self.provenance is not None else None,
        }
        if self.name:
            out["name"] = self.name
        return out


def fmt_value(value: Decimal, kind: FigureKind) -> str:
    """Machine form: money in yuan with 2 decimals, everything else as a plain number."""
    return money_str(value) if kind == "money" else number_str(value)


def show(value: Decimal, kind: FigureKind) -> str:
    """Reader's form for messages: 99万元, 404元, 95.36%, 9.85分, 111."""
    if kind == "money":
        if abs(value) >= 10000:
            return f"{number_str(value / 10000)}万元"
        return f"{number_str(value)}元"
    if kind == "rate":
        return f"{number_str(value)}%"
    if kind in ("score", "weight"):
        return f"{number_str(value)}分"
    return number_str(value)


def from_fact(role: str, fact: Fact | None, kind: FigureKind = "money", name: str | None = None
              ) -> Figure | None:
    """A figure from a report fact, or ``None`` when the fact is absent or not a number."""
    if fact is None or not isinstance(fact.value, Decimal):
        return None
    return Figure(role, fact.value, kind, fact.text, fact.provenance, name)


def from_mention(role: str, mention: Mention, kind: FigureKind, name: str | None = None) -> Figure:
    return Figure(role, mention.low, kind, mention.text, mention.provenance, name)


ROW_COLUMNS = {"budget": "年初预算数", "adjusted_budget": "全年预算数", "spent": "全年执行数",
               "weight": "分值", "rate": "执行率", "score": "得分"}
ROW_KINDS: dict[str, FigureKind] = {
    "budget": "money", "adjusted_budget": "money", "spent": "money",
    "weight": "weight", "rate": "rate", "score": "score",
}


def from_row(role: str, row: MoneyRow, column: str) -> Figure | None:
    """The figure in one column of a 绩效自评表 money row, with its cell text and provenance."""
    value = getattr(row, column)
    if value is None:
        return None
    text, prov = row.cells.get(column, (None, None))
    return Figure(role, value, ROW_KINDS[column], text, prov or row.provenance,
                  f"{row.name}·{ROW_COLUMNS[column]}")


PlaceKey = tuple[object, ...]


def place_key(prov: Provenance) -> PlaceKey:
    """A hashable form of ``prov``: two provenances name the same spot exactly when their keys are equal."""
    bbox = tuple(prov.bbox) if prov.bbox is not None else None
    return (prov.page, bbox, prov.paragraph, prov.table, prov.row, prov.col, prov.line, prov.block,
            prov.start, prov.end)


def same_place(a: Provenance | None, b: Provenance | None) -> bool:
    """Whether two provenances name the same spot (so two figures are one statement, not two)."""
    if a is None or b is None:
        return False
    return a is b or place_key(a) == place_key(b)


class Places:
    """A set of spots, for asking "is this provenance one of them?" in constant time."""

    def __init__(self, provenances: Iterable[Provenance | None] = ()) -> None:
        self._keys: set[PlaceKey] = set()
        for prov in provenances:
            self.add(prov)

    def add(self, prov: Provenance | None) -> None:
        if prov is not None:
            self._keys.add(place_key(prov))

    def __contains__(self, prov: object) -> bool:
        return isinstance(prov, Provenance) and place_key(prov) in self._keys


class MentionIndex:
    """The report's mentions by spot and by block, built once, so finding the mention stated at a
    provenance costs a dictionary look-up instead of a pass over every mention."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._at: dict[PlaceKey, Mention] = {}
        self._spans: dict[int, list[Mention]] = {}
        for mention in mentions:
            p = mention.provenance
            self._at.setdefault(place_key(p), mention)
            if p.block is not None and p.start is not None and p.end is not None:
                self._spans.setdefault(p.block, []).append(mention)

    def at(self, prov: Provenance) -> Mention | None:
        """The first mention stated at ``prov``, else the first overlapping it in the same block."""
        found = self._at.get(place_key(prov))
        if found is not None or prov.block is None or prov.start is None or prov.end is None:
            return found
        for mention in self._spans.get(prov.block, ()):
            p = mention.provenance
            if p.start < prov.end and prov.start < p.end:  # type: ignore[operator]
                return mention
        return None


def mention_at(mentions: list[Mention], prov: Provenance) -> Mention | None:
    """The mention stated at ``prov`` (the same spot, or overlapping it in the same block); for many
    look-ups build one :class:`MentionIndex` instead."""
    return MentionIndex(mentions).at(prov)


def role_mentions(candidates: object, role: str, max_gap: int | None = None,
                  blockers: tuple[str, ...] = (), texts: Callable[[int], str | None] | None = None
                  ) -> list[Mention]:
    """The mentions an earlier stage gave ``role`` (``analysis.fact_candidates``: items with ``role``,
    ``mention``, ``cue`` and ``distance``), in document order; with ``max_gap``, only unqualified
    figures standing right after a cue word, with none of ``blockers`` in between."""
    out = []
    for cand in candidates or []:  # type: ignore[attr-defined]
        mention = getattr(cand, "mention", None)
        if getattr(cand, "role", None) != role or not isinstance(mention, Mention):
            continue
        if max_gap is not None:
            gap = getattr(cand, "distance", None)
            if not getattr(cand, "cue", "") or gap is None or gap > max_gap or mention.qualifier:
                continue
            text = texts(mention.provenance.block or 0) if texts is not None else None
            start = mention.provenance.start
            if text is not None and start is not None and any(
                    b in text[max(0, start - gap - 4):start] for b in blockers):
                continue
        out.append(mention)
    return out


def table_places(rows: list[MoneyRow]) -> Places:
    """The spots of every cell of the 绩效自评表 money rows."""
    return Places(cell_prov for row in rows for _, cell_prov in row.cells.values())


def in_table(prov: Provenance | None, rows: list[MoneyRow]) -> bool:
    """Whether ``prov`` is a cell of one of the 绩效自评表 money rows."""
    return prov in table_places(rows)


def display_precision(mentions: list[Mention]) -> dict[Decimal, int]:
    """The most decimals the report prints money with, per printed unit (scale in yuan)."""
    out: dict[Decimal, int] = {}
    for m in mentions:
        if m.kind != "money" or m.is_range:
            continue
        decimals, scale = _printed_precision(m.low, m.text)
        out[scale] = max(out.get(scale, 0), decimals)
    return out
