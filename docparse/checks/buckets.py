"""Grade buckets: the amounts of the projects graded 优/良/中/差 add up to the total stated before them.

A department's summary of its projects' self-evaluations states a total ("预算安排项目共计40个，财政资金
1200万元") and then, after a breakdown opener (其中), one amount per grade ("评为“优”的项目28个财政资金860
万元；…“良”…"). Reported under ``sum.fund_items``: the buckets are the items, the total their total.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from docparse.checks.counts import count_rules
from docparse.checks.figures import Figure, display_precision, from_mention
from docparse.checks.grade import grade_rules
from docparse.checks.registry import block_text
from docparse.checks.results import compare, sum_against
from docparse.model import Mention, Report
from docparse.model.report import CheckResult
from docparse.rules import rule_file

CHECK = "sum.fund_items"


@cache
def bucket_rules() -> dict[str, Any]:
    return rule_file("checks/buckets.yaml", ["grade_marks", "min_buckets", "what"])


@cache
def _grade_pattern() -> re.Pattern[str]:
    grades = "|".join(re.escape(w) for w in sorted(grade_rules()["words"], key=len, reverse=True))
    return re.compile(str(bucket_rules()["grade_marks"]).replace("{grades}", grades))


def _grade(lead: str) -> str | None:
    """The band grade a bucket's words name ("评为“优”的项目28个财政资金" → 优)."""
    found = _grade_pattern().findall(lead)
    if not found:
        return None
    word = next(w for w in found[-1] if w) if isinstance(found[-1], tuple) else found[-1]
    return grade_rules()["words"].get(word)


def _block_buckets(text: str, money: list[Mention]) -> tuple[Mention, list[Mention]] | None:
    """The total and the buckets of one paragraph, where it states them."""
    prev_end = 0
    graded: list[tuple[Mention, str | None]] = []
    for m in money:
        start = m.provenance.start or 0
        graded.append((m, _grade(text[prev_end:start])))
        prev_end = m.provenance.end or start
    first = next((k for k, (_, g) in enumerate(graded) if g), None)
    if first is None or first == 0 or graded[first - 1][1] is not None:
        return None
    total = graded[first - 1][0]
    between = text[(total.provenance.end or 0):(graded[first][0].provenance.start or 0)]
    if not any(w in between for w in count_rules()["item_cues"]):  # the one list of words opening parts
        return None
    buckets: list[Mention] = []
    seen: set[str] = set()
    for m, grade in graded[first:]:
        if grade is None or grade in seen:
            break
        seen.add(grade)
        buckets.append(m)
    return (total, buckets) if len(buckets) >= int(bucket_rules()["min_buckets"]) else None


def grade_buckets(report: Report) -> list[CheckResult]:
    """Each paragraph's grade buckets against the total it states before them."""
    by_block: dict[int, list[Mention]] = {}
    for m in report.mentions:
        p = m.provenance
        if m.kind == "money" and p is not None and p.block is not None and p.start is not None:
            by_block.setdefault(p.block, []).append(m)
    display = display_precision(report.mentions)
    results = []
    for block, money in sorted(by_block.items()):
        text = block_text(block)
        found = _block_buckets(text, money) if text else None
        if found is None:
            continue
        total_m, bucket_ms = found
        total = from_mention("total", total_m, "money")
        parts: list[Figure] = [from_mention("item", m, "money", name=_grade(text[:m.provenance.start or 0]))
                               for m in bucket_ms]
        value, tol = sum_against(parts, total, display)
        results.append(compare(CHECK, total.value, value, tol, "money", [*parts, total],
                               str(bucket_rules()["what"]["zh"]), str(bucket_rules()["what"]["en"]),
                               stated=total))
    return results
