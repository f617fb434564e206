"""``docparse load DB INPUT...``: docparse JSON, JSONL or folders of them into SQLite or PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from docparse.cli.common import fail

# Files in a folder that docparse batch writes but that hold no reports.
NOT_REPORTS = ("manifest.jsonl",)


def input_files(inputs: tuple[str, ...]) -> Iterator[Path]:
    """Named files as given; folders searched recursively for ``*.json`` and ``*.jsonl``."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in (".json", ".jsonl")
                and p.is_file()
                and p.name not in NOT_REPORTS
                and not p.name.endswith(".error.json")
            )
            yield from found
        elif path.exists():
            yield path
        else:
            fail(f"{name}: no such file or folder")


def objects(path: Path) -> Iterator[tuple[str, Any]]:
    """(``file:line``, object or the ``ValueError`` that made it unreadable) for each object in a file."""
    with path.open(encoding="utf-8-sig") as fh:
        if path.suffix != ".jsonl":
            try:
                yield f"{path}:1", json.load(fh)
            except ValueError as exc:
                yield f"{path}:{getattr(exc, 'lineno', 1)}", exc
            return
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield f"{path}:{lineno}", json.loads(line)
                except ValueError as exc:
                    yield f"{path}:{lineno}", exc


def _is_error_record(obj: Any) -> bool:
    return isinstance(obj, dict) and "error" in obj and "schema_version" not in obj


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    if isinstance(exc, sqlite3.Error):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, psycopg.Error)


@click.command()
@click.argument("db", required=False)
@click.argument("inputs", nargs=-1)
@click.option("--ddl", is_flag=True, help="Print the tables' DDL and exit.")
@click.option(
    "--dialect",
    type=click.Choice(["sqlite", "postgresql"]),
    default=None,
    help="The DDL of this database (default: DB's, else sqlite).",
)
def load(db: str | None, inputs: tuple[str, ...], ddl: bool, dialect: str | None) -> None:
    """Load docparse report JSON into the database DB: a SQLite path or sqlite:///PATH (created if
    missing), or a postgresql://user:password@host/dbname URL.

    INPUTS are report .json files, .jsonl files (one report a line, e.g. results.jsonl of
    ``docparse batch``) or folders searched recursively for both. Each object is validated against
    the schema; an invalid one is skipped with a line naming its file and line, and the command
    exits 1 at the end. A report already in DB (same source sha256 and path) is replaced.
    """
    from docparse.export.database import DatabaseError, InvalidReport, dialect_of, open_database, safe_url, validate
    from docparse.export.database import ddl as ddl_text

    if ddl:
        click.echo(ddl_text(dialect or (dialect_of(db) if db else "sqlite")), nl=False)
        return
    if db is None or not inputs:
        raise click.UsageError("give the database and at least one INPUT")

    files = list(input_files(inputs))
    if not files:
        fail(f"no .json or .jsonl files in {' '.join(inputs)}")
    shown = safe_url(db)
    try:
        database = open_database(db)
    except DatabaseError as exc:
        fail(f"{shown}: cannot open the database: {exc}")
    counts = {"new": 0, "replaced": 0, "invalid": 0, "errors": 0, "duplicates": 0}
    seen: set[tuple[Any, Any]] = set()
    try:
        for path in files:
            try:
                for where, obj in objects(path):
                    if _is_error_record(obj):
                        counts["errors"] += 1
                        continue
                    try:
                        if isinstance(obj, ValueError):
                            raise InvalidReport(
                                [f"not JSON: {getattr(obj, 'msg', obj)} (column {getattr(obj, 'colno', '?')})"]
                            )
                        validate(obj)
                    except InvalidReport as exc:
                        counts["invalid"] += 1
                        click.echo(f"docparse: {where}: invalid report: {exc}", err=True)
                        continue
                    key = (obj["source"].get("sha256"), obj["source"].get("path"))
                    if key in seen:
                        counts["duplicates"] += 1
                        continue
                    seen.add(key)
                    counts["replaced" if database.load_report(obj).replaced else "new"] += 1
            except (OSError, UnicodeError) as exc:
                counts["invalid"] += 1
                click.echo(f"docparse: {path}: cannot read: {exc}", err=True)
    except Exception as exc:  # the database's own error (sqlite3.Error, psycopg.Error): one line, exit 2
        if not _is_database_error(exc):
            raise
        fail(f"{shown}: {str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}")
    finally:
        database.close()
    click.echo(
        f"docparse: {counts['new'] + counts['replaced']} reports loaded into {shown} ({counts['new']} new, "
        f"{counts['replaced']} replaced); {counts['invalid']} invalid skipped, {counts['errors']} error records "
        f"and {counts['duplicates']} repeated reports ignored",
        err=True,
    )
    if counts["invalid"]:
        raise SystemExit(1)
