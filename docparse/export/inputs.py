"""What ``export`` and ``review`` read: reports (parsed here), their JSON, JSONL, batch output folders.

Every input becomes :class:`Item`\\ s: a report JSON object or a batch error record, with the
document's blocks where they can be had (the report was parsed here, or the JSON's source file is
still where it was and has the same SHA-256), since the text itself is not part of the JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docparse.model import Document

DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf", ".doc", ".wps")
# files in a batch output folder that hold no per-document result
NOT_RESULTS = ("manifest.jsonl", "results.jsonl")


@dataclass(slots=True)
class Item:
    """One report (``data``) or one error record (``error``), named by where it came from."""

    name: str
    data: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    document: Document | None = None

    @property
    def path(self) -> str:
        record = self.data or self.error or {}
        return (record.get("source") or {}).get("path") or self.name


def is_error_record(obj: Any) -> bool:
    return isinstance(obj, dict) and "error" in obj and "schema_version" not in obj


def _from_object(name: str, obj: Any) -> Item:
    if is_error_record(obj):
        return Item(name, error=obj)
    if not isinstance(obj, dict) or "schema_version" not in obj:
        return Item(name, error=_error(name, "E003", "InvalidInput", "not a docparse report or error record"))
    return Item(name, data=obj)


def _error(path: str, code: str, kind: str, cause: str) -> dict[str, Any]:
    from docparse.batch.records import error_record

    return error_record(path, None, code, kind, cause)


def _json_items(path: Path) -> Iterator[Item]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError) as exc:
        yield Item(str(path), error=_error(str(path), "E003", "InvalidInput", f"cannot read: {exc}"))
        return
    lines = text.splitlines() if path.suffix == ".jsonl" else [text]
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        name = f"{path}:{lineno}" if path.suffix == ".jsonl" else str(path)
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Item(name, error=_error(name, "E003", "InvalidInput", f"not JSON: {exc}"))
            continue
        yield _from_object(name, obj)


def parse_item(path: Path, password: str | None = None) -> Item:
    """Parse a report file here (``docparse.parse`` in its two steps, to keep the document); a file
    docparse cannot read gives an error record."""
    from docparse.errors import DocparseError
    from docparse.pipeline import analyse
    from docparse.readers import read

    try:
        document = read(path, password=password)
        return Item(str(path), data=analyse(document).to_dict(), document=document)
    except DocparseError as exc:
        return Item(str(path), error=_error(str(path), exc.code, type(exc).__name__, exc.cause))


def source_document(data: dict[str, Any]) -> Document | None:
    """The blocks of a report JSON's source file, when it is still there unchanged; else None."""
    from docparse.errors import DocparseError
    from docparse.readers import read, sha256_file

    source = data.get("source") or {}
    path = source.get("path")
    if not path or not Path(path).is_file():
        return None
    try:
        if source.get("sha256") and sha256_file(Path(path)) != source["sha256"]:
            return None
        return read(path)
    except (DocparseError, OSError):
        return None


def _folder(path: Path) -> list[Path]:
    results = sorted(p for p in path.rglob("*.json") if p.is_file())
    if results:
        return results
    jsonl = sorted(p for p in path.rglob("*.jsonl") if p.is_file() and p.name not in NOT_RESULTS)
    if jsonl:
        return jsonl
    if (path / "results.jsonl").is_file():
        return [path / "results.jsonl"]
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def collect(
    inputs: list[str] | tuple[str, ...], *, documents: bool = False, password: str | None = None
) -> Iterator[Item]:
    """The items of ``inputs`` in order (folders sorted); with ``documents``, JSON items get the blocks
    of their source file where it is still there. A missing input raises ``FileNotFoundError``."""
    for name in inputs:
        path = Path(name)
        if not path.exists():
            raise FileNotFoundError(name)
        files = _folder(path) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in (".json", ".jsonl"):
                for item in _json_items(file):
                    if documents and item.data is not None:
                        item.document = source_document(item.data)
                    yield item
            else:
                yield parse_item(file, password)
