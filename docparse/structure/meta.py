"""Report metadata: title, evaluated year, reporting unit, project, and report type (spec §3)."""

from __future__ import annotations

import re

from docparse.model import Document, ReportMeta
from docparse.structure.lines import Line
from docparse.structure.rules import metadata
from docparse.structure.text import fold, without_pinyin
from docparse.structure.titles import TitleCandidate, choose_title, fiscal_year, title_candidates
from docparse.structure.units import unit


def project(title: TitleCandidate | None, unit_name: str | None, lines: list[Line], stop: int) -> str | None:
    rules = metadata()["project"]
    for line in lines[: stop + 30]:
        m = rules["label"].match(line.folded)
        if m:
            value = line.text[m.end():].strip(" |:：")
            value = re.split(r"\s{2,}|\s(?=主管部门|实施单位)", value)[0].strip()
            if 2 <= len(value) <= 60:
                return value
    if title is None:
        return None
    t, f = title.text, title.folded
    start = 0
    if unit_name and fold(unit_name) in f:
        start = f.index(fold(unit_name)) + len(unit_name)
    year = re.search(r"(?:19|20)\d{2}\s*年度?", f[start:])
    if year and year.start() <= 12:  # "某市2023年度…": what follows the year
        start += year.end()
    m = re.match(r"\s*(?:关于)?\s*", f[start:])
    start += m.end() if m else 0
    core = re.sub(r"\s*\([^()]*\)\s*$", "", f[start:])
    tail = rules["title_tail"].search(core)
    if not tail:
        return None
    name_f = core[: tail.start()]
    if len(name_f) >= 4 and rules["endings"].search(name_f):
        return t[start: start + len(name_f)]
    return None


def report_type(title: TitleCandidate | None, lines: list[Line], stop: int, n_heads: int) -> str:
    rules = metadata()["types"]
    head_text = "\n".join(line.folded for line in lines[:stop])
    body_text = "\n".join(line.folded for line in lines[stop: stop + 20])
    all_text = "\n".join(line.folded for line in lines)
    if rules["evaluation_report_text"].search(head_text):
        return "evaluation_report"
    dense = re.sub(r"\s+", "", all_text)
    table = all(h in dense for h in rules["table_headers"]) and bool(rules["table_text"].search(dense))
    # a page holding only the tail of a form: its indicator rows, no title, no headings
    table = table or (title is None and n_heads == 0 and all(h in dense for h in rules["table_levels"]))
    if title is not None:
        plain = without_pinyin(title.folded)[0]  # "部門(mén)整體(tǐ)…" on mirror sites
        for entry in rules["by_title"]:
            if (entry["key"] == "project_self_evaluation" and table and n_heads <= 2
                    and not plain.endswith("报告")):
                return "self_evaluation_table"
            if entry["pattern"].search(plain):
                return str(entry["key"])
    if table and n_heads <= 2:
        return "self_evaluation_table"
    if rules["department_overall_text"].search(head_text + "\n" + body_text):
        return "department_overall"
    if title is not None or n_heads or rules["report_text"].search(all_text):
        return "project_self_evaluation"
    return "other"


def describe(document: Document, lines: list[Line], stop: int, n_heads: int) -> ReportMeta:
    """Fill the report metadata from the lines before the first heading (``stop``) and the text."""
    cands = title_candidates(document, lines, stop)
    title = choose_title(cands)
    meta = ReportMeta()
    meta.title = title.text if title else None
    meta.fiscal_year = fiscal_year(title, cands, lines, stop)
    meta.type = report_type(title, lines, stop, n_heads)
    meta.unit = unit(title, cands, lines, stop, evaluation=meta.type == "evaluation_report")
    meta.project = project(title, meta.unit, lines, stop)
    return meta
