"""Scale benchmark: parse time and peak RSS against input size, each run in a fresh process.

    python benchmarks/bench_scale.py [--texts 10k,100k,1m,10m] [--pages 10,100,200,500] [--work DIR]
                                     [--timeout 900] [--hostile]

- plain text of 10 KB … 10 MB (UTF-8 bytes): generated report paragraphs (``corpus.generate``) under
  one title, so one long report, not many short ones;
- single generated reports of 10 … 500 PDF pages (one title, one outline, a self-evaluation table,
  the body paragraphs of many generated reports after it), drawn by reportlab, against a bare
  pdfplumber ``extract_text()`` of the same file in the same run;
- with ``--hostile``: the long inputs of issue 17 (one line of a million digits, 10,000 × "1亿万元",
  100,000 lines, a .docx of 100,000 paragraphs and one with a 20,000-row table).

Each figure is wall-clock seconds of ``docparse.parse`` after the imports and the NLP start-up,
and the process's VmHWM; per-character and per-page costs show whether cost grows linearly.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_RUN = r"""
import sys, time
mode, path = sys.argv[1], sys.argv[2]
if mode == "docparse":
    import docparse
    docparse.parse_text("某项目年初预算100万元。")  # imports and NLP start-up outside the timing
    start = time.perf_counter()
    try:
        report = docparse.parse(path)
        note = f"{len(report.mentions)} mentions"
    except docparse.DocparseError as exc:
        note = f"error {exc.code}"
else:
    import pdfplumber
    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.flush_cache()
    note = ""
seconds = time.perf_counter() - start
hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM")][0].split()[1]
print(seconds, int(hwm) / 1024, note)
"""


def measure(mode: str, path: Path, timeout: float) -> tuple[float | None, float | None, str]:
    try:
        out = subprocess.run([sys.executable, "-c", _RUN, mode, str(path)], capture_output=True, text=True,
                             cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, f"over {timeout:g} s"
    if out.returncode != 0:
        return None, None, (out.stderr.strip().splitlines() or ["failed"])[-1][:120]
    seconds, rss, *note = out.stdout.split(maxsplit=2)
    return float(seconds), float(rss), note[0].strip() if note else ""


def report_paragraphs(count: int, seed: int = 7) -> list[str]:
    """Body paragraphs of generated reports (several kinds and seeds), in order."""
    from corpus.generate.gold import build
    from corpus.generate.model import Para

    out: list[str] = []
    kinds = ["project", "national", "department", "transfer"]
    while len(out) < count:
        doc, _ = build(kinds[seed % 4], seed, {})
        out += [b.text for b in doc.blocks if isinstance(b, Para) and b.role in ("body", "item", "heading")]
        seed += 1
    return out[:count]


def long_text(path: Path, size: int) -> Path:
    """One report of about ``size`` bytes of UTF-8: a title, then generated paragraphs."""
    lines = ["某县2023年度农村公益事业项目支出绩效自评报告"]
    total = len(lines[0].encode("utf-8"))
    pool = report_paragraphs(4000)
    i = 0
    while total < size:
        line = pool[i % len(pool)]
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
        i += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def long_pdf(path: Path, pages: int) -> tuple[Path, int]:
    """One generated report with a self-evaluation table, its body grown to about ``pages`` pages."""
    from corpus.generate import pdf_writer
    from corpus.generate.gold import build
    from corpus.generate.model import Para

    doc, _ = build("project", 7, {"table": True})
    head = list(doc.blocks)
    per_page = 17.0
    got = 0
    for _ in range(3):  # grow, measure, correct the estimate of paragraphs per page
        extra = report_paragraphs(max(0, int(pages * per_page) - len(head)), seed=8)
        doc.blocks = head + [Para([text]) for text in extra]
        data, _, got = pdf_writer._render(doc, {}, pdf_writer.RIGHT, None)
        if abs(got - pages) <= max(1, pages // 50):
            break
        per_page *= pages / max(got, 1)
    path.write_bytes(data)
    return path, got


def _docx(path: Path, body: str) -> Path:
    sys.path.insert(0, str(ROOT / "corpus" / "hostile"))
    import make  # corpus/hostile/make.py: the minimal package writer

    path.write_bytes(make.basic(body))
    return path


def hostile_inputs(work: Path) -> list[tuple[str, Path]]:
    sys.path.insert(0, str(ROOT / "corpus" / "hostile"))
    import make

    title = "某县2023年度项目支出绩效自评报告"
    digits = work / "digits-1m.txt"
    digits.write_text(f"{title}\n" + "1" * 1_000_000 + "\n", encoding="utf-8")
    yiwan = work / "yiwan-10k.txt"
    yiwan.write_text(f"{title}\n" + "1亿万元" * 10_000 + "\n", encoding="utf-8")
    pool = report_paragraphs(4000)
    lines = work / "lines-100k.txt"
    lines.write_text("\n".join([title, *(pool[i % len(pool)][:40] for i in range(100_000))]) + "\n", encoding="utf-8")
    paras = _docx(work / "paras-100k.docx", make.para(title) + "".join(
        make.para(escape(pool[i % len(pool)][:40])) for i in range(100_000)))  # the lines above, as paragraphs
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    labels = ("项目", "预算数（万元）", "执行数（万元）", "执行率")
    header = "<w:tr>" + "".join(cell.format(h) for h in labels) + "</w:tr>"
    rows = "".join("<w:tr>" + "".join(cell.format(v) for v in (
        f"支出项目{r}", f"{r % 97 + 1}.{r % 100:02d}", f"{r % 89 + 1}.00", f"{r % 100}%")) + "</w:tr>"
        for r in range(20_000))
    table = _docx(work / "table-20k.docx", make.para(title) + "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * 4
                  + f"</w:tblGrid>{header}{rows}</w:tbl>")
    return [("one line of 1,000,000 digits", digits), ("10,000 × 1亿万元 on one line", yiwan),
            ("100,000 lines", lines), (".docx of 100,000 paragraphs", paras), (".docx with a 20,000-row table", table)]


def _size(text: str) -> int:
    units = {"k": 1_000, "m": 1_000_000}
    return int(float(text[:-1]) * units[text[-1].lower()]) if text[-1].lower() in units else int(text)


def _fmt(value: float | None, spec: str) -> str:
    return format(value, spec) if value is not None else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default="10k,100k,1m,10m")
    parser.add_argument("--pages", default="10,100,200,500")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "docparse-bench-scale")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.texts:
        print("text size | characters | seconds | µs per character | peak RSS MB | result")
        for label in args.texts.split(","):
            path = long_text(args.work / f"text-{label}.txt", _size(label))
            chars = len(path.read_text(encoding="utf-8"))
            seconds, rss, note = measure("docparse", path, args.timeout)
            per = seconds / chars * 1e6 if seconds is not None else None
            print(f"{label} | {chars:,} | {_fmt(seconds, '.2f')} | {_fmt(per, '.1f')} | {_fmt(rss, '.0f')} | {note}",
                  flush=True)
    if args.pages:
        print("PDF pages | docparse s | s per page | peak RSS MB | pdfplumber extract_text s | "
              "ratio docparse/pdfplumber | result")
        for label in args.pages.split(","):
            path, pages = long_pdf(args.work / f"report-{label}p.pdf", int(label))
            seconds, rss, note = measure("docparse", path, args.timeout)
            bare, _, _ = measure("pdfplumber", path, args.timeout)
            per = seconds / pages if seconds is not None else None
            ratio = seconds / bare if seconds is not None and bare else None
            print(f"{pages} | {_fmt(seconds, '.2f')} | {_fmt(per, '.3f')} | {_fmt(rss, '.0f')} | {_fmt(bare, '.2f')} | "
                  f"{_fmt(ratio, '.2f')} | {note}", flush=True)
    if args.hostile:
        print("long input | seconds | peak RSS MB | result")
        for label, path in hostile_inputs(args.work):
            seconds, rss, note = measure("docparse", path, args.timeout)
            print(f"{label} | {_fmt(seconds, '.2f')} | {_fmt(rss, '.0f')} | {note}", flush=True)


if __name__ == "__main__":
    main()
