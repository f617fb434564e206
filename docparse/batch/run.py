"""The batch run: discover inputs, plan (skip, copy or parse each), run the parses, write the summary.

Planning uses the manifest: with ``resume`` a file whose content and docparse version already have
a finished record (and output file) is skipped, failed ones too unless ``retry_failed``. Identical
files are parsed once; the others get a copy of the result with their own source path.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docparse.__about__ import __version__
from docparse.batch.inputs import InputFile, discover, with_hashes
from docparse.batch.manifest import MANIFEST_NAME, Manifest
from docparse.batch.pool import BatchAborted, LocalPool, WorkerOptions, WorkerStats
from docparse.batch.process import write_result
from docparse.batch.records import ERROR, exists, output_path, relabel, summarise
from docparse.batch.summary import finished, write_all_jsonl, write_summary

WORKER_LOG = "workers.log"


class NoInputs(ValueError):
    """Nothing to do: the inputs name no file docparse could be asked to read."""


class BatchBusy(BatchAborted):
    """Another batch is writing into the same output folder."""


LOCK_NAME = ".docparse-batch.lock"


@contextmanager
def folder_lock(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock for the run (``flock``: released by the kernel if the process dies,
    so a killed run never leaves a stale lock); a second batch into the folder is refused."""
    import fcntl

    path = out_dir / LOCK_NAME
    fh = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise BatchBusy(f"{out_dir}: another docparse batch ({holder}) is writing into this folder; "
                            "wait for it to finish or choose another output folder") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        yield
    finally:
        fh.close()


def content_key(f: InputFile) -> str:
    """What makes two inputs share one result: the same bytes under the same suffix (a PDF renamed
    .doc is read by another reader, and a misnamed file gets its own warning)."""
    return f"{f.sha256}{Path(f.rel).suffix.lower()}"


@dataclass(slots=True)
class BatchOptions:
    inputs: list[str]
    out_dir: str
    workers: int = 1
    jsonl: str | None = None
    resume: bool = False
    retry_failed: bool = False
    timeout: float | None = 300.0
    max_memory_mb: int = 4096
    recycle: int = 200
    dask: bool = False
    scheduler: str | None = None


@dataclass(slots=True)
class BatchResult:
    inputs: int = 0
    parsed: int = 0
    copied: int = 0
    skipped: int = 0
    unsupported: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"ok": 0, "warn": 0, "error": 0})
    seconds: float = 0.0
    pages: int = 0
    workers: list[WorkerStats] = field(default_factory=list)
    jsonl: str = ""
    summary: str = ""


@dataclass(slots=True)
class Plan:
    parse: list[InputFile] = field(default_factory=list)
    copy: list[tuple[InputFile, dict[str, Any]]] = field(default_factory=list)    # from an earlier run
    duplicates: dict[str, list[InputFile]] = field(default_factory=dict)        # sha → later names
    skip: list[InputFile] = field(default_factory=list)

    @property
    def todo(self) -> int:
        return len(self.parse) + len(self.copy) + sum(map(len, self.duplicates.values()))


def _has_output(out_dir: Path, record: dict[str, Any]) -> bool:
    return bool(record.get("output")) and exists(out_dir / record["output"])


def make_plan(files: list[InputFile], manifest: Manifest, out_dir: Path, options: BatchOptions) -> Plan:
    plan = Plan()
    primaries: dict[str, InputFile] = {}
    for f in files:
        if options.resume:
            record = manifest.by_file.get(f.rel)
            if (record and f.sha256 and record.get("sha256") == f.sha256
                    and record.get("version") == __version__ and _has_output(out_dir, record)
                    and not (options.retry_failed and record.get("status") == ERROR)):
                plan.skip.append(f)
                continue
            earlier = manifest.by_content.get((content_key(f), __version__)) if f.sha256 else None
            if (earlier and _has_output(out_dir, earlier)
                    and not (options.retry_failed and earlier.get("status") == ERROR)):
                plan.copy.append((f, earlier))
                continue
        if f.sha256 and content_key(f) in primaries:
            plan.duplicates.setdefault(content_key(f), []).append(f)
        else:
            primaries[content_key(f) if f.sha256 else f.abspath] = f
            plan.parse.append(f)
    return plan


def _record(f: InputFile, result: dict[str, Any], out_dir: Path, copied_from: str | None = None) -> dict[str, Any]:
    failed = result["status"] == ERROR
    keep = ("status", "type", "year", "unit", "budget", "spent", "failed_checks", "pages", "seconds",
            "error", "peak_rss_mb")
    record = {k: result.get(k) for k in keep}
    record.update(
        file=f.rel, path=f.path, sha256=f.sha256, version=__version__, copied_from=copied_from,
        output=output_path(out_dir, f.rel, failed).relative_to(out_dir).as_posix(),
        finished_at=round(time.time(), 3),
    )
    return record


def _task(f: InputFile, out_dir: Path, options: BatchOptions) -> dict[str, Any]:
    return {"id": f.rel, "path": f.path, "abspath": f.abspath, "rel": f.rel, "sha256": f.sha256,
            "out_dir": str(out_dir.resolve()), "max_memory_mb": options.max_memory_mb}


def _copy(source_out: Path, target: InputFile, out_dir: Path) -> dict[str, Any]:
    """Give ``target`` a copy of an identical file's result, with its own source path."""
    started = time.perf_counter()
    data = relabel(json.loads(source_out.read_text(encoding="utf-8")), target.path)
    write_result(str(out_dir), target.rel, data)
    result = summarise(data)
    result["seconds"] = round(time.perf_counter() - started, 4)
    return result


def clean_temporaries(out_dir: Path) -> None:
    """Remove temp files a killed run left behind (``.NAME.*.tmp`` from atomic writes)."""
    for tmp in out_dir.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def run_batch(options: BatchOptions, progress: Any, log: Callable[[str], None] | None = None) -> BatchResult:
    """Run the whole batch; ``progress`` has ``start(total)``, ``advance(path, result)``, ``log(msg)``."""
    log = log or progress.log
    started = time.monotonic()
    out_dir = Path(options.out_dir)
    found = discover(options.inputs, exclude=str(out_dir))
    if not found.files:
        raise NoInputs(", ".join(found.missing) or "no supported files among the inputs")
    out_dir.mkdir(parents=True, exist_ok=True)
    with folder_lock(out_dir):
        return _run_locked(options, progress, log, out_dir, found, started)


def _run_locked(options: BatchOptions, progress: Any, log: Callable[[str], None], out_dir: Path, found: Any,
                started: float) -> BatchResult:
    clean_temporaries(out_dir)
    files = with_hashes(found.files)
    result = BatchResult(inputs=len(files), unsupported=found.skipped, missing=found.missing)
    resume = options.resume or options.retry_failed
    options.resume = resume
    manifest = Manifest(out_dir / MANIFEST_NAME, fresh=not resume)
    plan = make_plan(files, manifest, out_dir, options)
    result.skipped = len(plan.skip)

    def done(f: InputFile, res: dict[str, Any], copied_from: str | None = None) -> None:
        manifest.append(_record(f, res, out_dir, copied_from))
        progress.advance(f.path, res)
        if copied_from:
            result.copied += 1
        else:
            result.parsed += 1

    def on_result(task: dict[str, Any], res: dict[str, Any]) -> None:
        f = by_rel[task["rel"]]
        done(f, res)
        failed = res["status"] == ERROR
        for dup in plan.duplicates.pop(content_key(f), []) if f.sha256 else []:
            done(dup, _copy(output_path(out_dir, f.rel, failed), dup, out_dir), copied_from=f.rel)

    by_rel = {f.rel: f for f in plan.parse}
    progress.start(plan.todo)
    try:
        for f, earlier in plan.copy:
            done(f, _copy(out_dir / earlier["output"], f, out_dir), copied_from=earlier["file"])
        tasks = [_task(f, out_dir, options) for f in plan.parse]
        if tasks:
            worker_options = WorkerOptions(
                max_memory_mb=options.max_memory_mb, timeout=options.timeout, recycle=options.recycle,
                log_path=str(out_dir / WORKER_LOG),
            )
            if options.dask or options.scheduler:
                from docparse.batch.dask_backend import run_dask

                result.workers = run_dask(tasks, on_result, options.workers, worker_options,
                                          options.scheduler, log)
            else:
                pool = LocalPool(options.workers, worker_options, on_event=log)
                try:
                    pool.run(tasks, on_result)
                finally:
                    result.workers = pool.stats
    finally:
        manifest.close()
        progress.close()
        complete = finished(files, Manifest(out_dir / MANIFEST_NAME))  # what is on disk is what counts
        result.jsonl = options.jsonl or str(out_dir / "results.jsonl")
        result.summary = str(out_dir / "summary.csv")
        write_all_jsonl(result.jsonl, out_dir, complete)
        write_summary(result.summary, complete)
        for _f, record in complete:
            result.counts[record["status"]] = result.counts.get(record["status"], 0) + 1
            result.pages += record.get("pages") or 0
        result.seconds = round(time.monotonic() - started, 3)
    return result


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
