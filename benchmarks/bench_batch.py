"""Batch benchmark: completeness on a generated set with faulty files, kill-and-resume identity,
throughput with 1 and 2 workers, worker memory and start-up, against a bare pdfplumber loop.

    python benchmarks/bench_batch.py --count 1000 [--seed 7] [--kills 5] [--work DIR] [--set DIR] [--limit N]

Generates ``--count`` mixed .docx/.pdf reports (10 % faulty, every fault kind) with
``python -m corpus.generate``, then prints the figures. Timings are wall-clock on this machine,
all measured in the same run. The code under test is first copied into the working folder and run
from there, so every run in the benchmark uses the same code even while the checkout changes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from docparse.batch import BatchOptions, BatchResult, run_batch
from docparse.batch.progress import LineProgress

ROOT = Path(__file__).resolve().parent.parent
HERE = Path.cwd
CLI = [sys.executable, "-c", "from docparse.cli import main; main()"]


def generate(folder: Path, count: int, seed: int) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "corpus.generate", "--out", str(folder), "--count", str(count),
                    "--seed", str(seed), "--formats", "docx,pdf", "--faults", "0.1"],
                   check=True, cwd=HERE(), stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def take_first(folder: Path, target: Path, limit: int) -> Path:
    """A folder of symbolic links to the first ``limit`` documents of ``folder`` and their gold."""
    target.mkdir(parents=True, exist_ok=True)
    for gold in sorted(folder.glob("*.gold.json"))[:limit]:
        stem = gold.name.removesuffix(".gold.json")
        for path in (gold, *folder.glob(f"{stem}.docx"), *folder.glob(f"{stem}.pdf")):
            link = target / path.name
            if not link.exists():
                link.symlink_to(path)
    return target


CPU_SECONDS: dict[str, float] = {}


def batch(inputs: list[str], out: Path, workers: int, **kw: object) -> tuple[BatchResult, float]:
    """Run a batch in this process (workers are its children); wall seconds, CPU seconds noted by ``out``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = run_batch(BatchOptions(inputs=inputs, out_dir=str(out), workers=workers, **kw),
                       LineProgress(io.StringIO()))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS[out.name] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, wall


def deterministic_outputs(out: Path) -> dict[str, bytes]:
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.json")
             if not p.name.startswith(".")}
    files["results.jsonl"] = (out / "results.jsonl").read_bytes()
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = [{k: v for k, v in row.items() if k != "seconds"} for row in csv.DictReader(fh)]
    files["summary.csv without seconds"] = json.dumps(rows, ensure_ascii=False).encode()
    return files


def completeness(folder: Path, out: Path) -> dict[str, object]:
    """Every good file has its JSON; every file the gold calls unreadable has an error record of that kind."""
    kinds = {"corrupt": "CorruptInput", "encrypted": "EncryptedInput"}
    good = good_json = bad = bad_record = 0
    by_fault: dict[str, list[int]] = {}
    causes: dict[str, str] = {}
    problems: list[str] = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold_path.name.removesuffix(".gold.json") + "." + gold["format"]
        fault = gold.get("fault") or {}
        counts = by_fault.setdefault(fault.get("kind") or "none", [0, 0])
        counts[0] += 1
        expected = fault.get("error")
        if expected:
            bad += 1
            path = out / f"{name}.error.json"
            if path.is_file():
                err = json.loads(path.read_text(encoding="utf-8"))["error"]
                ok = err["kind"] == kinds[expected]
                bad_record += ok
                counts[1] += ok
                causes.setdefault(f"{fault['kind']} → {err['kind']}", err["cause"])
                if not ok:
                    problems.append(f"{name}: expected {kinds[expected]}, got {err['kind']}: {err['cause']}")
            else:
                problems.append(f"{name}: no error record")
        else:
            good += 1
            ok = (out / f"{name}.json").is_file()
            good_json += ok
            counts[1] += ok
            if not ok:
                err_path = out / f"{name}.error.json"
                cause = "?"
                if err_path.is_file():
                    cause = json.loads(err_path.read_text(encoding="utf-8"))["error"]["cause"]
                problems.append(f"{name}: no JSON ({cause})")
    return {"good": good, "good_json": good_json, "bad": bad, "bad_record": bad_record,
            "by_fault": by_fault, "causes": causes, "problems": problems}


def children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pids: set[int]) -> int:
    """How many of ``pids`` still run (zombies waiting to be reaped do not count)."""
    count = 0
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        count += state != "Z"
    return count


class LineCounter:
    """Lines in a growing file, reading only what was appended since the last call."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.lines = path, 0, 0

    def count(self) -> int:
        if self.path.is_file():
            with self.path.open("rb") as fh:
                fh.seek(self.offset)
                chunk = fh.read()
            self.offset += len(chunk)
            self.lines += chunk.count(b"\n")
        return self.lines


def kill_and_resume(folder: Path, out: Path, kills: int, total: int, rng: random.Random) -> dict[str, object]:
    """Kill -9 the batch at ``kills`` random points, resume each time, then finish."""
    manifest = out / "manifest.jsonl"
    points = sorted(rng.sample(range(1, max(2, total - 5)), kills))
    log = []
    for point in points:
        proc = subprocess.Popen([*CLI, "batch", str(folder), "-o", str(out), "--workers", "2", "-q", "--resume"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=HERE())
        counter = LineCounter(manifest)
        while proc.poll() is None:
            if counter.count() >= point:
                time.sleep(rng.uniform(0, 0.3))
                break
            time.sleep(0.02)
        finished = proc.poll() is not None
        workers = children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        time.sleep(0.5)
        done = manifest.read_bytes().count(b"\n") if manifest.is_file() else 0
        torn = 0
        for path in out.rglob("*.json"):
            if not path.name.startswith("."):
                try:
                    json.loads(path.read_text(encoding="utf-8"))
                except ValueError:
                    torn += 1
        log.append({"target": point, "manifest_lines": done, "finished_before_kill": finished,
                    "torn_visible_files": torn, "workers_at_kill": len(workers),
                    "workers_alive_0.5s_later": alive(workers)})
    final = subprocess.run([*CLI, "batch", str(folder), "-o", str(out), "--workers", "2", "-q", "--resume"],
                           capture_output=True, text=True, cwd=HERE())
    return {"kills": log, "final_exit": final.returncode, "final_line": final.stderr.strip().splitlines()[-1]}


def pdfplumber_loop(pdfs: list[Path]) -> tuple[float, int, int]:
    import pdfplumber

    started = time.perf_counter()
    pages = failed = 0
    for path in pdfs:
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    pages += 1
        except Exception:
            failed += 1
    return time.perf_counter() - started, pages, failed


def stats_line(result: BatchResult) -> str:
    inits = [w.init_seconds for w in result.workers if w.init_seconds]
    readies = [w.ready_seconds for w in result.workers if w.ready_seconds]
    rss = [w.peak_rss_mb for w in result.workers if w.peak_rss_mb]
    return (f"workers started {len(result.workers)}; start-up median {median(readies):.2f} s to ready "
            f"({median(inits):.2f} s inside the worker); peak RSS per worker max {max(rss):.0f} MB, "
            f"median {median(rss):.0f} MB")


def snapshot(work: Path) -> None:
    """Re-run this script on a copy of docparse, its rules and the generator (the committed ones)."""
    if os.environ.get("DOCPARSE_BENCH_SNAPSHOT"):
        return
    code = work / "code"
    code.mkdir(parents=True, exist_ok=True)
    names = ["docparse", "rules", "corpus/__init__.py", "corpus/generate"]
    archive = subprocess.run(["git", "archive", "HEAD", *names], cwd=ROOT, capture_output=True)
    if archive.returncode == 0:  # the committed code, not whatever is half-edited in the checkout
        subprocess.run(["tar", "-x", "-C", str(code)], input=archive.stdout, check=True)
    else:
        for name in names:
            copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
            (code / name).parent.mkdir(parents=True, exist_ok=True)
            copy(ROOT / name, code / name)
    env = {**os.environ, "PYTHONPATH": str(code), "DOCPARSE_BENCH_SNAPSHOT": "1"}
    args = list(sys.argv[1:])
    if "--work" not in args:
        args += ["--work", str(work)]
    sys.exit(subprocess.run([sys.executable, str(Path(__file__).resolve()), *args, "--keep"],
                            env=env, cwd=code).returncode)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temp folder)")
    parser.add_argument("--set", type=Path, default=None,
                        help="folder of a generated set, reused if it holds one (default: WORK/in, generated)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents of the set")
    parser.add_argument("--keep", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-batch-"))
    if work.exists() and args.work and not args.keep:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    snapshot(work)
    import docparse

    print(f"code under test: {Path(docparse.__file__).parent}")
    folder = (args.set or work / "in").resolve()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    if not any(folder.glob("*.gold.json")):
        gen_seconds = generate(folder, args.count, args.seed)
        print(f"generated the set in {gen_seconds:.0f} s")
    if args.limit:
        folder = take_first(folder, work / f"in-{args.limit}", args.limit)
    docs = sorted(p for p in folder.iterdir() if p.suffix in {".docx", ".pdf"})
    pdfs = [p for p in docs if p.suffix == ".pdf"]
    print(f"set: {folder}: {len(docs)} documents ({len(pdfs)} PDF, {len(docs) - len(pdfs)} DOCX)")

    one, t1 = batch([str(folder)], work / "out1", workers=1)
    two, t2 = batch([str(folder)], work / "out2", workers=2)
    pdf_only, tp = batch([str(p) for p in pdfs], work / "out-pdf", workers=1)
    plumber_seconds, plumber_pages, plumber_failed = pdfplumber_loop(pdfs)

    check = completeness(folder, work / "out2")
    print("\n== completeness (2 workers) ==")
    print(f"good files with their JSON: {check['good_json']}/{check['good']}")
    print(f"unreadable files with an error record of the right kind: {check['bad_record']}/{check['bad']}")
    for kind, (n, ok) in sorted(check["by_fault"].items()):
        print(f"  fault {kind:<14} {ok}/{n} as expected")
    for what, cause in sorted(check["causes"].items()):
        print(f"  e.g. {what}: {cause}")
    for problem in check["problems"][:10]:
        print(f"  PROBLEM {problem}")
    print(f"statuses: {two.counts}; the batch process never raised")

    print("\n== throughput (whole batch wall time, including worker start-up) ==")
    pages = two.pages
    for label, res, secs in (("1 worker ", one, t1), ("2 workers", two, t2)):
        print(f"{label}: {res.parsed} docs in {secs:.1f} s = {res.parsed / secs:.2f} docs/s, "
              f"{res.pages / secs:.2f} PDF pages/s ({pages} PDF pages in the set)")
    print(f"speed-up 2 vs 1 workers: {t1 / t2:.2f}x  (load average now {os.getloadavg()[0]:.2f})")
    for label, name, secs in (("1 worker ", "out1", t1), ("2 workers", "out2", t2)):
        cpu = CPU_SECONDS[name]
        print(f"{label}: worker CPU {cpu:.1f} s = {cpu / one.parsed:.3f} CPU s/doc; "
              f"cores actually obtained {cpu / secs:.2f} (the machine is shared)")
    print(f"1 worker: {stats_line(one)}")
    print(f"2 workers: {stats_line(two)}")

    print("\n== PDFs only, 1 process each ==")
    print(f"docparse batch, 1 worker: {len(pdfs)} PDFs, {pdf_only.pages} pages in {tp:.1f} s = "
          f"{pdf_only.pages / tp:.2f} pages/s ({pdf_only.counts})")
    print(f"bare pdfplumber extract_text loop: {plumber_pages} pages in {plumber_seconds:.1f} s = "
          f"{plumber_pages / plumber_seconds:.2f} pages/s ({plumber_failed} files raised)")
    print(f"docparse / pdfplumber time ratio: {tp / plumber_seconds:.2f}")

    if args.kills:
        print(f"\n== kill -9 at {args.kills} random points, resume, compare with the uninterrupted run ==")
        report = kill_and_resume(folder, work / "out-killed", args.kills, len(docs), random.Random(args.seed))
        for entry in report["kills"]:
            print(f"  {entry}")
        print(f"  final resume exit {report['final_exit']}: {report['final_line']}")
        reference = deterministic_outputs(work / "out2")
        resumed = deterministic_outputs(work / "out-killed")
        differing = sorted(k for k in reference.keys() | resumed.keys() if reference.get(k) != resumed.get(k))
        print(f"  outputs compared: {len(reference)} files; identical: {not differing}"
              + (f"; differing: {differing[:10]}" if differing else ""))
        leftovers = list((work / "out-killed").rglob(".*.tmp"))
        print(f"  temp files left after resume: {len(leftovers)}")
    print(f"\nworking folder: {work}")


if __name__ == "__main__":
    main()
