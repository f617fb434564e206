"""Reader benchmark: fidelity against the generated corpus gold, speed against bare libraries,
peak memory on a long PDF.

    python benchmarks/bench_readers.py [--pages 300] [--repeat 3] [--random 100 --seed 11] [--work DIR]

Prints, all measured in this run on this machine:
- fidelity on ``corpus/fixtures`` (and on ``--random`` freshly generated reports): character
  error rate of PDF body text, exact .docx/.doc/.wps
  text, table grids equal, heading numbers present, page furniture leaking into body blocks;
- PDF pages per second: docparse's reader (tables included) against bare pdfplumber
  ``page.extract_text()`` over the same pages, and the ratio;
- .docx documents per second against a bare python-docx paragraph loop;
- peak RSS of reading a generated ``--pages``-page PDF (and of bare pdfplumber on it).
The long PDF is made once with python-docx and LibreOffice and kept in ``--work``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from docparse.errors import DocparseError  # noqa: E402
from docparse.readers import read  # noqa: E402
from tests.readers import builders  # noqa: E402

FIXTURES = ROOT / "corpus" / "fixtures"


def fidelity(folder: Path = FIXTURES) -> dict[str, float]:
    """Compare every readable generated file in ``folder`` with its gold."""
    chars = errors = 0
    per_format: dict[str, list[int]] = {}
    tables_ok = tables_all = heads_ok = heads_all = leaks = exact_files = exact_all = 0
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        fmt = gold.get("format")
        if fmt not in ("docx", "pdf", "doc", "wps") or (gold.get("fault") or {}).get("kind") in (
            "corrupt", "truncated", "encrypted", "no_text_layer"
        ):
            continue
        try:
            document = read(gold_path.with_name(f"{gold['id']}.{fmt}"))
        except DocparseError as exc:
            print(f"  {gold['id']}: {exc.line()}")
            continue
        paragraphs = [b.text for b in document.body if b.kind == "paragraph"]
        expected, got = "\n".join(gold["paragraphs"]), "\n".join(paragraphs)
        distance = Levenshtein.distance(expected, got)
        stats = per_format.setdefault(fmt, [0, 0, 0])
        stats[0] += len(expected)
        stats[1] += distance
        stats[2] += 1
        chars += len(expected)
        errors += distance
        if fmt != "pdf":
            exact_all += 1
            exact_files += paragraphs == gold["paragraphs"]
        grids = [b.table.grid() for b in document.body if b.kind == "table"]
        tables_all += len(gold["tables"])
        tables_ok += sum(1 for a, b in zip(grids, gold["tables"], strict=False) if a == b)
        heads_all += len(gold["headings"])
        heads_ok += sum(1 for h in gold["headings"] if any(p.startswith(h["text"]) for p in paragraphs))
        leaks += sum(1 for f in gold["furniture"] for b in document.body if f in b.text)
    print(f"fidelity on {folder}")
    for fmt, (n, d, files) in sorted(per_format.items()):
        print(f"  {fmt:5s} {files:3d} files  CER {d / max(1, n):.4%}  ({d} edits / {n} chars)")
    print(f"  Word-family files with exactly the gold text: {exact_files}/{exact_all}")
    print(f"  tables equal to gold grids: {tables_ok}/{tables_all}")
    print(f"  heading numbers present: {heads_ok}/{heads_all}")
    print(f"  furniture texts inside body blocks: {leaks}")
    return {"cer": errors / max(1, chars)}


def _time(func, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def pdf_speed(pdfs: list[Path], repeat: int) -> None:
    import pdfplumber

    from docparse.readers.pdf import read_pdf

    pages = 0
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)

    def bare() -> None:
        for path in pdfs:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.flush_cache()

    def ours() -> None:
        for path in pdfs:
            read_pdf(path)

    t_bare, t_ours = _time(bare, repeat), _time(ours, repeat)
    print(f"PDF speed, {len(pdfs)} files, {pages} pages (best of {repeat})")
    print(f"  pdfplumber extract_text: {pages / t_bare:8.1f} pages/s")
    print(f"  docparse PDF reader:     {pages / t_ours:8.1f} pages/s  (tables, furniture, paragraphs)")
    print(f"  ratio docparse / pdfplumber: {t_bare / t_ours:.2f}x")


def docx_speed(docs: list[Path], repeat: int) -> None:
    import docx

    from docparse.readers.docx import read_docx

    def bare() -> None:
        for path in docs:
            for paragraph in docx.Document(str(path)).paragraphs:
                paragraph.text  # noqa: B018

    def ours() -> None:
        for path in docs:
            read_docx(path)

    t_bare, t_ours = _time(bare, repeat), _time(ours, repeat)
    print(f".docx speed, {len(docs)} files (best of {repeat})")
    print(f"  python-docx paragraph loop: {len(docs) / t_bare:8.1f} docs/s")
    print(f"  docparse .docx reader:      {len(docs) / t_ours:8.1f} docs/s  (numbering, grids, furniture)")
    print(f"  ratio docparse / python-docx: {t_bare / t_ours:.2f}x")


def long_pdf(work: Path, pages: int) -> Path:
    """A PDF of at least ``pages`` pages: a ~60-page report made once with python-docx and
    LibreOffice, its pages repeated (PDFium ``import_pages``) up to the length asked for."""
    import pypdfium2 as pdfium

    target = work / f"long-{pages}.pdf"
    if target.exists():
        return target
    unit = work / "unit.pdf"
    if not unit.exists():
        source, _, _ = builders.build_long_docx(work / "unit.docx", sections=40, per_section=12, table_rows=60)
        builders.convert(source, work, "pdf", timeout=900)
    single = pdfium.PdfDocument(str(unit))
    merged = pdfium.PdfDocument.new()
    while len(merged) < pages:
        merged.import_pages(single)
    merged.save(str(target))
    merged.close()
    single.close()
    return target


_PEAK = """
import sys, time
mode, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "docparse":
    from docparse.readers.pdf import read_pdf
    document = read_pdf(__import__("pathlib").Path(path))
    pages = document.pages
elif mode == "pdfplumber":
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
else:
    import docparse.readers.pdf, pdfplumber
    pages = 0
hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM")][0].split()[1]
print(pages, time.perf_counter() - start, int(hwm) / 1024)
"""


def peak_memory(path: Path) -> None:
    """Each run in a fresh process; VmHWM (not ru_maxrss, which keeps the parent's peak across exec)."""
    print(f"peak RSS reading {path.name}")
    for mode in ("imports only", "docparse", "pdfplumber"):
        out = subprocess.run([sys.executable, "-c", _PEAK, mode, str(path)], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout.split()
        pages, seconds, rss = int(out[0]), float(out[1]), float(out[2])
        extra = f"{pages} pages in {seconds:6.1f} s, {pages / seconds:6.1f} pages/s" if pages else ""
        print(f"  {mode:12s} peak RSS {rss:7.1f} MB  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--random", type=int, default=0, help="also generate and score this many .docx/.pdf")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "docparse-bench-readers")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    fidelity()
    if args.random:
        folder = args.work / f"random-{args.random}-{args.seed}"
        if not folder.is_dir():
            subprocess.run([sys.executable, "-m", "corpus.generate", "--out", str(folder), "--count",
                            str(args.random), "--seed", str(args.seed), "--formats", "docx,pdf", "--faults", "0"],
                           check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        fidelity(folder)
    fixtures = [p for p in sorted(FIXTURES.glob("*.pdf")) if _readable(p)]
    pdf_speed(fixtures, args.repeat)
    docs = [p for p in sorted(FIXTURES.glob("*.docx")) if _readable(p)]
    docx_speed(docs, args.repeat)
    big = long_pdf(args.work, args.pages)
    pdf_speed([big], 1)
    peak_memory(big)


def _readable(path: Path) -> bool:
    gold = path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json")
    if not gold.exists():
        return True
    fault = json.loads(gold.read_text(encoding="utf-8")).get("fault") or {}
    return fault.get("kind") not in ("corrupt", "truncated", "encrypted")


if __name__ == "__main__":
    main()
