"""Markdown of a report's document: its headings (at their section level), paragraphs and tables.

For people who feed the text to other tools. Headings are the report's sections (level 1 → ``##``,
the report title, where known, is ``#``); a Word or PDF table becomes a pipe table (a merged cell
in its first slot, the slots it covers empty); page headers, footers and footnotes are left out. Without the
document (a JSON whose source file is gone) only the outline and the facts are written.
"""

from __future__ import annotations

import re
from typing import Any

from docparse.model import Block, Document

_LEADING = re.compile(r"^(\s*)([#>*+\-=]|\d+[.)])")


def _escape(line: str) -> str:
    """A line that Markdown would read as text only (no heading, quote, list or rule)."""
    line = line.replace("\\", "\\\\").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
    return _LEADING.sub(
        lambda m: m.group(1) + ("\\" + m.group(2) if len(m.group(2)) == 1 else m.group(2)[:-1] + "\\" + m.group(2)[-1]),
        line,
    )


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|") or " "


def table_markdown(block: Block) -> str:
    """A pipe table of a table block (its grid, or its `` | `` rows when it has none)."""
    rows = (
        [[c or "" for c in r] for r in block.table.grid()]
        if block.table is not None
        else [r.split(" | ") for r in block.text.splitlines()]
    )
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [[*r, *[""] * (width - len(r))] for r in rows]
    lines = ["| " + " | ".join(_cell(c) for c in rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _levels(sections: list[dict[str, Any]], out: dict[int, int] | None = None) -> dict[int, int]:
    out = {} if out is None else out
    for s in sections:
        if s.get("block") is not None:
            out.setdefault(s["block"], s["level"])
        _levels(s.get("children", []), out)
    return out


def _outline(sections: list[dict[str, Any]]) -> list[str]:
    lines = []
    for s in sections:
        lines.append("#" * min(s["level"] + 1, 6) + " " + s["heading"])
        lines.extend(_outline(s.get("children", [])))
    return lines


def to_markdown(data: dict[str, Any], document: Document | None) -> str:
    """The Markdown of one report."""
    parts: list[str] = []
    title = data["report"].get("title")
    if title:
        parts.append(f"# {title}")
    if document is None:
        parts += ["<!-- the source document was not available: outline and facts only -->", *_outline(data["sections"])]
        facts = [(k, f) for k, f in data["facts"].items() if f]
        if facts:
            parts.append("\n".join(f"- {k}: {f['text']} ({f['value']})" for k, f in facts))
        return "\n\n".join(parts) + "\n"
    levels = _levels(data["sections"])
    for block in document.blocks:
        if not block.is_body or not block.text.strip():
            continue
        if block.index in levels:
            parts.append("#" * min(levels[block.index] + 1, 6) + " " + " ".join(block.text.split()))
        elif block.kind == "table":
            parts.append(table_markdown(block))
        else:
            parts.append("  \n".join(_escape(line) for line in block.text.splitlines() if line.strip()))
    return "\n\n".join(p for p in parts if p) + "\n"
