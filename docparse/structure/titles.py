"""The report's title among the lines before the first heading, and the year it evaluates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from docparse.lexicon import marks
from docparse.model import Document
from docparse.structure.lines import Line
from docparse.structure.orgs import org_at, with_joined
from docparse.structure.rules import metadata
from docparse.structure.text import digit_years, without_pinyin

_SENTENCE = re.compile(f"[{re.escape(marks('sentence_ends', 'clause_marks'))}]")
_GAP = re.compile(r"[\u3400-\u9fff][ \u3000]+[\u3400-\u9fff]")


@dataclass(slots=True)
class TitleCandidate:
    """A line (or two joined) that reads as the report's title."""

    text: str  # as written, trimmed
    folded: str
    strong: bool  # ends in 报告/自评表 …, not just 自评
    line: int


def _clean(text: str, folded: str) -> tuple[str, str]:
    rules = metadata()["title"]
    m = rules["strip_prefix"].match(folded)
    if m:
        text, folded = text[m.end():], folded[m.end():]
    for _ in range(2):
        m = rules["strip_suffix"].search(folded)
        if m and m.start() > 0:
            text, folded = text[:m.start()], folded[:m.start()]
    text = text.strip().strip("《》")
    folded = folded.strip().strip("《》")
    words = folded.split()
    if len(words) >= 4 and all(len(w) <= 2 for w in words):  # letter-spaced: "绩 效 自 评 报 告"
        text, folded = "".join(text.split()), "".join(words)
    return text, folded


def _gappy(folded: str) -> bool:
    """Spaces between words in more places than a title set in parts ("某局 2023年度 …报告") has."""
    return len(_GAP.findall(folded)) > metadata()["title"]["max_gaps"]


def _title_like(folded: str) -> tuple[bool, bool] | None:
    """(is a title, ends strongly) — or None."""
    rules = metadata()["title"]
    folded = without_pinyin(folded)[0]
    if not (rules["min_chars"] <= len(folded) <= rules["max_chars"]):
        return None
    if (_SENTENCE.search(folded) or _gappy(folded) or ":" in folded or "|" in folded
            or not rules["must_contain"].search(folded) or rules["not_start"].match(folded)):
        return None
    core = re.sub(r"\s*\([^()]*\)\s*$", "", folded)
    strong = re.search(rules["strong_endings"].pattern + "$", core)
    weak = re.search(rules["weak_endings"].pattern + "$", core)
    if not (strong or weak):
        return None
    return True, bool(strong)


def _same_style(document: Document, a: Line, b: Line) -> bool:
    sa, sb = document.blocks[a.block].font_size, document.blocks[b.block].font_size
    return sa is None or sb is None or sa == sb


def _adjacent(document: Document, a: Line, b: Line) -> bool:
    """Two lines set as one group: next text line, or next block in the same type size and weight."""
    if a.block == b.block:
        return True
    ba, bb = document.blocks[a.block], document.blocks[b.block]
    if ba.provenance.line is not None and bb.provenance.line is not None:
        return bb.provenance.line == ba.provenance.line + 1
    if ba.font_size is not None and bb.font_size is not None:
        return ba.font_size == bb.font_size and ba.bold == bb.bold
    return bb.index == ba.index + 1


def title_candidates(document: Document, lines: list[Line], stop: int) -> list[TitleCandidate]:
    """Lines before the first heading that read as the report's title (two-line titles joined)."""
    rules = metadata()["title"]
    out: list[TitleCandidate] = []
    i = 0
    while i < stop:
        line = lines[i]
        if line.toc or any(p.search(line.folded) for p in rules["skip_lines"]):
            i += 1
            continue
        text, folded = _clean(line.text, line.folded)
        judged = _title_like(folded)
        if (judged is None and i + 1 < stop and not _SENTENCE.search(folded) and 2 <= len(folded) <= 40
                and org_at(text, folded, whole=True) is None):
            nxt = lines[i + 1]
            t2, f2 = _clean(nxt.text, nxt.folded)
            sep = "" if nxt.block != line.block else " "
            joined = _title_like(folded + sep + f2)
            # a title broken in two: the second part is short ("绩效评价报告"), or the first part
            # names the year and the second carries on ("石水县2024年度" / "中央…资金绩效自评报告")
            if joined and (len(f2) <= 16 or re.search(r"(?:19|20)\d{2}", folded)) and _same_style(document, line, nxt):
                text, folded, judged = text + sep + t2, folded + sep + f2, joined
                i += 1
        if judged is None and i + 1 < stop and _adjacent(document, line, lines[i + 1]):
            # the unit's or the place's name set on its own line right above the title, in the same style
            nxt = lines[i + 1]
            t2, f2 = _clean(nxt.text, nxt.folded)
            first = org_at(text, folded)
            joined = first is not None and len(with_joined(text, folded, 0, first)) == len(folded.rstrip())
            whole = org_at(text, folded, whole=True) or rules["place_line"].match(folded) or joined
            if whole and _title_like(f2) and not org_at(t2, f2):
                text, folded, judged = text + t2, folded + f2, _title_like(folded + f2)
                i += 1
            elif whole and i + 2 < stop and not _SENTENCE.search(f2) and not org_at(t2, f2):
                # … above a title that is itself broken in two ("某局" / "关于…资金" / "绩效自评情况的报告")
                third = lines[i + 2]
                t3, f3 = _clean(third.text, third.folded)
                if (_adjacent(document, nxt, third) and _same_style(document, nxt, third)
                        and _title_like(f2 + f3) and len(f3) <= 40):
                    text, folded, judged = text + t2 + t3, folded + f2 + f3, _title_like(folded + f2 + f3)
                    i += 2
        if judged is None:
            # a title glued to what follows it ("…自评表主管部门…", "…报告20XX年我县…")
            m = re.match(r"[^。，,；;:|《》\s]{4,70}?" + rules["strong_endings"].pattern
                         + r"(?:\s*\(\s*(?:19|20)\d{2}\s*年度?\s*\))?", folded)
            if m and not any(p.search(folded[:m.end()]) for p in rules["skip_lines"]):
                cut = m.end()
                judged = _title_like(folded[:cut])
                text, folded = text[:cut], folded[:cut]
        if judged is not None:
            # a bracketed year beside it on the same line-run ("项目支出绩效自评表 (2022年度)")
            if i + 1 < stop and lines[i + 1].block == line.block and rules["year_aside"].match(lines[i + 1].folded):
                gap = document_gap(line, lines[i + 1])
                text, folded = text + gap + lines[i + 1].text, folded + gap + lines[i + 1].folded
            out.append(TitleCandidate(text, folded, judged[1], i))
        i += 1
    return out


def document_gap(a: Line, b: Line) -> str:
    return " " if b.start > a.end else ""


def choose_title(cands: list[TitleCandidate]) -> TitleCandidate | None:
    """The last title-like line, unless it is only the tail of an earlier one (a fragment: "绩效自评报告"
    under "某局2023年…绩效自评报告"), or a bare form header ("项目支出绩效自评表", no year, no body)
    inside a page whose own title, naming them, is not a form's ("某局2023年…绩效自评结果")."""
    if not cands:
        return None
    last = cands[-1]
    tail = re.sub(r"\s", "", last.folded)
    for c in reversed(cands[:-1]):
        whole = re.sub(r"\s", "", c.folded)
        if len(whole) > len(tail) and whole.endswith(tail):
            return c
    table = metadata()["title"]["form_endings"]

    def specific(c: TitleCandidate) -> bool:
        return bool(re.search(r"(?:19|20)\d{2}\s*年", digit_years(c.folded))) or org_at(c.text, c.folded) is not None

    if not specific(last) and table.search(last.folded):
        pages = [c for c in cands[:-1] if specific(c) and not table.search(c.folded)]
        if pages:
            return pages[-1]
    return last


def _years(pattern: re.Pattern[str], text: str) -> list[int]:
    return [int(m.group(1)) for m in pattern.finditer(digit_years(text))]


def fiscal_year(title: TitleCandidate | None, cands: list[TitleCandidate], lines: list[Line],
                stop: int) -> int | None:
    """The evaluated year: the title's, unless the same title stands elsewhere with another year
    (then the text contradicts itself and no year is given); else the year the text names most."""
    rules = metadata()["year"]

    def year_of(text: str) -> int | None:
        ys = _years(rules["in_title"], text) or _years(rules["in_title_bare"], text)
        return ys[0] if ys else None

    def shape(text: str) -> str:
        return re.sub(r"[\d\s]", "", digit_years(text))

    others: list[str] = [c.folded for c in cands if c is not title]
    for line in lines[:stop]:  # a file name quoted by a document-sharing page: 《…自评表.docx》
        others += [m.group(1) for m in re.finditer(r"《([^《》]{4,80}?)(?:\.docx?|\.pdf|\.wps)?》", line.folded)]
    if title is not None and rules["span"].search(digit_years(title.folded)):
        return None  # "2020-2022年度…": several years evaluated together
    if title is not None:
        aside = re.search(r"\(\s*((?:19|20)\d{2})\s*年度?\s*\)\s*$", title.folded)
        own = int(aside.group(1)) if aside else year_of(title.folded)  # "…自评表(2022年度)" names it
        nxt = title.line + 1  # a bracketed year on the line after the title
        if nxt < len(lines) and metadata()["title"]["year_aside"].match(lines[nxt].folded):
            return year_of(lines[nxt].folded)
        if own is not None:
            clash = any(shape(o) == shape(title.folded) and year_of(o) not in (None, own) for o in others)
            return None if clash else own
    for line in lines[:stop]:  # "评价年度：2022"
        m = rules["labelled"].search(without_pinyin(line.folded)[0])
        if m:
            return int(m.group(1))
    years = {y for y in (year_of(c.folded) for c in cands) if y is not None}
    if len(years) == 1:
        return years.pop()
    if len(years) > 1:
        return None
    text = "\n".join(line.folded for line in lines)
    for pattern in (rules["in_text_strong"], rules["in_text_weak"]):
        counts = Counter(_years(pattern, text))
        if counts:
            return counts.most_common(1)[0][0]
    return None
