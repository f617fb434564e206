"""Report metadata: title, evaluated year, reporting unit, project, and report type (spec §3)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from docparse.model import Document, ReportMeta
from docparse.structure.lines import Line
from docparse.structure.rules import metadata
from docparse.structure.text import fold

_SENTENCE = re.compile(r"[。，,；;！!？?]")
_GAP = re.compile(r"[\u3400-\u9fff][ \u3000]+[\u3400-\u9fff]")
_ORG_CHARS = r"(?:[\u3400-\u9fff*]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))"


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
    return text, folded


def _title_like(folded: str) -> tuple[bool, bool] | None:
    """(is a title, ends strongly) — or None."""
    rules = metadata()["title"]
    if not (rules["min_chars"] <= len(folded) <= rules["max_chars"]):
        return None
    if (_SENTENCE.search(folded) or _GAP.search(folded) or ":" in folded or "|" in folded
            or not rules["must_contain"].search(folded)):
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
        if any(p.search(line.folded) for p in rules["skip_lines"]):
            i += 1
            continue
        text, folded = _clean(line.text, line.folded)
        judged = _title_like(folded)
        if (judged is None and i + 1 < stop and not _SENTENCE.search(folded) and 2 <= len(folded) <= 40
                and _org_at(text, folded, whole=True) is None):
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
            # the unit's name set on its own line right above the title, in the same style
            nxt = lines[i + 1]
            t2, f2 = _clean(nxt.text, nxt.folded)
            whole = _org_at(text, folded, whole=True)
            if whole and _title_like(f2) and not _org_at(t2, f2):
                text, folded, judged = text + t2, folded + f2, _title_like(folded + f2)
                i += 1
        if judged is None:
            # a title glued to what follows it ("…自评表主管部门…", "…报告20XX年我县…")
            m = re.match(r"[^。，,；;:|《》\s]{4,70}?" + rules["strong_endings"].pattern, folded)
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
    if not cands:
        return None
    return cands[-1]


def _years(pattern: re.Pattern[str], text: str) -> list[int]:
    return [int(m.group(1)) for m in pattern.finditer(text)]


def fiscal_year(title: TitleCandidate | None, cands: list[TitleCandidate], lines: list[Line],
                stop: int) -> int | None:
    """The evaluated year: the title's, unless the same title stands elsewhere with another year
    (then the text contradicts itself and no year is given); else the year the text names most."""
    rules = metadata()["year"]

    def year_of(text: str) -> int | None:
        ys = _years(rules["in_title"], text) or _years(rules["in_title_bare"], text)
        return ys[0] if ys else None

    def shape(text: str) -> str:
        return re.sub(r"[\d\s]", "", text)

    others: list[str] = [c.folded for c in cands if c is not title]
    for line in lines[:stop]:  # a file name quoted by a document-sharing page: 《…自评表.docx》
        others += [m.group(1) for m in re.finditer(r"《([^《》]{4,80}?)(?:\.docx?|\.pdf|\.wps)?》", line.folded)]
    if title is not None:
        own = year_of(title.folded)
        nxt = title.line + 1  # a bracketed year on the line after the title
        if own is None and nxt < len(lines) and metadata()["title"]["year_aside"].match(lines[nxt].folded):
            own = year_of(lines[nxt].folded)
        if own is not None:
            clash = any(shape(o) == shape(title.folded) and year_of(o) not in (None, own) for o in others)
            return None if clash else own
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


@cache
def _org_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Organisation name (shortest), the same filling the whole text, and a sub-unit written after it."""
    rules = metadata()["unit"]
    name = _ORG_CHARS + r"{2,30}?" + rules["suffixes"].pattern
    sub = _ORG_CHARS + r"{1,8}?" + rules["suffixes"].pattern + r"(?=" + rules["after_name"].pattern + ")"
    return re.compile(name), re.compile(name + "$"), re.compile(sub)


def _org_at(text: str, folded: str, start: int = 0, *, whole: bool = False) -> str | None:
    """The organisation name starting at ``start`` (shortest that ends in an organisation word)."""
    rules = metadata()["unit"]
    shortest, filling, sub = _org_patterns()
    m = (filling if whole else shortest).match(folded, start)
    if not m:
        return None
    end = m.end()
    if not whole:  # a sub-unit written after it ("…生态环境局XX分局2023年度"): take it along
        more = sub.match(folded, end)
        if more and not rules["not_in_name"].search(folded[end:more.end()]):
            end = more.end()
    name = folded[m.start():end]
    if rules["not_in_name"].search(name) or len(re.sub(r"\*", "", name)) < 4:
        return None
    return text[m.start():end]


def unit(title: TitleCandidate | None, cands: list[TitleCandidate], lines: list[Line], stop: int) -> str | None:
    """The reporting or implementing unit, from the most to the least trusted place it is named.

    An evaluator (accounting firm, consultancy) only counts where a label names it as the unit."""
    evaluator = metadata()["unit"]["evaluator"]
    pre = lines[:stop]
    body = lines[stop: stop + 40] if stop < len(lines) else []
    steps = (
        lambda: _from_titles(title, cands),
        lambda: _opening_unit(pre),
        lambda: _alone(pre),
        lambda: _labelled_unit(lines, stop),
        lambda: _from_sentences(pre + body),
        lambda: _publisher(lines[: stop + 10]),
        lambda: _alone(lines[-4:]),  # a signature at the end
    )
    for n, step in enumerate(steps):
        found = step()
        if found and (n == 3 or not evaluator.search(fold(found))):
            return found
    return None


def _from_titles(title: TitleCandidate | None, cands: list[TitleCandidate]) -> str | None:
    ordered = ([title] if title else []) + [c for c in reversed(cands) if c is not title]
    for c in ordered:
        lead = re.match(r"\s*(?:关于)?", c.folded)
        found = _org_at(c.text, c.folded, lead.end() if lead else 0)
        if found:
            return found
    return None


def _opening_unit(pre: list[Line]) -> str | None:
    """A line opening with the unit and the year ("附件2:XX局2022年度…")."""
    strip = metadata()["title"]["strip_prefix"]
    for line in pre:
        m = strip.match(line.folded)
        at = m.end() if m else 0
        found = _org_at(line.text, line.folded, at)
        if found and re.match(r"\s*(?:关于)?\s*(?:19|20)\d{2}\s*年", line.folded[at + len(found):]):
            return found
    return None


def _alone(lines: list[Line]) -> str | None:
    """A line that is just an organisation's name."""
    skip = metadata()["title"]["skip_lines"]
    for line in lines:
        f = line.folded.strip()
        found = _org_at(line.text.strip(), f, whole=True)
        if found and not any(p.search(f) for p in skip):
            return found
    return None


def _from_sentences(lines: list[Line]) -> str | None:
    rules = metadata()["unit"]
    for line in lines:
        m = rules["sentence_openers"].match(line.folded)
        if m:
            found = _org_at(line.text, line.folded, whole=False)
            if found and len(found) == m.end("org") - m.start("org"):
                return found
        m = rules["report_intro"].search(line.folded)
        if m:
            found = _org_at(line.text, line.folded, m.start("org"))
            if found:
                return found
    return None


def _publisher(lines: list[Line]) -> str | None:
    rules = metadata()["unit"]
    for line in lines:
        m = rules["publisher"].search(line.folded)
        if m:
            found = _org_at(line.text, line.folded, m.start("org"), whole=False)
            if found and len(found) >= 5:
                return found
    return None


def _labelled_unit(lines: list[Line], stop: int) -> str | None:
    rules = metadata()["unit"]
    window = lines[: max(stop, 0) + 60]
    for label in rules["labels"]:
        for i, line in enumerate(window):
            m = label.search(line.folded)
            if not m:
                continue
            rest_t, rest_f = line.text[m.end():], line.folded[m.end():]
            strip = re.match(r"[\s:|]*(?:\(盖章\))?[\s:|]*", rest_f)
            cut = strip.end() if strip else 0
            rest_t, rest_f = rest_t[cut:], rest_f[cut:]
            if not rest_f.strip(" |") and i + 1 < len(window):
                rest_t, rest_f = window[i + 1].text, window[i + 1].folded
            code = rules["code_prefix"].match(rest_f)
            if code:
                rest_t, rest_f = rest_t[code.end():], rest_f[code.end():]
            found = _org_at(rest_t, rest_f)
            if found:
                return found
    return None


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
    if title is not None:
        for entry in rules["by_title"]:
            if (entry["key"] == "project_self_evaluation" and table and n_heads <= 2
                    and not title.folded.endswith("报告")):
                return "self_evaluation_table"
            if entry["pattern"].search(title.folded):
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
    meta.unit = unit(title, cands, lines, stop)
    meta.type = report_type(title, lines, stop, n_heads)
    meta.project = project(title, meta.unit, lines, stop)
    return meta
