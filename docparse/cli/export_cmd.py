"""``docparse export IN... --to xlsx|csv|md -o OUT``: reports as a workbook, CSV tables or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from docparse.cli.common import fail, password_option
from docparse.export.atomic import unique_name


def _md_name(path: str, used: set[str]) -> str:
    return unique_name(Path(path).name or "report", ".md", used)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["xlsx", "csv", "md"]),
    required=True,
    help="xlsx: one workbook; csv: a folder of tables; md: the document as Markdown.",
)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=str),
    help="The .xlsx file; the folder for csv; the .md file (a folder when there are several reports).",
)
@password_option
def export(inputs: tuple[str, ...], fmt: str, out: str, password: str | None) -> None:
    """Export reports as an Excel workbook, CSV tables or Markdown.

    INPUTS are report files (parsed here), their JSON, JSONL or a batch output folder.

    xlsx and csv have the tables reports, facts, fund_items, indicators, checks, mentions,
    warnings and errors, money as numbers in yuan beside the exact decimal text.
    """
    from docparse.export.inputs import collect

    try:
        items = list(collect(inputs, documents=fmt == "md", password=password))
    except FileNotFoundError as exc:
        fail(f"{exc.args[0]}: no such file or folder")
    if not items:
        fail(f"no reports in {' '.join(inputs)}")
    reports = sum(1 for i in items if i.data is not None)
    try:
        if fmt == "md":
            _markdown(items, out)
        else:
            from docparse.export.sheets import build

            sheets = build(items)
            if fmt == "xlsx":
                from docparse.export.xlsx import write_xlsx

                write_xlsx(out, sheets)
            else:
                from docparse.export.csvfiles import write_csv_folder

                write_csv_folder(out, sheets)
    except OSError as exc:
        fail(f"{getattr(exc, 'filename', None) or out}: {exc.strerror or exc}")
    click.echo(f"docparse: {reports} reports and {len(items) - reports} error records written to {out}", err=True)


def _markdown(items: list, out: str) -> None:
    from docparse.export.atomic import write_text_atomic
    from docparse.export.markdown import to_markdown

    reports = [i for i in items if i.data is not None]
    for item in items:
        if item.error is not None:
            click.echo(f"docparse: {item.error['error']['message']}", err=True)
    if len(reports) == 1 and not Path(out).is_dir():
        write_text_atomic(out, to_markdown(reports[0].data, reports[0].document))
        return
    used: set[str] = set()
    for item in reports:
        write_text_atomic(Path(out) / _md_name(item.path, used), to_markdown(item.data, item.document))
