"""SQLite loading, kept under its earlier name: see :mod:`docparse.export.database` (SQLite and PostgreSQL).

>>> from docparse.export.sqlite import load
>>> load("reports.db", [docparse.parse("a.docx")])   # doctest: +SKIP
[1]
"""

from __future__ import annotations

from pathlib import Path

from docparse.export.database import Database, InvalidReport, Loaded, ddl, load, open_database, validate

__all__ = ["InvalidReport", "Loaded", "connect", "ddl", "load", "validate"]


def connect(db_path: str | Path) -> Database:
    """Open (creating the tables if need be) the SQLite database at ``db_path`` (a path or ``sqlite:///`` URL)."""
    return open_database(db_path)
