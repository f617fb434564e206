"""Structure: headings, the section tree, the canonical outline, report type and metadata.

Reads ``analysis.document`` only and leaves for later stages:

- ``report.sections`` (the tree), ``report.report`` (type, title, fiscal_year, unit, project),
  warnings ``heading_number_skipped`` / ``heading_number_repeated`` / ``section_missing``;
- ``analysis.layout`` (:class:`~docparse.model.analysis.Layout`): per block the innermost section,
  the blocks a heading opens, table-of-contents lines, and the character spans where a heading or
  section starts part-way through a block (flattened pages, headings inline with their body).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docparse.model.analysis import stage
from docparse.structure import headings, levels, lines, meta, outline, tree

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis

__all__ = ["analyse"]


@stage(requires=("document",), assigns=("report.sections", "report.report", "layout"))
def analyse(analysis: Analysis) -> None:
    """Detect headings, build the section tree and fill the report metadata."""
    document = analysis.document
    report = analysis.report
    body = lines.body_lines(document)
    heads = headings.detect(body, document)
    lv, warnings = levels.assign_levels(heads)
    roots, flat = tree.build(document, heads, lv)
    stop = heads[0].line if heads else min(len(body), 60)
    report.report = meta.describe(document, body, stop, len(heads))
    outline.map_sections(roots)
    report.sections = roots
    report.warnings.extend(warnings)
    report.warnings.extend(outline.missing(roots, report.report.type))
    analysis.layout = tree.layout(document, heads, flat, {line.block for line in body if line.toc})
