"""The parts of a .docx package, read with zipfile and a plain lxml parser.

python-docx wraps every XML element in a Python proxy class, which makes walking a document
several times slower; the reader only needs the parts' XML and their relationships.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from docparse.errors import CorruptInput

_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOC = "/officeDocument"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


class Package:
    """An open .docx: the main document part and the parts it links to by relationship type."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise CorruptInput(path, f"not a readable .docx (corrupt or truncated zip: {exc})") from exc
        names = set(self.zip.namelist())
        main = next((t for kind, t, _ in self._rels("") if kind.endswith(_OFFICE_DOC)), None)
        if main is None or main not in names:
            raise CorruptInput(path, "not a Word document (the zip holds no word/document.xml part)")
        self.main = main
        self.rels = {rid: (kind, target) for kind, target, rid in self._rels(main) if target in names}

    def _rels(self, part: str) -> list[tuple[str, str, str]]:
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        try:
            root = etree.fromstring(self.zip.read(rels_name), _PARSER)
        except KeyError:
            return []
        out = []
        for rel in root.iter(_PKG_REL):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out.append((rel.get("Type", ""), target, rel.get("Id", "")))
        return out

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.zip.read(name), _PARSER)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
            raise CorruptInput(self.path, f"corrupt .docx (part {name} cannot be read: {exc})") from exc
        except etree.XMLSyntaxError as exc:
            raise CorruptInput(self.path, f"corrupt .docx (broken XML in {name}: {exc})") from exc

    def related(self, kind: str) -> list[str]:
        """Part names linked from the main document with relationship type ``…/kind``."""
        return [target for k, target in self.rels.values() if k.endswith("/" + kind)]

    def target(self, rid: str | None) -> str | None:
        found = self.rels.get(rid or "")
        return found[1] if found else None

    def close(self) -> None:
        self.zip.close()
