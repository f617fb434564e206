"""Which segmentation-based components the analysis uses (all off by default).

Each component is measured on and off by ``benchmarks/bench_nlp.py`` (accuracy on the shared real and
the generated corpus, time per report): none of them has earned its place, so none is on unless asked
for, for one process with ``$DOCPARSE_NLP`` (a comma-separated list of the components to use, ``none``
for none) or for a block of code with :func:`using`. Without them, a parse imports neither jieba nor
spaCy.

- ``cues``: a role cue word counts only where it ends a word of the text's segmentation (支付 in 支付宝,
  支出 in 支出方向 is none; 预算 in 总预算 still is) — :mod:`docparse.nlp.cues`;
- ``orgs``: the first organisation the opening lines name as words (a place word … an organisation
  word, :mod:`docparse.nlp.orgs`) gives the reporting unit where nothing else names it;
- ``docs``: the spaCy ``Doc`` of every block is built during the analysis (for code that reads tokens
  and spans from :attr:`~docparse.model.analysis.Analysis.docs`); nothing in docparse's own output
  needs it.
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
