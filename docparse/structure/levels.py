"""Heading levels from the order in which numbering families nest in this document.

A family that first appears with its counter at 1 opens below the heading before it; one that
first appears mid-count (an excerpt starting at "(三)" or "五、") is placed by its usual rank.
Levels are then the nesting depth: a family closes everything opened after it.
"""

from __future__ import annotations

from typing import Any

from docparse.structure.headings import Candidate


def family_order(heads: list[Candidate]) -> list[str]:
    """The families from outermost to innermost, as this document nests them."""
    order: list[str] = []
    rank: dict[str, float] = {}
    for h in heads:
        rank.setdefault(h.family, h.rank)
        if h.family in order:
            continue
        if h.number == 1:  # opens below what came before
            order.append(h.family)
        else:  # starts mid-count, or has no number: its usual rank places it
            order.insert(next((i for i, f in enumerate(order) if rank[f] > h.rank), len(order)), h.family)
    return order


def assign_levels(heads: list[Candidate]) -> tuple[list[int], list[dict[str, Any]]]:
    """Level of each heading (1 = top) and warnings about skipped or repeated numbers.

    A family already open closes what was opened inside it; a family not open yet opens below the
    current heading when it starts counting at 1, and otherwise (its start is not in the text) takes
    its place by usual rank. Before any outer heading, a family sits under the ones its rank implies.
    """
    order = family_order(heads)
    pos = {f: i for i, f in enumerate(order)}
    rank = {h.family: h.rank for h in heads}
    numbered = {h.family: h.number is not None for h in heads}
    stack: list[tuple[Candidate, int]] = []
    last_child: dict[tuple[int, str], int] = {}
    levels: list[int] = []
    depth: dict[str, int] = {}  # the level of each family's last heading
    warnings: list[dict[str, Any]] = []
    for h in heads:
        open_families = [c.family for c, _ in stack]
        if h.family in open_families:
            while stack[-1][0].family != h.family:
                stack.pop()
            stack.pop()
        elif h.number not in (None, 1) and h.family in depth:
            # a family met before keeps its depth ("二、" after an unnumbered "附件：…" at the top)
            while stack and stack[-1][1] >= depth[h.family]:
                stack.pop()
        elif h.number not in (None, 1):
            while stack and rank[stack[-1][0].family] > h.rank:
                stack.pop()
        elif h.family.startswith("style"):  # Word heading without a number: its outline level places it
            target = int(h.family[5:])
            while stack and stack[-1][1] >= target:
                stack.pop()
        elif h.number is None:
            while stack and rank[stack[-1][0].family] >= h.rank:
                stack.pop()
        if stack:
            level = stack[-1][1] + 1
        elif h.number in (None, 1):
            level = 1
        else:  # an excerpt starting mid-count sits under the numbered families outside it
            level = 1 + sum(1 for f in order[: pos[h.family]] if numbered[f])
        parent = id(stack[-1][0]) if stack else 0
        if h.number is not None:
            prev = last_child.get((parent, h.family))
            expected = 1 if prev is None else prev + 1
            if prev is not None and h.number == prev:
                warnings.append(_warn("heading_number_repeated", h, prev))
            elif h.number != expected and (prev is not None or levels):
                warnings.append(_warn("heading_number_skipped", h, prev))
            last_child[(parent, h.family)] = h.number
        stack.append((h, level))
        levels.append(level)
        depth[h.family] = level
    return levels, warnings


def _warn(code: str, h: Candidate, prev: int | None) -> dict[str, Any]:
    what = "repeats" if code.endswith("repeated") else "skips a number after"
    after = f" {prev}" if prev is not None else " the start of its level"
    return {"code": code, "message": f"heading “{h.text}” {what}{after}", "block": h.block,
            "heading": h.text}
