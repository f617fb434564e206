"""The batch manifest: ``OUT/manifest.jsonl``, one line per finished document, appended and fsynced.

A line is written only after the document's output file is in place, so the manifest never claims
more than exists. A run killed mid-write leaves at most one torn last line, which loading skips.
Records are keyed by the file (its path relative to the inputs' base) and by content (sha256 and
docparse version), so renamed or duplicated files are recognised.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from typing import IO, Any

from docparse.batch.records import ERROR

MANIFEST_NAME = "manifest.jsonl"


class Manifest:
    def __init__(self, path: str | Path, fresh: bool = False) -> None:
        self.path = Path(path)
        self.by_file: dict[str, dict[str, Any]] = {}
        self.by_content: dict[tuple[str, str], dict[str, Any]] = {}
        if fresh:
            self.path.unlink(missing_ok=True)
        else:
            self._load()
        self._fh: IO[str] | None = None

    def _load(self) -> None:
        if not self.path.is_file():
            return
        with self.path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a torn line from an interrupted run
                if isinstance(record, dict) and "file" in record:
                    self._index(record)

    def _index(self, record: dict[str, Any]) -> None:
        self.by_file[record["file"]] = record
        if record.get("sha256"):
            suffix = PurePosixPath(record.get("file", "")).suffix.lower()
            key = (f"{record['sha256']}{suffix}", record.get("version", ""))  # see run.content_key
            previous = self.by_content.get(key)
            if previous is None or previous.get("status") == ERROR or record.get("status") != ERROR:
                self.by_content[key] = record

    def append(self, record: dict[str, Any]) -> None:
        """Add a record durably (flushed and fsynced before returning)."""
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            torn = self.path.is_file() and self.path.stat().st_size > 0 and not self._ends_with_newline()
            self._fh = self.path.open("a", encoding="utf-8")
            if torn:
                self._fh.write("\n")
        self._fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._index(record)

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
