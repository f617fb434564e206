"""The working state of one document's analysis, and how a stage declares what it reads and sets.

A stage is a function ``stage(analysis) -> None`` decorated with :func:`stage`, naming the
attributes of :class:`Analysis` it ``requires`` (set by an earlier stage or by the reader) and those
it ``assigns``. The pipeline checks the order once, the way spaCy checks its components' ``requires``
and ``assigns``: a stage may only read what an earlier stage set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docparse.model.document import Document
from docparse.model.report import Report, Section

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from docparse.tables.view import TableView


@dataclass
class Layout:
    """Where the structure stage found sections and headings, per block of the document."""

    block_sections: list[Section | None] = field(default_factory=list)
    """The innermost section each block belongs to (None in the preamble)."""
    heading_blocks: set[int] = field(default_factory=set)
    """Blocks a heading opens."""
    heading_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    """Character spans of headings that stand part-way through a block (flattened text)."""
    block_spans: dict[int, list[tuple[int, Section | None]]] = field(default_factory=dict)
    """For blocks in which a section starts part-way: (start, section) pieces."""
    toc_blocks: set[int] = field(default_factory=set)
    """Table-of-contents lines."""


@dataclass
class Analysis:
    """Working state handed from stage to stage for one document."""

    document: Document
    report: Report
    layout: Layout = field(default_factory=Layout)
    """Set by the structure stage."""
    text_tables: list[TableView] | None = None
    """The typed view of every table flattened to text lines, as the mentions stage read it."""
    selfeval: Any = None
    """The self-evaluation table as read (:class:`docparse.extract.selfeval_table.SelfEvalTable`)."""
    fact_candidates: list[Any] = field(default_factory=list)
    """Every figure the facts stage weighed for a role, for the consistency checks."""
    _docs: list[Doc] | None = None

    @property
    def docs(self) -> list[Doc]:
        """spaCy Docs, one per block, computed on first use."""
        if self._docs is None:
            from docparse.nlp import annotate

            self._docs = annotate(self.document)
        return self._docs


@dataclass(frozen=True)
class StageInfo:
    """What a stage reads from and writes to :class:`Analysis` (dotted paths: ``report.sections``)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def stage(*, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()) -> Callable[[Callable], Callable]:
    """Declare a pipeline stage's inputs and outputs; the function gets a ``stage_info`` attribute."""

    def mark(func: Callable[[Analysis], None]) -> Callable[[Analysis], None]:
        func.stage_info = StageInfo(f"{func.__module__}:{func.__name__}", tuple(requires), tuple(assigns))  # type: ignore[attr-defined]
        return func

    return mark


#: What exists before any stage runs: the reader's document and the report's source and warnings.
GIVEN = ("document", "report.source", "report.warnings")


def check_order(infos: list[StageInfo]) -> None:
    """Raise ``ValueError`` when a stage requires what no earlier stage (nor the reader) assigns."""
    have = set(GIVEN)
    for info in infos:
        missing = [r for r in info.requires if r not in have]
        if missing:
            raise ValueError(f"stage {info.name} requires {', '.join(missing)}, which no earlier stage assigns")
        have.update(info.assigns)
