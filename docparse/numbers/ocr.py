"""Reading habits of OCR'd scanned tables (``rules/numbers/ocr.yaml``): a row's cells run together
and signs are misread — ≥ as 工, ^ or a glued 2, % as $, the 分值 digits glued in front of a rate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import pairwise

from docparse.errors import RuleFileError
from docparse.numbers.found import Found
from docparse.rules import load_yaml, require_keys, rules_dir

RULE_FILE = "numbers/ocr.yaml"
_TAIL_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class OcrRules:
    comparator_lookalikes: dict[str, str]
    lookalike_after: str
    percent_lookalikes: tuple[str, ...]
    bounded_rates: tuple[str, ...]
    ge_digit: str
    row_filler: str


@cache
def ocr_rules() -> OcrRules:
    data = load_yaml(RULE_FILE)
    require_keys(RULE_FILE, data, ["comparator_lookalikes", "lookalike_after", "percent_lookalikes",
                                   "bounded_rates", "ge_digit", "row_filler"])
    if len(str(data["ge_digit"])) != 1:
        raise RuleFileError(rules_dir() / RULE_FILE, "ge_digit: one digit")
    return OcrRules(
        comparator_lookalikes={str(k): str(v) for k, v in data["comparator_lookalikes"].items()},
        lookalike_after=str(data["lookalike_after"]),
        percent_lookalikes=tuple(str(s) for s in data["percent_lookalikes"]),
        bounded_rates=tuple(sorted((str(w) for w in data["bounded_rates"]), key=len, reverse=True)),
        ge_digit=str(data["ge_digit"]),
        row_filler=str(data["row_filler"]),
    )


def lookalike_percent_ok(norm: str, end: int) -> bool:
    """A percent sign read as a look-alike ("98$") counts only with a digit right after it."""
    return norm[end:end + 1].isdigit()


def _run_together(norm: str, f: Found) -> bool:
    """The next cell follows the percent without a separator (a digit, a sign or a look-alike)."""
    nxt = norm[f.end:f.end + 1]
    rules = ocr_rules()
    return bool(nxt) and (nxt.isdigit() or nxt in rules.comparator_lookalikes or nxt in "=≥≤$")


def _after_bounded_rate(norm: str, start: int) -> bool:
    rules = ocr_rules()
    head = norm[max(0, start - 40):start].rstrip(rules.row_filler)
    return any(head.endswith(w) for w in rules.bounded_rates)


def read_glued_rate(norm: str, f: Found) -> None:
    """A bounded rate above 100% in a run-together row: keep the tail of its digits that is at most 100
    ("10295%" → 95%), and read a ``ge_digit`` right before that tail as ≥."""
    if f.kind != "percent" or not isinstance(f.value, Decimal) or f.value <= 100 or f.scale != 1:
        return
    sign_at = f.end - len(f.unit or "")
    digits = norm[f.start:sign_at]
    if not re.fullmatch(r"\d+(?:\.\d+)?", digits) or not _run_together(norm, f):
        return
    if not _after_bounded_rate(norm, f.start):
        return
    whole = digits.split(".")[0]
    for cut in range(1, len(whole)):
        tail = digits[cut:]
        if _TAIL_NUMBER.fullmatch(tail) and Decimal(tail) <= 100:
            f.value, f.start, f.fused = Decimal(tail), f.start + cut, True
            if digits[cut - 1] == ocr_rules().ge_digit and f.qualifier is None:
                f.qualifier, f.comparator = "at_least", "≥"
            return


def read_comparator_lookalike(norm: str, f: Found) -> None:
    """"工95%" / "^85%" after a figure or a rate name: the look-alike is an OCR'd ≥."""
    if f.kind != "percent" or f.qualifier is not None or f.start < 1:
        return
    rules = ocr_rules()
    sign = rules.comparator_lookalikes.get(norm[f.start - 1])
    if sign is None or f.start < 2 or norm[f.start - 2] not in rules.lookalike_after:
        return
    f.qualifier, f.comparator = ("at_least" if sign == "≥" else "at_most"), sign


def read_repeated_cells(norm: str, found: list[Found]) -> None:
    """Target and actual run together with the weight in front ("…减少82%2%8": 分值 8, 2%, 2%, 得分 8):
    a percent followed at once (or after a comparator) by one whose digits end its own, in a row whose
    next cell follows without a separator, keeps only those digits."""
    gap = set(ocr_rules().comparator_lookalikes) | set("=≥≤")
    for first, second in pairwise(found):
        if first.kind != "percent" or second.kind != "percent" or first.unit != second.unit:
            continue
        between = norm[first.end:second.start]
        a = norm[first.start:first.end - len(first.unit or "")]
        b = norm[second.start:second.end - len(second.unit or "")]
        if (len(between) > 1 or not set(between) <= gap or not norm[second.end:second.end + 1].isdigit()
                or not re.fullmatch(r"\d+", a) or not re.fullmatch(r"\d+(?:\.\d+)?", b)
                or len(a) <= len(b) or not a.endswith(b) or not first.start or not norm[first.start - 1].isalpha()):
            continue
        first.start, first.value, first.fused = first.end - len(first.unit or "") - len(b), Decimal(b), True
