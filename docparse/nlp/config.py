"""Which segmentation-based components the analysis uses.

Each component is measured on and off by ``benchmarks/bench_nlp.py`` (accuracy and time per report);
one that changed nothing was removed, and the ones listed here are on unless switched off, for one
process with ``$DOCPARSE_NLP`` (a comma-separated list of the components to use, ``none`` for none)
or for a block of code with :func:`using`.

- ``cues``: a role cue word (预算数, 使用率 …) counts only where it stands on word boundaries of the
  text's segmentation, not inside a longer word (批复预算数, 病床使用率);
- ``orgs``: organisation names found as words (jieba's ``nt`` words and names ending in an official
  suffix, ``rules/nlp/orgs.jsonl``) give the reporting unit where no label names it;
- ``docs``: the spaCy ``Doc`` of every block is built during the analysis (for code that reads tokens
  and spans from :attr:`~docparse.model.analysis.Analysis.docs`); nothing in docparse's own output
  needs it, so it is off.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

COMPONENTS: tuple[str, ...] = ("cues", "orgs", "docs")
DEFAULT_ON: frozenset[str] = frozenset()


def _from_env() -> frozenset[str]:
    raw = os.environ.get("DOCPARSE_NLP")
    if raw is None:
        return DEFAULT_ON
    names = {n.strip() for n in raw.split(",") if n.strip() and n.strip() != "none"}
    unknown = names - set(COMPONENTS)
    if unknown:
        raise ValueError(
            f"DOCPARSE_NLP: unknown component {', '.join(sorted(unknown))} (known: {', '.join(COMPONENTS)})"
        )
    return frozenset(names)


_on: frozenset[str] = _from_env()


def enabled(name: str) -> bool:
    """Whether component ``name`` is in use."""
    if name not in COMPONENTS:
        raise KeyError(f"no segmentation component {name!r} (known: {', '.join(COMPONENTS)})")
    return name in _on


def active() -> frozenset[str]:
    """The components in use."""
    return _on


@contextmanager
def using(*names: str) -> Iterator[None]:
    """Use exactly the components ``names`` inside the block (the benchmark's ablation)."""
    global _on
    unknown = set(names) - set(COMPONENTS)
    if unknown:
        raise KeyError(f"no segmentation component {', '.join(sorted(unknown))}")
    before, _on = _on, frozenset(names)
    try:
        yield
    finally:
        _on = before
