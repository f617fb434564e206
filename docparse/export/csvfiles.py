"""The sheets of :mod:`docparse.export.sheets` as CSV files, one per sheet, in a folder.

UTF-8 with a byte-order mark (so Excel and WPS show the Chinese), a header row, numbers as the
JSON's exact decimal strings, booleans as ``true``/``false``, nothing for null.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from docparse.export.atomic import write_text_atomic
from docparse.export.sheets import Sheet


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def write_csv_folder(folder: str | Path, sheets: list[Sheet]) -> list[Path]:
    """Write ``<folder>/<sheet>.csv`` for every sheet; returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in sheets:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(sheet.columns)
        writer.writerows([cell_text(v) for v in row] for row in sheet.rows)
        path = folder / f"{sheet.name}.csv"
        write_text_atomic(path, "\ufeff" + buf.getvalue())
        written.append(path)
    return written
