"""``docparse parse FILE [-o OUT]``: one report to JSON (the spec's contract)."""

from __future__ import annotations

import click

from docparse.cli.common import user_errors


@click.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=str),
              help="Write the JSON here (atomically) instead of standard output.")
@click.option("--password", envvar="DOCPARSE_PDF_PASSWORD", default=None,
              help="Password of an encrypted PDF (or set DOCPARSE_PDF_PASSWORD).")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), envvar="DOCPARSE_OCR", default="auto",
              show_default=True, help="OCR scanned PDF pages: auto (pages without a usable text layer), always, never.")
def parse(file: str, out: str | None, password: str | None, ocr: str) -> None:
    """Parse FILE (.docx, .pdf, .doc, .wps, .txt) and print its JSON."""
    import sys

    import docparse
    from docparse.ocr import set_ocr_mode

    set_ocr_mode(ocr, progress=True if sys.stderr.isatty() else None)  # a line per OCR'd page
    from docparse.export.json import dumps, write_json

    with user_errors(file):
        data = docparse.parse(file, password=password).to_dict()
    if out:
        with user_errors(out):
            write_json(out, data)
    else:
        click.echo(dumps(data), nl=False)
