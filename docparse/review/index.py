"""The index page of a batch review: one row per report (and per unreadable file), sortable and
filterable, linking to each report's page."""

from __future__ import annotations

from html import escape
from typing import Any

from docparse.review.page import asset, counts, e, facts_of, status

COLUMNS = (
    ("file", "text"),
    ("type", "text"),
    ("year", "number"),
    ("unit", "text"),
    ("facts", "number"),
    ("pass", "number"),
    ("fail", "number"),
    ("unknown", "number"),
    ("warnings", "number"),
    ("status", "text"),
)


def report_row(path: str, data: dict[str, Any], href: str) -> str:
    meta, n = data["report"], counts(data)
    st = status(data)
    cells = [
        f'<td data-sort="{e(path)}"><a href="{escape(href)}">{e(path)}</a></td>',
        f"<td>{e(meta.get('type'))}</td>",
        f"<td>{e(meta.get('fiscal_year'))}</td>",
        f"<td>{e(meta.get('unit'))}</td>",
        f'<td class="num">{len(facts_of(data))}</td>',
        f'<td class="num">{n["pass"]}</td>',
        f'<td class="num">{n["fail"]}</td>',
        f'<td class="num">{n["unknown"]}</td>',
        f'<td class="num">{len(data["warnings"])}</td>',
        f'<td class="status">{st}</td>',
    ]
    return f'<tr class="s-{st}" data-status="{st}">{"".join(cells)}</tr>'


def error_row(path: str, record: dict[str, Any]) -> str:
    cause = record["error"].get("cause") or record["error"].get("message")
    # as many cells as a report's row, so that sorting and filtering read every row alike
    cells = [
        f'<td data-sort="{e(path)}">{e(path)}</td>',
        "<td></td><td></td>",
        f'<td class="cause">{e(cause)}</td>',
        '<td class="num"></td>' * 5,
        '<td class="status">error</td>',
    ]
    return f'<tr class="s-error" data-status="error">{"".join(cells)}</tr>'


def index_page(rows: list[str], title: str = "docparse review") -> str:
    head = "".join(f'<th data-type="{kind}" scope="col">{name}</th>' for name, kind in COLUMNS)
    options = "".join(f'<option value="{s}">{s}</option>' for s in ("ok", "warn", "error"))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>{asset("review.css")}</style></head>
<body class="index">
<h1>{e(title)}</h1>
<div class="filters"><input id="filter" type="search" placeholder="filter: file, unit, type, check…" autofocus>
<select id="status"><option value="">any status</option>{options}</select>
<span class="count"><span id="shown">{len(rows)}</span> of {len(rows)} shown</span></div>
<table class="reports"><thead><tr>{head}</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table>
<script>{asset("index.js")}</script>
</body></html>
"""
