"""The document text as HTML with every figure (mention) marked where it stands.

A mention's provenance gives its block and character span in the block text; a table block is
drawn as a table from its cells (each cell knows its span of the block text), a paragraph as a
paragraph. Each figure becomes ``<mark id="m{i}" class="fig k-{kind} r-{role}…" data-…>``. A figure
that cannot be placed in the text (a span across cells, a block the document lacks) is still
marked, in a line of unplaced figures under its block, so every mention has exactly one mark.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from html import escape
from typing import Any

from docparse.model import Block, Document

PLACE_KEYS = ("page", "paragraph", "table", "row", "col", "line", "block", "start", "end")


def where(prov: dict[str, Any] | None) -> str:
    if not prov:
        return "-"
    return " ".join(f"{k} {prov[k]}" for k in PLACE_KEYS if prov.get(k) is not None) or "-"


def span_key(prov: dict[str, Any] | None) -> tuple[Any, Any, Any] | None:
    if not prov or prov.get("block") is None or prov.get("start") is None:
        return None
    return prov["block"], prov["start"], prov["end"]


def value_text(mention: dict[str, Any]) -> str:
    value = mention["value"]
    text = "–".join(value) if isinstance(value, list) else value
    return {"money": f"{text} 元", "percent": f"{text} %", "ratio_points": f"{text} 个百分点"}.get(
        mention["kind"], f"{text} {mention.get('unit') or ''}".strip()
    )


def mark(i: int, mention: dict[str, Any], roles: Iterable[str], inner: str) -> str:
    """The ``<mark>`` of mention ``i`` around ``inner`` (already HTML): its kind and roles as classes;
    the rest of what hovering shows is in the page's figure table (:func:`figure_info`)."""
    classes = " ".join(["fig", f"k-{mention['kind']}", *(f"r-{r}" for r in sorted(set(roles)))])
    return f'<mark id="m{i}" class="{classes}">{inner}</mark>'


def figure_info(mention: dict[str, Any], roles: Iterable[str]) -> list[str]:
    """[kind, normalised value, roles, where, qualifier, unit source] of a mention, for its tooltip."""
    return [mention["kind"], value_text(mention), " ".join(sorted(set(roles))), where(mention.get("provenance")),
            mention.get("qualifier") or "", mention.get("unit_from") or ""]


class Marker:
    """Places the mentions of one report in the text of its document's blocks."""

    def __init__(self, mentions: list[dict[str, Any]], roles: dict[tuple[Any, Any, Any], set[str]]) -> None:
        self.mentions = mentions
        self.roles = roles
        self.by_block: dict[int, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            prov = m.get("provenance") or {}
            if prov.get("block") is not None and prov.get("start") is not None:
                self.by_block[prov["block"]].append(i)
        for ids in self.by_block.values():
            ids.sort(key=lambda i: (mentions[i]["provenance"]["start"], -mentions[i]["provenance"]["end"]))
        self.starts = {b: [mentions[i]["provenance"]["start"] for i in ids] for b, ids in self.by_block.items()}
        self.placed: set[int] = set()

    def figures(self) -> list[list[str]]:
        """The tooltip facts of every mention, in order (the page's figure table)."""
        return [figure_info(m, self._roles(i)) for i, m in enumerate(self.mentions)]

    def _roles(self, i: int) -> set[str]:
        return self.roles.get(span_key(self.mentions[i].get("provenance")), set())

    def _mark(self, i: int, inner: str) -> str:
        self.placed.add(i)
        return mark(i, self.mentions[i], self._roles(i), inner)

    def span(self, text: str, offset: int, ids: list[int], starts: list[int] | None = None) -> str:
        """HTML of ``text`` (standing at ``offset`` in its block) with the mentions ``ids`` (sorted by
        start, ``starts`` their starts) that fit in it."""
        out, pos, end_all = [], 0, len(text)
        if starts is not None:
            ids = ids[bisect_left(starts, offset) : bisect_left(starts, offset + len(text))]
        for i in ids:
            prov = self.mentions[i]["provenance"]
            start, end = prov["start"] - offset, prov["end"] - offset
            if start < pos or end > end_all or start >= end or i in self.placed:
                continue  # overlaps the figure before it, or outside this span: placed elsewhere
            out.append(escape(text[pos:start]))
            out.append(self._mark(i, escape(text[start:end])))
            pos = end
        out.append(escape(text[pos:]))
        return "".join(out)

    def unplaced(self, ids: Iterable[int]) -> str:
        rest = [i for i in ids if i not in self.placed]
        if not rest:
            return ""
        marks = " ".join(self._mark(i, escape(self.mentions[i]["text"])) for i in rest)
        return f'<div class="unplaced" title="figures whose place in the text could not be drawn">{marks}</div>'

    def block_html(self, block: Block) -> str:
        ids = self.by_block.get(block.index, [])
        cls = "blk" if block.is_body else f"blk muted role-{block.role}"
        page = f' data-page="{block.provenance.page}"' if block.provenance.page is not None else ""
        if block.kind == "table" and block.table is not None and _cells_have_spans(block):
            rows: dict[int, list[str]] = defaultdict(list)
            for cell in sorted(block.table.cells, key=lambda c: (c.row, c.col)):
                start = cell.provenance.start or 0
                inner = self.span(block.text[start : cell.provenance.end], start, ids, self.starts.get(block.index))
                spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                    f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                )
                rows[cell.row].append(f"<td{spans}>{inner}</td>")
            body = "".join(f"<tr>{''.join(cells)}</tr>" for _, cells in sorted(rows.items()))
            html = f'<table class="{cls}" id="b{block.index}"{page}><tbody>{body}</tbody></table>'
        else:
            tag = "pre" if block.kind == "table" else "p"
            html = f'<{tag} class="{cls}" id="b{block.index}"{page}>{self.span(block.text, 0, ids)}</{tag}>'
        return html + self.unplaced(ids)


def _cells_have_spans(block: Block) -> bool:
    assert block.table is not None
    return bool(block.table.cells) and all(
        c.provenance.start is not None and c.provenance.end is not None for c in block.table.cells
    )


def document_html(document: Document | None, marker: Marker, headings: dict[int, int]) -> str:
    """The whole text; heading blocks as ``<hN>``; pages marked where a PDF's page changes."""
    if document is None:
        everything = list(range(len(marker.mentions)))
        return (
            '<p class="notext">The source document is not available here, so its text cannot be shown; '
            f"its figures are listed instead.</p>{marker.unplaced(everything)}"
        )
    parts, page = [], None
    for block in document.blocks:
        if block.provenance.page is not None and block.provenance.page != page:
            page = block.provenance.page
            parts.append(f'<div class="pg" id="page{page}">page {page}</div>')
        level = headings.get(block.index)
        if level is not None and block.kind == "paragraph":
            n = min(level + 1, 6)
            ids = marker.by_block.get(block.index, [])
            parts.append(
                f'<h{n} class="blk head" id="b{block.index}">{marker.span(block.text, 0, ids)}</h{n}>'
                + marker.unplaced(ids)
            )
        else:
            parts.append(marker.block_html(block))
    known = {b.index for b in document.blocks}
    orphans = [i for b, ids in marker.by_block.items() if b not in known for i in ids]
    orphans += [i for i, m in enumerate(marker.mentions) if span_key(m.get("provenance")) is None]
    parts.append(marker.unplaced(sorted(orphans)))
    return "\n".join(parts)
