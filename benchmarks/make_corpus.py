"""Generator throughput: .docx and reportlab .pdf per second, and LibreOffice batching against one
file per process (the baseline, measured in the same run).

    python benchmarks/make_corpus.py [--count 12]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from corpus.generate import Spec, produce
from corpus.generate.convert import convert
from corpus.generate.fixtures import random_specs


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    n = args.count
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        docx_specs = [Spec(s.id, s.kind, s.seed, "docx", {k: v for k, v in s.options.items() if k != "fault"})
                      for s in random_specs(n, args.seed, ["docx"], 0.0)]
        t_docx = _timed(lambda: produce(docx_specs, tmp / "docx"))
        rl_specs = [Spec(s.id, s.kind, s.seed, "pdf", {**s.options, "pdf": "reportlab"}) for s in docx_specs]
        t_rl = _timed(lambda: produce(rl_specs, tmp / "rl"))
        sources = sorted((tmp / "docx").glob("*.docx"))
        t_one = _timed(lambda: convert(sources, "pdf", tmp / "one", batch=1))
        t_batch = _timed(lambda: convert(sources, "pdf", tmp / "batch", batch=len(sources)))
        t_jobs = _timed(lambda: convert(sources, "pdf", tmp / "jobs", batch=(len(sources) + 1) // 2, jobs=2))
        size = sum(p.stat().st_size for p in (tmp / "batch").glob("*.pdf")) / len(sources)
    print(f"files: {n}")
    print(f"docx (build + write):            {n / t_docx:7.1f} files/s")
    print(f"pdf via reportlab:               {n / t_rl:7.1f} files/s")
    print(f"pdf via LibreOffice, 1 per call: {n / t_one:7.2f} files/s  (baseline)")
    print(f"pdf via LibreOffice, batched:    {n / t_batch:7.2f} files/s  ({t_one / t_batch:.1f}x the baseline)")
    print(f"pdf via LibreOffice, 2 processes: {n / t_jobs:6.2f} files/s  ({t_one / t_jobs:.1f}x the baseline)")
    print(f"LibreOffice pdf size:            {size / 1024:7.1f} KiB/file")


if __name__ == "__main__":
    main()
