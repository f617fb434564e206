"""docparse.export.sqlite: reports parsed from real files, loaded, and read back with SQL."""

from __future__ import annotations

import copy
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from docparse.export.sqlite import InvalidReport, load
from docparse.export.tables import CHILD_TABLES

TABLES = ("reports", "sections", *CHILD_TABLES)


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def report_id(conn: sqlite3.Connection, data: dict[str, Any]) -> int:
    src = data["source"]
    return conn.execute(
        "SELECT id FROM reports WHERE source_sha256 = ? AND source_path = ?", (src["sha256"], src["path"])
    ).fetchone()[0]


@pytest.fixture
def db(tmp_path: Path, reports: dict[str, dict[str, Any]]) -> Path:
    path = tmp_path / "reports.db"
    load(path, reports.values())
    return path


def test_sample_fund_items_add_up_to_the_budget_fact(db: Path, reports: dict[str, dict[str, Any]]) -> None:
    sample = reports["sample"]
    with sqlite3.connect(db) as conn:
        rid = report_id(conn, sample)
        values = [v for (v,) in conn.execute("SELECT value FROM fund_items WHERE report_id = ?", (rid,))]
        cents = conn.execute("SELECT SUM(value_cents) FROM fund_items_cents WHERE report_id = ?", (rid,)).fetchone()[0]
        budget = conn.execute("SELECT value FROM facts WHERE report_id = ? AND name = 'budget'", (rid,)).fetchone()[0]
        budget_cents = conn.execute("SELECT budget_cents FROM report_money WHERE report_id = ?", (rid,)).fetchone()[0]
    assert len(values) == len(sample["funds"]["items"]) > 1
    assert Decimal(str(budget)) == Decimal(sample["facts"]["budget"]["value"])
    assert sum(Decimal(str(v)) for v in values) == Decimal(sample["facts"]["budget"]["value"])
    assert cents == budget_cents == int(Decimal(sample["facts"]["budget"]["value"]) * 100)


def _tree(rows: list[tuple[Any, ...]], parent: int | None) -> list[dict[str, Any]]:
    return [
        {"heading": h, "level": lv, "number": n, "title": t, "canonical": c, "block": b, "children": _tree(rows, i)}
        for i, p, h, lv, n, t, c, b in rows
        if p == parent
    ]


def _json_tree(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = ("heading", "level", "number", "title", "canonical", "block")
    return [{**{k: s[k] for k in keys}, "children": _json_tree(s["children"])} for s in sections]


def test_sections_rebuilt_by_parent_id_equal_the_json_tree(db: Path, reports: dict[str, dict[str, Any]]) -> None:
    nested = 0
    with sqlite3.connect(db) as conn:
        for data in reports.values():
            rows = conn.execute(
                "SELECT id, parent_id, heading, level, number, title, canonical, block FROM sections "
                "WHERE report_id = ? ORDER BY ordinal",
                (report_id(conn, data),),
            ).fetchall()
            assert _tree(rows, None) == _json_tree(data["sections"])
            nested += sum(1 for r in rows if r[1] is not None)
    assert nested > 0


def test_every_list_has_one_row_per_json_entry(db: Path, reports: dict[str, dict[str, Any]]) -> None:
    with sqlite3.connect(db) as conn:
        for data in reports.values():
            rid = report_id(conn, data)

            def n(table: str, rid: int = rid) -> int:
                return conn.execute(f"SELECT COUNT(*) FROM {table} WHERE report_id = ?", (rid,)).fetchone()[0]

            facts = [f for f in (*data["facts"].values(), *data["evaluation"].values()) if f is not None]
            assert (
                n("mentions"),
                n("facts"),
                n("fund_items"),
                n("fund_listings"),
                n("money_rows"),
                n("indicators"),
                n("checks"),
                n("warnings"),
            ) == (
                len(data["mentions"]),
                len(facts),
                len(data["funds"]["items"]),
                len(data["funds"]["listings"]),
                len(data["funds"]["money_rows"]),
                len(data["indicators"]),
                len(data["checks"]),
                len(data["warnings"]),
            )
            for (kind, value, high, start), m in zip(
                conn.execute(
                    "SELECT kind, value, value_high, start_char FROM mentions WHERE report_id = ? ORDER BY ordinal",
                    (rid,),
                ),
                data["mentions"],
                strict=True,
            ):
                expected = (
                    [Decimal(v) for v in m["value"]] if isinstance(m["value"], list) else [Decimal(m["value"]), None]
                )
                got = (kind, Decimal(str(value)), None if high is None else Decimal(str(high)), start)
                assert got == (m["kind"], *expected, m["provenance"]["start"])
    assert sum(len(d["funds"]["money_rows"]) for d in reports.values()) > 0


def test_numbers_are_numeric_and_read_back_as_the_json_decimals(db: Path, reports: dict[str, dict[str, Any]]) -> None:
    with sqlite3.connect(db) as conn:
        kinds = {
            t
            for (t,) in conn.execute(
                "SELECT typeof(value) FROM fund_items UNION SELECT typeof(value) FROM mentions "
                "UNION SELECT typeof(budget) FROM money_rows WHERE budget IS NOT NULL"
            )
        }
        types = {t for table in TABLES for (t,) in conn.execute(f"SELECT type FROM pragma_table_info('{table}')")}
        for data in reports.values():
            rid = report_id(conn, data)
            stored = [
                v for (v,) in conn.execute("SELECT value FROM mentions WHERE report_id = ? ORDER BY ordinal", (rid,))
            ]
            wanted = [m["value"][0] if isinstance(m["value"], list) else m["value"] for m in data["mentions"]]
            assert [Decimal(str(v)) for v in stored] == [Decimal(v) for v in wanted]
        low = [p for (p,) in conn.execute("SELECT source_path FROM report_facts WHERE execution_rate < 90")]
    assert kinds <= {"integer", "real"} and "real" in kinds
    assert types == {"INTEGER", "TEXT", "NUMERIC"}
    expected = [
        d["source"]["path"]
        for d in reports.values()
        if d["facts"]["execution_rate"] and Decimal(d["facts"]["execution_rate"]["value"]) < 90
    ]
    assert low == expected and len(expected) == 1  # "100" < "90" as text would add the 100 % report


def test_old_text_tables_are_refused(tmp_path: Path, reports: dict[str, dict[str, Any]]) -> None:
    from docparse.export.database import DatabaseError

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, source_sha256 TEXT, source_path TEXT)")
    with pytest.raises(DatabaseError, match="older docparse"):
        load(old, [reports["sample"]])


def test_budget_vs_spent_by_year(db: Path, reports: dict[str, dict[str, Any]]) -> None:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT fiscal_year, SUM(budget_cents), SUM(spent_cents) FROM report_money "
            "GROUP BY fiscal_year ORDER BY fiscal_year"
        ).fetchall()
    expected: dict[int, list[int]] = {}
    for data in reports.values():
        sums = expected.setdefault(data["report"]["fiscal_year"], [0, 0])
        for i, name in enumerate(("budget", "spent")):
            sums[i] += int(Decimal(data["facts"][name]["value"]) * 100)
    assert rows == [(year, *sums) for year, sums in sorted(expected.items())]
    assert len(rows) >= 3


def test_failing_checks_name_the_altered_report(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT r.source_path, c.check_id FROM checks c JOIN reports r ON r.id = c.report_id "
            "WHERE c.status = 'fail' ORDER BY r.source_path, c.ordinal"
        ).fetchall()
    assert [Path(p).name for p, _ in rows] == ["f02-txt-altered-total.txt"]
    assert rows[0][1] == "sum.fund_items"


def test_reloading_replaces_rows_and_keeps_ids(db: Path, reports: dict[str, dict[str, Any]]) -> None:
    before = counts(db)
    with sqlite3.connect(db) as conn:
        ids = {name: report_id(conn, d) for name, d in reports.items()}
    assert load(db, reports.values()) == list(ids.values())
    assert counts(db) == before
    changed = copy.deepcopy(reports["sample"])
    del changed["funds"]["items"][-1]
    changed["funds"]["listings"] = []
    changed["report"]["title"] = "changed"
    assert load(db, [changed]) == [ids["sample"]]
    after = counts(db)
    assert after["fund_items"] == before["fund_items"] - 1
    assert after["fund_listings"] == before["fund_listings"] - len(reports["sample"]["funds"]["listings"])
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT title FROM reports WHERE id = ?", (ids["sample"],)).fetchone() == ("changed",)


def test_a_failure_inside_a_report_leaves_its_earlier_rows(db: Path, reports: dict[str, dict[str, Any]]) -> None:
    before = counts(db)
    broken = copy.deepcopy(reports["sample"])
    broken["report"]["title"] = "half written"
    del broken["checks"][-1]["status"]  # fails after reports, sections, mentions … were written
    with pytest.raises(KeyError):
        load(db, [broken], check=False)
    assert counts(db) == before
    with sqlite3.connect(db) as conn:
        titles = [t for (t,) in conn.execute("SELECT title FROM reports")]
    assert "half written" not in titles and reports["sample"]["report"]["title"] in titles


def test_invalid_object_is_refused_before_writing(tmp_path: Path, reports: dict[str, dict[str, Any]]) -> None:
    bad = copy.deepcopy(reports["typed"])
    bad["funds"]["items"][0]["value"] = 12.5
    with pytest.raises(InvalidReport, match=r"funds/items/0/value"):
        load(tmp_path / "x.db", [reports["sample"], bad])
    assert counts(tmp_path / "x.db")["reports"] == 1
