"""Review pages: one self-contained HTML page per report, with its figures marked in the text, and
an index page for several reports (``docparse review``).

>>> from docparse.export.inputs import collect
>>> from docparse.review import write_review
>>> write_review(list(collect(["out/"], documents=True)), "review/")   # doctest: +SKIP
"""

from __future__ import annotations

import re
from pathlib import Path

from docparse.export.atomic import unique_name, write_text_atomic
from docparse.export.inputs import Item
from docparse.review.index import error_row, index_page, report_row
from docparse.review.page import report_page

__all__ = ["report_page", "write_review"]


def _page_name(path: str, used: set[str]) -> str:
    stem = re.sub(r"[^\w.\-]+", "_", path.strip("/")).strip("_")[-120:] or "report"
    return unique_name(stem, ".html", used)


def write_review(items: list[Item], out: str | Path) -> list[Path]:
    """Write the review pages of ``items``: for one report and an ``.html`` target, that page alone;
    otherwise ``out/index.html`` and ``out/reports/<name>.html``. Returns the files written."""
    out = Path(out)
    reports = [i for i in items if i.data is not None]
    if len(items) == 1 and reports and out.suffix.lower() in (".html", ".htm"):
        write_text_atomic(out, report_page(reports[0].data, reports[0].document))
        return [out]
    written, rows, used = [], [], set()
    for item in items:
        if item.data is None:
            assert item.error is not None
            rows.append(error_row(item.path, item.error))
            continue
        name = _page_name(item.path, used)
        page = out / "reports" / name
        write_text_atomic(page, report_page(item.data, item.document, index_href="../index.html"))
        written.append(page)
        rows.append(report_row(item.path, item.data, f"reports/{name}"))
    write_text_atomic(out / "index.html", index_page(rows))
    return [out / "index.html", *written]
