"""What the scanner reports: one figure found in a piece of text, with character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

Value = Decimal | tuple[Decimal, Decimal]


@dataclass(slots=True)
class Found:
    """A money amount, percent, percentage-point change or count at ``start:end`` of a text."""

    kind: str
    start: int
    end: int
    value: Value
    unit: str | None = None
    scale: Decimal | None = None
    qualifier: str | None = None
    comparator: str | None = None
    direction: str | None = None
    unit_from: str | None = None
    fused: bool = False
