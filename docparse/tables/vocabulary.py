"""The one table vocabulary (``rules/tables/``): what a header label names, declared units, row labels.

Every reader of tables asks this module what a column holds: :func:`column_role` for a whole header
cell, :func:`label_run` for labels glued inside a longer text, :func:`declared_unit` for a caption or
header that declares the money unit (单位：万元, 资金（万元）).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from docparse.chars import to_simplified
from docparse.errors import RuleFileError
from docparse.rules import load_yaml, require_keys, rules_dir

COLUMNS = "tables/columns.yaml"
ROWS = "tables/rows.yaml"
# kinds of columns that hold a number
NUMERIC_KINDS = ("money", "rate", "weight", "score", "target", "actual")
# labels inside a longer text count as a header only when this many columns stand together
_MIN_RUN = 3
_PERCENT_NOTES = ("%", "‰")


@dataclass(frozen=True, slots=True)
class ColumnRules:
    roles: tuple[tuple[str, re.Pattern[str]], ...]
    kinds: dict[str, str]
    label_any: re.Pattern[str]
    label_starts: re.Pattern[str]
    notes: re.Pattern[str]
    count_note: re.Pattern[str]
    declarations: tuple[re.Pattern[str], ...]
    placeholders: frozenset[str]
    header_only: re.Pattern[str]
    noted_label: re.Pattern[str]


@cache
def columns() -> ColumnRules:
    """``rules/tables/columns.yaml``, compiled and checked."""
    data = load_yaml(COLUMNS)
    require_keys(COLUMNS, data, ["roles", "kinds", "notes", "count_note", "declarations", "placeholders",
                                 "header_only", "noted_label"])
    roles = []
    for i, item in enumerate(data["roles"], 1):
        if not isinstance(item, dict) or "role" not in item or "pattern" not in item:
            raise RuleFileError(rules_dir() / COLUMNS, f"role {i}: needs role and pattern")
        if item["role"] not in data["kinds"]:
            raise RuleFileError(rules_dir() / COLUMNS, f"role {item['role']!r}: no kind given under kinds")
        roles.append((str(item["role"]), re.compile(f"(?:{item['pattern']})")))
    any_label = "|".join(f"(?:{p.pattern})" for _, p in roles)
    return ColumnRules(
        roles=tuple(roles),
        kinds={str(k): str(v) for k, v in data["kinds"].items()},
        label_any=re.compile(any_label),
        label_starts=re.compile(f"(?=(?:{any_label}))"),
        notes=re.compile(data["notes"]),
        count_note=re.compile(data["count_note"]),
        declarations=tuple(re.compile(p) for p in data["declarations"]),
        placeholders=frozenset(str(p) for p in data["placeholders"]),
        header_only=re.compile(data["header_only"]),
        noted_label=re.compile(data["noted_label"]),
    )


@cache
def rows() -> dict[str, Any]:
    """``rules/tables/rows.yaml``: row labels of the self-evaluation form."""
    data = load_yaml(ROWS)
    require_keys(ROWS, data, ["money_rows", "block_totals", "level1", "level2", "end_rows", "total_rows"])
    return data


def role_name(role: str) -> str:
    """The label a role is cited by (spent → 全年执行数)."""
    return str(load_yaml(COLUMNS).get("names", {}).get(role, role))


def kind_of(role: str | None) -> str | None:
    """What a number in a column of ``role`` is read as (money, rate, weight, …), None for no column."""
    return columns().kinds.get(role) if role else None


def clean(text: str) -> str:
    """A header cell for matching: simplified characters, no whitespace or pipes, no trailing colon."""
    return re.sub(r"[\s|]+", "", to_simplified(text)).rstrip(":：")


def is_placeholder(text: str) -> bool:
    """An empty cell or a dash/slash standing for "nothing here"."""
    return text.strip(" |:：\t\u3000") in columns().placeholders


def declared_unit(text: str) -> tuple[str, int, int] | None:
    """A money unit declared in so many words ("单位：万元", "（万元）"): unit and the span it occupies."""
    for pat in columns().declarations:
        m = pat.search(text)
        if m:
            return m.group("unit"), m.start(), m.end()
    return None


def without_unit(text: str) -> tuple[str, str | None]:
    """The text with its declared money unit taken off, and that unit."""
    decl = declared_unit(text)
    if decl is None:
        return text, None
    return (text[: decl[1]] + text[decl[2]:]).strip(" ：:，,"), decl[0]


def header_only(text: str) -> bool:
    """A cell that names a column only inside a header row (2022年, 上年同期)."""
    return columns().header_only.fullmatch(text.strip(" ：:")) is not None


def noted_label(text: str) -> bool:
    """A short label whose unit note was removed (偏差 of 偏差（万元））: a column when a header row goes on."""
    return columns().noted_label.fullmatch(text.strip(" ：:")) is not None


def count_unit(text: str) -> str | None:
    """The measure a header notes (人数（人） → 人): its column counts, it never holds money."""
    from docparse.numbers.data import units

    m = columns().count_note.search(text)
    return m.group("unit") if m and m.group("unit") in units().measures else None


@dataclass(frozen=True, slots=True)
class LabelRun:
    """Labels found in a text: text before them, their roles, and where the text after them starts."""

    prefix_end: int
    roles: tuple[str, ...]
    suffix_start: int

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(columns().kinds[r] for r in self.roles)


def _label_at(text: str, pos: int) -> tuple[str, int] | None:
    """The longest whole label starting at ``pos`` (with an optional note such as (A) or (分))."""
    rules = columns()
    best: tuple[str, int] | None = None
    for role, pat in rules.roles:
        m = pat.match(text, pos)
        if m and m.end() > pos and (best is None or m.end() > best[1]):
            best = (role, m.end())
    if best is None:
        return None
    note = rules.notes.match(text, best[1])
    if note is None:
        return best
    role = best[0]
    if role in ("target", "actual") and any(sign in note.group(0) for sign in _PERCENT_NOTES):
        role = "rate"  # 完成值（%）: the values below are percents
    return role, note.end()


def _cover(text: str, pos: int) -> tuple[list[str], int]:
    """Consecutive labels from ``pos`` (separators between them allowed)."""
    roles: list[str] = []
    while pos < len(text):
        while pos < len(text) and text[pos] in " 、：:":
            pos += 1
        got = _label_at(text, pos)
        if got is None:
            break
        roles.append(got[0])
        pos = got[1]
    return roles, pos


@lru_cache(maxsize=4096)
def label_run(text: str) -> LabelRun | None:
    """Header labels in a text: the whole text, or a run of three or more labels inside it."""
    rules = columns()
    if rules.label_any.search(text) is None:
        return None
    roles, end = _cover(text, 0)
    if roles and end >= len(text.rstrip(" ：:")):
        return LabelRun(0, tuple(roles), len(text))
    best: LabelRun | None = None
    for m in rules.label_starts.finditer(text):
        start = m.start()
        if best is not None and start < best.suffix_start:
            continue
        roles, end = _cover(text, start)
        kinds = [rules.kinds[r] for r in roles]
        values = [k for k in kinds if k in NUMERIC_KINDS]
        named = [k for k in kinds if k != "label"]
        if len(named) >= _MIN_RUN and values and (best is None or len(roles) > len(best.roles)):
            best = LabelRun(start, tuple(roles), end)
    return best


@lru_cache(maxsize=4096)
def column_role(text: str) -> str | None:
    """The role of a header cell that is one whole label ("批复预算数（B）" → adjusted_budget), else None.

    A count note (人数（人）) makes a count column; a cell of several labels names the last of them (a
    group header written over its sub-header in one cell)."""
    body, _ = without_unit(clean(text))
    if not body:
        return None
    run = label_run(body)
    if run is not None and run.prefix_end == 0 and run.suffix_start >= len(body):
        return run.roles[-1]
    if count_unit(body) is not None and noted_label(columns().count_note.sub("", body)):
        return "count"
    return None


@cache
def money_label_pattern() -> re.Pattern[str]:
    """Any money-block row label, anywhere in a text (其中：本年财政拨款, 年度资金总额)."""
    labels = set(rows()["money_rows"]["total"]) | set(rows()["money_rows"]["parts"])
    lab = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?:其中[:：]?)?(?:{lab})")


def money_label(text: str) -> tuple[str, int] | None:
    """A money-block row label: ``"其中:本年财政拨款"`` → (``"本年财政拨款"``, end of the label)."""
    labels = rows()["money_rows"]
    skip = 0
    for prefix in ("其中:", "其中", "其中："):
        if text.startswith(prefix):
            skip = len(prefix)
            break
    for label in _longest_first(tuple(labels["total"] + labels["parts"])):
        pos = text.find(label, skip)
        if pos != -1 and pos <= skip + 2:
            end = pos + len(label)
            return text[skip:end], end
    return None


@cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def is_end(text: str) -> bool:
    """A row that closes the table or its indicator block (合计, 说明, 填表人 …)."""
    return any(text.startswith(w) for w in rows()["end_rows"])


def label_spans(text: str, kinds: tuple[str, ...] = NUMERIC_KINDS) -> list[tuple[int, int, str]]:
    """Whole labels of columns of ``kinds`` standing anywhere in ``text`` (glued headers), longest first at
    each position: (start, end, role)."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    while pos < len(text):
        got = _label_at(text, pos)
        if got is not None and columns().kinds[got[0]] in kinds:
            out.append((pos, got[1], got[0]))
            pos = got[1]
        else:
            pos += 1
    return out


def cell_roles(text: str) -> list[str]:
    """Roles a header cell of a flattened table names: its whole labels, or a run of them inside it."""
    body, _ = without_unit(clean(text))
    if not body:
        return []
    run = label_run(body)
    if run is not None:
        return list(run.roles)
    role = column_role(body)
    return [role] if role else []
