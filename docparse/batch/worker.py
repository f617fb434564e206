"""A batch worker process: ``python -m docparse.batch.worker [--max-memory MB] [--pdeathsig]``.

It builds docparse's pipeline once, then reads one task per line (JSON) on standard input and
answers one result per line on its original standard output, which is kept for the protocol
alone (anything a library prints goes to standard error). It exits at end of input.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import signal
import sys
import time
from typing import Any


def _die_with_parent() -> None:
    """Linux: get SIGKILL when the parent process dies, so no worker outlives a killed batch."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space (RLIMIT_AS): allocations beyond it raise MemoryError."""
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def warm_up() -> None:
    """Build the pipeline and import every stage, so the first document costs no more than others."""
    import docparse
    from docparse.readers import reader_for, supported_suffixes

    for suffix in supported_suffixes():
        with contextlib.suppress(docparse.DocparseError):
            reader_for(__import__("pathlib").Path(f"x{suffix}"))
    docparse.parse_text("一、基本情况\n本项目年初预算100万元，执行率100%。\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docparse.batch.worker")
    parser.add_argument("--max-memory", type=int, default=0, help="address-space ceiling in MB (0: none)")
    parser.add_argument("--pdeathsig", action="store_true", help="die with the parent process")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the batch decides when workers stop
    if args.pdeathsig:
        _die_with_parent()
    limit_memory(args.max_memory)

    from docparse.batch.process import peak_rss_mb, process_document

    warm_up()

    def send(message: dict[str, Any]) -> None:
        protocol.write(json.dumps(message, ensure_ascii=False) + "\n")
        protocol.flush()

    send({"ready": True, "pid": os.getpid(), "init_seconds": round(time.perf_counter() - started, 3),
          "peak_rss_mb": round(peak_rss_mb(), 1)})
    for line in sys.stdin:
        if not line.strip():
            continue
        task = json.loads(line)
        result = process_document(task)
        result["id"] = task["id"]
        send(result)
        if result.get("restart"):
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
