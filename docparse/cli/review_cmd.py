"""``docparse review IN... -o OUT``: a self-contained HTML page per report, and an index for several."""

from __future__ import annotations

import click

from docparse.cli.common import fail, password_option


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=str),
    help="The .html file for one report; the folder (index.html and one page per report) for several.",
)
@password_option
def review(inputs: tuple[str, ...], out: str, password: str | None) -> None:
    """Write HTML review pages: each report's text with its figures and checks, and an index.

    INPUTS are report files (parsed here), their JSON, JSONL or a batch output folder.
    """
    from docparse.export.inputs import collect
    from docparse.review import write_review

    try:
        items = list(collect(inputs, documents=True, password=password))
    except FileNotFoundError as exc:
        fail(f"{exc.args[0]}: no such file or folder")
    if not items:
        fail(f"no reports in {' '.join(inputs)}")
    try:
        written = write_review(items, out)
    except OSError as exc:
        fail(f"{getattr(exc, 'filename', None) or out}: {exc.strerror or exc}")
    click.echo(f"docparse: {len(written)} pages written to {out}", err=True)
