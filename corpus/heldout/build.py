"""Build the held-out structure corpus: ``annotated/*.txt`` → ``texts/*.txt`` and ``gold/*.json``.

An annotated file opens with ``%key: value`` lines (id, type, title, year, unit, source, complete),
then ``%%``, then the report text. A heading line is marked ``@LEVEL KEY|text``: LEVEL is the
nesting depth (``?`` for a line that may or may not be a heading), KEY the canonical key of a
level-1 heading (``-`` for none). ``⟫`` ends the heading where its body runs on in the same line;
``⏎`` breaks a heading over two lines (its number alone on the first). A line ending in ``⇥``
runs on into the next one (no line break: flattened pages, whole reports on one line).

    python -m corpus.heldout.build
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build_one(path: Path) -> tuple[str, dict]:
    meta: dict[str, str] = {}
    raw = path.read_text(encoding="utf-8").splitlines()
    n = raw.index("%%")
    for line in raw[:n]:
        key, _, value = line[1:].partition(":")
        meta[key.strip()] = value.strip()
    out: list[str] = []
    headings: list[dict] = []
    for line in raw[n + 1:]:
        if line.startswith("@") and "|" in line:
            mark, _, text = line[1:].partition("|")
            level, _, key = mark.partition(" ")
            head = text.split("⟫")[0].replace("⏎", "").replace("⇥", "")
            entry: dict = {"text": head.strip()}
            if level == "?":
                entry.update(level=1, ambiguous=True)
            else:
                entry["level"] = int(level)
                if entry["level"] == 1:
                    entry["canonical"] = None if key in ("", "-") else key
            headings.append(entry)
            out.extend(text.replace("⟫", "").split("⏎"))
        else:
            out.append(line)
    text = "\n".join(out).rstrip("\n").replace("⇥\n", "").replace("⇥", "") + "\n"
    year = meta.get("year", "")
    gold = {
        "id": meta["id"], "source": meta.get("source", "written for docparse (held-out structure set)"),
        "complete": meta.get("complete", "false") == "true", "report_type": meta["type"],
        "title": meta.get("title") or None, "fiscal_year": int(year) if year.isdigit() else None,
        "unit": meta.get("unit") or None, "headings": headings,
    }
    return text, gold


def main() -> int:
    (HERE / "texts").mkdir(exist_ok=True)
    (HERE / "gold").mkdir(exist_ok=True)
    for path in sorted((HERE / "annotated").glob("*.txt")):
        text, gold = build_one(path)
        (HERE / "texts" / path.name).write_text(text, encoding="utf-8")
        (HERE / "gold" / (path.stem + ".json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
