"""``docparse schema`` prints the JSON Schema; ``docparse validate OUT.json`` checks a result."""

from __future__ import annotations

import json

import click

from docparse.cli.common import fail, user_errors


@click.command()
@click.option("--error-record", is_flag=True, help="The schema of a batch error record instead of a report's.")
def schema(error_record: bool) -> None:
    """Print the JSON Schema (2020-12) of docparse's output."""
    from docparse.export.json import dumps, error_schema
    from docparse.export.json import schema as load_schema

    click.echo(dumps(error_schema() if error_record else load_schema()), nl=False)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
def validate(files: tuple[str, ...]) -> None:
    """Validate docparse JSON files (or JSONL, one object a line) against the schema: reports against
    the report schema, batch error records (an "error" key) against theirs."""
    from docparse.export.json import record_errors

    bad = 0
    for name in files:
        with user_errors(name):
            with open(name, encoding="utf-8") as fh:
                text = fh.read()
            try:
                objects = (
                    [json.loads(line) for line in text.splitlines() if line.strip()]
                    if name.endswith(".jsonl")
                    else [json.loads(text)]
                )
            except json.JSONDecodeError as exc:
                fail(f"{name}: not JSON (line {exc.lineno}: {exc.msg})")
        for i, obj in enumerate(objects):
            for err in record_errors(obj):
                bad += 1
                where = f"{name}#{i + 1}" if len(objects) > 1 else name
                click.echo(f"{where}: {err}", err=True)
    if bad:
        raise SystemExit(1)
    click.echo(f"{len(files)} file(s) valid")
