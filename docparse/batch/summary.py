"""End-of-run outputs built from the per-document files: the JSONL of all results and summary.csv.

Both list the current inputs in the order of their relative paths, so they are complete and
identical however the run was interrupted and resumed. ``summary.csv`` starts with a UTF-8 BOM so
spreadsheet programs read its Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docparse.batch.inputs import InputFile
from docparse.batch.manifest import Manifest
from docparse.batch.records import SUMMARY_FIELDS, exists
from docparse.export.atomic import write_text_atomic
from docparse.export.jsonl import write_jsonl


def finished(files: list[InputFile], manifest: Manifest) -> list[tuple[InputFile, dict[str, Any]]]:
    """The inputs that have a current manifest record (same content), with that record."""
    out = []
    for f in files:
        record = manifest.by_file.get(f.rel)
        if record is not None and record.get("sha256") == f.sha256:
            out.append((f, record))
    return out


def _results(out_dir: Path, done: list[tuple[InputFile, dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    for _f, record in done:
        path = out_dir / record["output"]
        if exists(path):
            yield json.loads(path.read_text(encoding="utf-8"))


def write_all_jsonl(path: str | Path, out_dir: str | Path, done: list[tuple[InputFile, dict[str, Any]]]) -> int:
    return write_jsonl(path, _results(Path(out_dir), done))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(map(str, value))
    return str(value)


def write_summary(path: str | Path, done: list[tuple[InputFile, dict[str, Any]]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SUMMARY_FIELDS)
    for f, record in done:
        row = {**record, "file": f.path}
        writer.writerow([_cell(row.get(name)) for name in SUMMARY_FIELDS])
    write_text_atomic(path, "\ufeff" + buffer.getvalue())
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)
