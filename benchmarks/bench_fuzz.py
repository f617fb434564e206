"""Fuzz benchmark: mutated .docx/.pdf/.txt files through ``docparse batch``; counts tracebacks (errors
that are no DocparseError: codes E099, E100, E101, E199), documents past the timeout, peak RSS.

    python benchmarks/bench_fuzz.py [--count 1000] [--seed 5] [--workers 2] [--timeout 60] [--work DIR]

Mutations of the committed fixtures, chosen by a seeded random generator: bytes flipped (1–64),
cut short, a run of bytes duplicated, WordprocessingML parts edited with hostile values (spans,
list starts, symbol codes, DOCTYPEs, NULs, deep nesting, very long runs), a PDF's numbers and
operators altered, text files with long lines, binary noise and lone surrogates; plus every crafted
file of ``corpus/hostile``. The batch runs each document under ``--timeout`` in worker processes;
its manifest gives each document's status, error code, seconds and the worker's peak RSS.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "corpus" / "fixtures"
HOSTILE = ROOT / "corpus" / "hostile"
TRACEBACK_CODES = {"E099", "E100", "E101", "E199"}  # unexpected exceptions turned into records
SNIPPETS = [
    '<w:gridSpan w:val="4294967296"/>', '<w:gridBefore w:val="99999999"/>', '<w:start w:val="99999999999"/>',
    '<w:sym w:char="110000"/>', '<w:sym w:char="D83D"/>', '<w:numId w:val="7"/>', '<w:ilvl w:val="999"/>',
    '<w:vMerge w:val="restart"/>', '<w:vMerge/>', '<w:hMerge w:val="continue"/>', "&#xFFFE;", "<!DOCTYPE x>",
    "<w:tbl>", "</w:tc>", "<w:tr>", "\x00", "亿万元" * 200, "<w:t>" + "9" * 20000 + "</w:t>",
    "<w:t>" + "1,2" * 5000 + "</w:t>", "<w:t>" + " " * 20000 + "</w:t>", "<w:p>" * 300,
]


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(1, max(1, len(data) - 1))]


def _duplicate(data: bytes, rng: random.Random) -> bytes:
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 4096))
    return data[:b] + data[a:b] * rng.randint(1, 20) + data[b:]


def _xml_edit(data: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    name = rng.choice([n for n in parts if n.endswith((".xml", ".rels"))])
    xml = parts[name].decode("utf-8", "replace")
    for _ in range(rng.randint(1, 5)):
        at = xml.find(">", rng.randrange(len(xml))) + 1 or len(xml)
        xml = xml[:at] + rng.choice(SNIPPETS) + xml[at:]
    parts[name] = xml.encode("utf-8", "surrogatepass")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, content in parts.items():
            zf.writestr(part, content)
    return buf.getvalue()


def _pdf_edit(data: bytes, rng: random.Random) -> bytes:
    out = data
    for _ in range(rng.randint(1, 8)):
        token = rng.choice([b" Tf", b" Td", b" Tj", b" re", b"/Length ", b"/Count ", b"/Size ", b"obj"])
        at = out.find(token, rng.randrange(len(out)))
        if at > 0:
            out = out[:at] + rng.choice([b" 99999999999", b" -1", b" 0", b"\xff\xfe", b" 1e308"]) + out[at:]
    return out


def _text(rng: random.Random, texts: list[str]) -> bytes:
    base = rng.choice(texts)
    kind = rng.randrange(4)
    if kind == 0:  # a very long line
        return (base.replace("\n", "") * rng.randint(2, 40)).encode("utf-8")
    if kind == 1:  # binary noise inside
        raw = bytearray(base.encode("utf-8"))
        for _ in range(rng.randint(1, 200)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if kind == 2:  # lone surrogates written with surrogatepass (not UTF-8): GB18030 or undecodable
        return (base + "\ud800" * rng.randint(1, 5)).encode("utf-8", "surrogatepass")
    return ("\n".join(base.splitlines()[::-1]) + "1亿万元" * rng.randint(1, 3000)).encode("utf-8")


def make_set(folder: Path, count: int, seed: int) -> int:
    """Write ``count`` mutated files (and the hostile ones) into ``folder``; returns how many."""
    rng = random.Random(seed)
    docx = [p.read_bytes() for p in sorted(FIXTURES.glob("*.docx")) if zipfile.is_zipfile(p)]
    pdfs = [p.read_bytes() for p in sorted(FIXTURES.glob("*.pdf"))]
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in sorted(FIXTURES.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        kind = i % 3
        if kind == 0:
            data = rng.choice(docx)
            how = rng.choice([_flip, _cut, _duplicate, _xml_edit, _xml_edit, _xml_edit])
            (folder / f"m{i:05d}.docx").write_bytes(how(data, rng))
        elif kind == 1:
            data = rng.choice(pdfs)
            how = rng.choice([_flip, _cut, _duplicate, _pdf_edit, _pdf_edit])
            (folder / f"m{i:05d}.pdf").write_bytes(how(data, rng))
        else:
            (folder / f"m{i:05d}.txt").write_bytes(_text(rng, texts))
    for path in sorted(HOSTILE.iterdir()):
        if path.suffix in (".docx", ".pdf", ".doc", ".wps"):
            shutil.copy(path, folder / f"hostile-{path.name}")
    return len(list(folder.iterdir()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="docparse-bench-fuzz-"))
    inputs, out = work / "IN", work / "OUT"
    shutil.rmtree(work / "IN", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    files = make_set(inputs, args.count, args.seed)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", "from docparse.cli import main; main()", "batch", str(inputs),
                           "-o", str(out), "--workers", str(args.workers), "--timeout", str(args.timeout),
                           "--quiet"], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    by_file = {r["file"]: r for r in records}
    codes = Counter()
    tracebacks, slow = [], []
    for r in by_file.values():
        code = None
        if r.get("status") == "error":
            error = json.loads((out / r["output"]).read_text(encoding="utf-8"))["error"]
            code = error["code"]
            if code in TRACEBACK_CODES:
                tracebacks.append(f"{r['file']}: {error['message']}")
            if "timed out" in error.get("cause", ""):
                slow.append(r["file"])
        codes[code or r.get("status")] += 1
        if (r.get("seconds") or 0) > args.timeout:
            slow.append(r["file"])
    rss = [r["peak_rss_mb"] for r in by_file.values() if r.get("peak_rss_mb")]
    traceback_lines = proc.stderr.count("Traceback")
    print(f"fuzz set: {files} files ({args.count} mutated + hostile), seed {args.seed}, work {work}")
    print(f"batch: exit {proc.returncode}, {seconds:.1f} s, {args.workers} workers, accounted for "
          f"{len(by_file)}/{files}")
    print(f"outcomes: {dict(sorted(codes.items(), key=lambda kv: str(kv[0])))}")
    print(f"tracebacks (unexpected exceptions): {len(tracebacks)}; in the batch's stderr: {traceback_lines}")
    for line in tracebacks[:20]:
        print(f"  {line}")
    print(f"runs over {args.timeout:g} s: {len(set(slow))}")
    median = sorted(rss)[len(rss) // 2] if rss else 0
    print(f"peak RSS of a worker: max {max(rss, default=0):.0f} MB, median {median:.0f} MB")
    slowest = sorted(by_file.values(), key=lambda r: -(r.get("seconds") or 0))[:3]
    print("slowest: " + ", ".join(f"{r['file']} {r.get('seconds')} s" for r in slowest))


if __name__ == "__main__":
    main()
