"""The same batch on a Dask distributed cluster.

Each Dask worker thread keeps one docparse worker subprocess (the same one the local pool uses),
so the pipeline is built once per worker, a hung document is killed after the timeout, a worker
is recycled after N documents, and the memory ceiling applies. Tasks carry absolute paths: inputs
and the output folder must be visible under the same paths on every machine (a shared mount).
The client keeps the manifest and receives only small summaries; the workers write the result files.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from docparse.batch.pool import OnResult, Task, WorkerOptions, WorkerProcess, WorkerStats
from docparse.batch.process import record_failure

_local = threading.local()
_lock = threading.Lock()
_runners: list[WorkerProcess] = []
_finished_stats: list[WorkerStats] = []


def _runner(options: WorkerOptions) -> WorkerProcess:
    worker = getattr(_local, "worker", None)
    if worker is None:
        worker = WorkerProcess(options)
        _local.worker = worker
        with _lock:
            _runners.append(worker)
    return worker


def _forget(worker: WorkerProcess, kill: bool) -> None:
    if kill:
        worker.kill()
    else:
        worker.retire()
        worker.reap(timeout=10)
    _local.worker = None
    with _lock:
        _finished_stats.append(worker.stats())
        if worker in _runners:
            _runners.remove(worker)


def process_on_worker(task: Task, options_dict: dict[str, Any]) -> dict[str, Any]:
    """Dask task: run one document in this worker's docparse subprocess; return its summary."""
    options = WorkerOptions(**options_dict)
    for _attempt in range(2):  # a worker that fails to start once is given a second chance
        worker = _runner(options)
        started = time.monotonic()
        result = worker.run_one(task, options.timeout)
        if result is not None:
            if result.get("restart") or (options.recycle and worker.documents >= options.recycle):
                _forget(worker, kill=False)
            return result
        timed_out = worker.ready and options.timeout and time.monotonic() - started >= options.timeout
        cause = worker.death_cause() if not timed_out else ""
        was_ready = worker.ready
        _forget(worker, kill=True)
        if timed_out:
            return record_failure(task, "E102", "Timeout",
                                  f"timed out after {options.timeout:g} s (worker killed; --timeout)",
                                  time.monotonic() - started)
        if was_ready:
            return record_failure(task, "E103", "WorkerDied", f"{cause} while parsing this file",
                                  time.monotonic() - started)
    raise RuntimeError(f"docparse worker cannot start on this Dask worker ({cause})")


def shutdown_runners() -> list[dict[str, Any]]:
    """Stop this process's docparse subprocesses; return the statistics of all it has run."""
    with _lock:
        runners = list(_runners)
    for worker in runners:
        worker.retire()
        worker.reap(timeout=10)
        with _lock:
            _finished_stats.append(worker.stats())
            _runners.remove(worker)
    with _lock:
        stats = [asdict(s) for s in _finished_stats]
        _finished_stats.clear()
    return stats


def run_dask(tasks: list[Task], on_result: OnResult, workers: int, options: WorkerOptions,
             scheduler: str | None, log: Callable[[str], None]) -> list[WorkerStats]:
    """Submit every task to the cluster at ``scheduler`` (or a new LocalCluster) and collect results."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
        log(f"dask: connected to {scheduler} ({len(client.scheduler_info()['workers'])} workers)")
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        log(f"dask: local cluster with {max(1, workers)} workers")
    options_dict = asdict(options)
    options_dict["pdeathsig"] = False  # the Dask worker thread that starts it may not be its parent for life
    options_dict["log_path"] = None
    stats: list[WorkerStats] = []
    try:
        by_key = {}
        futures = []
        for task in tasks:
            future = client.submit(process_on_worker, task, options_dict, pure=False, retries=1)
            by_key[future.key] = task
            futures.append(future)
        for future in as_completed(futures):
            task = by_key[future.key]
            try:
                result = future.result()
            except Exception as exc:  # the Dask worker itself was lost twice, or a start-up failure
                result = record_failure(task, "E104", "DaskTaskFailed",
                                        f"dask task failed: {type(exc).__name__}: {exc}", 0.0)
            on_result(task, result)
        for per_worker in client.run(shutdown_runners).values():
            stats.extend(WorkerStats(**s) for s in per_worker)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return stats
