"""The 绩效自评表 (self-evaluation table) read from the typed view: its money block (年度资金总额 …)
into :class:`MoneyRow` and its indicator rows into :class:`Indicator`, by the role of each column.

A money block is a header naming two or more of budget / adjusted budget / spent / rate, with rows
labelled 年度资金总额, 本年财政拨款 …; an indicator block a header naming three or more of the level,
name, target and actual columns. A table continued on the next page without its header keeps the
previous header's columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from docparse.extract.values import bare_number, comparison, meets, money, normalise
from docparse.lexicon import money_unit_pattern
from docparse.model.report import Indicator, MoneyRow
from docparse.tables.cells import CellRef
from docparse.tables.view import TableView
from docparse.tables.vocabulary import declared_unit, is_end, is_placeholder, money_label, rows

MONEY_VALUE_ROLES = ("budget", "adjusted_budget", "spent", "weight", "rate", "score")
# other columns of a money block that hold a value cell in every row (read past in flattened rows)
VALUE_COLUMNS = ("amount", "year", "count")
MONEY_HEADER = {"budget", "adjusted_budget", "spent", "rate"}
INDICATOR_HEADER = {"level1", "level2", "name", "target", "actual"}
SCORE_NOTE = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_INDICATOR_LABEL = re.compile(r"^指标\s*\d+\s*[:：]\s*")


@dataclass
class SelfEvalTable:
    """What the self-evaluation table(s) of a document hold."""

    money_rows: list[MoneyRow] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    total_provenance: CellRef | None = None


def guess_unit(text: str) -> str:
    """No declared unit: grouped or long amounts are yuan, short ones 万元 (the form's own unit)."""
    digits = normalise(text).strip().split(".")[0]
    return "元" if "," in digits or len(re.sub(r"\D", "", digits)) >= 6 else "万元"


def money_row(name: str, values: list[tuple[str, CellRef | None, str, str | None]],
              provenance: CellRef | None) -> MoneyRow:
    """A money-block row from (role, cell, text as written, money unit in force) of each value."""
    row = MoneyRow(name=name, provenance=provenance.provenance if provenance else None)
    for role, cell, text, unit in values:
        if role not in MONEY_VALUE_ROLES or getattr(row, role) is not None or is_placeholder(text):
            continue
        if role in ("budget", "adjusted_budget", "spent"):
            parsed = money(text, unit or guess_unit(text))
            value = parsed[0] if parsed else None
        else:
            value = bare_number(text)
        if value is None:
            continue
        setattr(row, role, value)
        row.cells[role] = (text.strip(" |"), cell.provenance if cell else None)
    return row


def make_indicator(name: CellRef, level1: str | None, level2: str | None,
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


def keeps(block: list[MoneyRow], roles: set[str]) -> bool:
    """A 绩效自评表 money block: a 年度资金总额-type row, or 分值/得分 columns; other tables with budget
    columns (funding sources, project lists closing with 合计) are not one."""
    return bool(roles & {"weight", "score"}) or any(
        r.name in rows()["block_totals"] for r in block)


def value_like(clean: str) -> bool:
    t = normalise(clean)
    return (is_placeholder(t) or bare_number(t) is not None
            or re.fullmatch(rf"[≥≤<>=]?\d+(?:\.\d+)?(?:{money_unit_pattern()}|%)?", t) is not None
            or re.fullmatch(r"[\d.%万元]+", t) is not None)


@dataclass
class GridState:
    money_cols: dict[int, str] | None = None
    unit: str | None = None
    declared: str | None = None  # the unit a line above the table declares ("单位：元")
    ind_cols: dict[int, str] | None = None
    ind_ncols: int = 0
    level1: str | None = None
    level2: str | None = None
    block: list[MoneyRow] = field(default_factory=list)
    units: dict[int, str] = field(default_factory=dict)  # money columns whose own header declares a unit


def read_view(view: TableView, out: SelfEvalTable, state: GridState) -> None:
    """Money rows and indicator rows of one table's typed view, in row order."""
    if view.rows and state.ind_cols is not None and state.ind_ncols != len(view.rows[0]):
        state.ind_cols = None
    for r, typed in enumerate(view.rows):
        row = [t.ref for t in typed]
        roles = view.roles(r)
        if len(set(roles.values()) & INDICATOR_HEADER) >= 3:
            state.ind_cols, state.ind_ncols, state.money_cols = roles, len(row), None
            state.level1 = state.level2 = None
            continue
        if len(set(roles.values()) & MONEY_HEADER) >= 2:
            _flush(state, out)
            state.money_cols = {i: role for i, role in roles.items() if role in MONEY_VALUE_ROLES}
            state.ind_cols = None
            state.units = {i: typed[i].unit for i in roles if typed[i].unit}
            state.unit = _block_unit(view, r) or state.declared
            continue
        if state.money_cols is not None:
            label = next(((money_label(c.clean), c) for c in row
                          if not c.covered and c.col not in state.money_cols and money_label(c.clean)), None)
            if label is not None:
                (name, _), cell = label
                values = [(role, row[i], row[i].text, state.units.get(i, state.unit))
                          for i, role in state.money_cols.items() if i < len(row) and not row[i].covered]
                state.block.append(money_row(name, values, cell))
                continue
            _flush(state, out)
            state.money_cols = None
        if state.ind_cols is not None:
            _grid_indicator_row(row, out, state)
    _flush(state, out)


def read_text_view(view: TableView, out: SelfEvalTable) -> None:
    """Money rows of a table flattened to text, from its typed view: under a header naming two or more
    of budget / adjusted budget / spent / rate, each row opened by a money-block label (年度资金总额,
    其中：财政拨款 …) with the values recorded in its budget, spent, rate, weight and score columns."""
    roles = {c.role for r in view.header_rows for c in view.rows[r] if c.role}
    if len(roles & MONEY_HEADER) < 2:
        return
    block: list[MoneyRow] = []
    for r, row in enumerate(view.rows):
        if r in view.header_rows or not row or row[0].role is not None:
            continue
        lead = row[0].ref
        label = money_label(lead.clean)
        if label is None:
            continue
        name, end = label
        if re.fullmatch(r"[\u4e00-\u9fff]{1,4}", lead.clean[end:]):
            name += lead.clean[end:]  # 年度财政资金总额: the label goes on
        values = [(c.role, c.ref, c.text, c.unit) for c in row[1:] if c.role in MONEY_VALUE_ROLES]
        block.append(money_row(name, values, lead))
    if keeps(block, roles):
        out.money_rows.extend(block)


def _block_unit(view: TableView, r: int) -> str | None:
    """The money unit of a money block whose header is row ``r``: declared by a cell that names no column
    in that row or the two above (项目资金（万元） beside the header), else the table's (单位：万元). A unit in
    a column's own header governs that column only."""
    for rr in range(r, max(-1, r - 3), -1):
        for cell in view.rows[rr]:
            unit = None if cell.header else declared_unit(cell.text)
            if unit is not None:
                return unit[0]
    return view.unit


def _flush(state: GridState, out: SelfEvalTable) -> None:
    if state.block and keeps(state.block, set((state.money_cols or {}).values())):
        out.money_rows.extend(state.block)
    state.block = []


def _grid_indicator_row(row: list[CellRef], out: SelfEvalTable, state: GridState) -> None:
    cols = state.ind_cols or {}
    first = next((c for c in row if c.clean), None)
    if first is None:
        return
    if any(w in first.clean for w in rows()["total_rows"]) and is_end(first.clean):
        nums = [(i, bare_number(c.text)) for i, c in enumerate(row) if not c.covered]
        by_role = {cols.get(i): v for i, v in nums if v is not None}
        out.total_weight = by_role.get("weight", out.total_weight)
        out.total_score = by_role.get("score", out.total_score)
        out.total_provenance = first
        state.ind_cols = None
        return
    if is_end(first.clean):
        state.ind_cols = None
        return
    fields: dict[str, str | None] = {}
    name_cell: CellRef | None = None
    for i, role in cols.items():
        if i >= len(row):
            continue
        cell = row[i]
        if role == "level1":
            state.level1 = SCORE_NOTE.sub("", cell.clean) or state.level1
        elif role == "level2":
            state.level2 = cell.clean or state.level2
        elif role == "name":
            name_cell = None if cell.covered else cell
        elif not cell.covered or role in ("weight", "score"):
            fields[role] = None if cell.covered else cell.text
    if name_cell is None or not name_cell.clean:
        return
    ind = make_indicator(name_cell, state.level1, state.level2, fields, name_cell)
    if ind is not None:
        out.indicators.append(ind)


