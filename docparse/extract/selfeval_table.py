"""The 绩效自评表: its money block (年度资金总额 …) and its indicator rows, from grids or flattened text.

Header cells name the columns (rules/extract/selfeval_table.yaml); rows below a header are read
by column. In flattened text the row boundaries are gone, so a row is read as a label followed
by the values that belong to it (money block), or as a name followed by its values up to the
numeric tail 分值 / 得分 (indicator block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from docparse.extract.cells import CellRef, grid_rows, split_equal_halves, split_fused, text_cells
from docparse.extract.values import bare_number, comparison, is_placeholder, meets, money, normalise
from docparse.extract.vocab import rules, simplified, word_map, words
from docparse.model.report import Indicator, MoneyRow

if TYPE_CHECKING:
    from docparse.model.document import Document
    from docparse.pipeline import Analysis

MONEY_VALUE_ROLES = ("budget", "adjusted_budget", "spent", "weight", "rate", "score")
_SCORE_NOTE = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_INDICATOR_LABEL = re.compile(r"^指标\s*\d+\s*[:：]\s*")


@dataclass
class SelfEvalTable:
    """What the self-evaluation table(s) of a document hold."""

    money_rows: list[MoneyRow] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    total_provenance: CellRef | None = None


@cache
def _word_pattern(kind: str) -> tuple[re.Pattern[str], dict[str, str]]:
    variants = word_map("selfeval_table", kind)
    role_of = {v: role for role, vs in variants.items() for v in vs}
    alternation = "|".join(re.escape(v) for v in sorted(role_of, key=len, reverse=True))
    return re.compile(alternation), role_of


def roles_in(text: str, variants: dict[str, list[str]]) -> list[str]:
    """Roles of the header words in ``text`` in reading order (longest word at each position)."""
    kind = "money_columns" if variants is word_map("selfeval_table", "money_columns") else "indicator_columns"
    pattern, role_of = _word_pattern(kind)
    return [role_of[m.group(0)] for m in pattern.finditer(text)]


def _dedupe(roles: list[str]) -> list[str]:
    """Keep the last of repeated roles (a group header above its sub-headers says the same)."""
    out: list[str] = []
    for role in roles:
        if role in out:
            out.remove(role)
        out.append(role)
    return out


def _unit_of(cells: list[CellRef]) -> str | None:
    """The money unit the header declares ("项目资金（万元）"), or None where it declares none."""
    for cell in cells:
        text = simplified(cell.text)
        for unit in ("亿元", "万元", "千元"):
            if unit in text:
                return unit
        if re.search(r"[(（]元[)）]|单位[:：]?元", text):
            return "元"
    return None


def _guess_unit(text: str) -> str:
    """No declared unit: grouped or long amounts are yuan, short ones 万元 (the form's own unit)."""
    digits = normalise(text).strip().split(".")[0]
    return "元" if "," in digits or len(re.sub(r"\D", "", digits)) >= 6 else "万元"


def _money_label(clean: str) -> tuple[str, int] | None:
    """``"其中:本年财政拨款"`` → (``"本年财政拨款"``, end of label in ``clean``)."""
    labels = word_map("selfeval_table", "money_rows")
    text = clean
    skip = 0
    for prefix in ("其中:", "其中", "其中："):
        if text.startswith(prefix):
            skip = len(prefix)
            break
    for label in sorted(labels["total"] + labels["parts"], key=len, reverse=True):
        pos = text.find(label, skip)
        if pos != -1 and pos <= skip + 2:
            end = pos + len(label)
            return text[skip:end], end
    return None


def _money_row(name: str, values: list[tuple[str, CellRef | None, str]], unit: str | None,
               provenance: CellRef | None) -> MoneyRow:
    row = MoneyRow(name=name, provenance=provenance.provenance if provenance else None)
    for role, cell, text in values:
        if role not in MONEY_VALUE_ROLES or getattr(row, role) is not None or is_placeholder(text):
            continue
        if role in ("budget", "adjusted_budget", "spent"):
            parsed = money(text, unit or _guess_unit(text))
            value = parsed[0] if parsed else None
        else:
            value = bare_number(text)
        if value is None:
            continue
        setattr(row, role, value)
        row.cells[role] = (text.strip(" |"), cell.provenance if cell else None)
    return row


def _level(text: str, key: str) -> str | None:
    clean = _SCORE_NOTE.sub("", re.sub(r"\s+", "", text))
    return clean if clean in rules("selfeval_table")[key] else None


def _level_prefix(clean: str, key: str) -> str | None:
    clean = _SCORE_NOTE.sub("", clean)
    for word in words("selfeval_table", key):
        if clean.startswith(word) and len(word) >= 4:
            return word
    return None


def _is_end(clean: str) -> bool:
    return any(clean.startswith(w) for w in rules("selfeval_table")["end_rows"])


def _indicator(name: CellRef, level1: str | None, level2: str | None,
               fields: dict[str, str | None], source_cell: CellRef) -> Indicator | None:
    title = _INDICATOR_LABEL.sub("", re.sub(r"\s+", "", name.text)).strip(" |")
    if not title or is_placeholder(title):
        return None
    target = fields.get("target")
    actual = fields.get("actual")
    if fields.get("unit") and not is_placeholder(fields["unit"] or ""):
        unit = (fields["unit"] or "").strip()
        if target and not is_placeholder(target) and not target.strip().endswith(unit):
            target = target.strip() + unit
        if actual and not is_placeholder(actual) and not actual.strip().endswith(unit):
            actual = actual.strip() + unit
    if fields.get("nature") and target and not is_placeholder(target):
        nature = (fields["nature"] or "").strip()
        if nature in ("=", "≥", "≤", ">", "<", "＝", "≧", "≦") and not target.startswith(nature):
            target = nature + target.strip()
    target = None if target is None or is_placeholder(target) else target.strip(" |")
    actual = None if actual is None or is_placeholder(actual) else actual.strip(" |")
    t_cmp, a_cmp = comparison(target), comparison(actual)
    weight = bare_number(fields.get("weight") or "")
    score = bare_number(fields.get("score") or "")
    deviation = fields.get("deviation")
    return Indicator(
        name=title, level1=level1, level2=level2, target=target, actual=actual, weight=weight,
        score=score, met=meets(t_cmp, a_cmp),
        deviation=deviation.strip() if deviation and not is_placeholder(deviation) else None,
        source="table", provenance=source_cell.provenance, target_cmp=t_cmp, actual_cmp=a_cmp,
    )


# ---- true grids -----------------------------------------------------------------------------------

@dataclass
class _GridState:
    money_cols: dict[int, str] | None = None
    unit: str | None = None
    ind_cols: dict[int, str] | None = None
    ind_ncols: int = 0
    level1: str | None = None
    level2: str | None = None
    block: list[MoneyRow] = field(default_factory=list)


def _header_map(row: list[CellRef], variants: dict[str, list[str]]) -> dict[int, str]:
    cols: dict[int, str] = {}
    for i, cell in enumerate(row):
        if cell.covered and i > 0 and row[i - 1].text == cell.text:
            continue
        found = roles_in(cell.clean, variants)
        if found:
            cols[i] = found[-1]
    return cols


def _read_grid(rows: list[list[CellRef]], out: SelfEvalTable, state: _GridState) -> None:
    money_v = word_map("selfeval_table", "money_columns")
    ind_v = word_map("selfeval_table", "indicator_columns")
    if rows and state.ind_cols is not None and state.ind_ncols != len(rows[0]):
        state.ind_cols = None
    for r, row in enumerate(rows):
        ind = _header_map(row, ind_v)
        if len({v for v in ind.values()} & {"level1", "level2", "name", "target", "actual"}) >= 3:
            state.ind_cols, state.ind_ncols, state.money_cols = ind, len(row), None
            state.level1 = state.level2 = None
            continue
        mon = _header_map(row, money_v)
        if len(set(mon.values()) & {"budget", "adjusted_budget", "spent", "rate"}) >= 2:
            _flush(state, out)
            state.money_cols, state.ind_cols = mon, None
            state.unit = _unit_of([c for rr in rows[max(0, r - 2): r + 1] for c in rr])
            continue
        if state.money_cols is not None:
            label = next((( _money_label(c.clean), c) for c in row
                          if not c.covered and c.col not in state.money_cols and _money_label(c.clean)), None)
            if label is not None:
                (name, _), cell = label
                values = [(role, row[i], row[i].text) for i, role in state.money_cols.items()
                          if i < len(row) and not row[i].covered]
                state.block.append(_money_row(name, values, state.unit, cell))
                continue
            _flush(state, out)
            state.money_cols = None
        if state.ind_cols is not None:
            _grid_indicator_row(row, out, state)
    _flush(state, out)


def _keeps(rows: list[MoneyRow], roles: set[str]) -> bool:
    """A 绩效自评表 money block: a 年度资金总额-type row, or 分值/得分 columns; other tables with budget
    columns (funding sources, project lists closing with 合计) are not one."""
    return bool(roles & {"weight", "score"}) or any(
        r.name in rules("selfeval_table")["block_totals"] for r in rows)


def _flush(state: _GridState, out: SelfEvalTable) -> None:
    if state.block and _keeps(state.block, set((state.money_cols or {}).values())):
        out.money_rows.extend(state.block)
    state.block = []


def _grid_indicator_row(row: list[CellRef], out: SelfEvalTable, state: _GridState) -> None:
    cols = state.ind_cols or {}
    first = next((c for c in row if c.clean), None)
    if first is None:
        return
    if any(w in first.clean for w in rules("selfeval_table")["total_rows"]) and _is_end(first.clean):
        nums = [(i, bare_number(c.text)) for i, c in enumerate(row) if not c.covered]
        by_role = {cols.get(i): v for i, v in nums if v is not None}
        out.total_weight = by_role.get("weight", out.total_weight)
        out.total_score = by_role.get("score", out.total_score)
        out.total_provenance = first
        state.ind_cols = None
        return
    if _is_end(first.clean):
        state.ind_cols = None
        return
    fields: dict[str, str | None] = {}
    name_cell: CellRef | None = None
    for i, role in cols.items():
        if i >= len(row):
            continue
        cell = row[i]
        if role == "level1":
            state.level1 = _SCORE_NOTE.sub("", cell.clean) or state.level1
        elif role == "level2":
            state.level2 = cell.clean or state.level2
        elif role == "name":
            name_cell = None if cell.covered else cell
        elif not cell.covered or role in ("weight", "score"):
            fields[role] = None if cell.covered else cell.text
    if name_cell is None or not name_cell.clean:
        return
    ind = _indicator(name_cell, state.level1, state.level2, fields, name_cell)
    if ind is not None:
        out.indicators.append(ind)


# ---- flattened text -------------------------------------------------------------------------------

def _value_like(clean: str) -> bool:
    t = normalise(clean)
    return (is_placeholder(t) or bare_number(t) is not None
            or re.fullmatch(r"[≥≤<>=]?\d+(?:\.\d+)?(?:万元|亿元|元|%)?", t) is not None
            or re.fullmatch(r"[\d.%万元]+", t) is not None)


def _glued(text: str) -> bool:
    """Several numbers run together: two decimal points, a % or unit inside, or a very long number."""
    t = normalise(text).replace(" ", "")
    if not re.fullmatch(r"[\d.%万亿千元]+", t):
        return False
    inner = t.rstrip("%")
    return (t.count(".") >= 2 or "%" in inner or re.search(r"元\d", t) is not None
            or (len(re.sub(r"\D", "", t)) >= 9 and "." not in t))


def _header_run(cells: list[CellRef], start: int, variants: dict[str, list[str]],
                need: set[str], min_hits: int) -> tuple[int, list[str], int] | None:
    """A header starting at ``start``: (first cell after it, its roles, index where it began)."""
    i, roles, began, last = start, [], None, start
    while i < len(cells):
        clean = cells[i].clean
        found = roles_in(clean, variants) if len(clean) <= 60 and not _value_like(clean) else []
        if found and (len(clean) <= 16 or len(found) >= 2):
            began = i if began is None else began
            roles.extend(found)
            last = i
        elif not (began is not None and len(clean) <= 4 and not re.search(r"\d", clean)):
            break
        i += 1
    roles = _dedupe(roles)
    if began is not None and len(set(roles) & need) >= min_hits:
        return last + 1, roles, began
    return None


def _read_stream(cells: list[CellRef], out: SelfEvalTable) -> None:
    money_v = word_map("selfeval_table", "money_columns")
    ind_v = word_map("selfeval_table", "indicator_columns")
    i = 0
    while i < len(cells):
        hdr = _header_run(cells, i, ind_v, {"level1", "level2", "name", "target", "actual"}, 3)
        if hdr is not None:
            i = _stream_indicators(cells, hdr[0], hdr[1], out)
            continue
        hdr = _header_run(cells, i, money_v, {"budget", "adjusted_budget", "spent", "rate"}, 2)
        if hdr is not None:
            unit = _unit_of(cells[max(0, hdr[2] - 3): hdr[0]])
            i = _stream_money(cells, hdr[0], hdr[1], unit, out)
            continue
        i += 1


def _stream_money(cells: list[CellRef], i: int, roles: list[str], unit: str | None,
                  out: SelfEvalTable) -> int:
    value_roles = [r for r in roles if r in MONEY_VALUE_ROLES]
    seen_row = False
    block: list[MoneyRow] = []
    while i < len(cells):
        cell = cells[i]
        label = _money_label(cell.clean)
        if label is None:
            if cell.clean == "" or _value_like(cell.clean):
                i += 1
                continue
            ahead = [c for c in cells[i + 1: i + 3] if _money_label(c.clean)]
            if ahead or (not seen_row and len(cell.clean) <= 12):
                i += 1
                continue
            break
        seen_row = True
        name = label[0]
        raw = cell.text
        pos = simplified(raw).find(name)
        rest = raw[pos + len(name):] if pos != -1 else ""
        rest_clean = rest.lstrip(" :：").strip()
        vals: list[tuple[CellRef | None, str]] = []
        if rest_clean:
            off = raw.find(rest_clean, pos + len(name) if pos != -1 else 0)
            rest_cell = cell.part(off, off + len(rest_clean))
            cut = split_fused(rest_clean, value_roles) if _glued(rest_clean) else None
            if cut:
                vals.extend((rest_cell, t) for t in cut)
            else:
                vals.append((rest_cell, rest_clean))
        i += 1
        while i < len(cells) and _money_label(cells[i].clean) is None and (
            cells[i].clean == "" or _value_like(cells[i].clean)
        ):
            vals.append((cells[i], cells[i].text))
            i += 1
        values = [(role, c, t) for role, (c, t) in zip(value_roles, vals, strict=False)]
        block.append(_money_row(name, values, unit, cell))
    if _keeps(block, set(roles)):
        out.money_rows.extend(block)
    return i


@dataclass
class _Pending:
    name: CellRef
    values: list[CellRef] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


_TRAIL = re.compile(
    r"((?:[≥≤<>=]?\d+(?:\.\d+)?(?:%|万元|亿元|元|[\u4e00-\u9fff]{1,2})?)+)$"
)


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
    tokens = re.findall(r"[≥≤<>=]?\d+(?:\.\d+)?(?:%|万元|亿元|元|[\u4e00-\u9fff]{1,2})?", blob)
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
    vocab = set(rules("selfeval_table")["level1"]) | set(rules("selfeval_table")["level2"])
    if nxt is not None and stripped + nxt in vocab:
        return stripped + nxt, True, ""
    for word in sorted(vocab, key=len, reverse=True):
        if len(word) >= 4 and stripped.startswith(word):
            return word, False, stripped[len(word):]
    return None


def _is_level1(word: str, current: str | None, raw: str, after: str, l2_words: list[str]) -> bool:
    """Whether a level word opens a 一级指标 (words such as 成本指标 are either, by position)."""
    l1, l2 = rules("selfeval_table")["level1"], rules("selfeval_table")["level2"]
    if word not in l2:
        return True
    if word not in l1:
        return False
    if _SCORE_NOTE.search(raw):
        return True
    return len(after) >= 2 and any(
        w.startswith(after) or after.startswith(w) for w in l2_words if len(w) >= 4)


def _total_row(cells: list[CellRef], i: int, out: SelfEvalTable) -> int:
    """A 合计/总分 row: the total weight, then the total score where given."""
    clean = cells[i].clean
    rest = clean
    for word in rules("selfeval_table")["total_rows"]:
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
    level1: str | None = None
    level2: str | None = None
    pending: _Pending | None = None
    l2_words = words("selfeval_table", "level2")

    def close() -> None:
        nonlocal pending
        if pending is None:
            return
        vals = [(c, t) for c, t in zip(pending.values, pending.texts, strict=True)]
        fields: dict[str, str | None] = {}
        if complete and len(vals) >= len(value_roles):
            for role, (_, t) in zip(after_name, vals, strict=False):
                fields[role] = t
        else:
            deviation = None
            if vals and not _value_like(vals[-1][1]) and len(vals) > len(front) + len(tail):
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
        ind = _indicator(pending.name, level1, level2, fields, pending.name)
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
        if _is_end(clean) or (pending is None and len(clean) > 60):
            close()
            return _total_row(cells, i, out) if any(
                clean.startswith(w) for w in rules("selfeval_table")["total_rows"]) else i + 1
        if clean.startswith((":", "：")) or (clean.endswith(("。", ".")) and len(clean) > 12 and (
                pending is None or full(pending)) and not (pending is not None and "deviation" in after_name)):
            close()
            return i  # prose after the table
        nxt = cells[i + 1].clean if i + 1 < len(cells) else None
        found = _level_word(_SCORE_NOTE.sub("", clean), nxt)
        if found is not None:
            word, joined, rest = found
            close()
            after = rest or (cells[i + 2].clean if joined and i + 2 < len(cells) else nxt) or ""
            if _is_level1(word, level1, clean, after, l2_words):
                level1, level2 = word, None
            else:
                level2 = word
            i += 2 if joined else 1
            if rest:
                cells = [*cells[:i], cell.part(len(cell.text) - len(rest), len(cell.text)), *cells[i:]]
            continue
        if pending is None or full(pending):
            if not clean or is_placeholder(clean) or not _SCORE_NOTE.sub("", clean):
                if pending is not None and complete:
                    pending.values.append(cell)
                    pending.texts.append(cell.text)
                i += 1
                continue
            row_line = pending is not None and pending.values and cell.provenance.block == (
                pending.values[-1].provenance.block) and 1 < cell.siblings <= len(roles) + 3
            deviation_like = not _value_like(clean) and (row_line or
                len(clean) > 30 or any(w in clean for w in ("原因", "由于", "改进", "措施", "偏差")))
            if pending is not None and (
                (deviation_like and "deviation" in after_name) or (_value_like(clean) and not complete)
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


# ---- the stage ------------------------------------------------------------------------------------

def read(document: Document) -> SelfEvalTable:
    """Money rows and indicator rows of every self-evaluation table in ``document``."""
    out = SelfEvalTable()
    state = _GridState()
    for block in document.blocks:
        if block.kind == "table" and block.table is not None and block.is_body:
            _read_grid(grid_rows(block), out, state)
    paragraphs = [b for b in document.blocks if b.kind == "paragraph" and b.is_body]
    if paragraphs:
        _read_stream(text_cells(paragraphs), out)
    return out


def extract(analysis: Analysis) -> None:
    """Stage: fill ``report.money_rows`` and the table indicators; hand the totals on in notes."""
    table = read(analysis.document)
    analysis.notes["selfeval"] = table
    analysis.report.money_rows = table.money_rows
    analysis.report.indicators = list(table.indicators)
