"""``docparse check FILE...``: the cross-checks of each report as a readable table.

Colour on a terminal, plain text when piped. Exit code 0 when every check passes or is unknown,
1 when any check fails, 2 when a file cannot be read (one line on standard error per such file).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from docparse.cli.common import EXIT_BAD_INPUT, debug_enabled, one_line
from docparse.errors import DocparseError

EXIT_FAILED = 1
STYLES = {"pass": "green", "fail": "bold red", "unknown": "yellow"}


def _read(path: str, unread: list[str]) -> list[dict[str, Any]] | None:
    """The check results of one file, or ``None`` (after one stderr line) when it cannot be read.
    A page it could not read (a scan without OCR, or one OCR found nothing on) gets a stderr line
    and ``path`` goes into ``unread``."""
    import docparse
    from docparse.ocr.confidence import unread_pages

    try:
        report = docparse.parse(path)
        for page, why in unread_pages(report.warnings):
            click.echo(f"docparse: {path}: page {page} could not be read: {why}", err=True)
            unread.append(path)
        return [c.to_dict() for c in report.checks]
    except DocparseError as exc:
        click.echo(f"docparse: {exc.line()}", err=True)
    except (OSError, UnicodeError) as exc:
        click.echo(f"docparse: {path}: {exc.__class__.__name__}: {one_line(str(exc))}", err=True)
    except Exception as exc:
        if debug_enabled():
            raise
        click.echo(f"docparse: {path}: internal error ({exc.__class__.__name__}: {one_line(str(exc))}); "
                   "docparse --debug shows the traceback", err=True)
    return None


def _where(prov: dict[str, Any] | None) -> str:
    if not prov:
        return ""
    keys = ("page", "paragraph", "table", "row", "col", "line", "block")
    return " ".join(f"{k}={prov[k]}" for k in keys if k in prov)


def _table(path: str, results: list[dict[str, Any]], english: bool, evidence: bool) -> Any:
    from rich.table import Table

    counts = {s: sum(1 for r in results if r["status"] == s) for s in ("pass", "fail", "unknown")}
    title = f"{path} — {counts['pass']} pass, {counts['fail']} fail, {counts['unknown']} unknown"
    table = Table(title=title, title_justify="left", show_lines=evidence, expand=False)
    table.add_column("status", no_wrap=True)
    table.add_column("check", no_wrap=True)
    table.add_column("message", overflow="fold")
    table.add_column("expected", overflow="fold")
    table.add_column("found", overflow="fold")
    for r in results:
        message = (r.get("message_en") if english else r.get("message")) or r.get("message") or ""
        if r.get("note"):
            message += f"\n({r['note']})"
        if evidence:
            message += "".join(
                f"\n  · {e.get('role')}: {e.get('value')}  「{e.get('text') or ''}」 {_where(e.get('provenance'))}"
                for e in r.get("evidence", []))
        status = r["status"]
        table.add_row(f"[{STYLES[status]}]{status}[/]", r["id"], message, r.get("expected") or "",
                      r.get("found") or "")
    return table


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line per file instead of a table.")
@click.option("--en", "english", is_flag=True, help="Messages in English.")
@click.option("-e", "--evidence", is_flag=True, help="List the figures behind each result.")
def check(files: tuple[str, ...], as_json: bool, english: bool, evidence: bool) -> None:
    """Cross-check the figures of each FILE; exit 1 when any check fails, 2 when a file is unreadable."""
    from rich.console import Console

    console = Console(width=None if sys.stdout.isatty() else 160, highlight=False)
    unreadable = failed = False
    unread_files: list[str] = []
    tally = {"pass": 0, "fail": 0, "unknown": 0, "files": 0, "unreadable": 0}
    for path in files:
        results = _read(path, unread_files)
        if results is None:
            unreadable = True
            tally["unreadable"] += 1
            continue
        failed = failed or any(r["status"] == "fail" for r in results)
        tally["files"] += 1
        for r in results:
            tally[r["status"]] += 1
        if as_json:
            click.echo(json.dumps({"path": path, "checks": results}, ensure_ascii=False))
        elif results:
            console.print(_table(path, results, english, evidence))
        else:
            console.print(f"{path} — no figures to check")
    if len(files) > 1 and not as_json:
        plural = "" if tally["files"] == 1 else "s"
        console.print(f"{tally['files']} file{plural} checked: {tally['pass']} pass, {tally['fail']} fail, "
                      f"{tally['unknown']} unknown; {tally['unreadable']} unreadable")
    if unreadable or unread_files:
        sys.exit(EXIT_BAD_INPUT)
    if failed:
        sys.exit(EXIT_FAILED)
