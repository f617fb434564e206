"""Generate performance reports in .docx/.pdf/.doc/.wps/.txt with exact gold, deterministic from a seed.

``produce(specs, outdir)`` writes ``NAME.EXT`` and ``NAME.gold.json`` for every :class:`Spec`;
``python -m corpus.generate`` is the command line (see ``corpus/README.md``).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.generate.convert import convert
from corpus.generate.docx_writer import write_docx
from corpus.generate.gold import build
from corpus.generate.stable import pin_pdf, pin_zip
from corpus.generate.txt_writer import write_txt

FORMATS = ("docx", "pdf", "doc", "wps", "txt")


@dataclass
class Spec:
    """One file to generate: report kind, seed, format and layout/fault options."""

    id: str
    kind: str
    seed: int
    format: str
    options: dict[str, Any] = field(default_factory=dict)


def _pdf_pages(path: Path) -> int | None:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)
    except Exception:  # encrypted or broken on purpose
        return None


def produce(specs: list[Spec], outdir: Path, batch: int = 20, jobs: int = 1) -> list[Path]:
    """Write every spec's file and gold into ``outdir``; returns the report files written.

    LibreOffice converts ``batch`` files per process, ``jobs`` processes at a time.
    """
    from corpus.generate import faults, pdf_writer

    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    golds: dict[str, dict[str, Any]] = {}
    via_office: dict[str, list[tuple[Spec, Path]]] = {"pdf": [], "doc": []}
    footers: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="corpus-gen-") as tmp_name:
        tmp = Path(tmp_name)
        for spec in specs:
            doc, gold = build(spec.kind, spec.seed, spec.options)
            gold = {"id": spec.id, **gold, "format": spec.format, "options": spec.options,
                    "generator": {"kind": spec.kind, "seed": spec.seed},
                    "fault": spec.options.get("fault")}
            golds[spec.id] = gold
            footers[spec.id] = doc.footer
            target = outdir / f"{spec.id}.{spec.format}"
            route = spec.options.get("pdf", "libreoffice")
            if spec.format == "txt":
                if doc.tables():
                    raise ValueError(f"{spec.id}: a .txt file cannot hold tables (options {spec.options})")
                write_txt(doc, target, spec.options)
            elif spec.format == "pdf" and route != "libreoffice":
                pdf_writer.write_pdf(doc, target, spec.options, spec.seed, gold)
            else:
                docx = (outdir if spec.format == "docx" else tmp) / f"{spec.id}.docx"
                write_docx(doc, docx, spec.options, spec.seed)
                pin_zip(docx)
                if spec.format == "docx" and doc.footer:  # the field results python-docx stored: page 1
                    gold["furniture"].append(doc.footer_text(1, 1))
                if spec.format != "docx":
                    via_office["pdf" if spec.format == "pdf" else "doc"].append((spec, docx))
            written.append(target)
        for fmt, items in via_office.items():
            if not items:
                continue
            for (spec, _), produced in zip(items, convert([d for _, d in items], fmt, tmp / fmt, batch, jobs),
                                           strict=True):
                shutil.move(produced, outdir / f"{spec.id}.{spec.format}")
                if spec.format == "pdf":
                    pin_pdf(outdir / f"{spec.id}.pdf")
                if spec.format == "pdf" and footers.get(spec.id):
                    pages = _pdf_pages(outdir / f"{spec.id}.pdf") or 0
                    golds[spec.id]["furniture"] += [footers[spec.id].format(page=n, pages=pages)
                                                    for n in range(1, pages + 1)]
    for spec in specs:
        gold = golds[spec.id]
        if spec.options.get("fault"):
            faults.apply(outdir / f"{spec.id}.{spec.format}", spec, gold)
        (outdir / f"{spec.id}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return written
