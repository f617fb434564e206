"""Flatten one report JSON object into rows of the tables in ``rules/schema/database.sql``.

Numbers become :class:`~decimal.Decimal` (money, rates, scores, typed indicator values; the
database stores them as NUMERIC), ``met`` a bool, nested objects (provenance, evidence, cells,
bases) JSON text. Texts as written stay beside the numbers. Rows carry no ``report_id``; the loader
adds it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from docparse.rules import load_yaml

FACT_KEYS = ("budget", "adjusted_budget", "arrived", "spent", "arrival_rate", "execution_rate", "score", "grade")
PROVENANCE_COLUMNS = ("block", "start", "end", "page", "paragraph", "line")

Row = tuple[Any, ...]


def as_json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def num(value: Any) -> Decimal | None:
    """The exact number of a decimal string of the JSON ("3860000.00", "96.58"); None when none."""
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@cache
def _region_pattern() -> re.Pattern[str]:
    rule = load_yaml("schema/region.yaml")
    suffixes = "|".join(map(re.escape, sorted(rule["suffixes"], key=len, reverse=True)))
    singles = "".join(re.escape(x) for x in rule["suffixes"] if len(x) == 1)
    name, top = f"[^\\s\\d{singles}，,、（）()]", int(rule["max_name"])
    first = f"{name}{{1,{top}}}?(?:{suffixes})"
    later = f"{name}{{2,{top}}}?(?:{suffixes})"
    return re.compile(f"^(?:{first})(?:{later}){{0,{int(rule['levels']) - 1}}}")


def region(unit: str | None) -> str | None:
    """The administrative areas a unit's name starts with (合肥市瑶海区农林水务局 → 合肥市瑶海区)."""
    if not unit:
        return None
    found = _region_pattern().match(unit.strip())
    return found.group(0) if found else None


def _prov(obj: dict[str, Any]) -> tuple[Any, ...]:
    prov = obj.get("provenance") or {}
    return tuple(prov.get(key) for key in PROVENANCE_COLUMNS)


def report_row(data: dict[str, Any]) -> Row:
    """(source_sha256, source_path, source_format, source_pages, converted_from, type, title,
    fiscal_year, unit, region, project, schema_version, docparse_version), with ocr_pages and
    ocr_confidence after converted_from."""
    src, meta = data["source"], data["report"]
    return (
        src.get("sha256"),
        src.get("path"),
        src["format"],
        src.get("pages"),
        src.get("converted_from"),
        len((src.get("ocr") or {}).get("pages", [])) or None,
        num((src.get("ocr") or {}).get("confidence")),
        meta["type"],
        meta.get("title"),
        meta.get("fiscal_year"),
        meta.get("unit"),
        region(meta.get("unit")),
        meta.get("project"),
        data["schema_version"],
        data.get("docparse_version"),
    )


def section_rows(sections: list[dict[str, Any]]) -> Iterator[tuple[int | None, Row]]:
    """(parent ordinal or None, row) in pre-order; the row starts with its own ordinal."""
    ordinal = 0

    def walk(items: list[dict[str, Any]], parent: int | None) -> Iterator[tuple[int | None, Row]]:
        nonlocal ordinal
        for s in items:
            mine = ordinal
            ordinal += 1
            prov = s.get("provenance") or {}
            score = s.get("canonical_score")
            yield (
                parent,
                (
                    mine,
                    s["heading"],
                    s["level"],
                    s.get("number"),
                    s.get("title"),
                    s.get("canonical"),
                    num(score),
                    s.get("block"),
                    s.get("end_block"),
                    prov.get("page"),
                    prov.get("paragraph"),
                    prov.get("line"),
                ),
            )
            yield from walk(s.get("children", []), mine)

    yield from walk(sections, None)


def mention_rows(data: dict[str, Any]) -> Iterator[Row]:
    for i, m in enumerate(data["mentions"]):
        value = m["value"]
        low, high = (value[0], value[1]) if isinstance(value, list) else (value, None)
        yield (
            i,
            m["kind"],
            m["text"],
            num(low),
            num(high),
            m.get("unit"),
            num(m.get("scale")),
            m.get("qualifier"),
            m.get("comparator"),
            m.get("direction"),
            m.get("unit_from"),
            *_prov(m),
        )


def _fact_row(name: str, fact: dict[str, Any]) -> Row:
    graded = name.endswith("grade")
    return (
        name,
        None if graded else num(fact["value"]),
        fact["value"] if graded else None,
        fact["text"],
        as_json(fact.get("provenance")),
        as_json(fact.get("also_stated_at", [])),
        as_json(fact.get("basis")),
    )


def fact_rows(data: dict[str, Any]) -> Iterator[Row]:
    for name in FACT_KEYS:
        fact = data["facts"].get(name)
        if fact is not None:
            yield _fact_row(name, fact)
    for name, fact in data["evaluation"].items():
        if fact is not None:
            yield _fact_row(f"evaluation_{name}", fact)


def fund_item_rows(data: dict[str, Any]) -> Iterator[Row]:
    for i, item in enumerate(data["funds"]["items"]):
        yield (
            i,
            item.get("group"),
            item["name"],
            num(item["value"]),
            item.get("text"),
            as_json(item.get("provenance")),
        )


def _stated(fact: dict[str, Any] | None) -> tuple[Any, Any]:
    return (None, None) if fact is None else (num(fact["value"]), fact["text"])


def fund_listing_rows(data: dict[str, Any]) -> Iterator[Row]:
    for i, g in enumerate(data["funds"]["listings"]):
        yield (
            i,
            g.get("group"),
            *_stated(g.get("total")),
            *_stated(g.get("subtotal")),
            as_json(g.get("provenance")),
            as_json(g.get("total")),
            as_json(g.get("subtotal")),
        )


def fund_listing_item_rows(data: dict[str, Any]) -> Iterator[Row]:
    for i, g in enumerate(data["funds"]["listings"]):
        for item in dict.fromkeys(g["items"]):
            yield (i, item)


def money_row_rows(data: dict[str, Any]) -> Iterator[Row]:
    for i, r in enumerate(data["funds"]["money_rows"]):
        yield (
            i,
            r["name"],
            *(num(r[k]) for k in ("budget", "adjusted_budget", "spent", "weight", "rate", "score")),
            as_json(r.get("cells")),
            as_json(r.get("provenance")),
        )


def _typed(cmp: dict[str, Any] | None) -> tuple[Any, Any, Any]:
    return (None, None, None) if cmp is None else (cmp["op"], num(cmp["value"]), cmp["unit"])


def indicator_rows(data: dict[str, Any]) -> Iterator[Row]:
    for i, x in enumerate(data["indicators"]):
        met = x["met"]
        yield (
            i,
            x["level1"],
            x["level2"],
            x["name"],
            x["target"],
            x["actual"],
            num(x["weight"]),
            num(x["score"]),
            None if met is None else bool(met),
            x.get("deviation"),
            x.get("source"),
            *_typed(x.get("target_typed")),
            *_typed(x.get("actual_typed")),
            as_json(x.get("provenance")),
        )


def check_rows(data: dict[str, Any]) -> Iterator[Row]:
    for i, c in enumerate(data["checks"]):
        yield (
            i,
            c["id"],
            c["id"].split(".", 1)[0],
            c["status"],
            c["message"],
            c.get("message_en"),
            c.get("expected"),
            c.get("found"),
            c.get("note"),
            as_json(c["evidence"]),
        )


def warning_rows(data: dict[str, Any]) -> Iterator[Row]:
    for i, w in enumerate(data["warnings"]):
        rest = {k: v for k, v in w.items() if k not in ("code", "message")}
        yield (i, w["code"], w["message"], as_json(rest) if rest else None)


# table → (columns after report_id, row function); sections are handled apart (parent ids).
CHILD_TABLES: dict[str, tuple[tuple[str, ...], Any]] = {
    "mentions": (
        (
            "ordinal",
            "kind",
            "text",
            "value",
            "value_high",
            "unit",
            "scale",
            "qualifier",
            "comparator",
            "direction",
            "unit_from",
            "block",
            "start_char",
            "end_char",
            "page",
            "paragraph",
            "line",
        ),
        mention_rows,
    ),
    "facts": (("name", "value", "grade", "text", "provenance", "also_stated_at", "basis"), fact_rows),
    "fund_items": (("ordinal", "group_name", "name", "value", "text", "provenance"), fund_item_rows),
    "fund_listings": (
        (
            "ordinal",
            "group_name",
            "total_value",
            "total_text",
            "subtotal_value",
            "subtotal_text",
            "provenance",
            "total",
            "subtotal",
        ),
        fund_listing_rows,
    ),
    "fund_listing_items": (("listing", "item"), fund_listing_item_rows),
    "money_rows": (
        ("ordinal", "name", "budget", "adjusted_budget", "spent", "weight", "rate", "score", "cells", "provenance"),
        money_row_rows,
    ),
    "indicators": (
        (
            "ordinal",
            "level1",
            "level2",
            "name",
            "target",
            "actual",
            "weight",
            "score",
            "met",
            "deviation",
            "source",
            "target_op",
            "target_value",
            "target_unit",
            "actual_op",
            "actual_value",
            "actual_unit",
            "provenance",
        ),
        indicator_rows,
    ),
    "checks": (
        ("ordinal", "check_id", "kind", "status", "message", "message_en", "expected", "found", "note", "evidence"),
        check_rows,
    ),
    "warnings": (("ordinal", "code", "message", "detail"), warning_rows),
}
REPORT_COLUMNS = (
    "source_sha256",
    "source_path",
    "source_format",
    "source_pages",
    "converted_from",
    "ocr_pages",
    "ocr_confidence",
    "type",
    "title",
    "fiscal_year",
    "unit",
    "region",
    "project",
    "schema_version",
    "docparse_version",
)
SECTION_COLUMNS = (
    "ordinal",
    "heading",
    "level",
    "number",
    "title",
    "canonical",
    "canonical_score",
    "block",
    "end_block",
    "page",
    "paragraph",
    "line",
)
