"""Word styles resolved through ``basedOn``: names, outline levels, numbering, bold and size."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.styles import BabelFish
from lxml import etree

from docparse.readers.numbering import _W

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def on(el: etree._Element | None) -> bool | None:
    """A Word toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) as True/False, None when absent."""
    if el is None:
        return None
    return el.get(f"{_W}val", "true").lower() not in ("0", "false", "off", "none")


def half_points(el: etree._Element | None) -> float | None:
    if el is None:
        return None
    val = el.get(f"{_W}val", "")
    try:
        return int(val) / 2
    except ValueError:
        return None


@dataclass(slots=True)
class Style:
    """One style with its inherited properties filled in."""

    style_id: str
    name: str | None = None
    kind: str = "paragraph"
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    bold: bool | None = None
    size: float | None = None
    resolved: bool = False


class Styles:
    """All styles of a document, looked up by id, with ``basedOn`` inheritance applied lazily."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.default_bold: bool | None = None
        self.default_size: float | None = None
        if root is None:
            return
        rpr = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        if rpr is not None:
            self.default_bold = on(rpr.find(f"{_W}b"))
            self.default_size = half_points(rpr.find(f"{_W}sz"))
        for el in root.iterfind(f"{_W}style"):
            sid = el.get(f"{_W}styleId", "")
            kind = el.get(f"{_W}type", "paragraph")
            style = Style(sid, kind=kind)
            name = el.find(f"{_W}name")
            style.name = BabelFish.internal2ui(name.get(f"{_W}val", "")) if name is not None else None
            based = el.find(f"{_W}basedOn")
            style.based_on = based.get(f"{_W}val") if based is not None else None
            ppr = el.find(f"{_W}pPr")
            if ppr is not None:
                num = ppr.find(f"{_W}numPr")
                if num is not None:
                    nid = num.find(f"{_W}numId")
                    lvl = num.find(f"{_W}ilvl")
                    style.num_id = nid.get(f"{_W}val") if nid is not None else None
                    if lvl is not None and (lvl.get(f"{_W}val") or "").isdigit():
                        style.ilvl = int(lvl.get(f"{_W}val"))
                outline = ppr.find(f"{_W}outlineLvl")
                if outline is not None and (outline.get(f"{_W}val") or "").isdigit():
                    style.outline = int(outline.get(f"{_W}val"))
            rpr = el.find(f"{_W}rPr")
            if rpr is not None:
                style.bold = on(rpr.find(f"{_W}b"))
                style.size = half_points(rpr.find(f"{_W}sz"))
            if style.outline is None and style.name:
                m = _HEADING_NAME.match(style.name.strip())
                if m:
                    style.outline = int(m.group(1)) - 1
            self.styles[sid] = style
            if kind == "paragraph" and el.get(f"{_W}default") in ("1", "true", "on"):
                self.default_paragraph = sid

    def get(self, style_id: str | None) -> Style | None:
        if style_id is None:
            style_id = self.default_paragraph
        style = self.styles.get(style_id or "")
        if style is None:
            return None
        if not style.resolved:
            style.resolved = True  # set first: a basedOn cycle stops here
            parent = self.get(style.based_on) if style.based_on else None
            if parent is not None:
                for attr in ("num_id", "ilvl", "outline", "bold", "size"):
                    if getattr(style, attr) is None:
                        setattr(style, attr, getattr(parent, attr))
        return style

    def numbering_style_links(self) -> dict[str, str]:
        """Numbering-style id → the numId it carries (for ``w:numStyleLink``)."""
        out = {}
        for sid in self.styles:
            style = self.get(sid)
            if style is not None and style.kind == "numbering" and style.num_id:
                out[sid] = style.num_id
        return out
