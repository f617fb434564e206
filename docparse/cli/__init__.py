"""The ``docparse`` command line. Each sub-command lives in its own module of this package."""

from __future__ import annotations

import os
from importlib import import_module

import click

from docparse.__about__ import __version__

# sub-command name → "module:attribute"; imported lazily so ``docparse --help`` stays fast.
COMMANDS = {
    "check": "docparse.cli.check_cmd:check",
    "parse": "docparse.cli.parse_cmd:parse",
    "schema": "docparse.cli.schema_cmd:schema",
    "validate": "docparse.cli.schema_cmd:validate",
    "batch": "docparse.cli.batch_cmd:batch",
    "load": "docparse.cli.load_cmd:load",
    "export": "docparse.cli.export_cmd:export",
    "review": "docparse.cli.review_cmd:review",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docparse")
@click.option("--debug", is_flag=True, help="Show the traceback of an error instead of its one line.")
def main(debug: bool = False) -> None:
    """Turn Chinese public-finance performance reports (Word, PDF, text) into checked JSON."""
    if debug:
        os.environ["DOCPARSE_DEBUG"] = "1"  # read by docparse.cli.common
