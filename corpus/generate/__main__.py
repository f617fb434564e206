"""``python -m corpus.generate``: write the fixture set or a large random set with gold."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from corpus.generate import FORMATS, produce
from corpus.generate.fixtures import fixture_specs, random_specs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.generate", description=__doc__)
    ap.add_argument("--fixtures", action="store_true", help=f"regenerate the committed set in {FIXTURES}")
    ap.add_argument("--out", type=Path, help="output folder for a random set")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--formats", default="docx,pdf", help=f"comma-separated, of {','.join(FORMATS)}")
    ap.add_argument("--faults", type=float, default=0.0, help="share of files with a fault (0…1)")
    ap.add_argument("--batch", type=int, default=25, help="files per LibreOffice process")
    ap.add_argument("--jobs", type=int, default=2, help="LibreOffice processes at a time")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    if args.fixtures:
        if FIXTURES.exists():
            shutil.rmtree(FIXTURES)
        files = produce(fixture_specs(), FIXTURES, args.batch, args.jobs)
    elif args.out:
        formats = [f for f in args.formats.split(",") if f]
        bad = [f for f in formats if f not in FORMATS]
        if bad:
            ap.error(f"unknown format(s): {', '.join(bad)}")
        files = produce(random_specs(args.count, args.seed, formats, args.faults), args.out, args.batch, args.jobs)
    else:
        ap.error("give --fixtures or --out DIR")
    print(f"{len(files)} files in {time.perf_counter() - start:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
