"""Load docparse report JSON into a normalised SQLite database (standard library ``sqlite3`` only).

The tables are defined in ``rules/schema/sqlite.sql`` (portable to PostgreSQL). A report is keyed
by its source SHA-256 and path; loading it again replaces all its rows and keeps its id. Each report
is written in one transaction, so an interrupted load leaves every report either complete or absent.

>>> import docparse
>>> from docparse.export.sqlite import load
>>> load("reports.db", [docparse.parse("a.docx")])   # doctest: +SKIP
[1]
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docparse.export.tables import (
    CHILD_TABLES,
    REPORT_COLUMNS,
    SECTION_COLUMNS,
    report_row,
    section_rows,
)
from docparse.rules import rule_path

DDL_FILE = "schema/sqlite.sql"


class InvalidReport(ValueError):
    """An object that is not a valid docparse report; ``errors`` lists the schema violations."""

    def __init__(self, errors: list[str]) -> None:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}" if errors else "invalid report")
        self.errors = errors


@dataclass(slots=True)
class Loaded:
    """The outcome of loading one report: its row id and whether it replaced an earlier load."""

    report_id: int
    replaced: bool


def ddl() -> str:
    """The DDL (``rules/schema/sqlite.sql``) as text."""
    return rule_path(DDL_FILE).read_text(encoding="utf-8")


def connect(db_path: str | Path) -> sqlite3.Connection:
    """Open (creating if need be) a docparse database; tables and views are created if missing.

    The database uses write-ahead logging with ``synchronous = NORMAL``: a crash or power cut may
    lose the last reports committed, never leave one half-written (and loading is idempotent).
    """
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(f"BEGIN;\n{ddl()}\nCOMMIT;")
    return conn


def validate(data: Any) -> None:
    """Raise :class:`InvalidReport` unless ``data`` is a report object valid against the schema."""
    from docparse.export.json import validation_errors

    if not isinstance(data, dict):
        raise InvalidReport([f"(root): expected a JSON object, got {type(data).__name__}"])
    errors = validation_errors(data)
    if errors:
        raise InvalidReport(errors)


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def _upsert_report(conn: sqlite3.Connection, data: dict[str, Any]) -> Loaded:
    row = report_row(data)
    found = conn.execute(
        "SELECT id FROM reports WHERE source_sha256 IS ? AND source_path IS ?", row[:2]
    ).fetchone()
    if found is None:
        cur = conn.execute(
            f"INSERT INTO reports ({', '.join(REPORT_COLUMNS)}) VALUES ({', '.join('?' * len(row))})", row
        )
        return Loaded(int(cur.lastrowid or 0), False)
    report_id = int(found[0])
    sets = ", ".join(f"{c} = ?" for c in REPORT_COLUMNS)
    conn.execute(f"UPDATE reports SET {sets} WHERE id = ?", (*row, report_id))
    for table in (*CHILD_TABLES, "sections"):
        conn.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))
    return Loaded(report_id, True)


def _insert_sections(conn: sqlite3.Connection, report_id: int, sections: list[dict[str, Any]]) -> None:
    ids: dict[int, int] = {}
    sql = (f"INSERT INTO sections (report_id, parent_id, {', '.join(SECTION_COLUMNS)}) "
           f"VALUES ({', '.join('?' * (len(SECTION_COLUMNS) + 2))})")
    for parent, row in section_rows(sections):
        cur = conn.execute(sql, (report_id, None if parent is None else ids[parent], *row))
        ids[row[0]] = int(cur.lastrowid or 0)


def load_report(conn: sqlite3.Connection, data: dict[str, Any]) -> Loaded:
    """Write one (already validated) report object in one transaction, replacing an earlier load."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        loaded = _upsert_report(conn, data)
        _insert_sections(conn, loaded.report_id, data["sections"])
        for table, (columns, rows) in CHILD_TABLES.items():
            _insert(conn, table, ("report_id", *columns), ((loaded.report_id, *r) for r in rows(data)))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return loaded


def load(db_path: str | Path, objects: Iterable[Any], *, check: bool = True) -> list[int]:
    """Validate and load report objects (dicts, or ``Report`` objects) into ``db_path``.

    Returns the report ids in input order. Raises :class:`InvalidReport` at the first invalid
    object; the reports before it stay loaded.
    """
    conn = connect(db_path)
    try:
        ids = []
        for obj in objects:
            data = obj.to_dict() if hasattr(obj, "to_dict") else obj
            if check:
                validate(data)
            ids.append(load_report(conn, data).report_id)
        return ids
    finally:
        conn.close()
