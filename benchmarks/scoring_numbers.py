"""Score found mentions against gold lists: kind, exact value and overlapping surface, in order.

Shared by the numbers benchmark and the tests that read ``../shared`` gold. Gold offsets are file
offsets; docparse's provenance gives the line and the offset in the stripped line, mapped back here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from docparse.model import Block, Mention
from docparse.numbers.govern import BlockView, govern
from docparse.numbers.scanner import Found, scan
from docparse.readers.text import document_from_text


def _dec(v: str) -> Decimal:
    return Decimal(v)


def _same_value(gold: object, pred: object) -> bool:
    if isinstance(gold, list):
        return isinstance(pred, list) and len(gold) == len(pred) and all(
            _dec(a) == _dec(b) for a, b in zip(gold, pred, strict=True))
    return not isinstance(pred, list) and _dec(str(gold)) == _dec(str(pred))


def line_offsets(text: str) -> dict[int, int]:
    """File offset where each block's text starts, keyed by 1-based line number (txt reader rules)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out, pos = {}, 0
    for lineno, line in enumerate(text.split("\n"), 1):
        stripped = line.strip().strip("\u3000\u00a0\ufeff").strip()
        if stripped:
            out[lineno] = pos + line.index(stripped)
        pos += len(line) + 1
    return out


def governed_mentions(text: str) -> Iterator[tuple[Block, Found, Mention]]:
    """Every mention of ``text`` read as a .txt file: its block, the scanner's figure and the mention."""
    from docparse.extract.mentions import to_mention

    doc = document_from_text(text)
    views = [BlockView(i, b.text, scan(b.text)) for i, b in enumerate(doc.blocks)]
    governed = govern(views)
    for i, block in enumerate(doc.blocks):
        for f in governed[i]:
            yield block, f, to_mention(block, i, f)


def predict(text: str) -> list[dict]:
    """Mentions of a txt file as dicts with kind, value, text and file offsets (start, end)."""
    starts = line_offsets(text)
    out = []
    for block, f, m in governed_mentions(text):
        base = starts[block.provenance.line or 0]
        out.append({"kind": m.kind, "value": m.value_str(), "text": m.text,
                    "start": base + f.start, "end": base + f.end, "fused": False})
    return out


def _written_units() -> tuple[str, ...]:
    from docparse.numbers.data import units

    u = units()
    return tuple(sorted({*u.money, *u.percent, *u.points, *u.measures, "分"}, key=len, reverse=True))


def _find_whole(text: str, surface: str, pos: int, bare: bool = False) -> int:
    """The next occurrence of ``surface`` from ``pos`` that is not part of a longer number, a date or a
    code, nor a percent's digits ("0.00" inside "100.00%" or "0.00%", "20" inside "00020" or "2023-04-20");
    for a ``bare`` number (its unit stands elsewhere) one without a unit written beside it ("(20分)").
    -1 when there is none."""
    start = text.find(surface, pos)
    while start >= 0:
        before, after = text[max(0, start - 2):start], text[start + len(surface):start + len(surface) + 2]
        glued_before = surface[:1].isdigit() and bool(re.search(r"\d$|\d[-/.:]$", before))
        glued_after = surface[-1:].isdigit() and bool(re.match(r"\d|[%‰％]|[-/.:]\d", after))
        unit_beside = bare and text[start + len(surface):].lstrip(" ").startswith(_written_units())
        if not (glued_before or glued_after or unit_beside):
            return start
        start = text.find(surface, start + 1)
    return -1


def gold_spans(text: str, gold: list[dict]) -> list[dict]:
    """Gold mentions with file offsets: the given ``offset`` or the next occurrence in order (for a
    surface not marked ``fused``, one that is not part of a longer number, a date or a code)."""
    out, pos = [], 0
    for g in gold:
        surface = g["text"]
        if "offset" in g:
            start = g["offset"]
        else:
            start = -1 if g.get("fused") else _find_whole(text, surface, pos, "unit_from" in g)  # fused: glued
            if start < 0:
                start = text.find(surface, pos)
            if start < 0:
                start = text.find(surface)
        if start < 0:
            start = pos
        out.append({**g, "start": start, "end": start + len(surface)})
        pos = start + len(surface)
    return out


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Order-preserving maximum matching (LCS) of gold and predicted mentions."""
    n, m = len(gold), len(pred)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    ok = [[False] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            g, p = gold[i], pred[j]
            ok[i][j] = (g["kind"] == p["kind"] and _same_value(g["value"], p["value"])
                        and g["start"] < p["end"] and p["start"] < g["end"])
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(table[i + 1][j], table[i][j + 1])
            if ok[i][j]:
                best = max(best, table[i + 1][j + 1] + 1)
            table[i][j] = best
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if ok[i][j] and table[i][j] == table[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def f1(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 for empty lists)."""
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_file(text: str, gold: dict) -> dict[str, tuple[int, int, int, list, list, list]]:
    """Per kind group (money, percent; count where the gold lists counts): tp, gold count, predicted
    count, gold spans, predictions and matched pairs."""
    pred = predict(text)
    groups = {
        "money": ([{**g, "kind": "money"} for g in gold.get("money", [])],
                  [p for p in pred if p["kind"] == "money"]),
        "percent": ([{**g, "kind": g.get("kind", "percent")} for g in gold.get("percents", [])],
                    [p for p in pred if p["kind"] in ("percent", "ratio_points")]),
    }
    if "counts" in gold:  # only some gold lists counts
        groups["count"] = ([{**g, "kind": "count"} for g in gold["counts"]], [p for p in pred if p["kind"] == "count"])
    out = {}
    for kind, (g_list, p_list) in groups.items():
        g_spans = gold_spans(text, g_list)
        pairs = match(g_spans, p_list)
        out[kind] = (len(pairs), len(g_spans), len(p_list), g_spans, p_list, pairs)
    return out
