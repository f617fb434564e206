"""``grade.band``: the self-evaluation grade is the band its score falls in (the band table that
``rules/checks/grades.yaml`` refers to)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from docparse.checks.figures import Figure, from_fact, show
from docparse.checks.registry import register
from docparse.checks.results import make
from docparse.model import Report
from docparse.model.report import CheckResult
from docparse.rules import load_yaml, require_keys

CHECK = "grade.band"


@cache
def grade_rules() -> dict[str, Any]:
    """``bands`` (grade, min) and ``words`` (written grade → band grade), from the referenced band table
    plus this check's own aliases."""
    data = load_yaml("checks/grades.yaml")
    require_keys("checks/grades.yaml", data, ["band_table", "aliases"])
    table = load_yaml(data["band_table"])
    require_keys(data["band_table"], table, ["bands", "grade_words"])
    words = {str(k): str(v) for k, v in {**table["grade_words"], **(data["aliases"] or {})}.items()}
    return {"bands": table["bands"], "words": words}


def band_of(score: Decimal) -> str:
    """The grade whose band holds ``score`` (bands from the highest lower bound down)."""
    bands = sorted(grade_rules()["bands"], key=lambda b: Decimal(str(b["min"])), reverse=True)
    for band in bands:
        if score >= Decimal(str(band["min"])):
            return str(band["grade"])
    return str(bands[-1]["grade"])


def grade_of(text: str) -> str | None:
    """The band a written grade names (优秀 → 优, 良好 → 良, 合格 → 中), or ``None``."""
    written = text.strip().strip("“”\"'（）()")
    words: dict[str, str] = grade_rules()["words"]
    if written in words:
        return words[written]
    for word in sorted(words, key=len, reverse=True):
        if len(word) > 1 and word in written:
            return words[word]
    return None


@register(CHECK)
def grade_band(report: Report) -> list[CheckResult]:
    """Score and grade, where both are stated, agree with the band table."""
    score = from_fact("score", report.evaluation_score, "score") or from_fact(
        "score", report.facts.get("score"), "score")
    grade_fact = report.evaluation_grade or report.facts.get("grade")
    if score is None or grade_fact is None:
        return []
    written = str(grade_fact.value)
    grade = Figure("grade", Decimal(0), "count", grade_fact.text, grade_fact.provenance, written)
    evidence = [score, grade]
    band = grade_of(written)
    expected = band_of(score.value)
    if band is None:
        return [make(CHECK, "unknown", evidence, what=written, expected=expected,
                     found=score.value_str(), shown_found=show(score.value, "score"))]
    status = "pass" if band == expected else "fail"
    result = make(CHECK, status, evidence, what=written, expected=expected, found=score.value_str(),
                  shown_found=show(score.value, "score"))
    result.evidence[1]["value"] = written
    return [result]
