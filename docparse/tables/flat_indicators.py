"""The indicator rows of a 绩效自评表 flattened to text, read from its typed view.

The view (:mod:`docparse.tables.flat`) says where the table stands, what each header column holds and
which lines it stands on (``TableView.lines``: each line as its whole cells, empty ones included, up to
the next heading); the indicator rows are grouped from those cells. Row
boundaries are gone in such text and a text value (明显改善, 3月底前) stands on a line of its own, so an
indicator row is a name followed by its values up to the numeric tail 分值 / 得分, a level word
(产出指标, 数量指标) on its own sets the level, and a 合计/总分 row gives the totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from docparse.extract.values import bare_number, normalise
from docparse.extract.vocab import words
from docparse.lexicon import money_unit_pattern
from docparse.tables.cells import CellRef
from docparse.tables.fused import split_equal_halves
from docparse.tables.selfeval import (
    INDICATOR_HEADER,
    SCORE_NOTE,
    SelfEvalTable,
    make_indicator,
    value_like,
)
from docparse.tables.vocabulary import is_end, is_placeholder, rows

if TYPE_CHECKING:
    from docparse.tables.view import TableView


def _dedupe(roles: list[str]) -> list[str]:
    """Keep the last of repeated roles (a group header above its sub-headers says the same)."""
    out: list[str] = []
    for role in roles:
        if role in out:
            out.remove(role)
        out.append(role)
    return out


Position = tuple[int, int]  # (block, start) of a cell


def read_text_indicators(view: TableView, out: SelfEvalTable, done: Position) -> Position:
    """Indicator rows of one flattened table's view whose header names three or more of the level,
    name, target and actual columns, read from the view's line cells after the header; returns where
    the rows ended (a view whose header stands before ``done`` was read with the previous table)."""
    header = [c for r in view.header_rows for c in view.rows[r] if c.role]
    roles = _dedupe([c.role for c in header if c.role])
    if len(set(roles) & INDICATOR_HEADER) < 3:
        return done
    end = max((c.ref.provenance.block or 0, c.ref.provenance.end or 0) for c in header)
    if end < done or not any(line and line[0].provenance.block == end[0] for line in view.lines):
        return done  # read with the table before, or a header outside the body text
    cells = [c for line in view.lines for c in line if (c.provenance.block or 0, c.provenance.start or 0) >= end]
    i = _stream_indicators(cells, 0, roles, out)
    if i >= len(cells):
        return ((cells[-1].provenance.block or 0) + 1, 0) if cells else done
    return (cells[i].provenance.block or 0, cells[i].provenance.start or 0)


@dataclass
class _Pending:
    name: CellRef
    values: list[CellRef] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


_VALUE = rf"[≥≤<>=]?\d+(?:\.\d+)?(?:%|{money_unit_pattern()}|[\u4e00-\u9fff]{{1,2}})?"  # a value and its unit
_TRAIL = re.compile(rf"((?:{_VALUE})+)$")


def _split_name_values(cell: CellRef) -> tuple[CellRef, list[tuple[CellRef, str]]]:
    """``"验收合格率100%100%"`` → name cell "验收合格率" and values "100%", "100%"."""
    text = cell.text.rstrip(" |")
    said: list[tuple[CellRef, str]] = []
    for word in words("indicators", "met_words") + words("indicators", "unmet_words"):
        if len(word) >= 3 and text.endswith(word) and len(text) > len(word) + 2:
            said = [(cell.part(len(text) - len(word), len(text)), word)]
            text = text[: -len(word)]
            break
    m = _TRAIL.search(normalise(text))
    if not m or m.start() == 0:
        return (cell.part(0, len(text)), said) if said else (cell, [])
    blob = m.group(1)
    tokens = re.findall(_VALUE, blob)
    if not tokens or not re.search(r"\d", tokens[0]):
        return cell, []
    out: list[tuple[CellRef, str]] = []
    pos = m.start()
    for tok in tokens:
        out.append((cell.part(pos, pos + len(tok)), text[pos:pos + len(tok)]))
        pos += len(tok)
    return cell.part(0, m.start()), out + said


def _level_word(stripped: str, nxt: str | None) -> tuple[str, bool, str] | None:
    """A 一级/二级指标 word at the start of a cell: (word, joined with the next cell, rest of the cell)."""
    if not stripped:
        return None
    vocab = set(rows()["level1"]) | set(rows()["level2"])
    if nxt is not None and stripped + nxt in vocab:
        return stripped + nxt, True, ""
    for word in sorted(vocab, key=len, reverse=True):
        if len(word) >= 4 and stripped.startswith(word):
            return word, False, stripped[len(word):]
    return None


def _is_level1(word: str, current: str | None, raw: str, after: str, l2_words: list[str]) -> bool:
    """Whether a level word opens a 一级指标 (words such as 成本指标 are either, by position)."""
    l1, l2 = rows()["level1"], rows()["level2"]
    if word not in l2:
        return True
    if word not in l1:
        return False
    if SCORE_NOTE.search(raw):
        return True
    return len(after) >= 2 and any(
        w.startswith(after) or after.startswith(w) for w in l2_words if len(w) >= 4)


def _row_line(pending: _Pending, lines: dict[int | None, list[CellRef]], roles: list[str]) -> list[CellRef] | None:
    """The line of a row written whole on one line with one cell per header column, else None."""
    line = lines.get(pending.name.provenance.block)
    if line is None or len(line) != len(roles) or "name" not in roles or line[0].siblings != len(roles):
        return None
    name = line[roles.index("name")]
    if name.provenance.start != pending.name.provenance.start or name.text != pending.name.text:
        return None
    if any(c.provenance.block != name.provenance.block for c in pending.values):
        return None
    return line


def _total_row(cells: list[CellRef], i: int, out: SelfEvalTable) -> int:
    """A 合计/总分 row: the total weight, then the total score where given."""
    clean = cells[i].clean
    rest = clean
    for word in rows()["total_rows"]:
        rest = rest.removeprefix(word)
    nums: list[Decimal] = []
    first = bare_number(rest)
    if first is not None:
        nums.append(first)
    j = i + 1
    while j < len(cells) and (cells[j].clean == "" or bare_number(cells[j].clean) is not None):
        value = bare_number(cells[j].clean)
        if value is not None:
            nums.append(value)
        j += 1
    if nums:
        out.total_weight = nums[0]
        out.total_score = nums[1] if len(nums) > 1 else out.total_score
        out.total_provenance = cells[i]
    return j


def _stream_indicators(cells: list[CellRef], i: int, roles: list[str], out: SelfEvalTable) -> int:
    after_name = roles[roles.index("name") + 1:] if "name" in roles else [
        r for r in roles if r not in ("level1", "level2")]
    value_roles = [r for r in after_name if r != "deviation"]
    tail = [r for r in value_roles if r in ("weight", "score")]
    front = [r for r in value_roles if r not in tail]
    window = cells[max(0, i - len(roles)): i + 20]
    complete = bool(window) and sum(c.solo for c in window) * 5 >= len(window) * 4
    lines: dict[int | None, list[CellRef]] = {}
    for c in cells:
        lines.setdefault(c.provenance.block, []).append(c)
    level1: str | None = None
    level2: str | None = None
    pending: _Pending | None = None
    l2_words = sorted(rows()["level2"], key=len, reverse=True)
    level2_just_set = False

    def close() -> None:
        nonlocal pending
        if pending is None:
            return
        vals = [(c, t) for c, t in zip(pending.values, pending.texts, strict=True)]
        fields: dict[str, str | None] = {}
        row = _row_line(pending, lines, roles)
        if row is not None:
            # one cell per header column on the row's line: each value by its position, empty ones as None
            for role, c in zip(roles, row, strict=True):
                if role in after_name:
                    fields[role] = c.text if c.clean and not is_placeholder(c.clean) else None
        elif complete and len(vals) >= len(value_roles):
            for role, (_, t) in zip(after_name, vals, strict=False):
                fields[role] = t
        else:
            deviation = None
            if vals and not value_like(vals[-1][1]) and len(vals) > len(front) + len(tail):
                deviation = vals.pop()[1]
            nums = []
            while vals and len(nums) < len(tail) and bare_number(vals[-1][1]) is not None:
                nums.insert(0, vals.pop()[1])
            if tail and len(nums) < len(tail) and len(nums) == 1:
                halves = split_equal_halves(nums[0])
                if halves:
                    nums = list(halves)
            if not tail and vals and re.fullmatch(r"\d{2,6}", normalise(vals[-1][1]).strip()):
                halves = split_equal_halves(vals[-1][1])
                if halves:
                    vals.pop()
                    fields["weight"], fields["score"] = halves
            for role, t in zip(tail[len(tail) - len(nums):], nums, strict=False):
                fields[role] = t
            for role, (_, t) in zip(front, vals, strict=False):
                fields[role] = t
            fields["deviation"] = deviation
        ind = make_indicator(pending.name, level1, level2, fields, pending.name)
        if ind is not None:
            out.indicators.append(ind)
        pending = None

    def full(p: _Pending) -> bool:
        if complete:
            return len(p.values) >= len(after_name)
        if tail:
            trailing = 0
            for t in reversed(p.texts):
                if bare_number(t) is None:
                    break
                trailing += 1
            return trailing >= len(tail) and len(p.values) >= len(tail) + 1
        return len(p.values) >= len(front)

    while i < len(cells):
        cell = cells[i]
        clean = cell.clean
        if is_end(clean) or (pending is None and len(clean) > 60):
            close()
            return _total_row(cells, i, out) if any(
                clean.startswith(w) for w in rows()["total_rows"]) else i + 1
        if clean.startswith((":", "：")) or (clean.endswith(("。", ".")) and len(clean) > 12 and (
                pending is None or full(pending)) and not (pending is not None and "deviation" in after_name)):
            close()
            return i  # prose after the table
        nxt = cells[i + 1].clean if i + 1 < len(cells) else None
        found = _level_word(SCORE_NOTE.sub("", clean), nxt)
        if found is not None and level2_just_set and pending is None and not found[2] and (
                found[0] not in rows()["level1"]):
            found = None  # a 三级指标 named like a 二级 ("服务对象满意度指标 | 服务对象满意度")
        level2_just_set = False
        if found is not None:
            word, joined, rest = found
            close()
            after = rest or (cells[i + 2].clean if joined and i + 2 < len(cells) else nxt) or ""
            if _is_level1(word, level1, clean, after, l2_words):
                level1, level2 = word, None
            else:
                level2 = word
                level2_just_set = not rest
            i += 2 if joined else 1
            if rest:
                cells = [*cells[:i], cell.part(len(cell.text) - len(rest), len(cell.text)), *cells[i:]]
            continue
        if pending is None or full(pending):
            if not clean or is_placeholder(clean) or not SCORE_NOTE.sub("", clean):
                if pending is not None and complete:
                    pending.values.append(cell)
                    pending.texts.append(cell.text)
                i += 1
                continue
            row_line = pending is not None and pending.values and cell.provenance.block == (
                pending.values[-1].provenance.block) and 1 < cell.siblings <= len(roles) + 3
            deviation_like = not value_like(clean) and (row_line or
                len(clean) > 30 or any(w in clean for w in ("原因", "由于", "改进", "措施", "偏差")))
            if pending is not None and (
                (deviation_like and "deviation" in after_name) or (value_like(clean) and not complete)
            ):
                pending.values.append(cell)
                pending.texts.append(cell.text)
                i += 1
                continue
            close()
            name, fused = _split_name_values(cell)
            pending = _Pending(name=name)
            for c, t in fused:
                pending.values.append(c)
                pending.texts.append(t)
            i += 1
            continue
        if complete or not (not clean or is_placeholder(clean)):
            pending.values.append(cell)
            pending.texts.append(cell.text)
        i += 1
    close()
    return i
