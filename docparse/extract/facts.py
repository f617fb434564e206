"""Report-level facts: budget, adjusted_budget, arrived, spent, arrival_rate, execution_rate, score, grade.

Sources, most authoritative first:

1. the self-evaluation table's money block (年度资金总额 row, or the first row with amounts when the
   total row is empty or all zero);
2. prose: a money or percent mention takes the role of the nearest cue word before it in its clause
   (rules/extract/facts.yaml). Figures that are parts of something (after 其中/含, inside brackets,
   prices, per-unit rates) and figures in top-level sections about one component fund are left out,
   so the report's main subject wins over its sub-projects. Figures of another year (上年度…, an earlier
   year, 自…以来) and budgets a sentence calls several years' (分两年实施) are left out too. The first
   figure of a role is the fact; later places stating the same value are its ``sources``.
3. derived: "资金已全部到位" with no amount → arrived = budget; a stated 到位率 with a budget (else the
   adjusted budget) and no arrived amount → arrived = budget × rate.

Every candidate is handed on as ``analysis.fact_candidates`` for the consistency checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from docparse.extract.evaluation import grade_readings, score_readings, stated_grade, stated_score, table_score
from docparse.extract.vocab import rules, simplified, words
from docparse.lexicon import marks, sentence_ends
from docparse.model.analysis import stage
from docparse.nlp.cues import rfind_word
from docparse.model.report import FACT_NAMES, MONEY_FACTS, Fact, FactBasis, Mention, MoneyRow, Section
from docparse.tables.vocabulary import role_name
from docparse.tables.vocabulary import rows as table_rows

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis
    from docparse.model.document import Document, Provenance


@dataclass(slots=True)
class Candidate:
    """A mention that a cue gives a role."""

    role: str
    mention: Mention
    cue: str
    distance: int
    total: bool = False  # a 合计/共计 figure: the whole, not one batch of it
    subject: str | None = None  # what the clause says the figure is of (the words before the cue)
    cue_at: Provenance | None = None  # where the cue stands
    level: str | None = None  # the government level the clause names (central, provincial, local)


# No clause or sentence reaches further than this from its figure: in a block without punctuation
# (a line of figures, a damaged file) each figure then costs a bounded look, not one over the block.
_REACH = 2000


def _context(text: str, start: int, floor: int, window: int | None = None) -> str:
    """The text a cue for the figure at ``start`` may stand in: back to a clause break or ``floor``."""
    conf = rules("facts")
    lo = max(floor, start - (int(conf["window"]) if window is None else window), start - _REACH)
    ctx = re.sub(r"\.(?!\d)", "。", text[lo:start])
    cut = max(ctx.rfind(ch) for ch in conf["clause_breaks"])
    return ctx[cut + 1:] if cut >= 0 else ctx


def _subject_part(clause: str, ctx: str, title: str) -> tuple[str, str, int] | None:
    """A part that the report's title names, of a whole of the department's scope ("批复我局项目支出380万元，
    其中包含环卫设施维护经费25万元" in the report on that 经费): the report's own figure, in the whole's role."""
    cues = [clause.rfind(w) for w in words("facts", "component_cues") if w in clause]
    if not title or not cues or not _names(ctx, title):
        return None
    cut = max(clause.rfind(ch, 0, max(cues)) for ch in "，,")  # "…380万元，其中包含…": the whole ends there
    whole = re.sub(r"[\d.,，、\s]*[万亿]?元[，,、\s]*$", "", clause[:cut])
    if not _other_scope(whole):
        return None
    for cat in rules("facts")["scope_categories"]:  # the category names the whole, its verb gives the role
        whole = whole.replace(cat, "□" * len(cat))
    found = _role_of(whole, "money")
    return None if found is None else (found[0], found[1], len(clause) - len(whole) + found[2])


def _later_part(text: str, start: int) -> bool:
    """A figure after a ；-break inside a sentence whose breakdown opened before it ("其中：安排A…；安排B…")."""
    lo = max(0, start - _REACH)
    head = text[max(lo - 1, *(text.rfind(ch, lo, start) for ch in "。\n")) + 1:start]
    cues = [head.rfind(w) for w in words("facts", "component_cues") if w in head]
    if not cues or re.search("[；;]", head[max(cues):]) is None:
        return False
    part = re.split("[；;]", head)[-1]  # "…；全年实际支出1595.59万元" names another fact: the breakdown is over
    return not any(w in part for w in words("funds", "listing_stops"))


def _is_component(ctx: str, after: str) -> bool:
    """Inside an open bracket, after 其中/含/用于…, or followed by a per-unit mark."""
    if ctx.count("(") + ctx.count("（") > ctx.count(")") + ctx.count("）"):
        return True
    cues = words("facts", "component_cues")
    sub = re.split(f"[{re.escape(rules('facts')['soft_breaks'])}]", ctx)[-1]
    if any(w in sub for w in cues) or any(ctx.lstrip().startswith(w) for w in cues):
        return True
    return bool(re.match(r"\s*/", after))


def _role_of(ctx: str, kind: str) -> tuple[str, str, int] | None:
    """The role of the nearest cue in ``ctx`` fitting a figure of ``kind``: (role, cue, distance)."""
    best: tuple[int, int, str, str] | None = None
    for phrase in rules("facts")["not_cues"]:
        ctx = ctx.replace(phrase, "□" * len(phrase))
    for role, spec in rules("facts")["roles"].items():
        if spec["kind"] != kind:
            continue
        for cue in spec["cues"]:
            pos = rfind_word(ctx, cue)
            if pos == -1:
                continue
            end = pos + len(cue)
            key = (end, len(cue))
            if best is None or key > (best[0], best[1]):
                best = (end, len(cue), role, cue)
    if best is None:
        return None
    for role in rules("facts")["precedence"]:
        spec = rules("facts")["roles"][role]
        if spec["kind"] == kind and role != best[2]:
            hits = [(rfind_word(ctx, c) + len(c), c) for c in spec["cues"] if rfind_word(ctx, c) >= 0]
            if hits:
                end, cue = max(hits)
                best = (end, len(cue), role, cue)
    blockers = [b for b in rules("facts")["blockers"] if b in ctx[best[0] - len(best[3]):]]
    if blockers:
        return None
    return best[2], best[3], len(ctx) - best[0]


def _component_sections(analysis: Analysis) -> set[int]:
    """Blocks inside top-level sections whose heading names one component fund, not a report topic."""
    out: set[int] = set()
    fund_words = rules("facts")["component_section_words"]
    for section in analysis.report.sections:
        title = section.title or section.heading
        if section.canonical is None and any(w in title for w in fund_words) and not any(
                w in title for w in rules("facts")["topic_section_words"]):
            end = section.end_block if section.end_block is not None else section.block
            out.update(range(section.block, end + 1))
    return out


def _section_heading(analysis: Analysis, block: int) -> str:
    sections: list[Section | None] = analysis.layout.block_sections
    if block < len(sections) and sections[block] is not None:
        return simplified(sections[block].heading)  # type: ignore[union-attr]
    return ""


def _other_year(clause: str, sentence: str, kind: str, fiscal_year: int | None) -> bool:
    """The clause last names another year (上年度, 以来, an earlier year) or the sentence several years."""
    conf = rules("facts")
    clause = re.sub(r"[（(][^（()）]*[）)]|《[^《》]*》", "", clause)  # 含上年结转… in brackets speaks of a part
    for phrase in [*conf["this_year_phrases"], *([f"{fiscal_year}年以来"] if fiscal_year else [])]:
        clause = clause.replace(phrase, "本年")
    marks = [(clause.rfind(w) + len(w), True) for w in conf["other_year_words"] if w in clause]
    marks += [(clause.rfind(w) + len(w), False) for w in conf["this_year_words"] if w in clause]
    if fiscal_year is not None:
        marks += [(y.end(), int(y.group(1)) < fiscal_year)
                  for y in re.finditer(r"((?:19|20)\d{2})\s*年", clause)]
    if marks and max(marks)[1]:
        return True
    return kind == "money" and any(w in sentence for w in conf["multi_year_words"])


def _in_table_row(text: str) -> bool:
    """A line of a flattened table: cells split by pipes or tabs."""
    return any(text.count(sep) >= int(rules("facts")["table_row_min_separators"]) for sep in "|\t")


def _lead(analysis: Analysis, index: int, prev_end: dict[int, int]) -> str:
    """The tail of the paragraph before, when a hard line break cut a sentence ("…截至年底共支出" / "1279.4万元，…"):
    its text after its last figure; empty when that paragraph ends a sentence or is a heading or table row."""
    blocks = analysis.document.blocks
    headings = analysis.layout.heading_blocks
    if index == 0 or index in headings or index - 1 in headings:
        return ""
    prev, here = blocks[index - 1], blocks[index]
    ptext = simplified(prev.text)
    conf = rules("facts")
    if (prev.kind != "paragraph" or not prev.is_body or len(ptext.strip()) < int(conf["wrap_min_chars"])
            or ptext.rstrip()[-1] in conf["sentence_ends"] or _in_table_row(ptext)
            or re.match(str(conf["item_start"]), here.text)):
        return ""
    return ptext[prev_end.get(index - 1, 0):]


def _past_bracket(text: str, start: int, ctx: str) -> str:
    """A context that opens by closing a bracket ("（含…135万元）合计200万元") reaches back past the bracket."""
    if not ctx.lstrip().startswith((")", "）")):
        return ctx
    opened = max(text.rfind("(", 0, start), text.rfind("（", 0, start))
    return ctx if opened < 0 else _context(text, opened, 0) + ctx.lstrip()[1:]


def _sentence(text: str, start: int) -> str:
    stop = min(len(text), start + _REACH)
    ends = [i for i in (text.find(ch, start, stop) for ch in sentence_ends()) if i >= 0]
    return _context(text, start, 0, window=start) + text[start:min(ends, default=stop)]


def _breakdown_blocks(analysis: Analysis) -> set[int]:
    """Paragraphs after one that ends by opening a breakdown ("…支付率60%。其中："), up to the next heading:
    they state the parts (sub-funds, sub-projects), not the report's own figures."""
    out: set[int] = set()
    cues = words("facts", "component_cues")
    headings = analysis.layout.heading_blocks
    inside = False
    for block in analysis.document.blocks:
        if block.index in headings or block.kind != "paragraph" or not block.is_body:
            inside = False
            continue
        if inside:
            out.add(block.index)
        if simplified(block.text).rstrip(" ：:\t").endswith(cues):
            inside = True
    return out


def _other_scope(clause: str) -> bool:
    """The figure is of a budget category of the whole department ("批复我局项目支出380万元")."""
    conf = rules("facts")
    owners = "|".join(re.escape(w) for w in conf["scope_owners"])
    cats = "|".join(re.escape(w) for w in conf["scope_categories"])
    gap = int(conf["scope_gap"])
    return re.search(f"(?:{owners})[^，,。；;]{{0,{gap}}}(?:{cats})[为是:：\\s]*$", clause) is not None


def _level(clause: str) -> str | None:
    """The government level the clause names nearest before the figure (中央下达…, 省级下达…)."""
    best: tuple[int, str] | None = None
    clause = re.sub(r"《[^《》]*》?", "", clause)  # a document's title names the issuer, not the share
    for level, names in rules("facts")["levels"].items():
        for name in names:
            pos = clause.rfind(name)
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, level)
    return best[1] if best else None


def _distinctive(subject: str | None) -> str:
    """``subject`` without the words too general to tell two subjects apart."""
    out = re.sub(r"《[^《》]*》?|[（(][^（()）]*[）)]", "", subject or "")  # titles and asides name no subject
    for w in sorted(rules("facts")["generic_subject_words"], key=len, reverse=True):
        out = out.replace(w, "")
    return re.sub(r"[\W\d_a-zA-Z]+", "", out)


def _names(subject: str | None, title: str) -> bool:
    """``subject`` names something of its own that ``title`` names too (a shared run of characters)."""
    core, n = _distinctive(subject), int(rules("facts")["subject_min_chars"])
    return any(core[i:i + n] in title for i in range(len(core) - n + 1))


def _basis(text: str, lead: str, block: Any, analysis: Analysis, start: int, ctx: str,
           found: tuple[str, str, int]) -> tuple[str | None, Provenance | None]:
    """The subject (the words the cue stands among, before the figure, without the cue) and where the cue
    stands."""
    cue = found[1]
    cue_start = text.rfind(cue, 0, start) if cue else -1
    cue_end = cue_start + len(cue)
    pos = ctx.rfind(cue) if cue else -1
    subject = ctx[:pos] + ctx[pos + len(cue):] if pos >= 0 else ctx
    subject = subject.strip(" ，,、：:。；;　\t")
    prov = None
    if cue and cue_start >= 0:
        if cue_start >= len(lead):
            prov = block.provenance.at(block.index, cue_start - len(lead), cue_end - len(lead))
        else:
            prev = analysis.document.blocks[block.index - 1]
            offset = len(simplified(prev.text)) - len(lead)
            prov = prev.provenance.at(prev.index, offset + cue_start, offset + cue_end)
    return (subject[-24:] or None), prov


def candidates(analysis: Analysis) -> list[Candidate]:
    """Every money/percent mention in prose that a cue gives a fact role, in document order."""
    document = analysis.document
    skip = set(analysis.layout.toc_blocks) | _component_sections(analysis) | _breakdown_blocks(analysis)
    title = simplified(analysis.report.report.title or "")
    out: list[Candidate] = []
    prev_end: dict[int, int] = {}
    said_of: dict[int, tuple[int, str | None]] = {}  # block → (end of its last candidate, that one's subject)
    fact_words = words("funds", "fact_words")
    items = {(i.provenance.block, i.provenance.start): any(w in simplified(i.name) for w in fact_words)
             for i in analysis.report.fund_items if i.provenance}
    plain: dict[int, str] = {}  # block → its simplified text, computed once (not once per figure)
    row_lines: dict[int, bool] = {}  # block → a flattened table row
    joined: dict[tuple[int, str], str] = {}
    for m in analysis.report.mentions:
        p = m.provenance
        if p is None or p.block is None or p.start is None or p.block >= len(document.blocks):
            continue
        block = document.blocks[p.block]
        if p.block not in plain:
            plain[p.block] = simplified(block.text)
            row_lines[p.block] = _in_table_row(block.text)
        if (p.block, p.start) in items and not (items[(p.block, p.start)] and not any(
                w in _context(plain[p.block], p.start, 0, window=p.start)
                for w in words("facts", "component_cues"))):
            # an item is a part, unless its name states a fact and no 其中/含 makes the sentence a breakdown
            prev_end[p.block] = p.end or p.start
            continue
        in_block = prev_end.get(p.block)
        if m.kind in ("money", "percent"):
            prev_end[p.block] = p.end or p.start
        if block.kind != "paragraph" or not block.is_body or p.block in skip:
            continue
        if m.kind not in ("money", "percent") or m.is_range or m.qualifier in ("approx", "range"):
            continue
        lead = _lead(analysis, p.block, prev_end)
        text = joined.get((p.block, lead))
        if text is None:
            joined.clear()
            text = joined[(p.block, lead)] = lead + plain[p.block]
        start, end = len(lead) + p.start, len(lead) + (p.end or p.start)
        floor = len(lead) + in_block if in_block is not None else 0
        after_figure = in_block is not None or (bool(lead) and p.block - 1 in prev_end)
        ctx = _context(text, start, floor)
        tail_breaks = f"[{re.escape(str(rules('facts')['tail_breaks']))}]"
        if after_figure and ctx == text[floor:start] and re.search(tail_breaks, ctx):
            # "742万元已全部到位，县级配套资金120万元": what follows a figure up to the break is said of it
            ctx = re.split(tail_breaks, ctx, maxsplit=1)[1]
        ctx = _past_bracket(text, start, ctx)
        signs = str(rules("facts")["comparators"])
        if row_lines[p.block] or m.text[:1] in signs or re.search(
                f"[{re.escape(signs)}]\\s*$", text[max(0, start - 2):start]):
            continue  # a flattened table row, or a target ("≥95%"), states no report-level fact
        clause = _context(text, start, 0, window=start)
        subject_part = None
        if m.kind == "money" and (_is_component(ctx, text[end:end + _REACH]) or _later_part(text, start) or any(
                clause.lstrip(" ，,、").startswith(w) for w in words("facts", "component_cues"))):
            subject_part = _subject_part(clause, ctx, title)
            if subject_part is None:
                continue
        if _other_year(clause, _sentence(text, start), m.kind, analysis.report.report.fiscal_year):
            continue
        if m.kind == "money" and _other_scope(clause):
            continue  # "批复我局项目支出380万元": the department's category, not the evaluated fund
        found = _role_of(ctx, m.kind) if subject_part is None else subject_part
        if found is not None and found[1] in rules("facts")["money_rate_cues"] and not re.search(
                str(rules("facts")["money_in_sentence"]), _sentence(text, start)):
            found = None  # "病床使用率89.3%", "报酬按时足额发放率100%": a rate of something other than money
        if found is not None and found[1] in rules("facts")["rate_bound_cues"] and not any(
                c in _sentence(text, start) for c in rules("facts")["roles"]["execution_rate"]["cues"]):
            found = None  # "实际完成投资54.6万元。": the work done, spending only where a rate makes it so
        bare_total = found is None and m.kind == "money" and ctx.strip(" ，,、：:") in words("facts", "total_words")
        if bare_total:  # "…88万元，上级补助资金42万元，合计130万元": the clause says what the total is
            found = _role_of(clause, m.kind)
        if found is None and m.kind == "percent" and re.search(str(rules("facts")["share_of_budget"]), clause):
            found = ("execution_rate", "", 0)
        if found is None and m.kind == "money" and not any(w in clause for w in words("facts", "component_cues")):
            heading = _section_heading(analysis, p.block)  # not for the parts after 其中
            for role, hints in rules("facts")["section_roles"].items():
                if any(h in heading for h in hints) and re.search(r"资金|经费|预算|万元", ctx):
                    found = (role, "", len(ctx))
                    break
        if found is not None:
            total = any(w in ctx for w in words("facts", "total_words"))
            subject, cue_at = _basis(text, lead, block, analysis, start, clause if bare_total else ctx, found)
            last = said_of.get(p.block)
            if not _distinctive(subject) and last is not None and not re.search(
                    f"[{re.escape(sentence_ends())}]", plain[p.block][last[0]:p.start]):
                subject = last[1]  # "甲项目预算42万元，实际支出40.5万元": the spending is 甲项目's too
            said_of[p.block] = (p.end or p.start, subject)
            out.append(Candidate(found[0], m, found[1], found[2], total, subject, cue_at,
                                 _level(clause) if m.kind == "money" else None))
    return out


def _specific(cand: Candidate) -> bool:
    """A cue precise enough that a different value there is a contradiction, not another figure."""
    conf = rules("facts")
    return (len(cand.cue) >= int(conf["conflict_cue_min_chars"][cand.mention.kind])
            and cand.distance <= int(conf["conflict_max_distance"]) and not cand.total)


def _shown(subject: str | None) -> str | None:
    """A subject as shown to a reader: from the start of its last clause (the words before it are context)."""
    if not subject:
        return subject
    cut = max(subject.rfind(mark) for mark in marks("clause_marks", "sentence_ends"))
    return subject[cut + 1:].strip() or subject


def _fact(m: Mention, role: str, cand: Candidate | None = None) -> Fact:
    basis = None if cand is None else FactBasis(cue=cand.cue, subject=_shown(cand.subject), provenance=cand.cue_at)
    return Fact(value=m.low, text=m.text, provenance=m.provenance, money=role in MONEY_FACTS, basis=basis)


def _from_row(row: MoneyRow, role: str) -> Fact | None:
    key = "rate" if role == "execution_rate" else role
    value = getattr(row, key, None)
    if value is None:
        return None
    text, prov = row.cells.get(key, (str(value), None))
    column = role_name(key)
    return Fact(value=value, text=text, provenance=prov, money=role in MONEY_FACTS,
                basis=FactBasis(cue=f"{row.name}·{column}", subject=row.name, provenance=prov))


def _candidate_dict(cand: Candidate) -> dict[str, Any]:
    fact = _fact(cand.mention, cand.role).to_dict()
    return {"value": fact["value"], "text": cand.mention.text, "cue": cand.cue, "subject": _shown(cand.subject),
            "provenance": fact["provenance"]}


def _warn(analysis: Analysis, code: str, role: str, message: str, cands: list[Candidate]) -> None:
    analysis.report.warnings.append({"code": code, "fact": role, "message": message,
                                     "candidates": [_candidate_dict(c) for c in cands]})


def _level_shares(analysis: Analysis, cands: list[Candidate], title: str) -> list[Candidate]:
    """Drop the money figures said of one government level where the figures name two or more levels
    and none is a stated total: they are shares of the fund, not its figure (unless the title names
    that level)."""
    named = rules("facts")["levels"]
    shares: list[Candidate] = []
    for role in dict.fromkeys(c.role for c in cands):
        role_cands = [c for c in cands if c.role == role]
        levels = {c.level for c in role_cands if c.level and not c.total}
        if len(levels) < 2 or any(c.total for c in role_cands):
            continue
        mine = [c for c in role_cands if c.level and not any(w in title for w in named[c.level])]
        if mine:
            _warn(analysis, "fact_level_shares", role,
                  f"{role}: figures of several government levels ({'、'.join(sorted(levels))}), none the total",
                  mine)
            shares += mine
    return [c for c in cands if c not in shares]


def _below_parts(analysis: Analysis, cands: list[Candidate]) -> list[Candidate]:
    """Drop a money figure whose own breakdown (其中…, same sentence) names a part larger than it: the text
    (masked, garbled or cut) does not settle what the figure is."""
    by_block: dict[int, list[Mention]] = {}
    for m in analysis.report.mentions:
        if m.kind == "money" and m.provenance and m.provenance.block is not None:
            by_block.setdefault(m.provenance.block, []).append(m)
    cues = words("facts", "component_cues")
    out = []
    for cand in cands:
        m, prov = cand.mention, cand.mention.provenance
        if m.kind != "money" or prov is None or prov.block is None:
            out.append(cand)
            continue
        text = simplified(analysis.document.blocks[prov.block].text)
        end = prov.end or prov.start or 0
        stop = min((i for i in (text.find(ch, end) for ch in sentence_ends()) if i >= 0), default=len(text))
        parts, prev, in_parts = [], end, False
        for o in by_block.get(prov.block, []):
            at = o.provenance.start or 0
            if not end <= at < stop:
                continue
            between = text[prev:at]
            in_parts = any(w in between for w in cues) or (in_parts and not any(
                c in between for spec in rules("facts")["roles"].values() for c in spec["cues"]))
            if in_parts:
                parts.append(o)
            prev = o.provenance.end or at
        if any(o.low > m.low for o in parts):
            _warn(analysis, "fact_below_parts", cand.role,
                  f"{cand.role}: {m.text} is smaller than a part listed after it", [cand])
            continue
        out.append(cand)
    return out


def other_subjects(a: str | None, b: str | None) -> bool:
    """Both subjects name something of their own, and not the same thing (for facts and checks)."""
    n = int(rules("facts")["subject_min_chars"])
    da, db = _distinctive(a), _distinctive(b)
    return len(da) >= n and len(db) >= n and da != db


def _other_subject(a: Candidate, b: Candidate) -> bool:
    return other_subjects(a.subject, b.subject)


def _ambiguous(role_cands: list[Candidate], title: str) -> bool:
    """Different values said of different subjects, the first naming a subject of its own that the title
    does not name ("甲项目预算资金42万元；乙项目预算资金65万元" in a report on the unit's projects)."""
    plain = [c for c in role_cands if not c.total]
    n = int(rules("facts")["subject_min_chars"])
    if len({c.mention.low for c in plain}) < 2 or len(_distinctive(plain[0].subject)) < n or _names(
            plain[0].subject, title):
        return False  # the first names no subject of its own (年初预算…), or the report's own
    return len({_distinctive(c.subject) for c in plain}) > 1


def _main_row(rows: list[MoneyRow]) -> MoneyRow | None:
    """The 年度资金总额 row, or the first row with a non-zero amount when the total row has none."""
    totals = set(table_rows()["money_rows"]["total"])

    def has_amounts(r: MoneyRow) -> bool:
        return any(v for v in (r.budget, r.adjusted_budget, r.spent) if v)

    for label in table_rows()["money_rows"]["total"]:  # 年度资金总额 before a plain 合计
        for row in rows:
            if row.name == label and has_amounts(row):
                return row
    return next((r for r in rows if has_amounts(r) and r.name not in totals), None) or next(
        (r for r in rows if r.rate), None)  # amounts lost, the rate survived


def _full_arrival(document: Document, budget: Fact | None, mentions: list[Mention],
                  skip: set[int]) -> Fact | None:
    """"资金已全部到位": the amount in the same clause, else the budget."""
    phrases = words("facts", "arrived_in_full")
    by_block: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "money" and m.provenance and m.provenance.block is not None:
            by_block.setdefault(m.provenance.block, []).append(m)
    for block in document.blocks:
        if not block.is_body or block.kind != "paragraph" or block.index in skip:
            continue
        text = simplified(block.text)
        for phrase in phrases:
            pos = text.find(phrase)
            if pos == -1:
                continue
            clause_start = max(text.rfind(ch, 0, pos) for ch in marks("sentence_ends", "clause_marks")) + 1
            inside = [m for m in by_block.get(block.index, [])
                      if clause_start <= (m.provenance.start or 0) < pos]
            prov = block.provenance.at(block.index, pos, pos + len(phrase))
            if inside:
                fact = _fact(inside[-1], "arrived")
                fact.basis = FactBasis(cue=phrase, provenance=prov)
                return fact
            if budget is not None:  # "资金已全部到位": the budget arrived
                return Fact(value=budget.value, text=block.text[pos:pos + len(phrase)], provenance=prov,
                            money=True, basis=FactBasis(cue=phrase, provenance=prov))
    return None


_OPEN_AFTER, _CLOSE = re.compile(r"\s*[(（]"), re.compile(r"[)）]")


def _budget_and_addition(analysis: Analysis) -> tuple[Fact, Fact] | None:
    """"行动资金800万元（财政预算740万元，年底追加…60万元）": a figure followed by a bracket that splits it into a
    budget and an addition adding up to it exactly — the bracket's budget, and the figure as the adjusted one."""
    conf = rules("facts")
    budget_cues = conf["roles"]["budget"]["cues"]
    by_block: dict[int, list[Mention]] = {}
    for m in analysis.report.mentions:
        if m.kind == "money" and m.provenance and m.provenance.block is not None:
            by_block.setdefault(m.provenance.block, []).append(m)
    for block, money in by_block.items():
        text = simplified(analysis.document.blocks[block].text)
        for k, whole in enumerate(money[:-2]):
            end = whole.provenance.end or 0
            if not _OPEN_AFTER.match(text, end):  # only a figure followed by a bracket (looked for in place)
                continue
            close = _CLOSE.search(text, end)
            if close is None:
                continue
            inside = [m for m in money[k + 1:] if (m.provenance.start or 0) < close.start()]
            if len(inside) != 2 or inside[0].low + inside[1].low != whole.low:
                continue
            lead0 = text[end:inside[0].provenance.start or 0]
            lead1 = text[inside[0].provenance.end or 0:inside[1].provenance.start or 0]
            if any(c in lead0 for c in budget_cues) and any(w in lead1 for w in conf["addition_words"]):
                cue = next(c for c in sorted(budget_cues, key=len, reverse=True) if c in lead0)
                budget = _fact(inside[0], "budget")
                budget.basis = FactBasis(cue=cue, subject=text[:whole.provenance.start or 0][-12:].strip(" ，,、"))
                adjusted = _fact(whole, "adjusted_budget")
                adjusted.basis = FactBasis(cue=f"{cue}+{next(w for w in conf['addition_words'] if w in lead1)}")
                return budget, adjusted
    return None


def _same_place(a: Provenance | None, b: Provenance | None) -> bool:
    return a is not None and b is not None and (a.block, a.start, a.table, a.row, a.col) == (
        b.block, b.start, b.table, b.row, b.col)


def _listing_totals(analysis: Analysis, facts: dict[str, Fact | None]) -> None:
    """The total an itemised listing closes with, where it equals a money fact, states that fact again."""
    for listing in analysis.report.fund_listings:
        total = listing.total
        if total is None or total.provenance is None:
            continue
        for name in ("budget", "adjusted_budget", "arrived", "spent"):
            fact = facts.get(name)
            if fact is None or fact.value != total.value:
                continue
            if not any(_same_place(total.provenance, p) for p in [fact.provenance, *fact.sources]):
                fact.sources.append(total.provenance)
            break


def _restatements(analysis: Analysis, facts: dict[str, Fact | None]) -> None:
    """A figure restated in capitals right after a fact's figure is one more place stating the fact."""
    pattern = re.compile(str(rules("facts")["restatement"]))
    at = {(f.provenance.block, f.provenance.start): f for f in facts.values()
          if f is not None and f.provenance is not None and f.money}
    mentions = [m for m in analysis.report.mentions if m.kind == "money" and m.provenance.block is not None]
    for prev, m in pairwise(mentions):
        fact = at.get((prev.provenance.block, prev.provenance.start))
        if fact is None or m.provenance.block != prev.provenance.block:
            continue
        text = analysis.document.blocks[m.provenance.block].text
        if pattern.match(text[prev.provenance.end or 0:m.provenance.start or 0]):
            fact.sources.append(m.provenance)


@stage(requires=("document", "report.report", "report.sections", "report.mentions", "report.fund_items",
                 "report.fund_listings", "layout", "selfeval"),
       assigns=("report.facts", "fact_candidates"))
def extract(analysis: Analysis) -> None:
    """Stage: fill ``report.facts``."""
    report = analysis.report
    facts: dict[str, Fact | None] = dict.fromkeys(FACT_NAMES)
    table = analysis.selfeval
    row = _main_row(table.money_rows) if table is not None else None
    from_table: set[str] = set()
    if row is not None:
        for role in ("budget", "adjusted_budget", "spent", "execution_rate"):
            facts[role] = _from_row(row, role)
            from_table.add(role)
    title = simplified(report.report.title or "")
    cands = _below_parts(analysis, _level_shares(analysis, candidates(analysis), title))
    totals = {c.role for c in cands if c.total}
    for role in dict.fromkeys(c.role for c in cands):
        role_cands = [c for c in cands if c.role == role]
        if role not in totals and role not in from_table and _ambiguous(role_cands, title):
            _warn(analysis, "fact_ambiguous", role,
                  f"{role}: several figures of different subjects, none certain to be the report's", role_cands)
            cands = [c for c in cands if c.role != role]
    analysis.fact_candidates = cands
    ordered = [c for c in cands if c.total or c.role not in totals] + [
        c for c in cands if not c.total and c.role in totals]
    chosen: dict[str, Candidate] = {}
    for cand in ordered:
        if cand.role in from_table:
            continue
        current = facts.get(cand.role)
        if current is None:
            facts[cand.role] = _fact(cand.mention, cand.role, cand)
            chosen[cand.role] = cand
        elif cand.mention.provenance is not None and (current.value == cand.mention.low or (
                _specific(cand) and cand.role not in totals
                and not _other_subject(cand, chosen[cand.role]))):
            current.sources.append(cand.mention.provenance)  # the same subject stated again
    if facts["budget"] is None and facts["adjusted_budget"] is None:
        split = _budget_and_addition(analysis)
        if split is not None:
            facts["budget"], facts["adjusted_budget"] = split
    weak = facts["arrived"] is not None and any(  # given by its section's heading only
        c.role == "arrived" and not c.cue and c.mention.provenance is facts["arrived"].provenance for c in cands)
    if facts["arrived"] is None or weak:
        full = _full_arrival(analysis.document, facts["budget"], report.mentions, _component_sections(analysis))
        if full is not None and (facts["arrived"] is None or full.text not in words("facts", "arrived_in_full")):
            facts["arrived"] = full  # "742万元已全部到位" says more than a heading does
    rate = facts["arrival_rate"]
    planned = facts["budget"] or facts["adjusted_budget"]
    if facts["arrived"] is None and rate is not None and planned is not None:
        value = (Decimal(planned.value) * Decimal(rate.value) / 100).quantize(Decimal("0.01"))
        facts["arrived"] = Fact(value=value, text=rate.text, provenance=rate.provenance, money=True)
    _restatements(analysis, facts)
    _listing_totals(analysis, facts)
    facts["score"] = stated_score(analysis.document) or table_score(analysis)
    facts["grade"] = stated_grade(analysis.document)
    for role, readings in (("score", score_readings(analysis.document)),
                           ("grade", grade_readings(analysis.document))):
        if facts[role] is None and len({f.value for f in readings}) > 1:
            report.warnings.append({
                "code": "fact_ambiguous", "fact": role,
                "message": f"{role}: the text states several ({'、'.join(str(f.value) for f in readings)}), "
                           "none marked as the report's total",
                "candidates": [{"value": str(f.value), "text": f.text,
                                "cue": f.basis.cue if f.basis else "", "subject": None,
                                "provenance": f.provenance.to_dict() if f.provenance else None}
                               for f in readings]})
    report.facts = facts


def summary(report: Any) -> dict[str, str | None]:
    """``{fact: value}`` as strings (for benchmarks and tests)."""
    out: dict[str, str | None] = {}
    for name in FACT_NAMES:
        fact = report.facts.get(name)
        out[name] = None if fact is None else fact.to_dict()["value"]
    return out
