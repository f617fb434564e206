"""Worker processes under the batch's own control: start, feed, time out, kill, replace, recycle.

Each worker is ``python -m docparse.batch.worker`` in its own session (so it and any converter
it started can be killed as a group), talking JSON lines over pipes. A document that runs past
the timeout has its worker killed and replaced; a worker that dies mid-document (crash, OOM
killer) gives that document an error record; a worker is retired after ``recycle`` documents so
memory stays bounded. The parent only waits on pipes and never runs docparse itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

from docparse.batch.process import record_failure

Task = dict[str, Any]
Result = dict[str, Any]
OnResult = Callable[[Task, Result], None]

STARTUP_TIMEOUT = 180.0
MAX_STARTUP_FAILURES = 3


class BatchAborted(RuntimeError):
    """Workers cannot start at all (a broken installation): the batch cannot make progress."""


@dataclass(slots=True)
class WorkerOptions:
    max_memory_mb: int = 0
    timeout: float | None = None
    recycle: int = 0            # documents per worker before it is replaced (0: never)
    pdeathsig: bool = True      # kill workers when the parent dies (Linux)
    log_path: str | None = None  # where workers' standard error goes


@dataclass(slots=True)
class WorkerStats:
    pid: int
    init_seconds: float | None
    ready_seconds: float | None   # spawn to ready, as the parent saw it
    documents: int
    peak_rss_mb: float | None


class WorkerProcess:
    """One worker subprocess and the task it is working on."""

    def __init__(self, options: WorkerOptions) -> None:
        cmd = [sys.executable, "-m", "docparse.batch.worker", "--max-memory", str(options.max_memory_mb)]
        if options.pdeathsig:
            cmd.append("--pdeathsig")
        self.log_path = options.log_path
        self._log: IO[bytes] | None = open(options.log_path, "ab") if options.log_path else None  # noqa: SIM115
        self.spawned = time.monotonic()
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._log if self._log else subprocess.DEVNULL, start_new_session=True,
        )
        os.set_blocking(self.proc.stdout.fileno(), False)  # type: ignore[union-attr]
        self._buffer = b""
        self.ready = False
        self.task: Task | None = None
        self.deadline: float | None = None
        self.task_started = 0.0
        self.documents = 0
        self.init_seconds: float | None = None
        self.ready_seconds: float | None = None
        self.peak_rss_mb: float | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid

    def fileno(self) -> int:
        return self.proc.stdout.fileno()  # type: ignore[union-attr]

    def send(self, task: Task, timeout: float | None) -> None:
        self.task = task
        self.task_started = time.monotonic()
        self.deadline = self.task_started + timeout if timeout else None
        self.proc.stdin.write((json.dumps(task, ensure_ascii=False) + "\n").encode())  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]

    def receive(self) -> list[dict[str, Any]] | None:
        """Messages that have arrived; ``None`` once the worker has closed its end (it died)."""
        try:
            chunk = os.read(self.fileno(), 1 << 16)
        except BlockingIOError:
            return []
        if not chunk:
            return None
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        messages = [json.loads(line) for line in lines if line.strip()]
        for message in messages:
            if message.get("ready"):
                self.ready = True
                self.init_seconds = message.get("init_seconds")
                self.ready_seconds = round(time.monotonic() - self.spawned, 3)
            if message.get("peak_rss_mb") is not None:
                self.peak_rss_mb = message["peak_rss_mb"]
        return messages

    def death_cause(self) -> str:
        """Why the worker is gone, in words (exit status or signal)."""
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "worker stopped answering"
        if code < 0:
            name = signal.Signals(-code).name
            hint = " (killed: out of memory?)" if -code == signal.SIGKILL else ""
            return f"worker process died with signal {name}{hint}"
        where = f"; see {self.log_path}" if self.log_path else ""
        return f"worker process exited with status {code}{where}"

    def kill(self) -> None:
        """Kill the worker and everything it started (its whole process group)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self._close_files()
        from docparse.readers.legacy import sweep

        sweep(self.proc.pid)  # a LibreOffice conversion it ran (own process group) and its folders

    def retire(self) -> None:
        """Ask the worker to finish (end of input); it exits on its own."""
        with contextlib.suppress(OSError):
            self.proc.stdin.close()  # type: ignore[union-attr]

    def reap(self, timeout: float = 0) -> bool:
        """True once a retired worker has exited (killed if it lingers past ``timeout``)."""
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            if timeout:
                self.kill()
                return True
            return False
        self._close_files()
        return True

    def _close_files(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        if self._log:
            self._log.close()
            self._log = None

    def stats(self) -> WorkerStats:
        return WorkerStats(self.pid, self.init_seconds, self.ready_seconds, self.documents, self.peak_rss_mb)

    def run_one(self, task: Task, timeout: float | None) -> Result | None:
        """Synchronously: wait until ready, run one task; ``None`` when the worker died or hung.

        On a timeout the worker is killed; the caller records the failure and starts a new one.
        """
        start_deadline = time.monotonic() + STARTUP_TIMEOUT
        with selectors.DefaultSelector() as sel:
            sel.register(self.fileno(), selectors.EVENT_READ)
            while True:
                if self.ready and self.task is None:
                    self.send(task, timeout)
                limit = self.deadline if self.task is not None else start_deadline
                wait = None if limit is None else max(0.0, limit - time.monotonic())
                if not sel.select(wait):
                    self.kill()
                    return None
                messages = self.receive()
                if messages is None:
                    return None
                for message in messages:
                    if "id" in message and self.task is not None:
                        self.task, self.deadline = None, None
                        self.documents += 1
                        return message


class LocalPool:
    """Run tasks on ``workers`` local worker processes; results go to ``on_result`` as they come."""

    def __init__(self, workers: int, options: WorkerOptions,
                 on_event: Callable[[str], None] | None = None) -> None:
        self.size = max(1, workers)
        self.options = options
        self.on_event = on_event or (lambda _msg: None)
        self.stats: list[WorkerStats] = []
        self._workers: list[WorkerProcess] = []
        self._retiring: list[WorkerProcess] = []
        self._startup_failures = 0

    def _start(self) -> None:
        self._workers.append(WorkerProcess(self.options))

    def _drop(self, worker: WorkerProcess, kill: bool) -> None:
        self._workers.remove(worker)
        self.stats.append(worker.stats())
        if kill:
            worker.kill()
        else:
            worker.retire()
            self._retiring.append(worker)

    def _fail(self, worker: WorkerProcess, on_result: OnResult, code: str, kind: str, cause: str) -> None:
        task = worker.task
        assert task is not None
        seconds = time.monotonic() - worker.task_started
        worker.task = None
        on_result(task, record_failure(task, code, kind, cause, seconds))

    def run(self, tasks: Iterable[Task], on_result: OnResult) -> None:
        pending = deque(tasks)
        timeout = self.options.timeout
        sel = selectors.DefaultSelector()
        try:
            while pending or any(w.task is not None for w in self._workers):
                busy = sum(1 for w in self._workers if w.task is not None)
                while len(self._workers) < min(self.size, busy + len(pending)):
                    self._start()
                for worker in self._workers:
                    if worker.ready and worker.task is None and pending:
                        worker.send(pending.popleft(), timeout)
                self._retiring = [w for w in self._retiring if not w.reap()]
                self._wait(sel, on_result)
        finally:
            sel.close()
            self.close()

    def _wait(self, sel: selectors.BaseSelector, on_result: OnResult) -> None:
        now = time.monotonic()
        deadlines = [w.deadline for w in self._workers if w.deadline is not None and w.task is not None]
        deadlines += [w.spawned + STARTUP_TIMEOUT for w in self._workers if not w.ready]
        wait = max(0.0, min([*deadlines, now + 1.0]) - now)
        for key in list(sel.get_map().values()):
            sel.unregister(key.fileobj)
        for worker in self._workers:
            sel.register(worker.fileno(), selectors.EVENT_READ, worker)
        for key, _ in sel.select(wait):
            self._on_readable(key.data, on_result)
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.task is not None and worker.deadline is not None and now > worker.deadline:
                self.on_event(f"timeout: {worker.task['path']} (worker {worker.pid} killed)")
                self._fail(worker, on_result, "E102", "Timeout",
                           f"timed out after {self.options.timeout:g} s (worker killed; --timeout)")
                self._drop(worker, kill=True)
            elif not worker.ready and now > worker.spawned + STARTUP_TIMEOUT:
                self._startup_failed(worker, f"did not start within {STARTUP_TIMEOUT:g} s")

    def _on_readable(self, worker: WorkerProcess, on_result: OnResult) -> None:
        if worker not in self._workers:
            return
        messages = worker.receive()
        if messages is None:  # the worker is gone
            cause = worker.death_cause()
            if not worker.ready:
                self._startup_failed(worker, cause)
                return
            if worker.task is not None:
                self.on_event(f"{cause}: {worker.task['path']}")
                self._fail(worker, on_result, "E103", "WorkerDied", f"{cause} while parsing this file")
            self._drop(worker, kill=True)
            return
        for message in messages:
            if message.get("ready"):
                self._startup_failures = 0
            elif "id" in message and worker.task is not None:
                task, worker.task, worker.deadline = worker.task, None, None
                worker.documents += 1
                on_result(task, message)
                recycle = self.options.recycle
                if message.get("restart") or (recycle and worker.documents >= recycle):
                    self._drop(worker, kill=False)
                    return

    def _startup_failed(self, worker: WorkerProcess, cause: str) -> None:
        self._drop(worker, kill=True)
        self._startup_failures += 1
        self.on_event(f"worker failed to start: {cause}")
        if self._startup_failures >= MAX_STARTUP_FAILURES:
            where = f"; see {self.options.log_path}" if self.options.log_path else ""
            raise BatchAborted(f"worker processes cannot start ({cause}){where}")

    def close(self) -> None:
        """Stop every worker now (used on completion, interruption and errors)."""
        for worker in list(self._workers):
            if worker.task is None and worker.ready:
                self._drop(worker, kill=False)
            else:
                self._drop(worker, kill=True)
        for worker in self._retiring:
            worker.reap(timeout=5)
        self._retiring = []
