"""Performance indicators: the self-evaluation table's rows merged with those stated in prose.

Prose gives indicators in two ways:

- under a 二级指标 label ("数量指标：布防飞机数量≥6架，实际布防6架；…", or a heading "(1)数量指标"
  with statements below it): each clause with a figure is an indicator — the words before the
  figure are its name, a comparator makes the figure the target, "实际…" the actual;
- a measure ending in 率/度 with a percentage anywhere ("网上可办率达99.14%",
  "满意率均达到99%以上").

Table rows come first where both state the same indicator; all are returned in document order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from docparse.extract.values import comparison, meets
from docparse.extract.vocab import rules, simplified, words
from docparse.lexicon import ends_sentence, marks, sentence_ends
from docparse.model.analysis import stage
from docparse.model.report import Indicator, Mention

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis
    from docparse.model.document import Block

_CLAUSE = re.compile(f"[{re.escape(marks('clause_marks', 'sentence_ends'))}]")
_SENTENCE = sentence_ends()
_CLAUSE_BODY = f"[^{re.escape(marks('clause_marks', 'sentence_ends'))}]+"  # up to the next clause mark


def _level2_in(text: str) -> str | None:
    plain = simplified(text)
    for label in words("indicators", "prose_labels"):
        if label in plain:
            return label
    return None


def _level1_of(level2: str | None) -> str | None:
    return rules("indicators")["level1_of"].get(level2) if level2 else None


def _level2_only(label: str | None) -> str | None:
    """The 二级指标 a prose label names: none when the label is a 一级 only ("产出指标：…")."""
    return None if label in rules("indicators")["level1_only_labels"] else label


def _clean_name(name: str) -> str:
    name = re.sub(r"^\s*(?:\d+[.、．]|[（(]\d+[)）]|[①-⑳])\s*", "", name)
    name = name.strip(" ，,、：:；;。\u3000")
    changed = True
    while changed:
        changed = False
        for link in words("indicators", "name_links"):
            if name.endswith(link) and len(name) > len(link) + 1:
                name = name[: -len(link)].rstrip(" ，,、：:")
                changed = True
    for prefix in ("其中", "并且", "同时"):
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            name = name[len(prefix):].lstrip(" ，,、：:")
    return name


def _value_text(block: Block, m: Mention) -> tuple[str, int, int]:
    """The figure with its comparator before and 以上/以下 after, as written."""
    text = block.text
    start, end = m.provenance.start or 0, m.provenance.end or 0
    before = text[max(0, start - 6):start]
    for sign in sorted({s for signs in rules("indicators")["comparators"].values() for s in signs},
                       key=len, reverse=True):
        if sign in rules("indicators")["suffix_comparators"]:
            continue
        if before.endswith(sign):
            start -= len(sign)
            break
    for word in rules("indicators")["suffix_comparators"]:
        if text.startswith(word, end):
            end += len(word)
            break
    return text[start:end], start, end


def _is_fact_rate(name: str) -> bool:
    plain = simplified(name)
    return any(w in plain for w in rules("indicators")["fact_rates"])


def _block_level2(analysis: Analysis, block: Block) -> str | None:
    sections = analysis.layout.block_sections
    section = sections[block.index] if block.index < len(sections) else None
    while section is not None:
        found = _level2_in(section.heading)
        if found:
            return found
        break
    return None


def _alt(items: list[str]) -> str:
    return _alternation(tuple(items))


@cache
def _alternation(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def _statement(block: Block, start: int, end: int, level2: str | None) -> Indicator | None:
    """"名称：年度指标值为X，实际完成值为Y，…该项指标分值W分，自评得S分" as one indicator."""
    labels = rules("indicators")["statement_labels"]
    text = block.text[start:end]
    plain = simplified(text)
    fill = r"(?:为|是|:|：)?\s*"
    t = re.search(rf"({_alt(labels['target'])}){fill}({_CLAUSE_BODY})", plain)
    a = re.search(rf"(?:{_alt(labels['actual'])}){fill}({_CLAUSE_BODY})", plain)
    if t is None or a is None or a.start() < t.end():
        return None
    named = re.search(r"[：:]", plain[: t.start()]) is not None
    if not (named or t.group(1).endswith("值")) and not re.match(
            r"\s*(?:[≥≤<>=＝]|不低于|不少于|不高于|不超过|\d)", t.group(2)):
        return None  # "计划…" without a value or a named indicator is a plan, not a target
    w = re.search(rf"(?:{_alt(labels['weight'])}){fill}(\d+(?:\.\d+)?)\s*分", plain)
    sc = re.search(rf"(?:{_alt(labels['score'])}){fill}(\d+(?:\.\d+)?)\s*分", plain[a.end():])
    lead = plain[: t.start()]
    colon = max(lead.rfind("："), lead.rfind(":"))
    name = _clean_name(text[:colon]) if colon > 0 else ""
    target, actual = text[t.start(2):t.end(2)].strip(), text[a.start(1):a.end(1)].strip()
    t_cmp, a_cmp = comparison(target), comparison(actual)
    return Indicator(
        name=name, level1=_level1_of(level2), level2=_level2_only(level2), target=target, actual=actual,
        weight=Decimal(w.group(1)) if w else None, score=Decimal(sc.group(1)) if sc else None,
        met=meets(t_cmp, a_cmp), source="text",
        provenance=block.provenance.at(block.index, start + t.start(2), start + a.end(1)),
        target_cmp=t_cmp, actual_cmp=a_cmp,
    )


def _heading_title(analysis: Analysis, block: Block) -> str | None:
    """The title of the block's own sub-heading when it names an indicator, not a topic or label."""
    sections = analysis.layout.block_sections
    section = sections[block.index] if block.index < len(sections) else None
    if section is None:
        return None
    title = _clean_name(section.title or section.heading)
    if not title or len(title) > 30 or _level2_in(title) or re.search(r"指标|情况|分析|完成|目标", title):
        return None
    return title


def _listed_targets(block: Block) -> list[Indicator]:
    """"年度绩效指标为：A≥X；B≥Y；…" → indicators with their targets."""
    plain = simplified(block.text)
    lead = re.search(rf"(?:{_alt(rules('indicators')['list_leads'])})[:：]", plain)
    if lead is None:
        return []
    out: list[Indicator] = []
    pos = lead.end()
    for part in re.split(r"[；;]", block.text[pos:]):
        item = part.rstrip("。.")
        m = re.search(r"[≥≤><=＝]|不低于|不高于|不少于|不超过|\d", item)
        if m is None or m.start() == 0:
            pos += len(part) + 1
            continue
        name, target = _clean_name(item[: m.start()]), item[m.start():].strip()
        if name and len(name) <= 30:
            cmp = comparison(target)
            out.append(Indicator(name=name, target=target, target_cmp=cmp, source="text",
                                 provenance=block.provenance.at(block.index, pos, pos + len(item))))
        pos += len(part) + 1
    return out if len(out) >= 2 else []


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    padded = text + "。"
    for i in range(len(padded)):
        if ends_sentence(padded, i):
            if i > start:
                out.append((start, i))
            start = i + 1
    return out


def statements(analysis: Analysis) -> tuple[list[Indicator], set[int]]:
    """Structured indicator statements and listed targets, merged; and the blocks they came from."""
    listed: list[Indicator] = []
    found: list[Indicator] = []
    used: set[int] = set()
    current: str | None = None  # the 二级指标 of the last short label line ("1.数量指标")
    headings: dict[int, str] = {}
    for block in analysis.document.blocks:
        if block.kind != "paragraph" or not block.is_body:
            continue
        if len(block.text) <= 20:
            label = _level2_in(block.text)
            if label is not None or re.search(r"指标", block.text):
                current = label
            continue
        targets = _listed_targets(block)
        if targets:
            listed.extend(targets)
            used.add(block.index)
            continue
        level2 = _block_level2(analysis, block) or current
        heading = _heading_title(analysis, block)
        for start, end in _sentences(block.text):
            ind = _statement(block, start, end, level2)
            if ind is not None:
                if not ind.name and heading:
                    headings[id(ind)] = heading
                found.append(ind)
                used.add(block.index)
    _name_statements(found, listed, headings)
    named = [i for i in found if i.name]
    index = Names(named)
    return named + [x for x in listed if not index.matches(x)], used


def _flat(text: str | None) -> str:
    return "".join((text or "").split())


def _name_statements(found: list[Indicator], listed: list[Indicator], headings: dict[int, str]) -> None:
    """Pair statements with the listed targets: by name, else by a target only one listed item has;
    a statement without a name takes the listed item's name, else its sub-heading's."""
    remaining = Names(listed)  # the listed items not yet paired
    by_target: dict[str, list[int]] = {}
    for i, x in enumerate(listed):
        by_target.setdefault(_flat(x.target), []).append(i)
    taken: set[int] = set()
    named = Names([f for f in found if f.name])

    def pair(i: int) -> None:
        taken.add(i)
        remaining.remove(listed[i])

    for ind in found:
        if not ind.name:
            continue
        match = remaining.first(ind)
        if match is None and ind.target:
            same_target = [i for i in by_target.get(_flat(ind.target), []) if i not in taken]
            if len(same_target) == 1 and not any(f is not ind for f in named.matches(listed[same_target[0]])):
                match = same_target[0]
        if match is not None:
            pair(match)
    names = {_flat(f.name) for f in found if f.name}
    for ind in found:
        if ind.name:
            continue
        match = next((i for i in by_target.get(_flat(ind.target), []) if i not in taken and listed[i].target),
                     None)
        if match is not None:
            pair(match)
            ind.name = listed[match].name
        elif id(ind) in headings:
            title = headings[id(ind)]
            if _flat(title) not in names:
                ind.name = title
        if ind.name:
            names.add(_flat(ind.name))
    listed[:] = [x for i, x in enumerate(listed) if i not in taken]


def prose_indicators(analysis: Analysis) -> list[Indicator]:
    """Indicators stated in the body text."""
    out, used = statements(analysis)
    by_block: dict[int, list[Mention]] = {}
    for m in analysis.report.mentions:
        if m.provenance is not None and m.provenance.block is not None and m.kind in ("percent", "count", "money"):
            by_block.setdefault(m.provenance.block, []).append(m)
    headings = analysis.layout.heading_blocks
    for block in analysis.document.blocks:
        if block.kind != "paragraph" or not block.is_body or block.index in headings or block.index in used:
            continue
        mentions = by_block.get(block.index, [])
        if not mentions:
            continue
        if len(block.text) < 40 and not any(ch in marks("clause_marks", "sentence_ends", "label_marks")
                                            for ch in block.text):
            continue  # a table cell flattened to a line
        out.extend(_block_indicators(analysis, block, mentions))
    return out


def _block_indicators(analysis: Analysis, block: Block, mentions: list[Mention]) -> list[Indicator]:
    text = block.text
    plain = simplified(text)
    labels = sorted(
        ((pos, label) for label in words("indicators", "prose_labels")
         for pos in [m.start() for m in re.finditer(re.escape(label), plain)]
         if pos == 0 or plain[pos - 1] in "，,。；;：:）)\u3000 "),
        key=lambda x: (x[0], -len(x[1])),
    )
    # keep the longest label at each position, drop labels inside longer ones
    kept: list[tuple[int, str]] = []
    for pos, label in labels:
        if kept and pos < kept[-1][0] + len(kept[-1][1]):
            continue
        kept.append((pos, label))
    section_level2 = _block_level2(analysis, block)
    in_goals = _top_canonical(analysis, block) in rules("indicators")["target_sections"]
    out: list[Indicator] = []
    last: Indicator | None = None
    used_end = -1
    # Positions looked up by bisection, so a long block costs no more per figure than a short one.
    label_starts = [pos for pos, _ in kept]
    cuts = _positions(text, marks("clause_marks", "sentence_ends", "label_marks"))
    stops = _positions(text, _SENTENCE)
    starts = sorted(x.provenance.start or 0 for x in mentions)
    for m in mentions:
        start = m.provenance.start or 0
        if start < used_end:
            continue
        before = bisect_left(label_starts, start)  # kept labels standing before the figure
        level2 = kept[before - 1][1] if before else section_level2
        label_end = kept[before - 1][0] + len(kept[before - 1][1]) if before else 0
        value, vstart, vend = _value_text(block, m)
        cut = _last_before(cuts, vstart) + 1
        sentence_start = _last_before(stops, vstart) + 1
        name = _clean_name(_bounded(text[max(cut, label_end):vstart]))
        used_end = vend
        colon = re.search(r"[：:]", text[sentence_start:min(vstart, sentence_start + 21)])  # used within 20
        if level2 is not None and colon and 0 < colon.start() <= 20:
            lead = _clean_name(text[sentence_start:sentence_start + colon.start()])
            if lead and _level2_in(lead) is None:
                after = bisect_right(starts, start)
                sentence_end = _first_from(stops, start, len(text))
                if after < len(starts) and starts[after] < sentence_end:
                    continue  # the sentence's last figure carries the lead's value
                name = lead
        if not name and level2 and label_end and level2.endswith(("度", "率")):
            name = level2
        cmp = comparison(value)
        achieved = re.search(r"(均|达|达到|提高到|保持在)$", simplified(text[max(0, vstart - 3):vstart]))
        is_target = cmp is not None and (
            (cmp.op != "=" and not value.endswith(("以上", "以下")) and not achieved) or in_goals)
        head = simplified(name[:_OPENER_REACH])  # openers are matched at the start only
        target_word = next((w for w in words("indicators", "target_openers")
                            if head.startswith(w)), None)
        if target_word and last is not None and last.target is None and _same_sentence(
                last, block, sentence_start):
            last.target, last.target_cmp = value, cmp
            last.met = meets(cmp, last.actual_cmp)
            continue
        opener = next((w for w in words("indicators", "actual_openers") if head.startswith(w)), None)
        if (last is not None and opener and last.target is None and last.actual is not None
                and _same_sentence(last, block, sentence_start)):
            last.target, last.target_cmp = last.actual, last.actual_cmp
            last.actual = None
        if last is not None and opener and last.actual is None and last.target is not None and _same_sentence(
                last, block, sentence_start):
            last.actual, last.actual_cmp = value, cmp
            last.met = meets(last.target_cmp, cmp)
            continue
        if opener and len(name) - len(opener) <= 2:
            continue  # "实际支出2700万元" with nothing to attach to: a fact, not an indicator
        measure = (name.endswith(tuple(rules("indicators")["prose_measure_suffixes"])) and m.kind == "percent"
                   and len(name) > 3)
        if level2 is None and not measure:
            continue
        if not name or len(name) > 30 or _is_fact_rate(name) or not re.search(r"[\u4e00-\u9fff]", name):
            continue
        if m.kind == "money" and level2 is None:
            continue
        ind = Indicator(
            name=name, level1=_level1_of(level2), level2=_level2_only(level2),
            target=value if is_target else None, actual=None if is_target else value,
            source="text", provenance=block.provenance.at(block.index, vstart, vend),
            target_cmp=cmp if is_target else None, actual_cmp=None if is_target else cmp,
        )
        out.append(ind)
        last = ind
    return out


_OPENER_REACH = 64  # longer than any target or actual opener word
_NAME_REACH = 400  # a name run this long is no indicator name (at most 30 characters) whatever is cut


def _bounded(run: str) -> str:
    """The run of text before a figure that may name it, its middle left out when it is very long (its
    start and end are what the name checks read), so each figure costs a bounded look."""
    if len(run) <= _NAME_REACH:
        return run
    half = _NAME_REACH // 2
    return run[:half] + run[-half:]


def _same_sentence(ind: Indicator, block: Block, sentence_start: int) -> bool:
    p = ind.provenance
    return p is not None and p.block == block.index and (p.start or 0) >= sentence_start


def _positions(text: str, chars: str) -> list[int]:
    """Where any of ``chars`` stands in ``text``, in order."""
    wanted = set(chars)
    return [i for i, ch in enumerate(text) if ch in wanted]


def _last_before(positions: list[int], end: int) -> int:
    """The last position below ``end`` (-1 when none), as ``max(text.rfind(ch, 0, end) …)`` gives it."""
    k = bisect_left(positions, end)
    return positions[k - 1] if k else -1


def _first_from(positions: list[int], start: int, default: int) -> int:
    """The first position at or after ``start`` (``default`` when none)."""
    k = bisect_left(positions, start)
    return positions[k] if k < len(positions) else default


def _top_canonical(analysis: Analysis, block: Block) -> str | None:
    for section in analysis.report.sections:
        end = section.end_block if section.end_block is not None else section.block
        if section.block <= block.index <= end:
            return section.canonical
    return None


def _same(a: Indicator, b: Indicator) -> bool:
    x, y = simplified(a.name), simplified(b.name)
    return _same_names(x, y)


def _same_names(x: str, y: str) -> bool:
    return x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x))


_GRAM = 4  # names this long or longer also match inside each other (see _same)


class Names:
    """Indicators indexed by their simplified name, answering "which of them are :func:`_same` as this
    one?" from a few candidates instead of a comparison with every one: a name held inside another
    shares its first four characters with some four characters of the longer one."""

    def __init__(self, items: list[Indicator] = ()) -> None:  # type: ignore[assignment]
        self._items: list[Indicator | None] = []
        self._names: list[str] = []
        self._where: dict[int, int] = {}  # id(indicator) → its slot
        self._exact: dict[str, list[int]] = {}
        self._grams: dict[str, list[int]] = {}  # each four characters of a long name → its slots
        self._heads: dict[str, list[int]] = {}  # the first four characters of a long name → its slots
        for item in items:
            self.add(item)

    def add(self, item: Indicator) -> None:
        slot, name = len(self._items), simplified(item.name)
        self._items.append(item)
        self._names.append(name)
        self._where[id(item)] = slot
        self._exact.setdefault(name, []).append(slot)
        if len(name) >= _GRAM:
            self._heads.setdefault(name[:_GRAM], []).append(slot)
            for gram in dict.fromkeys(name[k:k + _GRAM] for k in range(len(name) - _GRAM + 1)):
                self._grams.setdefault(gram, []).append(slot)

    def remove(self, item: Indicator) -> None:
        slot = self._where.pop(id(item), None)
        if slot is not None:
            self._items[slot] = None

    def _slots(self, name: str) -> list[int]:
        found = set(self._exact.get(name, ()))
        if len(name) >= _GRAM:
            found.update(i for i in self._grams.get(name[:_GRAM], ()) if name in self._names[i])
            for k in range(len(name) - _GRAM + 1):
                found.update(i for i in self._heads.get(name[k:k + _GRAM], ()) if self._names[i] in name)
        return sorted(i for i in found if self._items[i] is not None)

    def matches(self, item: Indicator) -> list[Indicator]:
        """The indicators held that are the same as ``item``, in the order they were added."""
        return [self._items[i] for i in self._slots(simplified(item.name))]  # type: ignore[misc]

    def first(self, item: Indicator) -> int | None:
        """The position (in the order added) of the first indicator held that is the same as ``item``."""
        slots = self._slots(simplified(item.name))
        return slots[0] if slots else None


def _order(ind: Indicator) -> tuple[int, int, int]:
    p = ind.provenance
    if p is None:
        return (1 << 30, 0, 0)
    return (p.block if p.block is not None else 1 << 30, p.row or 0, p.start or 0)


@stage(requires=("document", "report.sections", "report.indicators", "report.mentions", "layout"),
       assigns=("report.indicators",))
def extract(analysis: Analysis) -> None:
    """Stage: table indicators (already on the report) merged with those stated in prose."""
    report = analysis.report
    table = list(report.indicators)
    merged = list(table)
    prose: list[Indicator] = []
    in_table, in_prose = Names(table), Names()
    for ind in prose_indicators(analysis):
        if in_table.matches(ind):
            continue
        earlier = None if ind.actual is None else next(
            (p for p in in_prose.matches(ind) if p.actual is None and p.target is not None), None)
        if earlier is not None:
            earlier.actual, earlier.actual_cmp = ind.actual, ind.actual_cmp
            earlier.met = meets(earlier.target_cmp, ind.actual_cmp)
            continue
        prose.append(ind)
        in_prose.add(ind)
    merged.extend(prose)
    merged.sort(key=_order)
    report.indicators = merged
