"""The self-evaluation result: total score (自评得分) and grade (优/良/中/差).

A score is read after its cue ("自评得分为98分", "自评总分(分)97.93", a cue ending one line and
"90 分" opening the next) or from the table's 合计 row; a grade after its cue ("评价等级为“优”").
Where no grade is stated, it is derived from the score by the band table in rules/extract/grades.yaml
(and its ``text`` is then empty).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from docparse.extract.vocab import rules, simplified, words
from docparse.lexicon import marks
from docparse.model.analysis import stage
from docparse.model.report import Fact, FactBasis

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis
    from docparse.model.document import Block, Document

_FILLER = r"[为是:：\s]*(?:\(分\)|（分）)?[为是:：\s]*"
_NUMBER = r"(\d{1,3}(?:\.\d+)?)"
_GRADE_END = r"(?![^\W\d_a-zA-Z等级档次])"  # a grade word ends the phrase ("评价结果：中央…" states none)


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in items)


def _body(document: Document) -> list[Block]:
    return [b for b in document.blocks if b.is_body]


def band(score: Decimal) -> str:
    """The grade the band table gives ``score`` (优 ≥ 90, 良 80–89, 中 60–79, 差 < 60)."""
    for entry in rules("grades")["bands"]:
        if score >= Decimal(str(entry["min"])):
            return str(entry["grade"])
    return str(rules("grades")["bands"][-1]["grade"])


def grade_of(word: str) -> str | None:
    """The band grade a written grade means (``"優秀"`` → ``"优"``)."""
    mapping: dict[str, str] = rules("grades")["grade_words"]
    return mapping.get(word) or mapping.get(simplified(word))


def stated_score(document: Document) -> Fact | None:
    """The total self-evaluation score the text states: the first after a total cue, else the one after a
    plain cue — none where plain cues give different scores (the scores of several sub-funds or parts)."""
    totals = _scores_after(document, "total_score_cues")
    if totals:
        return totals[0]
    plain = _scores_after(document, "score_cues")
    whole = [f for f in plain if f.basis is not None and f.basis.subject]  # its subject: the full marks
    if whole:
        return whole[0]  # "(分值100分，自评得分97分)": scored out of the full marks
    if len({f.value for f in plain}) > 1:
        return None
    return plain[0] if plain else _score_by_grade(document)


def score_readings(document: Document) -> list[Fact]:
    """Every score the text states after a cue (for the warning when they disagree)."""
    return _scores_after(document, "total_score_cues") + _scores_after(document, "score_cues")


def _score_by_grade(document: Document) -> Fact | None:
    """A score right after a stated grade: "评价结果：优（92分）", "结果为良好，得分86分"."""
    cues = _alt(list(words("grades", "grade_cues")))
    grades = _alt(sorted(rules("grades")["grade_words"], key=len, reverse=True))
    pattern = re.compile(rf"(?:{cues})[为是:：\s]*[“\"「『‘']?(?:{grades}){_GRADE_END}[”\"」』’']?\s*[，,（(]\s*"
                         rf"(?:得分|评分|总分)?[为是:：\s]*{_NUMBER}\s*分")
    for block in _body(document):
        text = simplified(block.text)
        m = pattern.search(text)
        if m and Decimal(m.group(1)) <= 100:
            return Fact(value=Decimal(m.group(1)), text=block.text[m.start(1):m.end()],
                        provenance=block.provenance.at(block.index, m.start(1), m.end()))
    return None


def _scores_after(document: Document, key: str) -> list[Fact]:
    """Every score after a cue of ``key``, in document order."""
    out: list[Fact] = []
    cues = _alt(list(words("grades", key)))
    same_line = re.compile(rf"(?:{cues}){_FILLER}{_NUMBER}\s*(分)?")
    blocks = _body(document)
    for k, block in enumerate(blocks):
        text = simplified(block.text)
        for m in same_line.finditer(text):
            if m.group(2) is None and "分)" not in m.group(0) and "分）" not in m.group(0):
                continue
            value = Decimal(m.group(1))
            if value <= 100:
                ends = marks("sentence_ends", "line_breaks")
                clause = text[max(text.rfind(ch, 0, m.start()) for ch in ends) + 1:m.start()]
                whole = re.search(str(rules("grades")["full_marks"]), clause)
                out.append(Fact(value=value, text=block.text[m.start(1):m.end()],
                                provenance=block.provenance.at(block.index, m.start(1), m.end()),
                                basis=FactBasis(cue=m.group(0)[:m.start(1) - m.start()].strip(),
                                                subject=whole.group(0) if whole else None,
                                                provenance=block.provenance.at(block.index, m.start(), m.start(1)))))
        tail = re.search(rf"(?:{cues})[为是:：\s]*$", text)
        if tail and k + 1 < len(blocks):
            nxt = blocks[k + 1]
            m = re.match(rf"\s*{_NUMBER}\s*分", nxt.text)
            if m and Decimal(m.group(1)) <= 100:
                out.append(Fact(value=Decimal(m.group(1)), text=nxt.text[m.start(1):m.end()],
                                provenance=nxt.provenance.at(nxt.index, m.start(1), m.end()),
                                basis=FactBasis(cue=tail.group(0).strip(),
                                                provenance=block.provenance.at(block.index, tail.start(), tail.end()))))
    return out


def grade_readings(document: Document) -> list[Fact]:
    """Every grade the text states after a grade cue, as written, in document order."""
    cues = _alt(list(words("grades", "grade_cues")))
    grades = sorted(rules("grades")["grade_words"], key=len, reverse=True)
    pattern = re.compile(rf"(?:{cues})[为是:：\s]*[“\"「『‘']?({_alt(grades)}){_GRADE_END}")
    out: list[Fact] = []
    for block in _body(document):
        text = simplified(block.text)
        for m in pattern.finditer(text):
            word = block.text[m.start(1):m.end(1)]
            lead = max(m.start() - 4, text.rfind("，", 0, m.start()) + 1, text.rfind(",", 0, m.start()) + 1)
            out.append(Fact(value=word, text=word, provenance=block.provenance.at(block.index, m.start(1), m.end(1)),
                            basis=FactBasis(cue=text[lead:m.start(1)].strip(" “\"「『‘'"),
                                            provenance=block.provenance.at(block.index, m.start(), m.start(1)))))
    return out


def stated_grade(document: Document) -> Fact | None:
    """The grade the text states after a grade cue, as written — none where the stated grades fall in
    different bands (grade buckets: "评为“优”的项目28个…评为“良”的8个")."""
    readings = grade_readings(document)
    totals = [f for f in readings if f.basis is not None and any(
        w in f.basis.cue for w in rules("grades")["total_grade_words"])]
    if totals:
        return totals[0]  # "综合评价等级为“优”" before the grades of its projects
    if len({grade_of(str(f.value)) for f in readings}) > 1:
        return None
    return readings[0] if readings else None


def table_score(analysis: Analysis) -> Fact | None:
    """The total score of the self-evaluation table's 合计 row, where it has one."""
    table = analysis.selfeval
    if table is None or table.total_score is None:
        return None
    cell = table.total_provenance
    return Fact(value=table.total_score, text=str(table.total_score),
                provenance=cell.provenance if cell is not None else None)


@stage(requires=("document", "report.mentions", "report.facts", "selfeval"),
       assigns=("report.evaluation_score", "report.evaluation_grade"))
def extract(analysis: Analysis) -> None:
    """Stage: ``report.evaluation_score`` and ``report.evaluation_grade`` (on the band scale 优/良/中/差;
    a written 优秀/合格/较差 keeps its words in ``text``; derived from the score when not stated)."""
    report = analysis.report
    score = report.facts.get("score") or stated_score(analysis.document) or table_score(analysis)
    grade = report.facts.get("grade") or stated_grade(analysis.document)
    if grade is not None and isinstance(grade.value, str) and grade_of(grade.value) not in (None, grade.value):
        grade = Fact(value=grade_of(grade.value), text=grade.text, provenance=grade.provenance)
    if grade is None and score is not None and isinstance(score.value, Decimal):
        grade = Fact(value=band(score.value), text="", provenance=None)
    report.evaluation_score = score
    report.evaluation_grade = grade
