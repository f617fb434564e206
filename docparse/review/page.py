"""One report's review page: the text with its figures marked, the outline, facts, indicators,
checks (failing first, evidence linked to the marks) and warnings — one self-contained HTML file.

The style sheet and script ship in ``docparse/review/static`` and are inlined; the page loads
nothing from anywhere.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from docparse.model import Document
from docparse.review.text import Marker, document_html, span_key, where

STATUS_ORDER = {"fail": 0, "unknown": 1, "pass": 2}
MONEY_FACTS = ("budget", "adjusted_budget", "arrived", "spent")
FACT_LABELS = {
    "budget": "预算 budget",
    "adjusted_budget": "调整后预算 adjusted budget",
    "arrived": "到位 arrived",
    "spent": "支出 spent",
    "arrival_rate": "到位率 arrival rate",
    "execution_rate": "执行率 execution rate",
    "score": "得分 score",
    "grade": "等级 grade",
    "evaluation_score": "评价得分 evaluation score",
    "evaluation_grade": "评价等级 evaluation grade",
}


@cache
def asset(name: str) -> str:
    """A file of ``docparse/review/static`` as text."""
    return files("docparse.review").joinpath("static", name).read_text(encoding="utf-8")


def e(value: Any) -> str:
    return "" if value is None else escape(str(value))


def facts_of(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = [(k, f) for k, f in data["facts"].items() if f]
    return out + [(f"evaluation_{k}", f) for k, f in data["evaluation"].items() if f]


def roles_of(data: dict[str, Any]) -> dict[tuple[Any, Any, Any], set[str]]:
    """The roles each figure plays, by its span: the facts it states, the items it is, its part in checks."""
    roles: dict[tuple[Any, Any, Any], set[str]] = defaultdict(set)
    for name, fact in facts_of(data):
        for prov in [fact.get("provenance"), *fact.get("also_stated_at", [])]:
            key = span_key(prov)
            if key:
                roles[key].add(name)
    for item in data["funds"]["items"]:
        key = span_key(item.get("provenance"))
        if key:
            roles[key].add("item")
    for check in data["checks"]:
        for ev in check.get("evidence", []):
            key = span_key(ev.get("provenance"))
            if key and ev.get("role"):
                roles[key].add(str(ev["role"]))
    return roles


def mention_ids(data: dict[str, Any]) -> dict[tuple[Any, Any, Any], int]:
    """The mention index of each span (the first mention there)."""
    out: dict[tuple[Any, Any, Any], int] = {}
    for i, m in enumerate(data["mentions"]):
        key = span_key(m.get("provenance"))
        if key is not None:
            out.setdefault(key, i)
    return out


def _link(ids: dict[tuple[Any, Any, Any], int], prov: dict[str, Any] | None, text: str) -> str:
    i = ids.get(span_key(prov))  # type: ignore[arg-type]
    return f'<a href="#m{i}" class="to" data-marks="m{i}">{e(text)}</a>' if i is not None else e(text)


def outline_html(sections: list[dict[str, Any]]) -> str:
    if not sections:
        return ""
    items = []
    for s in sections:
        target = f"#b{s['block']}" if s.get("block") is not None else "#"
        canonical = f' <span class="canon">{e(s.get("canonical"))}</span>' if s.get("canonical") else ""
        items.append(
            f'<li><a href="{target}">{e(s["heading"])}</a>{canonical}{outline_html(s.get("children", []))}</li>'
        )
    return f"<ul>{''.join(items)}</ul>"


def facts_html(data: dict[str, Any], ids: dict[tuple[Any, Any, Any], int]) -> str:
    rows = []
    for name, fact in facts_of(data):
        basis = fact.get("basis") or {}
        value = fact["value"] + (" 元" if name in MONEY_FACTS else " %" if name.endswith("_rate") else "")
        rows.append(
            f'<tr data-fact="{name}"><th>{e(FACT_LABELS.get(name, name))}</th><td class="num">{e(value)}</td>'
            f"<td>{_link(ids, fact.get('provenance'), fact['text'])}</td>"
            f"<td>{e(basis.get('cue'))}</td><td>{e(basis.get('subject'))}</td><td>{e(where(fact.get('provenance')))}</td></tr>"
        )
    missing = [k for k, f in data["facts"].items() if not f]
    note = f'<p class="note">Not stated (or not certain): {e(", ".join(missing))}</p>' if missing else ""
    if not rows:
        return note or "<p>No facts.</p>"
    return (
        '<table class="grid"><thead><tr><th>fact</th><th>value</th><th>as written</th><th>cue</th>'
        f"<th>subject</th><th>where</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"
    )


def indicators_html(data: dict[str, Any]) -> str:
    if not data["indicators"]:
        return "<p>No indicators.</p>"
    rows = []
    for x in data["indicators"]:
        met = {True: '<span class="ok">met</span>', False: '<span class="bad">not met</span>'}.get(x["met"], "–")
        target = x.get("target_typed") or {}
        typed = f"{e(target.get('op'))} {e(target.get('value'))} {e(target.get('unit'))}" if target else ""
        rows.append(
            f"<tr><td>{e(x['level1'])}</td><td>{e(x['level2'])}</td><td>{e(x['name'])}</td>"
            f'<td>{e(x["target"])}</td><td class="typed">{typed}</td><td>{e(x["actual"])}</td>'
            f'<td class="num">{e(x["weight"])}</td><td class="num">{e(x["score"])}</td><td>{met}</td></tr>'
        )
    return (
        '<table class="grid"><thead><tr><th>一级</th><th>二级</th><th>三级指标</th><th>target</th><th>typed</th>'
        f"<th>actual</th><th>weight</th><th>score</th><th>met</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def checks_html(data: dict[str, Any], ids: dict[tuple[Any, Any, Any], int]) -> str:
    if not data["checks"]:
        return "<p>No checks.</p>"
    out = []
    for n, c in enumerate(sorted(data["checks"], key=lambda c: STATUS_ORDER[c["status"]])):
        marks = []
        evidence = []
        for ev in c.get("evidence", []):
            i = ids.get(span_key(ev.get("provenance")))  # type: ignore[arg-type]
            label = f"{e(ev.get('role'))}: {e(ev.get('text') or ev.get('value'))}"
            if ev.get("name"):
                label += f" ({e(ev['name'])})"
            if i is not None:
                marks.append(f"m{i}")
                evidence.append(
                    f'<li><a href="#m{i}" class="to" data-marks="m{i}">{label}</a> '
                    f'<span class="where">{e(where(ev.get("provenance")))}</span></li>'
                )
            else:
                evidence.append(f'<li>{label} <span class="where">{e(where(ev.get("provenance")))}</span></li>')
        extra = "".join(f"<div><b>{k}</b> {e(c.get(k))}</div>" for k in ("expected", "found", "note") if c.get(k))
        out.append(
            f'<div class="check st-{c["status"]}" id="c{n}" data-check="{e(c["id"])}" data-marks="{" ".join(marks)}">'
            f'<div class="chead"><span class="badge">{c["status"]}</span> <code>{e(c["id"])}</code>'
            f' <button class="show" type="button">show figures</button></div>'
            f'<div class="msg">{e(c["message"])}</div><div class="msg en">{e(c.get("message_en"))}</div>{extra}'
            f'<ul class="ev">{"".join(evidence)}</ul></div>'
        )
    return "".join(out)


def warnings_html(data: dict[str, Any]) -> str:
    if not data["warnings"]:
        return "<p>No warnings.</p>"
    items = "".join(f"<li><code>{e(w['code'])}</code> {e(w['message'])}</li>" for w in data["warnings"])
    return f'<ul class="warnings">{items}</ul>'


def counts(data: dict[str, Any]) -> dict[str, int]:
    statuses = [c["status"] for c in data["checks"]]
    return {s: statuses.count(s) for s in ("pass", "fail", "unknown")}


def status(data: dict[str, Any]) -> str:
    return "warn" if counts(data)["fail"] or data["warnings"] else "ok"


def headings_of(sections: list[dict[str, Any]], out: dict[int, int] | None = None) -> dict[int, int]:
    out = {} if out is None else out
    for s in sections:
        if s.get("block") is not None:
            out.setdefault(s["block"], s["level"])
        headings_of(s.get("children", []), out)
    return out


def report_page(data: dict[str, Any], document: Document | None, *, index_href: str | None = None) -> str:
    """The HTML of one report's review page."""
    meta, src = data["report"], data["source"]
    marker = Marker(data["mentions"], roles_of(data))
    text = document_html(document, marker, headings_of(data["sections"]))
    ids = mention_ids(data)
    n = counts(data)
    title = meta.get("title") or src.get("path") or "report"
    back = f'<a class="back" href="{e(index_href)}">← all reports</a>' if index_href else ""
    kinds = "".join(
        f'<label><input type="checkbox" checked data-kind="{k}"> <mark class="fig k-{k}">{k}</mark></label>'
        for k in ("money", "percent", "ratio_points", "count")
    )
    figures = json.dumps(marker.figures(), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    pages = f", {src['pages']} pages" if src.get("pages") else ""
    ocr = src.get("ocr") or {}
    if ocr.get("pages"):
        confidence = f", confidence {ocr['confidence']:.2f}" if ocr.get("confidence") is not None else ""
        pages += f"; {len(ocr['pages'])} pages read by OCR ({e(ocr.get('engine'))}{confidence})"
    meta_html = "".join(f"<span>{e(meta.get(k))}</span>" for k in ("type", "fiscal_year", "unit")) + (
        f'<span class="src">{e(src.get("path"))} ({e(src.get("format"))}{pages})</span>'
    )
    tally = "".join(f'<span class="t-{k}">{n[k]} {k}</span>' for k in ("fail", "unknown", "pass")) + (
        f"<span>{len(data['mentions'])} figures</span><span>{len(data['warnings'])} warnings</span>"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="docparse {e(data.get("docparse_version"))}">
<title>{e(title)}</title>
<style>{asset("review.css")}</style></head>
<body class="report" data-status="{status(data)}">
<header>{back}<h1>{e(title)}</h1>
<div class="meta">{meta_html}</div>
<div class="tally">{tally}</div>
</header>
<nav id="outline"><h2>Outline</h2>{outline_html(data["sections"]) or "<p>No headings.</p>"}
<h2>Figures</h2><div class="legend">{kinds}</div></nav>
<main>
<section id="text"><h2>Text</h2><div class="doc">{text}</div></section>
<section id="indicators"><h2>Indicators</h2>{indicators_html(data)}</section>
<section id="warnings"><h2>Warnings</h2>{warnings_html(data)}</section>
</main>
<aside>
<section id="checks"><h2>Checks</h2>{checks_html(data, ids)}</section>
<section id="facts"><h2>Facts</h2>{facts_html(data, ids)}</section>
</aside>
<div id="tip" role="tooltip" hidden></div>
<script id="figures" type="application/json">{figures}</script>
<script>{asset("review.js")}</script>
</body></html>
"""
