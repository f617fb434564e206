"""The reporting or implementing unit, from the most to the least trusted place it is named."""

from __future__ import annotations

import re

from docparse.structure.lines import Line
from docparse.structure.orgs import org_at, with_joined
from docparse.structure.rules import metadata
from docparse.structure.text import fold, without_pinyin
from docparse.structure.titles import TitleCandidate


def unit(title: TitleCandidate | None, cands: list[TitleCandidate], lines: list[Line], stop: int,
         *, evaluation: bool = False) -> str | None:
    """The reporting or implementing unit, from the most to the least trusted place it is named.

    An evaluator (accounting firm, consultancy) only counts where a label names it as the unit; in an
    evaluation report, so does the finance department that organised it, unless the title names it."""
    evaluator = metadata()["unit"]["evaluator"]
    organiser = metadata()["unit"]["organiser"]
    pre = lines[:stop]
    body = lines[stop: stop + 40] if stop < len(lines) else []
    steps = (
        lambda: _from_titles(title, cands),
        lambda: _opening_unit(pre),
        lambda: _breadcrumb(pre),
        lambda: _alone(pre),
        lambda: _labelled_unit(lines, stop),
        lambda: _commissioned(pre + body),
        lambda: _from_sentences(pre + body),
        lambda: _publisher(lines[: stop + 10]),
        lambda: _alone(lines[-4:]),  # a signature at the end
        lambda: _named_in_body(pre + body),
    )
    trusted = (4, 5)  # a label, or the firm saying it reports, may name an evaluator
    for n, step in enumerate(steps):
        found = step()
        if not found:
            continue
        if n in trusted or not (evaluator.search(fold(found))
                                or (evaluation and n > 0 and organiser.search(fold(found)))):
            return _full_name(found, lines, stop) if n < 4 else found
    return None


def _full_name(found: str, lines: list[Line], stop: int) -> str:
    """The long name a label gives for the same body ("寻甸县林业和草原局" → "寻甸回族彝族自治县…局"):
    same opening characters and the same organisation word at the end."""
    labelled = _labelled_unit(lines, stop)
    if not labelled or len(labelled) <= len(found):
        return found
    short, long_ = fold(found), fold(labelled)
    suffix = metadata()["unit"]["suffixes"]
    tail = next((m.group() for m in suffix.finditer(short) if m.end() == len(short)), "")
    head = re.match(r"[\u3400-\u9fff]{2}", short)
    if tail and head and long_.startswith(head.group()) and long_.endswith(short[-max(len(tail), 4):]):
        return labelled
    return found


def _breadcrumb(pre: list[Line]) -> str | None:
    """The office a page's breadcrumb names ("首页 >> 部门信息公开 >> 某局 >> 正文"), the innermost."""
    rules = metadata()["unit"]
    for line in pre:
        parts = rules["breadcrumb"].split(line.text)
        if len(parts) < 3:
            continue
        for part in reversed(parts):
            found = org_at(part.strip(), fold(part.strip()), whole=True)
            if found:
                return found
    return None


def _commissioned(lines: list[Line]) -> str | None:
    """An evaluating firm that says it reports: "某会计师事务所受某局委托，对…"."""
    rules = metadata()["unit"]
    for line in lines:
        m = rules["commissioned"].search(line.folded)
        if m:
            found = org_at(line.text, line.folded, m.start("org"), whole=False)
            if not found or not rules["evaluator"].search(fold(found)):
                continue
            rest = line.folded[m.start("org") + len(found): m.end("org")]
            if not rest or re.fullmatch(r"\([^()]{1,10}\)", rest):  # "某会计师事务所(普通合伙)"
                return line.text[m.start("org"): m.end("org")]
    return None


def _from_titles(title: TitleCandidate | None, cands: list[TitleCandidate]) -> str | None:
    ordered = ([title] if title else []) + [c for c in reversed(cands) if c is not title]
    for c in ordered:
        lead = re.match(r"\s*(?:关于)?", c.folded)
        at = lead.end() if lead else 0
        found = org_at(c.text, c.folded, at)
        if found:
            return with_joined(c.text, c.folded, at, found)
    return None


def _opening_unit(pre: list[Line]) -> str | None:
    """A line opening with the unit and the year ("附件2:XX局2022年度…")."""
    strip = metadata()["title"]["strip_prefix"]
    for line in pre:
        m = strip.match(line.folded)
        at = m.end() if m else 0
        found = org_at(line.text, line.folded, at)
        if found and re.match(r"\s*(?:关于)?\s*(?:19|20)\d{2}\s*年", line.folded[at + len(found):]):
            return found
        year = re.match(r"\s*(?:19|20)\d{2}\s*年度?\s*", line.folded[at:])  # "2021年某局部门整体…"
        found = org_at(line.text, line.folded, at + year.end()) if year else None
        if (found and metadata()["title"]["must_contain"].search(line.folded)
                and metadata()["unit"]["placed"].match(fold(found))):
            return found
    return None


def _alone(lines: list[Line]) -> str | None:
    """A line that is just an organisation's name."""
    skip = metadata()["title"]["skip_lines"]
    for line in lines:
        f, t = line.folded.strip(), line.text.strip()
        if len(f) > 2 and f[0] == "(" and f[-1] == ")":  # "（某县人民医院）" under the title
            f, t = f[1:-1].strip(), t[1:-1].strip()
        if metadata()["unit"]["maker_aside"].search(f):  # "某县财政局（制）": who made the form
            continue
        aside = re.search(r"\s*\([^()]{1,6}\)$", f)  # "某市财政局（本级）"
        if aside and aside.start() >= 4:
            f, t = f[: aside.start()], t[: aside.start()]
        cut = re.search(r"\S\s{2,}\S", f)  # two units side by side ("某局  某财政局"): the first
        if cut and len(t) == len(f):
            f, t = f[: cut.start() + 1], t[: cut.start() + 1]
        found = org_at(t, f, whole=True)
        if found and not any(p.search(f) for p in skip):
            return found
        first = org_at(t, f)  # two bodies on one line ("某省住房和城乡建设厅、财政厅")
        if first and not any(p.search(f) for p in skip):
            joined = with_joined(t, f, 0, first)
            if len(joined) > len(first) and len(joined) == len(f):
                return joined
    return None


def _from_sentences(lines: list[Line]) -> str | None:
    rules = metadata()["unit"]
    for line in lines:
        m = rules["sentence_openers"].match(line.folded)
        if m:
            found = org_at(line.text, line.folded, whole=False)
            if found and len(found) == m.end("org") - m.start("org"):
                return found
        for m in rules["clause_openers"].finditer(line.folded):
            found = org_at(line.text, line.folded, m.start("org"), whole=False)
            if found:
                found = with_joined(line.text, line.folded, m.start("org"), found, in_title=False)
            if found and len(found) == m.end("org") - m.start("org"):
                return found
        for key in ("implementer", "evaluated", "report_intro"):
            m = rules[key].search(line.folded)
            found = org_at(line.text, line.folded, m.start("org")) if m else None
            if found:
                return found
    return None


def _publisher(lines: list[Line]) -> str | None:
    rules = metadata()["unit"]
    for line in lines:
        m = rules["publisher"].search(line.folded)
        if m:
            found = org_at(line.text, line.folded, m.start("org"), whole=False)
            if found and len(found) >= 5:
                return found
        m = rules["site"].search(line.folded)
        if m:
            found = org_at(line.text, line.folded, m.start("org"), whole=False)
            if found:
                return found
    return None


def _labelled_unit(lines: list[Line], stop: int) -> str | None:
    rules = metadata()["unit"]
    window = lines[: max(stop, 0) + 60]
    for label in rules["labels"]:
        for i, line in enumerate(window):
            plain, where = without_pinyin(line.folded)  # "預(yù)算部門(mén)單位" on mirror sites
            m = label.search(plain)
            if not m:
                continue
            end = where[m.end()]
            rest_t, rest_f = line.text[end:], line.folded[end:]
            # "(盖章)", and a second label sharing the field ("实施单位/项目负责人")
            strip = re.match(r"[\s:|]*(?:\((?:盖章|公章)\))?(?:/(?:项目负责人|单位负责人|负责人|联系人))?[\s:|]*",
                             rest_f)
            cut = strip.end() if strip else 0
            rest_t, rest_f = rest_t[cut:], rest_f[cut:]
            if not rest_f.strip(" |") and i + 1 < len(window):
                rest_t, rest_f = window[i + 1].text, window[i + 1].folded
            verb = rules["label_verb"].match(rest_f)
            if verb:
                rest_t, rest_f = rest_t[verb.end():], rest_f[verb.end():]
            code = rules["code_prefix"].match(rest_f)
            if code:
                rest_t, rest_f = rest_t[code.end():], rest_f[code.end():]
            found = org_at(rest_t, rest_f)
            if found:
                return found
    return None


def _named_in_body(lines: list[Line]) -> str | None:
    """The first organisation the opening lines name with its place (东阳市文化和广电旅游体育局及其下属…),
    found as words of the segmentation (:mod:`docparse.nlp.orgs`), when the ``orgs`` component is on
    (off: on the shared real corpus it names a body where the report names none, see
    ``benchmarks/bench_nlp.py``)."""
    from docparse.nlp.config import enabled

    if not enabled("orgs"):
        return None
    from docparse.nlp.orgs import org_spans

    organiser = metadata()["unit"]["organiser"]
    for line in lines:
        for start, end in org_spans(line.folded):
            name = line.folded[start:end]
            if len(name) >= 5 and not organiser.search(name):
                return line.text[start:end]
    return None
