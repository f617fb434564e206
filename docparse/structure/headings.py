"""Heading detection: numbered lines that open a section, told apart from numbered list items.

A numbered line is a heading when its lead phrase (up to the first sentence end or colon) reads as a
title: short, no comma-joined clauses. Items of one run ("1、…2、…3、…") are judged together: when
most read as sentences, or they restart a family inside itself, or run on inline ("1.…。2.…"),
the run is an enumeration inside a section, not a row of headings. Word heading styles and
outline levels always make a heading.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from docparse.lexicon import marks
from docparse.model import Block, Document
from docparse.structure.lines import Line
from docparse.structure.numbering import Marker, find_marker
from docparse.structure.outline import canonical
from docparse.structure.rules import numbering
from docparse.structure.text import fold, is_cjk

_ENDS = f"[{re.escape(marks('sentence_ends'))}]"
_OPEN = "([【《“‘〔「『"
_CLOSE = ")]】》”’〕」』"
_STYLE_LEVEL = re.compile(r"(?:heading|标题|title)\s*(\d)", re.IGNORECASE)


@dataclass(slots=True)
class Candidate:
    """A line that may open a section."""

    line: int  # index into the lines list
    block: int
    start: int  # offset of the heading in its block
    end: int  # end offset of the heading text (in ``end_block``)
    end_block: int
    text: str  # the heading as written, numbering included
    label: str | None  # the number as written ("一、", "(二)")
    title: str  # the heading without its number
    family: str
    rank: float
    number: int | None
    sentence: bool = False
    long: bool = False  # a lead far too long for a title: certainly a sentence
    inline_list: bool = False
    has_body: bool = False
    ended: bool = False  # the lead phrase closed with a sentence end (。；)
    styled: bool = False
    emphasised: bool = False  # bold, or set larger than the body text
    keyed: bool = False  # "name：short value；" — an entry of a list of fields or amounts
    blocks: list[int] = field(default_factory=list)
    is_heading: bool = True


def _style_level(block: Block) -> int | None:
    """Heading level from Word: outline level (1 = top, as readers report it) or a heading style."""
    if block.outline_level is not None and 1 <= block.outline_level <= 9:
        return block.outline_level
    if block.style:
        m = _STYLE_LEVEL.search(block.style)
        if m:
            return int(m.group(1))
    return None


def _lead_end(folded: str) -> tuple[int, str]:
    """Where the lead phrase ends and the delimiter that ends it ("" at the end of the text)."""
    delims = numbering()["lead_delimiters"]
    depth = 0
    gap_seen = False
    for i, ch in enumerate(folded):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in delims or (ch == "." and not _decimal_point(folded, i))):
            return i, ch
        elif ch == " " and not gap_seen and i > 0:
            # the first space between characters: a title set before its body on one line
            # ("一、项目概况 本项目位于…"); letter-spaced text ("项 目 概 况") is left alone
            gap_seen = True
            after = folded[i:].lstrip()
            if i >= 2 and is_cjk(folded[i - 1]) and after[:1] and is_cjk(after[0]):
                return i, " "
    return len(folded), ""


def _inline_title_end(folded: str, k: int, delim: str) -> tuple[int, str]:
    """In a run-together report a title may go straight on into its body ("（一）项目概况本校…"):
    it ends with a title word (情况, 概况, 问题 …) before the first punctuation, the first one unless
    another follows a few characters on ("存在的问题及原因分析", "绩效目标实现情况")."""
    rules = numbering()["inline_sequence"]
    window = re.split(f"[{re.escape(marks('sentence_ends', 'clause_marks', 'label_marks'))}]",
                      folded[: min(k, rules["max_title_chars"])])[0]
    found = list(rules["title_endings"].finditer(window))
    if not found:
        return k, delim
    end = found[0].end()
    for m in found[1:]:
        if m.start() - end > rules["max_title_gap"]:
            break
        end = m.end()
    if end >= k:
        return k, delim
    return end, "|"  # a cut without punctuation: the body starts right after the title


def _decimal_point(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _has_clause_comma(lead: str) -> bool:
    continuations = numbering()["comma_continuations"]
    depth = 0
    for i, ch in enumerate(lead):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",，":
            after = lead[i + 1:].lstrip()
            if not after.startswith(continuations):
                return True
    return False


def _inline_list(body: str, marker: Marker) -> bool:
    """The body runs on with the next number of the same family: "1.…。2.…"."""
    for m in re.finditer(rf"^|{_ENDS}\s*", body):
        nxt = find_marker(body[m.end():])
        if nxt is not None and nxt.family == marker.family and nxt.number == marker.number + 1:
            return True
    return False


def _body_size(document: Document) -> float | None:
    sizes = sorted(b.font_size for b in document.blocks
                   if b.kind == "paragraph" and b.is_body and b.font_size and len(b.text) > 40)
    return sizes[len(sizes) // 2] if sizes else None


def _candidate(lines: list[Line], i: int, document: Document, body_size: float | None = None) -> Candidate | None:
    line = lines[i]
    if line.toc or line.cell:
        return None
    block = document.blocks[line.block]
    level = _style_level(block)
    marker = find_marker(line.folded)
    rules = numbering()
    if (marker is None and not line.flattened and rules["annex"].match(line.folded)
            and len(line.folded.strip()) <= rules["annex_max_chars"] and not line.folded.rstrip().endswith("。")):
        text = line.text.strip()
        return Candidate(i, line.block, line.start, line.end, line.block, text, None, text,
                         "annex", -100, None, styled=level is not None, blocks=[line.block])
    if marker is None:
        if level is None or line.start != 0 or len(line.folded) > 60 or line.folded.rstrip().endswith("。"):
            return None
        text = line.text.strip()
        return Candidate(i, line.block, line.start, line.end, line.block, text, None, text,
                         f"style{level}", -10 + level, None, styled=True, blocks=[line.block])
    rest_text, rest_folded = line.text[marker.end:], line.folded[marker.end:]
    base, end_block, blocks = line.start + marker.end, line.block, [line.block]
    sep = ""
    if not rest_folded.strip() and i + 1 < len(lines):
        nxt = lines[i + 1]
        if nxt.toc or nxt.cell or find_marker(nxt.folded) is not None:
            return None
        rest_text, rest_folded, base, end_block = nxt.text, nxt.folded, nxt.start, nxt.block
        if nxt.block != line.block:
            blocks.append(nxt.block)
            sep = "\n"
        else:
            sep = document.blocks[line.block].text[line.end:nxt.start]
    k, delim = _lead_end(rest_folded)
    if line.inline:
        k, delim = _inline_title_end(rest_folded, k, delim)
    lead = rest_text[:k].rstrip(" ,，、")
    body = rest_folded[k + 1:].strip() if delim else ""
    if (not re.search(r"[\u3400-\u9fffA-Za-z]", lead) or rules["not_title"].match(fold(lead))
            or rules["report_title"].match(rest_folded)):
        return None
    label = marker.label(line.text)
    text = (line.text[marker.start:].rstrip() + sep + lead) if sep else line.text[marker.start:marker.end] + lead
    th = numbering()["thresholds"]
    size = len(re.sub(r"\s", "", lead))
    sentence = size > th["max_lead_chars"] or (size >= th["comma_sentence_chars"]
                                                and _has_clause_comma(rest_folded[:k]))
    if delim in ";；":
        sentence = sentence or bool(delim)
    emphasised = bool(block.bold) or bool(body_size and block.font_size and block.font_size > body_size + 0.5)
    value = body.rstrip("；;。,， ")
    # "项目名称：某某项目" / "人员经费：120万元；" — a field and its short value
    keyed = (delim == ":" and 0 < len(value) <= 20 and not any(ch in marks("sentence_ends", "clause_marks")
                                                                   for ch in value)
             and len(line.folded) <= 45
             # … but a top outline topic ("一、项目概况：硬化村道12公里。") stays a heading
             and not (marker.rank <= 2 and canonical(lead)[0] is not None))
    cand = Candidate(i, line.block, line.start + marker.start, base + len(lead), end_block, text.strip(),
                     label, lead.strip(), marker.family, marker.rank, marker.number,
                     sentence=sentence, long=size > th["max_lead_chars"],
                     inline_list=_inline_list(body, marker), has_body=bool(body),
                     ended=bool(delim) and delim in marks("sentence_ends"), styled=level is not None, blocks=blocks,
                     emphasised=emphasised and not body, keyed=keyed)
    return cand


def _runs(cands: list[Candidate]) -> list[list[Candidate]]:
    """Consecutive siblings of one family: the counter goes on (1, 2, 3 …) without restarting."""
    runs: list[list[Candidate]] = []
    open_run: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.number is None:
            continue
        run = open_run.get(c.family)
        last = run[-1].number if run else None
        if run is not None and last is not None and last <= c.number <= last + 2 and c.number != 1:
            run.append(c)
        else:
            run = [c]
            runs.append(run)
            open_run[c.family] = run
    return runs


def detect(lines: list[Line], document: Document) -> list[Candidate]:
    """Headings in reading order (list items and guarded lines left out)."""
    cands: list[Candidate] = []
    used: set[int] = set()
    body_size = _body_size(document)
    for i in range(len(lines)):
        if i in used:
            continue
        c = _candidate(lines, i, document, body_size)
        if c is None:
            continue
        if len(c.blocks) > 1 or c.end_block != c.block or (c.end > lines[i].end):
            used.add(i + 1)
        cands.append(c)
    cands = _started(cands)
    share = numbering()["thresholds"]["list_run_share"]
    position = {id(c): n for n, c in enumerate(cands)}
    for run in _runs(cands):
        # items that read as sentences; one far too long for a title, or running on inline, counts double
        titled = all(_set_as_title(c, lines, cands, position) for c in run)
        wordy = sum(2 if (c.long or c.inline_list) else 1 for c in run
                    if (c.sentence and not titled) or c.inline_list)
        bare = len(run) >= 2 and all(c.ended and not c.has_body and _next_is_sibling(c, cands, position)
                                     for c in run[:-1]) and run[-1].ended
        first = run[0]
        before = cands[position[id(first)] - 1] if position[id(first)] > 0 else None
        nested_restart = (first.number == 1 and before is not None and before.family == first.family
                          and before.number is not None and before.number > 1 and not first.styled)
        keyed = sum(1 for c in run if c.keyed)
        # "1.新建校舍3栋" / "2.新增学位500个": stacked one under the other with no text of their own,
        # and stating quantities, they are targets or results listed, not titles
        stacked = len(run) >= 2 and not run[-1].has_body and all(
            not c.has_body and _next_is_sibling(c, cands, position) for c in run[:-1])
        quantified = sum(1 for c in run if re.search(r"\d", c.title))
        is_list = (wordy > share * len(run) or bare or nested_restart
                   or (keyed >= 2 and keyed > share * len(run))
                   or (stacked and quantified >= numbering()["thresholds"]["quantified_run_share"] * len(run)))
        # set in bold or a larger size, like headings are, a run of short titles stays a run of headings
        if is_list and all(c.emphasised and not c.sentence and not c.inline_list for c in run):
            is_list = False
        if is_list:
            for c in run:
                if not c.styled:
                    c.is_heading = False
    heads = [c for c in cands if c.is_heading]
    # attachments open only after the report's first numbered heading
    first = next((n for n, c in enumerate(heads) if c.number is not None), len(heads))
    heads = [c for n, c in enumerate(heads) if c.family != "annex" or n > first]
    return _with_trailing(heads, lines)


def _set_as_title(c: Candidate, lines: list[Line], cands: list[Candidate], position: dict[int, int]) -> bool:
    """A short line with no sentence end, standing alone above its own text: in a run of such lines
    ("（一）强化组织领导，层层压实工作责任" / text / "（二）…" / text) a comma does not make a sentence."""
    if c.ended or c.has_body or c.long or c.inline_list or _ends_sentence(lines[c.line]):
        return False
    if len(re.sub(r"\s", "", c.title)) > numbering()["thresholds"]["comma_title_chars"]:
        return False
    n = position[id(c)]
    nxt = cands[n + 1] if n + 1 < len(cands) else None
    after = c.line + 1 + (len(c.blocks) - 1)
    return after < len(lines) and (nxt is None or nxt.line > after)


def _ends_sentence(line: Line) -> bool:
    return line.folded.rstrip().endswith(("。", ".", ";", "；", "!", "！"))


def _started(cands: list[Candidate]) -> list[Candidate]:
    """Lines of a weak family ("1 项目概况") count only once one of them numbered 1 is followed
    straight away by a first heading of the family it needs ("1.1 项目背景")."""
    weak = {f.key: f.needs_start for f in numbering()["families"] if f.needs_start}
    started: set[str] = set()
    out = []
    for n, c in enumerate(cands):
        if c.family in weak:
            nxt = cands[n + 1] if n + 1 < len(cands) else None
            if c.number == 1 and nxt is not None and nxt.family == weak[c.family] and nxt.number == 1:
                started.add(c.family)
            elif c.family not in started:
                continue
        out.append(c)
    return out


_TAIL = re.compile(rf"{_ENDS}\s*")


def _with_trailing(heads: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """Add headings run onto the end of the paragraph before them ("…按规定拨付。2.资金执行情况"),
    as text taken from PDF can join them: a short title closing the block, whose number carries on
    the heading before it of the same family and is carried on by the next one."""
    found: list[Candidate] = []
    keys = [(h.block, h.start) for h in heads]
    for i, line in enumerate(lines):
        if line.flattened or line.toc or line.cell or (i + 1 < len(lines) and lines[i + 1].block == line.block):
            continue
        for m in _TAIL.finditer(line.folded):
            tail = line.folded[m.end():]
            marker = find_marker(tail)
            if marker is None or marker.number < 2 or not 2 <= len(tail) - marker.end <= 30:
                continue
            if re.search(f"[{re.escape(marks('sentence_ends', 'label_marks', 'clause_marks'))}]", tail[marker.end:]):
                continue
            at = line.start + m.end()
            cut = bisect_left(keys, (line.block, at))
            before, after = heads[:cut], heads[cut:]
            prev = next((h for h in reversed(before) if h.family == marker.family), None)
            nxt = next((h for h in after if h.family == marker.family), None)
            if prev is None or prev.number != marker.number - 1:
                continue
            if before and before[-1].rank > marker.rank:  # a deeper heading stands between them
                continue
            if nxt is not None and nxt.number not in (marker.number + 1, 1):
                continue
            raw = line.text[m.end():]
            text = raw.strip()
            start = at + len(raw) - len(raw.lstrip())
            found.append(Candidate(i, line.block, start, line.end, line.block, text, marker.label(tail),
                                   text[marker.end - marker.start:].strip(), marker.family, marker.rank,
                                   marker.number))
            break
    if not found:
        return heads
    return sorted(heads + found, key=lambda h: (h.block, h.start))


def _next_is_sibling(c: Candidate, cands: list[Candidate], position: dict[int, int]) -> bool:
    n = position[id(c)]
    if n + 1 >= len(cands):
        return False
    nxt = cands[n + 1]
    return nxt.family == c.family and nxt.line == c.line + 1
