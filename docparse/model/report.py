"""The output model: a typed report whose ``to_dict()`` is docparse's JSON.

Field names and meanings follow the outside contract (spec §2) and the JSON Schema in
``rules/schema/report.schema.json``. Money is ``Decimal`` in yuan until serialisation,
where it becomes a string with two decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from docparse.model.document import Provenance

SCHEMA_VERSION = "1.0.0"

MentionKind = Literal["money", "percent", "ratio_points", "count"]
CheckStatus = Literal["pass", "fail", "unknown"]
FACT_NAMES = (
    "budget", "adjusted_budget", "arrived", "spent",
    "arrival_rate", "execution_rate", "score", "grade",
)
MONEY_FACTS = frozenset({"budget", "adjusted_budget", "arrived", "spent"})

_CENT = Decimal("0.01")


def money_str(value: Decimal) -> str:
    """Yuan with exactly two decimals: ``Decimal('404000')`` → ``"404000.00"``."""
    return str(value.quantize(_CENT))


def number_str(value: Decimal) -> str:
    """A plain number without exponent or trailing zeros: ``Decimal('99.140')`` → ``"99.14"``."""
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", ""} else text


def _prov(p: Provenance | None) -> dict[str, Any] | None:
    return p.to_dict() if p is not None else None


@dataclass(slots=True)
class Mention:
    """A money amount, percentage, percentage-point change or count found in the text."""

    kind: MentionKind
    text: str
    value: Decimal | tuple[Decimal, Decimal]
    provenance: Provenance
    unit: str | None = None
    scale: Decimal | None = None
    qualifier: str | None = None
    comparator: str | None = None
    direction: Literal["up", "down"] | None = None
    unit_from: str | None = None

    @property
    def is_range(self) -> bool:
        return isinstance(self.value, tuple)

    @property
    def low(self) -> Decimal:
        return self.value[0] if isinstance(self.value, tuple) else self.value

    def value_str(self) -> str | list[str]:
        fmt = money_str if self.kind == "money" else number_str
        if isinstance(self.value, tuple):
            return [fmt(self.value[0]), fmt(self.value[1])]
        return fmt(self.value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "value": self.value_str(),
            "unit": self.unit,
            "scale": number_str(self.scale) if self.scale is not None else None,
            "qualifier": self.qualifier,
            "comparator": self.comparator,
            "direction": self.direction,
            "unit_from": self.unit_from,
            "provenance": _prov(self.provenance),
        }


@dataclass(slots=True)
class Section:
    """A heading and everything under it up to the next heading of the same or a higher level."""

    heading: str
    level: int
    block: int
    provenance: Provenance | None = None
    number: str | None = None
    title: str | None = None
    canonical: str | None = None
    canonical_score: float | None = None
    end_block: int | None = None
    children: list[Section] = field(default_factory=list)

    def walk(self) -> list[Section]:
        """This section and all below it, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "level": self.level,
            "number": self.number,
            "title": self.title,
            "canonical": self.canonical,
            "canonical_score": round(self.canonical_score, 1) if self.canonical_score is not None else None,
            "block": self.block,
            "end_block": self.end_block,
            "provenance": _prov(self.provenance),
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(slots=True)
class FactBasis:
    """Why a figure is a fact: the cue giving its role, the subject it is said of, where the cue stands."""

    cue: str
    subject: str | None = None
    provenance: Provenance | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"cue": self.cue, "subject": self.subject, "provenance": _prov(self.provenance)}


@dataclass(slots=True)
class Fact:
    """A report-level figure (budget, spent, execution rate, grade …) and where it was read."""

    value: Decimal | str
    text: str
    provenance: Provenance | None = None
    money: bool = False
    sources: list[Provenance] = field(default_factory=list)
    basis: FactBasis | None = None

    def to_dict(self) -> dict[str, Any]:
        if isinstance(self.value, Decimal):
            value = money_str(self.value) if self.money else number_str(self.value)
        else:
            value = self.value
        return {
            "value": value,
            "text": self.text,
            "provenance": _prov(self.provenance),
            "also_stated_at": [p.to_dict() for p in self.sources],
            "basis": None if self.basis is None else self.basis.to_dict(),
        }


@dataclass(slots=True)
class FundItem:
    """One itemised spending line: name, amount (yuan) and the group it is listed under."""

    name: str
    value: Decimal
    text: str
    group: str | None = None
    provenance: Provenance | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "name": self.name,
            "value": money_str(self.value),
            "text": self.text,
            "provenance": _prov(self.provenance),
        }


@dataclass(slots=True)
class FundListing:
    """One itemised listing: which fund items it names, under which group, and the totals it states.

    ``items`` are indices into ``Report.fund_items``. ``total`` is the amount the listing says its
    items add up to (a grand total, e.g. the budget the items spend); ``subtotal`` the amount stated
    for the group itself ("网络维护：…共计25万元"). Either is ``None`` where the text states none.
    """

    items: list[int] = field(default_factory=list)
    group: str | None = None
    total: Fact | None = None
    subtotal: Fact | None = None
    provenance: Provenance | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "items": list(self.items),
            "total": self.total.to_dict() if self.total is not None else None,
            "subtotal": self.subtotal.to_dict() if self.subtotal is not None else None,
            "provenance": _prov(self.provenance),
        }


MONEY_ROW_FIELDS = ("budget", "adjusted_budget", "spent", "weight", "rate", "score")
_MONEY_ROW_MONEY = frozenset({"budget", "adjusted_budget", "spent"})


@dataclass(slots=True)
class MoneyRow:
    """A row of the 绩效自评表 money block (年度资金总额, 本年财政拨款, 上年结转资金, 其他资金).

    ``budget`` 年初预算数, ``adjusted_budget`` 全年预算数/调整后预算数, ``spent`` 全年执行数/预算执行数
    (yuan); ``weight`` 分值, ``rate`` 执行率 (percent number), ``score`` 得分. ``cells`` gives, per
    field, the cell text as written and its provenance.
    """

    name: str
    budget: Decimal | None = None
    adjusted_budget: Decimal | None = None
    spent: Decimal | None = None
    weight: Decimal | None = None
    rate: Decimal | None = None
    score: Decimal | None = None
    provenance: Provenance | None = None
    cells: dict[str, tuple[str, Provenance | None]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        for name in MONEY_ROW_FIELDS:
            value = getattr(self, name)
            if value is None:
                out[name] = None
            else:
                out[name] = money_str(value) if name in _MONEY_ROW_MONEY else number_str(value)
        out["cells"] = {
            name: {"text": text, "provenance": _prov(prov)}
            for name, (text, prov) in self.cells.items()
        }
        out["provenance"] = _prov(self.provenance)
        return out


@dataclass(slots=True)
class Comparison:
    """A target or actual value typed: comparator, number and unit ("≥95%" → ``≥``, 95, ``%``).

    ``op`` is one of ``≥ ≤ > < =``; ``value`` is ``None`` for qualitative statements
    (达成预期指标, 好, 是), whose words are kept in ``text``.
    """

    op: str
    value: Decimal | None
    unit: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "value": number_str(self.value) if self.value is not None else None,
            "unit": self.unit,
            "text": self.text,
        }


@dataclass(slots=True)
class Indicator:
    """A performance indicator row: 一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分."""

    name: str
    level1: str | None = None
    level2: str | None = None
    target: str | None = None
    actual: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    met: bool | None = None
    deviation: str | None = None
    source: Literal["table", "text"] = "text"
    provenance: Provenance | None = None
    target_cmp: Comparison | None = None
    actual_cmp: Comparison | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "level1": self.level1,
            "level2": self.level2,
            "name": self.name,
            "target": self.target,
            "actual": self.actual,
            "weight": number_str(self.weight) if self.weight is not None else None,
            "score": number_str(self.score) if self.score is not None else None,
            "met": self.met,
            "deviation": self.deviation,
            "target_typed": self.target_cmp.to_dict() if self.target_cmp is not None else None,
            "actual_typed": self.actual_cmp.to_dict() if self.actual_cmp is not None else None,
            "source": self.source,
            "provenance": _prov(self.provenance),
        }


@dataclass(slots=True)
class CheckResult:
    """The outcome of one cross-check, with the provenance of every figure involved."""

    id: str
    status: CheckStatus
    message: str
    message_en: str | None = None
    expected: str | None = None
    found: str | None = None
    note: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "message": self.message,
            "message_en": self.message_en,
            "expected": self.expected,
            "found": self.found,
            "note": self.note,
            "evidence": self.evidence,
        }


@dataclass(slots=True)
class ReportMeta:
    """What the report is: type, title, evaluated year, unit, project."""

    type: str = "other"
    title: str | None = None
    fiscal_year: int | None = None
    unit: str | None = None
    project: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type, "title": self.title, "fiscal_year": self.fiscal_year,
            "unit": self.unit, "project": self.project,
        }


@dataclass(slots=True)
class SourceInfo:
    path: str | None
    format: str
    sha256: str | None = None
    pages: int | None = None
    converted_from: str | None = None
    ocr: dict[str, Any] | None = None  # pages read by OCR, engine and confidence

    def to_dict(self) -> dict[str, Any]:
        out = {
            "path": self.path, "format": self.format, "sha256": self.sha256,
            "pages": self.pages, "converted_from": self.converted_from,
        }
        if self.ocr is not None:
            out["ocr"] = self.ocr
        return out


@dataclass(slots=True)
class Report:
    """Everything docparse knows about one report."""

    source: SourceInfo
    report: ReportMeta = field(default_factory=ReportMeta)
    sections: list[Section] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: dict[str, Fact | None] = field(default_factory=lambda: dict.fromkeys(FACT_NAMES))
    fund_items: list[FundItem] = field(default_factory=list)
    fund_listings: list[FundListing] = field(default_factory=list)
    money_rows: list[MoneyRow] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    evaluation_score: Fact | None = None
    evaluation_grade: Fact | None = None
    checks: list[CheckResult] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def all_sections(self) -> list[Section]:
        out: list[Section] = []
        for s in self.sections:
            out.extend(s.walk())
        return out

    def to_dict(self) -> dict[str, Any]:
        from docparse.__about__ import __version__

        return {
            "schema_version": SCHEMA_VERSION,
            "docparse_version": __version__,
            "source": self.source.to_dict(),
            "report": self.report.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "mentions": [m.to_dict() for m in self.mentions],
            "facts": {name: (f.to_dict() if f is not None else None)
                      for name, f in ((n, self.facts.get(n)) for n in FACT_NAMES)},
            "funds": {
                "items": [i.to_dict() for i in self.fund_items],
                "listings": [g.to_dict() for g in self.fund_listings],
                "money_rows": [r.to_dict() for r in self.money_rows],
            },
            "indicators": [i.to_dict() for i in self.indicators],
            "evaluation": {
                "score": self.evaluation_score.to_dict() if self.evaluation_score else None,
                "grade": self.evaluation_grade.to_dict() if self.evaluation_grade else None,
            },
            "checks": [c.to_dict() for c in self.checks],
            "warnings": list(self.warnings),
        }
