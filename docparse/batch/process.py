"""Parse one document and write its result file; runs inside a worker process.

Every outcome becomes a result: a report, a docparse error (its one-line cause), running out of
memory under the worker's ceiling, or a bug in docparse (kind and message, so the batch goes on).
"""

from __future__ import annotations

import contextlib
import gc
import os
import resource
import time
from pathlib import Path
from typing import Any

from docparse.batch.records import error_record, output_path, summarise
from docparse.errors import DocparseError
from docparse.export.json import write_json

_UMASK = os.umask(0)
os.umask(_UMASK)


def write_result(out_dir: str, rel: str, data: dict[str, Any]) -> None:
    """Write a report or an error record atomically and remove the stale twin of the other kind."""
    failed = "error" in data
    target = output_path(out_dir, rel, failed)
    write_json(target, data)
    os.chmod(target, 0o666 & ~_UMASK)  # temp files are private; results are ordinary files
    with contextlib.suppress(OSError):  # a twin whose name the file system cannot hold does not exist
        output_path(out_dir, rel, not failed).unlink(missing_ok=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_document(task: dict[str, Any]) -> dict[str, Any]:
    """Run docparse on ``task['abspath']`` and write ``OUT/<rel>.json`` (or ``.error.json``).

    Returns the summary fields plus ``seconds``, ``peak_rss_mb`` and ``restart`` (True when the
    worker should be replaced, e.g. after a MemoryError).
    """
    import docparse

    started = time.perf_counter()
    path, sha = task["path"], task.get("sha256")
    out_of_memory = False
    data: dict[str, Any] | None = None
    try:
        data = docparse.parse(Path(task["abspath"])).to_dict()
        data["source"]["path"] = path
    except DocparseError as exc:
        data = error_record(path, sha, exc.code, type(exc).__name__, exc.cause)
    except MemoryError:
        out_of_memory = True  # build the record below, once the traceback (and its memory) is gone
    except RecursionError as exc:
        data = error_record(path, sha, "E101", "RecursionError", f"internal error: RecursionError: {exc}")
    except Exception as exc:
        message = " ".join(str(exc).split())[:300]
        data = error_record(path, sha, "E199", type(exc).__name__,
                            f"internal error: {type(exc).__name__}: {message}")
    if out_of_memory or data is None:
        gc.collect()
        limit = task.get("max_memory_mb")
        cause = f"out of memory (worker ceiling {limit} MB, --max-memory)" if limit else "out of memory"
        data = error_record(path, sha, "E100", "MemoryError", cause)
    restart = out_of_memory
    data = _written(task, data)
    result = summarise(data)
    result.update(seconds=round(time.perf_counter() - started, 4), peak_rss_mb=round(peak_rss_mb(), 1),
                  restart=restart)
    return result


def _written(task: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """Write the result; if that fails (disk full, name too long …) return an error record saying so."""
    try:
        write_result(task["out_dir"], task["rel"], data)
    except OSError as exc:
        cause = f"cannot write the result: {exc.strerror or exc}"
        return error_record(task["path"], task.get("sha256"), "E105", "OutputError", cause)
    return data


def record_failure(task: dict[str, Any], code: str, kind: str, cause: str, seconds: float) -> dict[str, Any]:
    """Write the error record of a document whose worker never answered (timeout, crash)."""
    data = _written(task, error_record(task["path"], task.get("sha256"), code, kind, cause))
    result = summarise(data)
    result.update(seconds=round(seconds, 4), peak_rss_mb=None, restart=True)
    return result
