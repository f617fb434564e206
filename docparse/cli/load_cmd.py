"""``docparse load OUT.db INPUT...``: docparse JSON, JSONL or folders of them into SQLite."""

from __future__ import annotations

import json
import sqlite3
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
            found = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()
                           and p.name not in NOT_REPORTS and not p.name.endswith(".error.json"))
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


@click.command()
@click.argument("db", type=click.Path(dir_okay=False), required=False)
@click.argument("inputs", nargs=-1)
@click.option("--ddl", is_flag=True, help="Print the tables' DDL (SQLite and PostgreSQL) and exit.")
def load(db: str | None, inputs: tuple[str, ...], ddl: bool) -> None:
    """Load docparse report JSON into the SQLite database DB (created if missing).

    INPUTS are report .json files, .jsonl files (one report a line, e.g. results.jsonl of
    ``docparse batch``) or folders searched recursively for both. Each object is validated against
    the schema; an invalid one is skipped with a line naming its file and line, and the command
    exits 1 at the end. A report already in DB (same source sha256 and path) is replaced.
    """
    from docparse.export.sqlite import InvalidReport, connect, load_report, validate
    from docparse.export.sqlite import ddl as ddl_text

    if ddl:
        click.echo(ddl_text(), nl=False)
        return
    if db is None or not inputs:
        raise click.UsageError("give the database and at least one INPUT")

    files = list(input_files(inputs))
    if not files:
        fail(f"no .json or .jsonl files in {' '.join(inputs)}")
    try:
        conn = connect(db)
    except sqlite3.Error as exc:
        fail(f"{db}: cannot open the database: {exc}")
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
                            raise InvalidReport([f"not JSON: {getattr(obj, 'msg', obj)} "
                                                 f"(column {getattr(obj, 'colno', '?')})"])
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
                    counts["replaced" if load_report(conn, obj).replaced else "new"] += 1
            except (OSError, UnicodeError) as exc:
                counts["invalid"] += 1
                click.echo(f"docparse: {path}: cannot read: {exc}", err=True)
    except sqlite3.Error as exc:
        fail(f"{db}: {exc}")
    finally:
        conn.close()
    click.echo(
        f"docparse: {counts['new'] + counts['replaced']} reports loaded into {db} ({counts['new']} new, "
        f"{counts['replaced']} replaced); {counts['invalid']} invalid skipped, {counts['errors']} error records "
        f"and {counts['duplicates']} repeated reports ignored", err=True,
    )
    if counts["invalid"]:
        raise SystemExit(1)
