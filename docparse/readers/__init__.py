"""Readers turn one file format into a :class:`~docparse.model.Document`.

Each reader module registers itself for its suffixes with :func:`register`; :func:`read`
dispatches by suffix after the checks every format shares (exists, is a file, not empty).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from docparse.errors import (
    CorruptInput,
    DocparseError,
    EmptyInput,
    InputNotFound,
    InternalError,
    LimitExceeded,
    UnsupportedFormat,
)
from docparse.model import Document

Reader = Callable[[Path], Document]

_REGISTRY: dict[str, Reader] = {}
# suffix → module that registers it; imported on first use so start-up stays cheap.
_MODULES = {
    ".txt": "docparse.readers.text",
    ".docx": "docparse.readers.docx",
    ".pdf": "docparse.readers.pdf",
    ".doc": "docparse.readers.legacy",
    ".wps": "docparse.readers.legacy",
}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Decorator: make ``func`` the reader for the given suffixes (lower case, with dot)."""

    def deco(func: Reader) -> Reader:
        for suffix in suffixes:
            _REGISTRY[suffix.lower()] = func
        return func

    return deco


def supported_suffixes() -> list[str]:
    return sorted(_MODULES)


def reader_for(path: Path) -> Reader:
    suffix = path.suffix.lower()
    if suffix not in _REGISTRY:
        module = _MODULES.get(suffix)
        if module is None:
            raise UnsupportedFormat(
                path, f"unsupported file type '{suffix or '(none)'}' (expected {', '.join(supported_suffixes())})"
            )
        try:
            import_module(module)
        except ModuleNotFoundError as exc:
            raise UnsupportedFormat(path, f"no reader available for '{suffix}' ({exc})") from exc
    return _REGISTRY[suffix]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read(path: str | Path, password: str | None = None) -> Document:
    """Read any supported file into a Document (raises :class:`DocparseError` on bad input).

    ``password`` opens an encrypted PDF; other formats ignore it.
    """
    path = Path(path)
    if not path.exists():
        raise InputNotFound(path, "no such file")
    if path.is_dir():
        raise InputNotFound(path, "is a directory, not a file")
    reader = reader_for(path)
    size = path.stat().st_size
    if size == 0:
        raise EmptyInput(path, "file is empty (0 bytes)")
    from docparse.limits import check

    check(path, "file size in bytes", size, "file_bytes")
    try:
        document = reader(path, password=password) if password and path.suffix.lower() == ".pdf" else reader(path)
        from docparse.readers.guard import settle

        settle(document)
    except DocparseError as exc:
        raise exc.at(path) from exc.__cause__
    except MemoryError as exc:
        raise LimitExceeded(path, "reading the file needs more memory than is available") from exc
    except RecursionError as exc:
        raise CorruptInput(path, "cannot be read: its structure is nested too deeply") from exc
    except (OSError, UnicodeError):
        raise
    except Exception as exc:  # a reader failing in a way nothing foresaw: one line, traceback with --debug
        raise InternalError(path, f"cannot be read ({exc.__class__.__name__}: {exc}); if the file opens "
                                  "elsewhere this is a docparse bug (--debug shows the traceback)") from exc
    document.sha256 = document.sha256 or sha256_file(path)
    return document
