"""Score structure results against gold annotations (spec §5 / the generated corpus' gold)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docparse.model import Report
from docparse.structure.text import fold_width

TYPE_ALIASES = {"project_self_eval": "project_self_evaluation", "special_fund": "project_self_evaluation",
                "third_party_eval": "evaluation_report"}


def _key(text: str) -> str:
    return re.sub(r"\s+", "", fold_width(text)).rstrip("。.:;；")


@dataclass
class Tally:
    """Running counts over many documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    level_ok: int = 0
    canonical_ok: int = 0
    canonical_n: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add_field(self, name: str, ok: bool) -> None:
        self.fields.setdefault(name, [0, 0])
        self.fields[name][0] += int(ok)
        self.fields[name][1] += 1

    def figures(self) -> dict[str, float]:
        p = self.tp / max(1, self.tp + self.fp)
        r = self.tp / max(1, self.tp + self.fn)
        out = {"heading_precision": p, "heading_recall": r,
               "heading_f1": 2 * p * r / max(1e-9, p + r) if self.tp else 0.0,
               "level_accuracy": self.level_ok / max(1, self.tp),
               "canonical_accuracy": self.canonical_ok / max(1, self.canonical_n)}
        for name, (ok, n) in self.fields.items():
            out[name] = ok / max(1, n)
        return out


def _align(gold: list[dict[str, Any]], pred: list[tuple[str, int, str | None]]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) matched in document order."""
    pairs: list[tuple[int, int]] = []
    j0 = 0
    for i, g in enumerate(gold):
        gk = _key(g["text"])
        for j in range(j0, len(pred)):
            pk = _key(pred[j][0])
            if pk == gk or (g.get("truncated") and pk.startswith(gk)):
                pairs.append((i, j))
                j0 = j + 1
                break
    return pairs


def score(report: Report, gold: dict[str, Any], tally: Tally, name: str = "") -> None:
    """Add one document's heading, level, canonical and metadata outcomes to ``tally``."""
    pred = [(s.heading, s.level, s.canonical) for s in report.all_sections()]
    golds = gold.get("headings") or []
    pairs = _align(golds, pred)
    matched_pred = {j for _, j in pairs}
    matched_gold = {i for i, _ in pairs}
    for i, j in pairs:
        g = golds[i]
        if g.get("ambiguous"):
            continue
        tally.tp += 1
        if pred[j][1] == g["level"]:
            tally.level_ok += 1
        else:
            tally.misses.append(f"{name}: level {pred[j][1]} != {g['level']} for {g['text']}")
        if g["level"] == 1 and "canonical" in g:
            tally.canonical_n += 1
            if pred[j][2] == g["canonical"]:
                tally.canonical_ok += 1
            else:
                tally.misses.append(f"{name}: canonical {pred[j][2]} != {g['canonical']} for {g['text']}")
    for i, g in enumerate(golds):
        if i not in matched_gold and not g.get("ambiguous"):
            tally.fn += 1
            tally.misses.append(f"{name}: missed heading {g['text']!r}")
    for j, p in enumerate(pred):
        if j not in matched_pred:
            tally.fp += 1
            tally.misses.append(f"{name}: extra heading {p[0]!r}")
    meta = report.report
    checks = {
        "report_type": (meta.type, TYPE_ALIASES.get(gold.get("report_type", ""), gold.get("report_type"))),
        "fiscal_year": (meta.fiscal_year, gold.get("fiscal_year")),
        "unit": (meta.unit, gold.get("unit")),
        "title": (meta.title, gold.get("title")),
    }
    for fname, (got, want) in checks.items():
        if fname not in gold:
            continue
        ok = (got == want) if not isinstance(want, str) or not isinstance(got, str) else _key(got) == _key(want)
        tally.add_field(fname, ok)
        if not ok:
            tally.misses.append(f"{name}: {fname} {got!r} != {want!r}")
