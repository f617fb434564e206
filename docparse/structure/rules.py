"""The structure rule files (``rules/structure/*.yaml``), loaded once and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from docparse.errors import RuleFileError
from docparse.rules import load_yaml, require_keys, rules_dir


@dataclass(frozen=True, slots=True)
class Family:
    """One heading-number family ("一、", "（一）", "1." …) and its usual nesting rank."""

    key: str
    pattern: re.Pattern[str]
    rank: float
    needs_start: str | None = None  # a weak family: counts after a line numbered 1 opening this family


def _compile(name: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RuleFileError(rules_dir() / name, f"bad pattern {pattern!r}: {exc}") from exc


@cache
def numbering() -> dict[str, Any]:
    name = "structure/numbering.yaml"
    data = load_yaml(name)
    require_keys(name, data, ["families", "annex", "annex_max_chars", "list_openings", "lead_delimiters",
                              "comma_continuations", "thresholds", "guards"])
    families = []
    for entry in data["families"]:
        if not {"key", "pattern", "rank"} <= set(entry):
            raise RuleFileError(rules_dir() / name, f"family needs key, pattern, rank: {entry!r}")
        families.append(Family(entry["key"], _compile(name, r"\s*(?:" + entry["pattern"] + r")\s*"),
                               float(entry["rank"]), entry.get("needs_start")))
    return {
        "families": families,
        "list_openings": _compile(name, r"\s*(?:" + "|".join(data["list_openings"]) + ")"),
        "annex": _compile(name, r"\s*(?:" + data["annex"] + ")"),
        "annex_max_chars": int(data["annex_max_chars"]),
        "lead_delimiters": str(data["lead_delimiters"]),
        "comma_continuations": tuple(data["comma_continuations"]),
        "thresholds": dict(data["thresholds"]),
        "toc_title": _compile(name, data["guards"]["toc_title"]),
        "toc_style": _compile(name, data["guards"]["toc_style"]),
        "toc_entry": _compile(name, data["guards"]["toc_entry"]),
        "table_cell": _compile(name, data["guards"]["table_cell"]),
        "form_options": _compile(name, data["guards"]["form_options"]),
        "not_title": _compile(name, data["guards"]["not_title"]),
        "report_title": _compile(name, data["guards"]["report_title"]),
        "heading_row_families": list(data["heading_row_families"]),
        "inline_sequence": {
            **data["inline_sequence"],
            "marker": _compile(name, data["inline_sequence"]["marker"]),
            "not_before": _compile(name, data["inline_sequence"]["not_before"]),
            "listing_before": _compile(name, data["inline_sequence"]["listing_before"]),
            "title_endings": _compile(name, data["inline_sequence"]["title_endings"]),
        },
    }


@cache
def outlines() -> dict[str, Any]:
    name = "structure/outlines.yaml"
    data = load_yaml(name)
    require_keys(name, data, ["canonical", "expected", "min_score", "tie_margin", "prefixes"])
    for key, synonyms in data["canonical"].items():
        if not synonyms or not all(isinstance(s, str) for s in synonyms):
            raise RuleFileError(rules_dir() / name, f"canonical {key!r} needs a list of headings")
    for rtype, groups in data["expected"].items():
        for group in groups:
            unknown = [k for k in group if k not in data["canonical"]]
            if unknown:
                raise RuleFileError(rules_dir() / name, f"expected[{rtype}] names unknown keys {unknown}")
    data["joiners"] = _compile(name, data.get("joiners") or "(?!)")
    data["clause_end"] = _compile(name, data.get("clause_end") or "(?!)")
    data["endings"] = {key: _compile(name, pattern) for key, pattern in (data.get("endings") or {}).items()}
    return data


@cache
def metadata() -> dict[str, Any]:
    name = "structure/metadata.yaml"
    data = load_yaml(name)
    require_keys(name, data, ["title", "year", "unit", "project", "types"])

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, str):
            return _compile(name, node)
        return node

    out = walk(data)
    out["types"]["table_headers"] = data["types"]["table_headers"]
    out["types"]["table_levels"] = data["types"]["table_levels"]
    for entry in out["types"]["by_title"]:
        entry["key"] = entry["key"].pattern
    return out
