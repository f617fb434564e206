"""Layout cues of the PDF reader, loaded from ``rules/readers/pdf_layout.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from docparse.errors import RuleFileError
from docparse.rules import load_yaml, require_keys, rules_dir

RULE_FILE = "readers/pdf_layout.yaml"


@dataclass(frozen=True, slots=True)
class LayoutRules:
    list_label: re.Pattern[str]
    page_number: re.Pattern[str]
    sentence_end: frozenset[str]
    no_break_before: frozenset[str]


@cache
def layout_rules() -> LayoutRules:
    """The compiled patterns and character sets (the file is validated once per process)."""
    data = load_yaml(RULE_FILE)
    require_keys(RULE_FILE, data, ["list_label", "sentence_end", "no_break_before", "page_number"])
    patterns = {}
    for key in ("list_label", "page_number"):
        try:
            patterns[key] = re.compile(str(data[key]))
        except re.error as exc:
            raise RuleFileError(rules_dir() / RULE_FILE, f"{key}: invalid pattern ({exc})") from exc
    return LayoutRules(patterns["list_label"], patterns["page_number"], frozenset(str(data["sentence_end"])),
                       frozenset(str(data["no_break_before"])))
