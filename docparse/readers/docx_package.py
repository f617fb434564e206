"""The parts of a .docx package, read with zipfile and one hardened lxml parser.

python-docx wraps every XML element in a Python proxy class, which makes walking a document
several times slower; the reader only needs the parts' XML and their relationships.

Before any part is read the zip directory is checked against ``rules/limits.yaml`` (number of
parts, each part's declared size and compression ratio, the total): a zip bomb is refused from its
directory, and reading stops at the declared size. Every failure of zipfile, zlib or lxml becomes a
:class:`~docparse.errors.DocparseError` naming the part. XML is parsed by one parser configured once
(no entity resolution, no network, libxml2's default size and depth limits); a part that declares a
DOCTYPE is refused, as no Office part has one.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from docparse.errors import CorruptInput, EncryptedInput, UnsafeInput
from docparse.limits import limits, refuse

_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOC = "/officeDocument"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True,
                         load_dtd=False, dtd_validation=False)
"""The one parser every .docx part is read with."""

# What zipfile and zlib raise on a damaged member: bad CRC, broken deflate stream, cut short.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError)


class Package:
    """An open .docx: the main document part and the parts it links to by relationship type."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except (*_ZIP_ERRORS, RuntimeError, NotImplementedError) as exc:
            raise CorruptInput(path, f"not a readable .docx (corrupt or truncated zip: {exc})") from exc
        try:
            self._check_directory()
            names = set(self.zip.namelist())
            main = next((t for kind, t, _ in self._rels("") if kind.endswith(_OFFICE_DOC)), None)
            if main is None or main not in names:
                raise CorruptInput(path, "not a Word document (the zip holds no word/document.xml part)")
            self.main = main
            self.rels = {rid: (kind, target) for kind, target, rid in self._rels(main) if target in names}
        except BaseException:
            self.zip.close()
            raise

    def _check_directory(self) -> None:
        """Refuse a package whose directory declares more than the limits allow (before reading)."""
        lim = limits()
        infos = self.zip.infolist()
        if len(infos) > lim.zip_members:
            raise refuse(self.path, "parts in the .docx package", len(infos), "zip.members", lim.zip_members)
        total = 0
        for info in infos:
            if info.file_size > lim.zip_member_bytes:
                raise refuse(self.path, f"declared size of part {info.filename} in bytes", info.file_size,
                             "zip.member_bytes", lim.zip_member_bytes)
            if info.file_size > lim.zip_ratio_min_bytes:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > lim.zip_ratio:
                    raise refuse(self.path, f"compression ratio of part {info.filename} (a zip bomb?)",
                                 round(ratio), "zip.ratio", lim.zip_ratio)
            total += info.file_size
        if total > lim.zip_total_bytes:
            raise refuse(self.path, "declared uncompressed size of the .docx parts in bytes", total,
                         "zip.total_bytes", lim.zip_total_bytes)

    def read(self, name: str) -> bytes:
        """The bytes of part ``name`` (``KeyError`` when absent), any damage as a one-line error."""
        info = self.zip.getinfo(name)
        if info.flag_bits & 0x1:
            raise EncryptedInput(self.path, f"part {name} of the .docx is encrypted; save the document "
                                            "without a password")
        try:
            return self.zip.read(info)
        except (*_ZIP_ERRORS, RuntimeError, NotImplementedError) as exc:
            kind = "zlib.error (broken deflate stream)" if isinstance(exc, zlib.error) else exc.__class__.__name__
            raise CorruptInput(self.path, f"corrupt .docx (part {name} cannot be read: {kind}: {exc})") from exc

    def parse(self, name: str) -> etree._Element:
        """Part ``name`` as XML (``KeyError`` when absent)."""
        data = self.read(name)
        if _declares_dtd(data):
            raise self._unsafe(name)
        try:
            root = etree.fromstring(data, PARSER)
        except etree.XMLSyntaxError as exc:
            raise CorruptInput(self.path, f"corrupt .docx (broken XML in {name}: {exc})") from exc
        docinfo = root.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
            raise self._unsafe(name)
        return root

    def _unsafe(self, name: str) -> UnsafeInput:
        return UnsafeInput(self.path, f"unsafe .docx: part {name} declares a DOCTYPE or entities (not allowed "
                                      "in Office documents; never resolved)")

    def _rels(self, part: str) -> list[tuple[str, str, str]]:
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        try:
            root = self.parse(rels_name)
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
            return self.parse(name)
        except KeyError as exc:
            raise CorruptInput(self.path, f"corrupt .docx (part {name} is listed but missing)") from exc

    def related(self, kind: str) -> list[str]:
        """Part names linked from the main document with relationship type ``…/kind``."""
        return [target for k, target in self.rels.values() if k.endswith("/" + kind)]

    def target(self, rid: str | None) -> str | None:
        found = self.rels.get(rid or "")
        return found[1] if found else None

    def close(self) -> None:
        self.zip.close()


def _declares_dtd(data: bytes) -> bool:
    """Whether the XML's prolog (before its root element) holds a DOCTYPE or an entity declaration."""
    head = data[:65536]
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head
