"""Structure quality on the shared real corpus, the seed and the generated fixtures.

    python benchmarks/bench_structure.py [--misses] [--only=NAME,...] [--names=GLOB,...] [FOLDER ...]

Corpora: real (the shared corpus), seed, heldout (``corpus/heldout``: openings written in the habits
of provinces and offices the shared corpus does not show), heldout-files (some of them as .docx/.pdf),
generated (``corpus/fixtures``).
--names keeps only the documents whose file name matches one of the globs (``--names='h7*,h8*'``).
FOLDER: more generated reports with gold beside them (``python -m corpus.generate --out FOLDER``).

Prints heading F1 (precision/recall), level accuracy on matched headings, canonical accuracy on
matched top-level headings, and report type / fiscal year / unit / title accuracy, per corpus.
Gold headings marked "ambiguous" count neither way. Also prints the run time per document.
"""

from __future__ import annotations

import json
import sys
import time
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docparse  # noqa: E402
from benchmarks.scoring import Tally, score  # noqa: E402
from docparse.model import Report, SourceInfo  # noqa: E402
from docparse.pipeline import Analysis  # noqa: E402
from docparse.readers import read  # noqa: E402
from docparse.structure import analyse  # noqa: E402

SHARED = ROOT.parent / "shared"


def _real() -> list[tuple[Path, Path]]:
    texts = SHARED / "corpus" / "real" / "texts"
    gold = SHARED / "corpus" / "real" / "gold"
    out = []
    for t in sorted(texts.glob("*.txt")) if texts.is_dir() else []:
        g = gold / (t.name.split("-")[0].split(".")[0] + ".json")
        if not g.is_file():
            g = gold / (t.stem + ".json")
        if g.is_file():
            out.append((t, g))
    return out


def _seed() -> list[tuple[Path, Path]]:
    folder = SHARED / "seed"
    return [(t, t.with_name(t.stem + ".gold.json")) for t in sorted(folder.glob("*.txt"))
            if t.with_name(t.stem + ".gold.json").is_file()] if folder.is_dir() else []


def _heldout(sub: str = "texts") -> list[tuple[Path, Path]]:
    folder = ROOT / "corpus" / "heldout"
    return [(t, folder / "gold" / (t.stem + ".json")) for t in sorted((folder / sub).glob("*"))
            if (folder / "gold" / (t.stem + ".json")).is_file()]


UNREADABLE = {"no_text_layer", "encrypted", "corrupt"}


def _fixtures(folders: list[Path] | None = None) -> list[tuple[Path, Path]]:
    out = []
    for folder in folders or (ROOT / "corpus" / "fixtures", ROOT / "corpus" / "samples"):
        for g in sorted(folder.glob("*.gold.json")) if folder.is_dir() else []:
            stem = g.name[: -len(".gold.json")]
            docs = [p for p in folder.glob(stem + ".*") if not p.name.endswith(".json")]
            if docs:
                out.append((docs[0], g))
    return out


def stage_time(pairs: list[tuple[Path, Path]]) -> tuple[float, float]:
    """Seconds spent reading the files (the baseline) and in the structure stage alone."""
    reading = structure = 0.0
    docparse.parse_text("某局2023年度绩效自评报告\n一、項目概況\n")  # rule files and character tables loaded once
    for doc, _ in pairs:
        t0 = time.perf_counter()
        try:
            document = read(doc)
        except (docparse.DocparseError, FileNotFoundError):
            continue
        t1 = time.perf_counter()
        analyse(Analysis(document=document, report=Report(source=SourceInfo(path=None, format=document.format))))
        t2 = time.perf_counter()
        reading += t1 - t0
        structure += t2 - t1
    return reading, structure


def run(pairs: list[tuple[Path, Path]]) -> tuple[Tally, float, int, int]:
    """Score every readable document; returns the tally, seconds, documents scored, unreadable ones."""
    tally = Tally()
    t0 = time.perf_counter()
    failed = scored = 0
    for doc, gold_path in pairs:
        if not gold_path.is_file() or not doc.is_file():
            continue  # removed while the set is being regenerated
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if (gold.get("fault") or {}).get("kind") in UNREADABLE:
            continue  # nothing to read without OCR or a password
        try:
            report = docparse.parse(doc)
        except FileNotFoundError:
            continue  # removed while the set is being regenerated
        except docparse.DocparseError:
            if gold.get("fault"):
                continue
            failed += 1
            tally.misses.append(f"{doc.name}: could not be read")
            continue
        score(report, gold, tally, doc.name)
        scored += 1
    return tally, time.perf_counter() - t0, scored, failed


def main() -> int:
    show = "--misses" in sys.argv
    only = next((a.split("=", 1)[1].split(",") for a in sys.argv[1:] if a.startswith("--only=")), None)
    extra = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    sets = [("real", _real()), ("seed", _seed()), ("heldout", _heldout()),
            ("heldout-files", _heldout("files")), ("generated", _fixtures())]
    sets += [(f"generated {folder}", _fixtures([folder])) for folder in extra]
    if only:
        sets = [(label, pairs) for label, pairs in sets if label.split()[0] in only]
    names = next((a.split("=", 1)[1].split(",") for a in sys.argv[1:] if a.startswith("--names=")), None)
    if names:
        sets = [(label, [p for p in pairs if any(fnmatch(p[0].name, g) for g in names)]) for label, pairs in sets]
    for label, pairs in sets:
        if not pairs:
            print(f"{label}: no documents found")
            continue
        tally, seconds, scored, failed = run(pairs)
        figs = tally.figures()
        print(f"{label}: {scored} documents scored, {seconds / max(1, scored) * 1000:.0f} ms/document to parse"
              + (f", {failed} unreadable" if failed else ""))
        print(f"  headings  tp={tally.tp} fp={tally.fp} fn={tally.fn}  "
              f"P={figs['heading_precision']:.3f} R={figs['heading_recall']:.3f} F1={figs['heading_f1']:.3f}")
        print(f"  level accuracy {figs['level_accuracy']:.3f}   canonical accuracy {figs['canonical_accuracy']:.3f}"
              f" (of {tally.canonical_n})")
        print("  " + "   ".join(f"{k} {figs[k]:.3f}" for k in ("report_type", "fiscal_year", "unit", "title")
                                if k in figs))
        reading, structure = stage_time(pairs)
        print(f"  structure stage {structure / len(pairs) * 1000:.1f} ms/document"
              f" = {structure / max(reading, 1e-9):.2f} × the time to read the files")
        if show:
            for m in tally.misses:
                print("    -", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
