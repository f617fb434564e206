"""What every sub-command shares: one-line errors with exit code 2, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

from docparse.errors import DocparseError

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    click.echo(f"docparse: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def user_errors(path: str | None = None) -> Iterator[None]:
    """Turn docparse's input errors (and OS errors on ``path``) into one stderr line and exit 2."""
    try:
        yield
    except DocparseError as exc:
        fail(exc.line())
    except (OSError, UnicodeError) as exc:
        where = f"{path}: " if path else ""
        fail(f"{where}{exc.__class__.__name__}: {exc}")


def guarded(path: str, func: Callable[[], object]) -> object:
    with user_errors(path):
        return func()
