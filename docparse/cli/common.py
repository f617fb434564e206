"""What every sub-command shares: one-line errors with exit code 2, never a traceback."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

from docparse.errors import DocparseError

EXIT_BAD_INPUT = 2

# the password of encrypted PDFs among a command's inputs (one for all of them)
password_option = click.option(
    "--password",
    envvar="DOCPARSE_PDF_PASSWORD",
    default=None,
    help="Password of encrypted PDFs among the inputs (or set DOCPARSE_PDF_PASSWORD).",
)


def fail(message: str) -> NoReturn:
    click.echo(f"docparse: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def debug_enabled() -> bool:
    """``docparse --debug`` (or ``DOCPARSE_DEBUG=1``): show tracebacks instead of one-line errors."""
    return os.environ.get("DOCPARSE_DEBUG", "") not in ("", "0")


def one_line(text: str, most: int = 300) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"


@contextmanager
def user_errors(path: str | None = None) -> Iterator[None]:
    """Turn docparse's input errors (and OS errors on ``path``) into one stderr line and exit 2;
    anything unexpected too (with the traceback under ``--debug``): a bad file never prints one."""
    try:
        yield
    except DocparseError as exc:
        if debug_enabled():
            traceback.print_exc()
        fail(one_line(exc.line()))
    except (OSError, UnicodeError) as exc:
        where = f"{path}: " if path else ""
        fail(f"{where}{exc.__class__.__name__}: {one_line(str(exc))}")
    except Exception as exc:
        if debug_enabled():
            raise
        where = f"{path}: " if path else ""
        fail(f"{where}internal error ({exc.__class__.__name__}: {one_line(str(exc))}); "
             "docparse --debug shows the traceback")


def guarded(path: str, func: Callable[[], object]) -> object:
    with user_errors(path):
        return func()
