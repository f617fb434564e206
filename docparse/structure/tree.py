"""The section tree and the per-block layout handed to later stages (:class:`Layout`)."""

from __future__ import annotations

from docparse.model import Document, Section
from docparse.model.analysis import Layout
from docparse.structure.headings import Candidate


def build(document: Document, heads: list[Candidate], levels: list[int]) -> tuple[list[Section], list[Section]]:
    """Top-level sections (with children) and all sections in document order."""
    flat: list[Section] = []
    roots: list[Section] = []
    stack: list[Section] = []
    for h, level in zip(heads, levels, strict=True):
        block = document.blocks[h.block]
        end = h.end if h.end_block == h.block else len(block.text)
        sec = Section(heading=h.text, level=level, block=h.block,
                      provenance=block.provenance.at(h.block, h.start, end),
                      number=h.label, title=h.title)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(sec)
        stack.append(sec)
        flat.append(sec)
    _end_blocks(document, heads, flat)
    return roots, flat


def _end_blocks(document: Document, heads: list[Candidate], flat: list[Section]) -> None:
    last = len(document.blocks) - 1
    for i, sec in enumerate(flat):
        end = last
        for j in range(i + 1, len(flat)):
            if flat[j].level <= sec.level:
                nxt = heads[j]
                end = nxt.block if nxt.start > 0 else nxt.block - 1
                break
        sec.end_block = max(end, sec.block)


def layout(document: Document, heads: list[Candidate], flat: list[Section], toc_blocks: set[int]) -> Layout:
    """Innermost section per block (None in the preamble), blocks a heading opens, heading spans
    ({block: [(start, end)]}), section pieces ({block: [(start, section)]} for blocks in which a
    section starts part-way) and the table-of-contents lines."""
    n = len(document.blocks)
    block_sections: list[Section | None] = [None] * n
    heading_blocks: set[int] = set()
    heading_spans: dict[int, list[tuple[int, int]]] = {}
    block_spans: dict[int, list[tuple[int, Section | None]]] = {}
    starts: dict[int, list[tuple[int, Section]]] = {}
    for h, sec in zip(heads, flat, strict=True):
        starts.setdefault(h.block, []).append((h.start, sec))
        if h.start == 0:
            heading_blocks.add(h.block)
            heading_blocks.update(h.blocks)
        if h.end_block == h.block:
            heading_spans.setdefault(h.block, []).append((h.start, h.end))
        else:
            heading_spans.setdefault(h.block, []).append((h.start, len(document.blocks[h.block].text)))
            heading_spans.setdefault(h.end_block, []).append((0, h.end))
    current: Section | None = None
    for b in range(n):
        here = starts.get(b, [])
        if here and here[0][0] == 0:
            current = here[0][1]
        if document.blocks[b].is_body:
            block_sections[b] = current
        if here:
            if here[0][0] > 0:
                block_spans[b] = [(0, current)] + [(s, sec) for s, sec in here]
            elif len(here) > 1:
                block_spans[b] = list(here)
            current = here[-1][1]
    return Layout(block_sections=block_sections, heading_blocks=heading_blocks, heading_spans=heading_spans,
                  block_spans=block_spans, toc_blocks=toc_blocks)
