"""Errors docparse raises on purpose, each with a stable code and the file it concerns.

The CLI prints ``docparse: FILE: message`` on one line and exits with code 2 for these;
anything else is a bug.
"""

from __future__ import annotations

from pathlib import Path


class DocparseError(Exception):
    """Base class: an input docparse cannot handle, explained in one line."""

    code = "E000"

    def __init__(self, path: str | Path | None, cause: str) -> None:
        self.path = str(path) if path is not None else None
        self.cause = " ".join(str(cause).split()) if "\n" in str(cause) else cause  # always one line
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.cause}"

    def at(self, path: str | Path) -> DocparseError:
        """This error, naming ``path`` when it was raised without a file (deep inside a reader)."""
        if self.path is None:
            self.path = str(path)
            self.args = (self.line(),)
        return self


class InputNotFound(DocparseError):
    code = "E001"


class UnsupportedFormat(DocparseError):
    code = "E002"


class EmptyInput(DocparseError):
    code = "E003"


class UndecodableInput(DocparseError):
    code = "E004"


class CorruptInput(DocparseError):
    code = "E005"


class EncryptedInput(DocparseError):
    code = "E006"


class MissingProgram(DocparseError):
    code = "E007"


class ConversionTimeout(DocparseError):
    code = "E008"


class RuleFileError(DocparseError):
    """A rule file in ``rules/`` is missing or malformed (names file and line)."""

    code = "E010"


class LimitExceeded(DocparseError):
    """A size or count in the input is beyond a limit of ``rules/limits.yaml`` (names the limit)."""

    code = "E011"


class UnsafeInput(DocparseError):
    """The input holds something docparse refuses to process (a DOCTYPE or entity declaration in XML)."""

    code = "E012"


class InternalError(DocparseError):
    """An unexpected failure while reading or analysing a file (a bug, or a file nothing foresaw)."""

    code = "E099"
