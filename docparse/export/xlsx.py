"""The sheets of :mod:`docparse.export.sheets` as an Excel workbook (openpyxl).

Money is a numeric cell in yuan with the format ``#,##0.00`` (the number is the JSON's exact
decimal written as it stands, so Excel, WPS and LibreOffice read the same amount), followed by
the exact decimal as text; other numbers are numeric cells, everything else text. The header row
is frozen and filtered. The file is written atomically.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from docparse.export.sheets import Money, Sheet

MONEY_FORMAT = "#,##0.00"
WIDTHS = {"file": 36, "message": 60, "message_en": 60, "evidence": 80, "title": 40, "name": 30, "unit": 24}


def write_xlsx(path: str | Path, sheets: list[Sheet]) -> None:
    """Write ``sheets`` (one worksheet each, in order) to ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        ws.append(list(sheet.columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        money_cols = sheet.money_columns
        for row in sheet.rows:
            ws.append(list(row))
            if money_cols:
                for i in money_cols:
                    cell = ws.cell(row=ws.max_row, column=i + 1)
                    if isinstance(row[i], Money):
                        cell.number_format = MONEY_FORMAT
        for i, name in enumerate(sheet.columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 14)
        ws.freeze_panes = "A2"
        if sheet.rows:
            ws.auto_filter.ref = ws.dimensions
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        book.save(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
