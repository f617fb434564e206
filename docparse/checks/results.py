"""Building check results: messages in Chinese and English from ``rules/checks/messages.yaml``."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import Any

from docparse.checks.figures import Figure, FigureKind, fmt_value, show, tolerance_rules
from docparse.model.report import CheckResult, CheckStatus
from docparse.rules import rule_file

_ZERO = Decimal(0)


@cache
def messages() -> dict[str, Any]:
    return rule_file("checks/messages.yaml", ["common", "checks"])


def _template(check_id: str, status: str, lang: str) -> str:
    entry = messages()["checks"].get(check_id, {})
    chosen = entry.get(status)
    if chosen is None:
        raise KeyError(f"rules/checks/messages.yaml: no {status!r} message for {check_id}")
    return str(chosen[lang])


def make(check_id: str, status: CheckStatus, figures: Iterable[Figure] = (), *,
         what: str = "", expected: str | None = None, found: str | None = None,
         shown_expected: str | None = None, shown_found: str | None = None,
         diff: str = "", tol: str = "", reason: str = "", reason_en: str = "",
         note: str | None = None) -> CheckResult:
    """A result with both messages filled from the templates; ``shown_*`` are the reader's forms."""
    fields = {
        "what": what, "expected": shown_expected or expected or "", "found": shown_found or found or "",
        "diff": diff, "tol": tol,
    }
    message = _template(check_id, status, "zh").format(**fields, reason=reason)
    message_en = _template(check_id, status, "en").format(**fields, reason=reason_en or reason)
    return CheckResult(
        id=check_id, status=status, message=message, message_en=message_en,
        expected=expected, found=found, note=note, evidence=[f.evidence() for f in figures],
    )


_SHOWN = {"money": Decimal("0.01"), "count": Decimal(1)}


def rounded_note(diff: Decimal, tol: Decimal, kind: FigureKind) -> str:
    common = messages()["common"]["rounded"]
    quantum = _SHOWN.get(kind, Decimal("0.0001"))
    args = {"diff": show(abs(diff).quantize(quantum), kind), "tol": show(tol.quantize(quantum), kind)}
    return f"{common['zh'].format(**args)} / {common['en'].format(**args)}"


def compare(check_id: str, found: Decimal, expected: Decimal, tol: Decimal, kind: FigureKind,
            figures: Iterable[Figure], what: str, what_en: str | None = None,
            plain: Decimal = _ZERO, stated: Figure | None = None) -> CheckResult:
    """``found`` (as the report states it) against ``expected`` (what the other figures make of it):
    equal, or within ``plain`` (a figure printed rounded as computed) → pass; within ``tol`` → pass
    with a note; otherwise fail. Messages show ``stated``'s text as written where given."""
    diff = found - expected
    if abs(diff) <= plain:
        status: CheckStatus = "pass"
        note = None
    elif abs(diff) <= tol:
        status, note = "pass", rounded_note(diff, tol, kind)
    else:
        status, note = "fail", None
    result = make(
        check_id, status, figures, what=what,
        expected=fmt_value(expected, kind), found=fmt_value(found, kind),
        shown_expected=show(expected, kind),
        shown_found=stated.text if stated is not None and stated.text else show(found, kind),
        diff=show(abs(diff), kind), tol=show(tol, kind), note=note,
    )
    if what_en is not None and what_en != what and result.message_en:
        result.message_en = result.message_en.replace(what, what_en, 1)
    return result


def sum_of(figures: Iterable[Figure]) -> tuple[Decimal, Decimal]:
    """The sum of the figures' values and of their half-units."""
    total, tol = _ZERO, _ZERO
    for f in figures:
        total += f.value
        tol += f.half
    return total, tol


def sum_against(parts: list[Figure], total: Figure,
                display: dict[Decimal, int] | None = None) -> tuple[Decimal, Decimal]:
    """The sum of ``parts`` and the rounding that may separate it from ``total``.

    Figures printed with a fixed number of decimals (9.60, 27.00) may each be rounded by half a unit
    of their last digit. Figures printed in their shortest form are exact as written: those of a sum
    printed with differing decimals (27, 8.9, 3.52), and those printed with fewer decimals than the
    report prints amounts of that unit elsewhere (``display``: scale → most decimals; 12.5万元 in a
    report that also prints 223.57万元).
    """
    found = sum((f.value for f in parts), _ZERO)
    figures = [*parts, total]
    decimals = {f.decimals for f in figures}
    rules = tolerance_rules()["money"]
    if total.text and parts and all(p.text and p.scale < total.scale for p in parts) and rules.get(
            "coarser_total_rounded", False):
        # "1.25亿元，其中4860万元、3725.6万元…": a total in a coarser unit is rounded to its last digit
        return found, total.half + (_ZERO if len(decimals - {None}) > 1 else sum((p.half for p in parts), _ZERO))
    if None not in decimals and len(decimals) > 1 and rules.get("mixed_precision_exact", False):
        return found, _ZERO
    tol = _ZERO
    for f in figures:
        if display and rules.get("below_display_precision_exact", False) and f.decimals is not None:
            shown = display.get(f.scale)
            if shown is not None and f.decimals < shown:
                continue
        tol += f.half
    return found, tol
