"""The spreadsheet view of reports: eight tables (reports, facts, fund items, indicators, checks,
mentions, warnings, errors), one row per entry, shared by the xlsx and the CSV export.

A cell is a :class:`Money` (yuan, exact), a :class:`~decimal.Decimal` (rates, points, counts),
an int, a bool, a string or None. Every money column is followed by ``<column>_exact``, the
JSON's exact decimal string, and the text as written stands in ``text`` where the JSON has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from docparse.export.inputs import Item
from docparse.export.tables import FACT_KEYS, num

MONEY_FACTS = ("budget", "adjusted_budget", "arrived", "spent")
PLACE_KEYS = ("page", "paragraph", "table", "row", "col", "line")


class Money(Decimal):
    """An amount in yuan (formatted with two decimals in a spreadsheet)."""


def money(value: Any) -> Money | None:
    number = num(value)
    return None if number is None else Money(number)


def where(prov: dict[str, Any] | None) -> str | None:
    """Provenance in a few words: ``page 3``, ``table 0 row 2 col 4``, ``line 19``."""
    if not prov:
        return None
    return " ".join(f"{k} {prov[k]}" for k in PLACE_KEYS if prov.get(k) is not None) or None


@dataclass(slots=True)
class Sheet:
    """A table: its name, its column names, its rows (and which columns hold money)."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def money_columns(self) -> set[int]:
        return {i for i, c in enumerate(self.columns) if f"{c}_exact" in self.columns}


def _status(data: dict[str, Any]) -> str:
    failed = any(c["status"] == "fail" for c in data["checks"])
    return "warn" if failed or data["warnings"] else "ok"


def _counts(data: dict[str, Any]) -> tuple[int, int, int]:
    statuses = [c["status"] for c in data["checks"]]
    return statuses.count("pass"), statuses.count("fail"), statuses.count("unknown")


def _facts(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name in FACT_KEYS:
        fact = data["facts"].get(name)
        if fact is not None:
            yield name, fact
    for name, fact in data["evaluation"].items():
        if fact is not None:
            yield f"evaluation_{name}", fact


def report_rows(file: str, data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    meta, src = data["report"], data["source"]
    yield (
        file,
        _status(data),
        meta["type"],
        meta.get("title"),
        meta.get("fiscal_year"),
        meta.get("unit"),
        meta.get("project"),
        src["format"],
        src.get("pages"),
        sum(1 for _ in _facts(data)),
        *_counts(data),
        len(data["warnings"]),
        len((src.get("ocr") or {}).get("pages", [])) or None,
        num((src.get("ocr") or {}).get("confidence")),
        src.get("sha256"),
    )


def fact_rows(file: str, data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    for name, fact in _facts(data):
        basis = fact.get("basis") or {}
        is_money = name in MONEY_FACTS
        graded = name.endswith("grade")
        yield (
            file,
            name,
            money(fact["value"]) if is_money else None,
            fact["value"] if is_money else None,
            None if is_money or graded else num(fact["value"]),
            fact["value"] if graded else None,
            fact["text"],
            basis.get("cue"),
            basis.get("subject"),
            where(fact.get("provenance")),
        )


def fund_item_rows(file: str, data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    for item in data["funds"]["items"]:
        yield (
            file,
            item.get("group"),
            item["name"],
            money(item["value"]),
            item["value"],
            item.get("text"),
            where(item.get("provenance")),
        )


def indicator_rows(file: str, data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    for x in data["indicators"]:
        target, actual = x.get("target_typed") or {}, x.get("actual_typed") or {}
        yield (
            file,
            x["level1"],
            x["level2"],
            x["name"],
            x["target"],
            x["actual"],
            num(x["weight"]),
            num(x["score"]),
            x["met"],
            target.get("op"),
            num(target.get("value")),
            target.get("unit"),
            actual.get("op"),
            num(actual.get("value")),
            actual.get("unit"),
            x.get("deviation"),
            where(x.get("provenance")),
        )


def _evidence(check: dict[str, Any]) -> str:
    return "; ".join(
        f"{e.get('role')}: {e.get('text') or e.get('value')} ({where(e.get('provenance')) or '-'})"
        for e in check.get("evidence", [])
    )


def check_rows(file: str, data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    order = {"fail": 0, "unknown": 1, "pass": 2}
    for c in sorted(data["checks"], key=lambda c: order[c["status"]]):
        yield (
            file,
            c["id"],
            c["status"],
            c["message"],
            c.get("message_en"),
            c.get("expected"),
            c.get("found"),
            c.get("note"),
            _evidence(c),
        )


def mention_rows(file: str, data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    for m in data["mentions"]:
        low, high = m["value"] if isinstance(m["value"], list) else (m["value"], None)
        is_money = m["kind"] == "money"
        prov = m.get("provenance") or {}
        yield (
            file,
            m["kind"],
            m["text"],
            money(low) if is_money else None,
            low if is_money else None,
            money(high) if is_money else None,
            high if is_money else None,
            None if is_money else num(low),
            None if is_money else num(high),
            m.get("unit"),
            m.get("qualifier"),
            where(prov),
            prov.get("block"),
            prov.get("start"),
            prov.get("end"),
        )


def warning_rows(file: str, data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    for w in data["warnings"]:
        yield (file, w["code"], w["message"])


SHEETS: dict[str, tuple[tuple[str, ...], Any]] = {
    "reports": (
        (
            "file",
            "status",
            "type",
            "title",
            "fiscal_year",
            "unit",
            "project",
            "format",
            "pages",
            "facts",
            "checks_pass",
            "checks_fail",
            "checks_unknown",
            "warnings",
            "ocr_pages",
            "ocr_confidence",
            "sha256",
        ),
        report_rows,
    ),
    "facts": (
        ("file", "fact", "value", "value_exact", "number", "grade", "text", "cue", "subject", "where"),
        fact_rows,
    ),
    "fund_items": (("file", "group", "name", "value", "value_exact", "text", "where"), fund_item_rows),
    "indicators": (
        (
            "file",
            "level1",
            "level2",
            "name",
            "target",
            "actual",
            "weight",
            "score",
            "met",
            "target_op",
            "target_value",
            "target_unit",
            "actual_op",
            "actual_value",
            "actual_unit",
            "deviation",
            "where",
        ),
        indicator_rows,
    ),
    "checks": (
        ("file", "check", "status", "message", "message_en", "expected", "found", "note", "evidence"),
        check_rows,
    ),
    "mentions": (
        (
            "file",
            "kind",
            "text",
            "value",
            "value_exact",
            "value_high",
            "value_high_exact",
            "number",
            "number_high",
            "unit",
            "qualifier",
            "where",
            "block",
            "start",
            "end",
        ),
        mention_rows,
    ),
    "warnings": (("file", "code", "message"), warning_rows),
}
ERROR_COLUMNS = ("file", "code", "kind", "cause")


def build(items: Iterable[Item]) -> list[Sheet]:
    """The eight sheets of ``items`` (reports and error records), rows in input order."""
    sheets = {name: Sheet(name, columns) for name, (columns, _) in SHEETS.items()}
    errors = Sheet("errors", ERROR_COLUMNS)
    for item in items:
        if item.error is not None:
            err = item.error["error"]
            errors.rows.append((item.path, err.get("code"), err.get("kind"), err.get("cause")))
            continue
        assert item.data is not None
        for name, (_, rows) in SHEETS.items():
            sheets[name].rows.extend(rows(item.path, item.data))
    return [*sheets.values(), errors]
