"""The extractors' rule files (``rules/extract/*.yaml``), loaded once and validated."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from docparse.chars import to_simplified
from docparse.errors import RuleFileError
from docparse.rules import load_yaml, require_keys, rules_dir

_REQUIRED = {
    "extract/facts.yaml": ["window", "clause_breaks", "soft_breaks", "roles", "component_cues",
                           "arrived_in_full", "section_roles", "component_section_words", "blockers",
                           "precedence", "total_words", "conflict_cue_min_chars", "conflict_max_distance",
                           "restatement"],
    "extract/grades.yaml": ["bands", "grade_words", "grade_cues", "score_cues", "total_score_cues"],
    "extract/indicators.yaml": ["comparators", "suffix_comparators", "percent_units",
                                "met_words", "unmet_words", "prose_labels", "prose_measure_suffixes",
                                "prose_links", "level1_of", "fact_rates", "actual_openers",
                                "name_links", "target_openers", "target_sections",
                                "statement_labels", "list_leads"],
    "extract/funds.yaml": ["item_separators", "listing_openers", "total_words", "name_prefixes",
                           "name_suffixes", "max_group_chars", "max_name_chars", "min_items", "total_cues",
                           "fact_words", "rate_words"],
}


@cache
def rules(name: str) -> dict[str, Any]:
    """``rules/extract/<name>.yaml`` as a mapping, its top-level keys checked."""
    path = f"extract/{name}.yaml"
    data = load_yaml(path)
    require_keys(path, data, _REQUIRED.get(path, []))
    return data


@cache
def words(name: str, key: str) -> tuple[str, ...]:
    """The words of a rule-file list, longest first (so longer cues win over ones they contain)."""
    value = rules(name)[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(rules_dir() / f"extract/{name}.yaml", f"{key}: expected a list of strings")
    return tuple(sorted(value, key=len, reverse=True))


@cache
def _annotation() -> re.Pattern[str]:
    return re.compile(str(rules("facts")["pinyin_annotation"]))


@lru_cache(maxsize=4096)  # the stages fold the same block texts again and again
def simplified(text: str) -> str:
    """``text`` with traditional characters made simplified and inline pinyin annotations ("分數(shù)") blanked,
    both keeping its length, so cue words match and offsets still point into the original."""
    return _annotation().sub(lambda m: " " * len(m.group(0)), to_simplified(text))
