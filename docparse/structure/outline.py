"""Canonical outline: map top-level headings to the section keys of spec §4 with rapidfuzz."""

from __future__ import annotations

from functools import cache
from typing import Any

from rapidfuzz import fuzz

from docparse.model import Section
from docparse.structure.rules import outlines
from docparse.structure.text import match_key


@cache
def _synonyms() -> list[tuple[str, str]]:
    out = []
    for key, names in outlines()["canonical"].items():
        for name in names:
            k = match_key(name)
            if k:
                out.append((key, k))
    return out


def score(heading: str, synonym: str) -> tuple[float, int]:
    """Similarity (0–100) of a normalised heading to a normalised synonym, and where it aligns."""
    full = fuzz.ratio(heading, synonym)
    short, long_ = sorted((heading, synonym), key=len)
    part = fuzz.partial_ratio_alignment(short, long_)
    coverage = len(short) / max(1, len(long_))
    partial = part.score * (0.6 + 0.4 * coverage) if part is not None else 0.0
    where = part.dest_start if part is not None and len(heading) >= len(synonym) else 0
    if full >= partial:
        return full, 0
    return partial, where


def canonical(title: str) -> tuple[str | None, float]:
    """The canonical key for a heading's title (numbering already off) and its score."""
    key = match_key(title)
    if not key:
        return None, 0.0
    rules = outlines()
    for name, words in rules["prefixes"].items():
        if any(key.startswith(match_key(w)) for w in words):
            return name, 100.0
    best: dict[str, tuple[float, int]] = {}
    for name, syn in _synonyms():
        s, where = score(key, syn)
        if name not in best or s > best[name][0]:
            best[name] = (s, where)
    top = max(s for s, _ in best.values())
    if top < rules["min_score"]:
        return None, top
    close = [(where, -s, name) for name, (s, where) in best.items() if s >= top - rules["tie_margin"]]
    close.sort()
    where, neg, name = close[0]
    return name, -neg


def map_sections(sections: list[Section]) -> None:
    """Set ``canonical`` and ``canonical_score`` on the top-level sections."""
    for s in sections:
        name, sc = canonical(s.title or s.heading)
        s.canonical = name
        s.canonical_score = float(sc)


def missing(sections: list[Section], report_type: str) -> list[dict[str, Any]]:
    """Warnings for the expected sections of ``report_type`` that no top-level heading maps to."""
    expected = outlines()["expected"].get(report_type) or []
    if not sections:
        return []
    have = {s.canonical for s in sections}
    out = []
    for group in expected:
        if not have.intersection(group):
            out.append({"code": "section_missing",
                        "message": f"no top-level section for {' / '.join(group)} (expected in {report_type})",
                        "expected": list(group)})
    return out
