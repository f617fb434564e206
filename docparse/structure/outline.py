"""Canonical outline: map top-level headings to the section keys of spec §4 with rapidfuzz."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz

from docparse.model import Section
from docparse.structure.rules import outlines
from docparse.structure.text import fold, match_key


@cache
def _synonyms() -> list[tuple[str, str]]:
    out = []
    for key, names in outlines()["canonical"].items():
        for name in names:
            k = match_key(name)
            if k:
                out.append((key, k))
    return out


def score(heading: str, synonym: str) -> tuple[float, int, int]:
    """Similarity (0–100) of a normalised heading to a normalised synonym, and the span of the
    heading it covers: ``fuzz.ratio`` on the whole, or ``partial_ratio`` weighted by how much of
    the longer string the shorter one covers."""
    full = fuzz.ratio(heading, synonym)
    short, long_ = sorted((heading, synonym), key=len)
    part = fuzz.partial_ratio_alignment(short, long_)
    if part is None or len(heading) < len(synonym):
        return full, 0, len(heading)
    partial = part.score * (0.6 + 0.4 * len(short) / max(1, len(long_)))
    if full >= partial:
        return full, 0, len(heading)
    return partial, part.dest_start, part.dest_end


def canonical(title: str) -> tuple[str | None, float]:
    """The canonical key for a heading's title (numbering already off) and its score.

    Where two topics both match about as well and the heading names one before the other
    ("存在的问题及改进措施"), the one named first wins; so it does where the heading joins two
    topics with 及/和/与 and the best match for the whole is the second one ("评价结论及结果应用")."""
    name, top = _canonical(title)
    rules = outlines()
    if name is None:  # a title run on past its topic ("项目基本情况，包括项目背景、主要内容…"),
        # or joining a topic to words that match nothing ("建议和改进举措"): what it opens with
        for cut in (rules["clause_end"], rules["joiners"]):
            head = cut.split(fold(title), maxsplit=1)[0]
            if len(match_key(head)) >= 2 and head != fold(title):
                found = _canonical(head)
                if found[0] is not None:
                    return found
        return name, top
    if top >= 100:
        return name, top
    parts = rules["joiners"].split(fold(title), maxsplit=1)
    if len(parts) == 2 and len(match_key(parts[0])) >= 2 and len(match_key(parts[1])) >= 2:
        first, first_score = _canonical(parts[0])
        second, _ = _canonical(parts[1])
        if (first is not None and first != name and second == name
                and first_score >= rules["min_score"] + rules["tie_margin"]):
            return first, first_score
    return name, top


@lru_cache(maxsize=4096)  # reports share most of their headings: each is scored against the synonyms once
def _canonical(title: str) -> tuple[str | None, float]:
    key = match_key(title)
    if not key:
        return None, 0.0
    rules = outlines()
    written = fold(title).strip()
    for name, words in (rules.get("written_prefixes") or {}).items():
        if any(written.startswith(w) for w in words):
            return name, 100.0
    for name, words in rules["prefixes"].items():
        if any(key.startswith(match_key(w)) for w in words):
            return name, 100.0
    for name, pattern in rules["endings"].items():
        if pattern.search(key):
            return name, 100.0
    best: dict[str, tuple[float, int, int]] = {}
    for name, syn in _synonyms():
        found = score(key, syn)
        if name not in best or found[0] > best[name][0]:
            best[name] = found
    name, (top, start, _) = max(best.items(), key=lambda kv: kv[1][0])
    if top < rules["min_score"]:
        return None, top
    earlier = [(s_start, -s, n) for n, (s, s_start, s_end) in best.items()
               if n != name and s >= top - rules["tie_margin"] and s_end <= start]
    if earlier:
        _, neg, first = min(earlier)
        return first, -neg
    return name, top


def map_sections(sections: list[Section]) -> None:
    """Set ``canonical`` and ``canonical_score`` on the top-level sections (level 1; a section an
    excerpt opens below the top level has no canonical key)."""
    for s in sections:
        if s.level != 1:
            continue
        name, sc = canonical(s.title or s.heading)
        s.canonical = name
        s.canonical_score = float(sc)


def missing(sections: list[Section], report_type: str) -> list[dict[str, Any]]:
    """Warnings for the expected sections of ``report_type`` that no top-level heading maps to."""
    expected = outlines()["expected"].get(report_type) or []
    if not sections:
        return []
    have = {s.canonical for s in sections if s.level == 1}
    out = []
    for group in expected:
        if not have.intersection(group):
            out.append({"code": "section_missing",
                        "message": f"no top-level section for {' / '.join(group)} (expected in {report_type})",
                        "expected": list(group)})
    return out
