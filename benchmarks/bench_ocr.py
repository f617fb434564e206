"""OCR benchmark: scanned copies of generated PDFs read by OCR against the same pages' text layer.

    python benchmarks/bench_ocr.py [--work DIR] [--sources PDF ...] [--long 200] [--engines]

Scans are made with ``corpus.generate.scans`` (150/200/300 dpi; clean, noisy = skew + noise + blur +
JPEG, stamp = a red official stamp over a line of figures). For every scan, the whole analysis runs
on the OCR'd pages and on the source's text layer, and this prints:
- character error rate of the document's blocks (all text, in reading order, spaces removed);
- heading F1, money-mention F1 (values), fact slots agreeing with the text-layer result;
- self-evaluation table cells in the right field: indicators (一级/二级/三级, target, actual,
  weight, score) and money rows (budget, adjusted budget, spent, weight, rate, score);
- OCR pages per second (this process; ``DOCPARSE_OCR_THREADS``, default 2) and peak RSS;
- ``--long N``: an N-page scan read in one go, RSS sampled every few pages (growth = last − after the
  first tenth);
- ``--engines``: RapidOCR against Tesseract (``chi_sim``; and ``rapidocr_onnxruntime`` 1.4.4 where
  installed) on the same page images, CER of the text in row order and seconds per page.
The machine is shared: seconds are wall-clock of this process and vary with the load.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from corpus.generate.scans import render_pages, scan  # noqa: E402
from docparse.model import Document  # noqa: E402

FIXTURES = ROOT / "corpus" / "fixtures"
SOURCES = [
    "r01-pdf-project-reportlab.pdf",
    "s02-pdf-table-reportlab-ttf.pdf",
    "s01-pdf-table.pdf",
    "t02-pdf-transfer-reportlab.pdf",
]
INDICATOR_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score")
ROW_FIELDS = ("name", "budget", "adjusted_budget", "spent", "weight", "rate", "score")


def read_and_analyse(path: Path, mode: str) -> tuple[Document, dict[str, Any], float]:
    """The document, its report as JSON data, and the seconds reading took, under OCR ``mode``."""
    from docparse.ocr import set_ocr_mode
    from docparse.pipeline import analyse
    from docparse.readers.pdf import read_pdf

    set_ocr_mode(mode)
    start = time.perf_counter()
    document = read_pdf(path)
    seconds = time.perf_counter() - start
    return document, analyse(document).to_dict(), seconds


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def document_text(document: Document, pages: set[int] | None = None) -> str:
    return "".join(squash(b.text) for b in document.blocks if pages is None or b.provenance.page in pages)


def cer(reference: str, got: str) -> tuple[int, int]:
    return Levenshtein.distance(reference, got), len(reference)


def f1(expected: list[str], got: list[str]) -> tuple[int, int, int]:
    """(true positives, expected, got) of two multisets."""
    tp = sum((Counter(expected) & Counter(got)).values())
    return tp, len(expected), len(got)


def headings(data: dict[str, Any]) -> list[str]:
    out: list[str] = []

    def walk(sections: list[dict[str, Any]]) -> None:
        for s in sections:
            out.append(squash(s["heading"]))
            walk(s.get("children", []))

    walk(data["sections"])
    return out


def money(data: dict[str, Any]) -> list[str]:
    return [json.dumps(m["value"]) for m in data["mentions"] if m["kind"] == "money"]


def facts(data: dict[str, Any]) -> dict[str, Any]:
    return {k: (v or {}).get("value") for k, v in data["facts"].items()}


def table_cells(ref: dict[str, Any], got: dict[str, Any]) -> tuple[int, int]:
    """Self-evaluation table fields equal to the text layer's: (right, total)."""
    right = total = 0
    for name, fields, a_list, b_list in (
        ("indicators", INDICATOR_FIELDS, ref["indicators"], got["indicators"]),
        ("money_rows", ROW_FIELDS, ref["funds"]["money_rows"], got["funds"]["money_rows"]),
    ):
        del name
        for i, a in enumerate(a_list):
            b = b_list[i] if i < len(b_list) else {}
            for f in fields:
                if a.get(f) is None:
                    continue
                total += 1
                right += a.get(f) == b.get(f)
    return right, total


def compare(
    ref_doc: Document, ref: dict[str, Any], doc: Document, got: dict[str, Any], pages: set[int] | None = None
) -> dict[str, Any]:
    """Every figure of one scan against its source's text layer."""
    e, n = cer(document_text(ref_doc, pages), document_text(doc))
    hf = f1(headings(ref), headings(got))
    mf = f1(money(ref), money(got))
    fa, fb = facts(ref), facts(got)
    cells = table_cells(ref, got)
    return {
        "cer": (e, n),
        "headings": hf,
        "money": mf,
        "facts": (sum(fa[k] == fb[k] for k in fa), len(fa)),
        "cells": cells,
    }


def ratio(parts: list[tuple[int, ...]], kind: str) -> float:
    if kind == "cer":
        e = sum(p[0] for p in parts)
        n = sum(p[1] for p in parts)
        return e / n if n else 0.0
    if kind == "f1":
        tp, exp, got = (sum(p[i] for p in parts) for i in range(3))
        return 2 * tp / (exp + got) if exp + got else 1.0
    right, total = sum(p[0] for p in parts), sum(p[1] for p in parts)
    return right / total if total else 1.0


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def quality(sources: list[Path], work: Path, plan: list[tuple[int, str]], seed: int) -> list[dict[str, Any]]:
    rows = []
    refs = {src: read_and_analyse(src, "never") for src in sources}
    for dpi, kind in plan:
        results, pages, seconds = [], 0, 0.0
        for src in sources:
            path = scan(src, work / f"{src.stem}-{dpi}dpi-{kind}.pdf", dpi, kind, seed)
            doc, got, took = read_and_analyse(path, "auto")
            ref_doc, ref, _ = refs[src]
            results.append(compare(ref_doc, ref, doc, got))
            pages += doc.pages or 0
            seconds += took
            print(
                f"  {path.name}: {took:.1f} s, CER {ratio([results[-1]['cer']], 'cer'):.4f}",
                file=sys.stderr,
                flush=True,
            )
        rows.append(
            {
                "dpi": dpi,
                "kind": kind,
                "pages": pages,
                "cer": ratio([r["cer"] for r in results], "cer"),
                "heading_f1": ratio([r["headings"] for r in results], "f1"),
                "money_f1": ratio([r["money"] for r in results], "f1"),
                "facts": ratio([r["facts"] for r in results], "share"),
                "cells": ratio([r["cells"] for r in results], "share"),
                "cells_n": sum(r["cells"][1] for r in results),
                "pages_per_s": pages / seconds if seconds else 0.0,
            }
        )
    return rows


def long_scan(source: Path, work: Path, pages: int, dpi: int, seed: int) -> dict[str, Any]:
    """Read one ``pages``-page scan (the source's pages repeated, noisy), sampling RSS while it runs."""
    from corpus.generate.scans import degrade, encode, image_pdf, preset

    images = render_pages(source, dpi)
    how = preset("noisy", seed)
    data = [encode(degrade(images[i % len(images)], how, dpi, seed + i), how) for i in range(pages)]
    path = work / f"long-{pages}.pdf"
    image_pdf(data, dpi, path)
    del data, images
    samples: list[tuple[float, float]] = []
    done = threading.Event()

    def sample() -> None:
        start = time.perf_counter()
        while not done.wait(2.0):
            samples.append((time.perf_counter() - start, rss_mb()))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    from docparse.ocr import set_ocr_mode
    from docparse.readers.pdf import read_pdf

    set_ocr_mode("auto")
    start = time.perf_counter()
    document = read_pdf(path)
    seconds = time.perf_counter() - start
    done.set()
    thread.join()
    rss = [s[1] for s in samples] or [rss_mb()]
    tenth = rss[max(0, len(rss) // 10)]
    return {
        "pages": pages,
        "seconds": seconds,
        "pages_per_s": pages / seconds,
        "ocr_pages": len(document.ocr["pages"]),
        "rss_first_tenth_mb": tenth,
        "rss_last_mb": rss[-1],
        "rss_max_mb": max(rss),
        "growth_mb": rss[-1] - tenth,
        "blocks": len(document.blocks),
    }


# ---- engines ------------------------------------------------------------------------------------


def _rows_text(items: list[tuple[float, float, float, float, str]]) -> str:
    items = sorted(items, key=lambda b: (b[1] + b[3]) / 2)
    out: list[list[tuple[float, float, float, float, str]]] = []
    cur: list[tuple[float, float, float, float, str]] = []
    cy = hh = 0.0
    for b in items:
        c, h = (b[1] + b[3]) / 2, b[3] - b[1]
        if cur and abs(c - cy) <= 0.45 * min(h, hh):
            cur.append(b)
            continue
        if cur:
            out.append(cur)
        cur, cy, hh = [b], c, h
    if cur:
        out.append(cur)
    return squash("".join(b[4] for row in out for b in sorted(row)))


def engines(sources: list[Path], seed: int) -> list[dict[str, Any]]:
    """CER of each engine's text (rows top to bottom, boxes left to right) against the text layer."""
    import numpy as np
    import pypdfium2

    from corpus.generate.scans import degrade, preset
    from docparse.readers.pdf_chars import page_chars
    from docparse.readers.pdf_layout import make_lines

    runners: dict[str, Any] = {}
    try:
        from rapidocr import RapidOCR

        three = RapidOCR(params={"Global.log_level": "error", "EngineConfig.onnxruntime.intra_op_num_threads": 2})

        def run3(img):
            o = three(np.asarray(img))
            boxes = o.boxes if o.boxes is not None else []
            return [
                (b[:, 0].min(), b[:, 1].min(), b[:, 0].max(), b[:, 1].max(), t)
                for b, t in zip(boxes, o.txts or (), strict=False)
            ]

        runners["rapidocr 3 (PP-OCRv6 small)"] = run3
    except ImportError:
        pass
    try:
        from rapidocr_onnxruntime import RapidOCR as RapidOCR14

        old = RapidOCR14(intra_op_num_threads=2)

        def run14(img):
            res, _ = old(np.asarray(img))
            return [
                (min(p[0] for p in b), min(p[1] for p in b), max(p[0] for p in b), max(p[1] for p in b), t)
                for b, t, _s in (res or [])
            ]

        runners["rapidocr_onnxruntime 1.4 (PP-OCRv4)"] = run14
    except ImportError:
        pass
    try:
        import pytesseract

        pytesseract.get_tesseract_version()

        def runt(img):
            d = pytesseract.image_to_data(img, lang="chi_sim", output_type=pytesseract.Output.DICT)
            return [
                (x, y, x + w, y + h, s)
                for x, y, w, h, s in zip(d["left"], d["top"], d["width"], d["height"], d["text"], strict=True)
                if s.strip()
            ]

        runners["tesseract chi_sim"] = runt
    except Exception:  # not installed
        pass
    pages = []
    for src in sources:
        pdf = pypdfium2.PdfDocument(str(src))
        for i in range(len(pdf)):
            page = pdf[i]
            _, height = page.get_size()
            tp = page.get_textpage()
            pages.append((src.name, i, squash("".join(ln.text for ln in make_lines(page_chars(tp.raw, height))))))
            tp.close()
            page.close()
        pdf.close()
    images = {src.name: render_pages(src, 200) for src in sources}
    out = []
    for name, run in runners.items():
        for kind in ("clean", "noisy"):
            errors = chars = 0
            seconds = 0.0
            for src_name, i, ref in pages:
                img = images[src_name][i]
                if kind != "clean":
                    img = degrade(img, preset(kind, seed), 200, seed + i).convert("RGB")
                start = time.perf_counter()
                got = _rows_text(run(img))
                seconds += time.perf_counter() - start
                errors += Levenshtein.distance(ref, got)
                chars += len(ref)
            out.append({"engine": name, "kind": kind, "cer": errors / chars, "s_per_page": seconds / len(pages)})
            print(
                f"  {name} {kind}: CER {errors / chars:.4f}, {seconds / len(pages):.1f} s/page",
                file=sys.stderr,
                flush=True,
            )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, help="folder for the scans (default: a temporary one)")
    ap.add_argument("--sources", nargs="*", type=Path, default=[FIXTURES / s for s in SOURCES])
    ap.add_argument(
        "--plan", default="200:clean,200:noisy,200:stamp,150:clean,300:clean", help="dpi:kind pairs to measure"
    )
    ap.add_argument("--long", type=int, default=0, help="pages of the long scan (0: skip)")
    ap.add_argument("--long-dpi", type=int, default=150)
    ap.add_argument("--engines", action="store_true", help="compare OCR engines on the same pages")
    ap.add_argument("--no-quality", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-ocr-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {"load": os.getloadavg()}
    if args.engines:
        figures["engines"] = engines(args.sources, args.seed)
        print("\n| engine | scan | CER | s/page |\n|---|---|---|---|")
        for r in figures["engines"]:
            print(f"| {r['engine']} | 200 dpi {r['kind']} | {r['cer']:.2%} | {r['s_per_page']:.1f} |")
    if not args.no_quality:
        plan = [(int(p.split(":")[0]), p.split(":")[1]) for p in args.plan.split(",")]
        figures["quality"] = quality(args.sources, work, plan, args.seed)
        print("\n| scan | pages | CER | heading F1 | money F1 | facts agreeing | table cells | pages/s |")
        print("|---|---|---|---|---|---|---|---|")
        for r in figures["quality"]:
            print(
                f"| {r['dpi']} dpi {r['kind']} | {r['pages']} | {r['cer']:.2%} | {r['heading_f1']:.3f} | "
                f"{r['money_f1']:.3f} | {r['facts']:.3f} | {r['cells']:.3f} ({r['cells_n']}) | "
                f"{r['pages_per_s']:.2f} |"
            )
    if args.long:
        figures["long"] = long_scan(args.sources[0], work, args.long, args.long_dpi, args.seed)
        lg = figures["long"]
        print(
            f"\nlong scan: {lg['pages']} pages in {lg['seconds']:.0f} s ({lg['pages_per_s']:.2f} pages/s); RSS "
            f"{lg['rss_first_tenth_mb']:.0f} MB after the first tenth, {lg['rss_last_mb']:.0f} MB at the end "
            f"(growth {lg['growth_mb']:+.0f} MB), max {lg['rss_max_mb']:.0f} MB"
        )
    figures["peak_rss_mb"] = peak_mb()
    figures["load_after"] = os.getloadavg()
    print(
        f"\npeak RSS {figures['peak_rss_mb']:.0f} MB; load average before/after "
        f"{figures['load'][0]:.1f}/{figures['load_after'][0]:.1f} (2 cores, shared)"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
