"""``docparse parse FILE... [-o OUT] [--to json|jsonl|md]``: reports to JSON (the spec's contract), JSONL or Markdown.

``-`` reads a document from standard input (its format told by its first bytes). One file: its
JSON (or Markdown) on standard output or in ``-o OUT``. Several: ``--to json`` prints a JSON array,
``--to jsonl`` one line per file (an unreadable file's line is its error record, as in a batch),
``--to md`` the documents one after another; with ``-o`` a folder gets one file per input
(``-o`` a file for ``jsonl``). An unreadable file is one line on standard error; the others are
still parsed and the exit code is 2 at the end.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from docparse.cli.common import EXIT_BAD_INPUT, fail, user_errors

SUFFIX = {"json": ".json", "jsonl": ".jsonl", "md": ".md"}


def _one(file: str, password: str | None, pages: str | None, markdown: bool) -> tuple[dict[str, Any], Any]:
    """(report JSON, document or None) of one input; raises DocparseError/OSError for a bad one."""
    import docparse

    source: Any = sys.stdin.buffer if file == "-" else file
    name = None if file == "-" else file
    document = docparse.read_source(source, password=password, name=name)
    if pages is not None:
        from docparse.source import page_set, select_pages

        document = select_pages(document, page_set(pages))
    from docparse.pipeline import analyse

    return analyse(document).to_dict(), (document if markdown else None)


def _render(fmt: str, data: dict[str, Any], document: Any) -> str:
    if fmt == "md":
        from docparse.export.markdown import to_markdown

        return to_markdown(data, document)
    if fmt == "jsonl":
        from docparse.export.jsonl import dumps_line

        return dumps_line(data)
    from docparse.export.json import dumps

    return dumps(data)


def _error_record(file: str, exc: BaseException) -> dict[str, Any]:
    from docparse.batch.records import error_record
    from docparse.errors import DocparseError

    if isinstance(exc, DocparseError):
        return error_record(file, None, exc.code, type(exc).__name__, exc.cause)
    return error_record(file, None, "E003", type(exc).__name__, str(exc))


def _say(verbose: int, file: str, data: dict[str, Any], seconds: float) -> None:
    if verbose <= 0:
        return
    statuses = [c["status"] for c in data["checks"]]
    meta = data["report"]
    click.echo(
        f"docparse: {file}: {meta['type']} {meta.get('fiscal_year') or ''} {meta.get('unit') or ''}; "
        f"{len(data['mentions'])} figures, {sum(1 for f in data['facts'].values() if f)} facts, checks "
        f"{statuses.count('pass')} pass {statuses.count('fail')} fail {statuses.count('unknown')} unknown, "
        f"{len(data['warnings'])} warnings ({seconds:.2f} s)",
        err=True,
    )
    if verbose > 1:
        for w in data["warnings"]:
            click.echo(f"docparse: {file}: warning {w['code']}: {w['message']}", err=True)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=str),
    help="Write here (atomically) instead of standard output; a folder when there are several files.",
)
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["json", "jsonl", "md"]),
    default="json",
    show_default=True,
    help="json: the report JSON; jsonl: one compact line per file; md: the document as Markdown.",
)
@click.option("--pages", default=None, metavar="RANGES", help="Only these pages of a PDF, e.g. 1-3,7.")
@click.option(
    "--password",
    envvar="DOCPARSE_PDF_PASSWORD",
    default=None,
    help="Password of an encrypted PDF (or set DOCPARSE_PDF_PASSWORD).",
)
@click.option(
    "--ocr",
    type=click.Choice(["auto", "always", "never"]),
    envvar="DOCPARSE_OCR",
    default="auto",
    show_default=True,
    help="OCR scanned PDF pages: auto (pages without a usable text layer), always, never.",
)
@click.option("-v", "--verbose", count=True, help="A summary line per file on standard error (-vv: its warnings too).")
@click.option("-q", "--quiet", is_flag=True, help="Nothing on standard error but errors (no OCR progress).")
def parse(
    files: tuple[str, ...],
    out: str | None,
    fmt: str,
    pages: str | None,
    password: str | None,
    ocr: str,
    verbose: int,
    quiet: bool,
) -> None:
    """Parse reports (.docx, .pdf, .doc, .wps, .txt; - for standard input) and print their JSON."""
    from docparse.ocr import set_ocr_mode

    if pages is not None:
        from docparse.source import page_set

        try:
            page_set(pages)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--pages") from None
    if files.count("-") > 1:
        raise click.UsageError("standard input (-) can be read only once")
    verbose = 0 if quiet else verbose
    progress = None if quiet else (True if sys.stderr.isatty() else None)
    set_ocr_mode(ocr, progress=progress)  # a line per OCR'd page on a terminal
    several = len(files) > 1
    if several and out and fmt != "jsonl":
        Path(out).mkdir(parents=True, exist_ok=True)
    results: list[str] = []
    bad = False
    for file in files:
        started = time.perf_counter()
        try:
            data, document = _one(file, password, pages, fmt == "md")
        except Exception as exc:  # reported below, as one line; the other files are still parsed
            if fmt == "jsonl":
                results.append(_render("jsonl", _error_record(file, exc), None))
            try:
                with user_errors(file):
                    raise exc from None
            except SystemExit:
                if not several:
                    raise
                bad = True
            continue
        _say(verbose, file, data, time.perf_counter() - started)
        text = _render(fmt, data, document)
        if several and out and fmt != "jsonl":
            name = "stdin" if file == "-" else Path(file).name
            with user_errors(out):
                _write(Path(out) / f"{name}{SUFFIX[fmt]}", text)
        else:
            results.append(text)
    if results:
        body = _join(fmt, results, several)
        if out and not (several and fmt != "jsonl"):
            with user_errors(out):
                _write(Path(out), body)
        else:
            click.echo(body, nl=False)
    if bad:
        sys.exit(EXIT_BAD_INPUT)


def _join(fmt: str, results: list[str], several: bool) -> str:
    if not several or fmt == "jsonl":
        return "".join(results)
    if fmt == "json":
        return "[\n" + ",\n".join(r.rstrip("\n") for r in results) + "\n]\n"
    return "\n---\n\n".join(results)


def _write(path: Path, text: str) -> None:
    from docparse.export.atomic import write_text_atomic

    if path.is_dir():
        fail(f"{path}: is a folder; give a file for -o")
    write_text_atomic(path, text)
