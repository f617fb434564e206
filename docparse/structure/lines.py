"""Lines of the body text as heading detection sees them, with table-of-contents and cell guards.

A paragraph block usually is one line. A block flattened from a PDF page (the line breaks became
single spaces, headings run inline: "… 一、概况 (一)单位情况 1.职能 正文 …") is cut
into pieces at those spaces, so that a heading inside it is found where it starts.

A report run together without any breaks ("…报告一、基本情况(一)项目概况本校…二、…") is cut where
its top numbering goes on in sequence (一、 then 二、 …, and （一）（二）… restarting under each): the
counters, not the line starts, show where the headings are.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from docparse.lexicon import marks
from docparse.model import Document
from docparse.structure.numbering import find_marker
from docparse.structure.rules import numbering
from docparse.structure.text import fold

_BULLETS = " \t\u3000\u00a0•▪●◆"
_CJK = r"[\u3400-\u9fff，。、；：）)\]】”]"
_GAP = re.compile(_CJK + r"[ \t\u3000\u00a0]+(?=[\u3400-\u9fff（(\[【“①-⑳])")
_SPLIT = re.compile(r"(?<![0-9])[ \t\u3000\u00a0]+|(?<=[0-9])[ \t\u3000\u00a0]+(?![年月日万元%个])")


@dataclass(slots=True)
class Line:
    """A piece of a body block's text: ``text == block.text[start:end]``."""

    block: int
    start: int
    end: int
    text: str
    folded: str
    flattened: bool = False
    toc: bool = False
    cell: bool = False
    inline: bool = False  # cut where a numbering sequence goes on inside a run-together block


def is_flattened(text: str) -> bool:
    """Many CJK-space-CJK gaps: line breaks of a page turned into spaces (not letter-spaced text,
    where nearly every character stands alone: "绩 效 自 评 报 告")."""
    if len(_GAP.findall(text)) < numbering()["thresholds"]["flattened_gaps"]:
        return False
    words = text.split()
    return sum(len(w) for w in words) / max(1, len(words)) >= 3


def _pieces(text: str, flattened: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        begin, end = pos, pos + len(raw)
        pos = end + 1
        if not flattened:
            lead = len(raw) - len(raw.lstrip(_BULLETS))  # a page's list bullet ("  • 一、…")
            if raw.strip():
                spans.append((begin + lead, begin + len(raw.rstrip())))
            continue
        cut = begin
        for m in _SPLIT.finditer(raw):
            if m.start() > 0 and begin + m.start() > cut:
                spans.append((cut, begin + m.start()))
            cut = begin + m.end()
        if cut < end:
            spans.append((cut, end))
    return [(a, b) for a, b in spans if b > a]


def _sequence_cuts(folded: str) -> list[int]:
    """Offsets inside ``folded`` where a heading number carries on the sequence before it.

    Only the top families (一、 and （一）) count, each number the one after the last of its family
    (（一） restarts under each 一、); at least two such numbers must follow each other in the text."""
    rules = numbering()["inline_sequence"]
    cuts: list[int] = []
    last: dict[str, int] = {}
    opening = find_marker(folded)
    if opening is not None and opening.family in rules["families"]:
        last[opening.family] = opening.number
    for m in rules["marker"].finditer(folded):
        if m.start() == 0 or rules["not_before"].match(folded[m.start() - 1]):
            continue
        if rules["listing_before"].search(folded[max(0, m.start() - 6):m.start()]):
            continue  # "主要包括(一)人员经费(二)…": items listed inside a sentence
        marker = find_marker(folded[m.start():])
        if marker is None or marker.family not in rules["families"]:
            continue
        prev = last.get(marker.family)
        if prev is not None and marker.number != prev + 1:
            continue
        if prev is None and marker.number != 1 and cuts:
            continue
        cuts.append(m.start())
        last[marker.family] = marker.number
        if marker.family == rules["families"][0]:
            last.pop(rules["families"][1], None)
    run = len(cuts) + (1 if opening is not None else 0)
    return cuts if run >= rules["min_run"] else []


def _inline_pieces(text: str, folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    for a, b in spans:
        long_enough = b - a >= numbering()["inline_sequence"]["min_chars"]
        cuts = [a + c for c in _sequence_cuts(folded[a:b])] if long_enough else []
        if not cuts:
            out.append((a, b, False))
            continue
        bounds = [a, *cuts, b]
        for x, y in itertools.pairwise(bounds):
            piece = text[x:y]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out.append((x + lead, x + len(piece.rstrip()), True))
    return out


def body_lines(document: Document) -> list[Line]:
    """Lines of the body paragraphs in reading order; tables are left out (their cells are never headings)."""
    out: list[Line] = []
    for block in document.blocks:
        if not block.is_body or block.kind != "paragraph" or not block.text.strip():
            continue
        flat = is_flattened(block.text)
        folded = fold(block.text)
        for a, b, inline in _inline_pieces(block.text, folded, _pieces(block.text, flat)):
            out.append(Line(block.index, a, b, block.text[a:b], folded[a:b], flat, inline=inline))
    _mark_guards(out)
    toc_style = numbering()["toc_style"]
    for line in out:
        style = document.blocks[line.block].style
        if style and toc_style.match(style):
            line.toc = True
    return out


def _looks_like_entry(line: Line) -> bool:
    rules = numbering()
    return bool(rules["toc_entry"].search(line.folded)) and len(line.folded) <= 80


def _heading_row(line: Line) -> bool:
    """A table row whose only filled cell is the first, a numbered title ("一、项 目 基 本 概 况 | |||"):
    a heading set in a table. The line is cut to that cell."""
    first, sep, rest = line.folded.partition("|")
    marker = find_marker(first)
    if not sep or rest.replace("|", "").strip() or marker is None:
        return False
    if marker.family not in numbering()["heading_row_families"]:
        return False
    size = len(first.rstrip())
    if len(re.sub(r"\s", "", first)) > numbering()["thresholds"]["max_lead_chars"]:
        return False
    line.end = line.start + size
    line.text, line.folded = line.text[:size], line.folded[:size]
    return True


def _short_entry(folded: str) -> bool:
    """An unnumbered entry of a contents list without page numbers (摘要, 前言, 附件1.评分表)."""
    text = folded.strip()
    return 0 < len(text) <= numbering()["thresholds"]["toc_plain_entry_chars"] and not any(
        ch in marks("sentence_ends", "clause_marks", "label_marks") for ch in text)


def _mark_guards(lines: list[Line]) -> None:
    rules = numbering()
    for line in lines:
        if rules["table_cell"].search(line.folded):
            line.cell = not _heading_row(line)
        if rules["form_options"].search(line.folded):
            line.cell = True
    # table of contents: the 目录 line, then entries (numbered, or ending in page numbers) until
    # the first entry's heading comes round again, or prose starts
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.flattened and rules["toc_title"].match(line.folded.strip()):
            line.toc = True
            seen: set[str] = set()
            j = i + 1
            while j < len(lines):
                cand = lines[j]
                key = re.sub(r"\s", "", re.sub(r"[\s.·…．\-—_]*\d{1,3}\s*$", "", cand.folded))
                if key in seen:
                    break
                entry = (_looks_like_entry(cand)
                         or (find_marker(cand.folded) is not None and len(cand.folded) <= 40
                             and "。" not in cand.folded)
                         or _short_entry(cand.folded))
                if not entry:
                    break
                seen.add(key)
                cand.toc = True
                j += 1
            i = j
            continue
        if not line.flattened and re.search(r"[.·…．_]{4,}\s*\d{1,3}\s*$", line.folded):
            line.toc = True  # a dot-leader entry without a 目录 title
        i += 1
