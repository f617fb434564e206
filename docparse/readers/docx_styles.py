"""Word styles resolved through ``basedOn``: names, outline levels, numbering, bold and size."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.styles import BabelFish
from lxml import etree

from docparse.readers.numbering import _W

_NAME, _BASED_ON, _PPR, _RPR, _B, _SZ, _VAL = (
    f"{_W}{t}" for t in ("name", "basedOn", "pPr", "rPr", "b", "sz", "val")
)
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
            style = Style(el.get(f"{_W}styleId", ""), kind=el.get(f"{_W}type", "paragraph"))
            for child in el:  # one pass: lxml's find() per property is slow on large style sheets
                tag = child.tag
                if tag == _NAME:
                    style.name = BabelFish.internal2ui(child.get(_VAL, ""))
                elif tag == _BASED_ON:
                    style.based_on = child.get(_VAL)
                elif tag == _PPR:
                    self._paragraph_props(style, child)
                elif tag == _RPR:
                    for prop in child:
                        if prop.tag == _B:
                            style.bold = on(prop)
                        elif prop.tag == _SZ:
                            style.size = half_points(prop)
            if style.outline is None and style.name:
                m = _HEADING_NAME.match(style.name.strip())
                if m:
                    style.outline = int(m.group(1)) - 1
            self.styles[style.style_id] = style
            if style.kind == "paragraph" and el.get(f"{_W}default") in ("1", "true", "on"):
                self.default_paragraph = style.style_id

    @staticmethod
    def _paragraph_props(style: Style, ppr: etree._Element) -> None:
        num = ppr.find(f"{_W}numPr")
        if num is not None:
            nid = num.find(f"{_W}numId")
            lvl = num.find(f"{_W}ilvl")
            style.num_id = nid.get(_VAL) if nid is not None else None
            if lvl is not None and (lvl.get(_VAL) or "").isdigit():
                style.ilvl = int(lvl.get(_VAL))
        outline = ppr.find(f"{_W}outlineLvl")
        if outline is not None and (outline.get(_VAL) or "").isdigit():
            style.outline = int(outline.get(_VAL))

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
