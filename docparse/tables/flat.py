"""Tables flattened to text lines, read cell by cell into figures: a declaration ("单位：万元",
"项目资金（万元）") sets the money unit, a header ("年初预算数 全年执行数 执行率 得分") what each column holds,
a row label starts a row, and each bare number takes the meaning of its column (:mod:`figures`).
The header labels, row labels and values are recorded with their column's role, unit and provenance
in one typed view per flattened table (``RowState.tables``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from docparse.numbers.data import units
from docparse.numbers.found import Found
from docparse.tables.cells import Cell, Part, make_cell, split_line
from docparse.tables.figures import WELL, Placed, RowState, emit, realign, resolve
from docparse.tables.fused import split_fused
from docparse.tables.vocabulary import (
    NUMERIC_KINDS,
    LabelRun,
    column_role,
    columns,
    count_unit,
    declared_unit,
    header_only,
    kind_of,
    label_run,
    money_label_pattern,
    noted_label,
    without_unit,
)

_YEAR = re.compile(r"(?:19[89]|20\d)\d")


def read_line(norm: str, found: list[Found], state: RowState, added: list[Found], dropped: set[int]) -> RowState:
    """The figures of one flattened line (added to ``added``; written ones it re-reads to ``dropped``);
    returns the state for the next line (running text ends a table)."""
    spans, piped = split_line(norm)
    if len(spans) > 1:
        state.new_row()
    first_text = False
    for k, (s, e) in enumerate(spans):
        cell = make_cell(norm, s, e, found)
        if len(cell.parts) > 1 and column_role(cell.text) is not None:
            # a header label with its note: 预算执行率(B/A×100%) names a column, its 100% is no value
            cell.parts = [Part("text", s, e, cell.text)]
        if k == 0:
            first_text = bool(cell.text) and all(p.kind == "text" for p in cell.parts)
            if first_text:
                rest = without_unit(cell.text)[0].strip(" ：:，,")
                first_text = bool(rest) and label_run(rest) is None
            if piped and not cell.text and len(spans) > 1 and state.lead_stub:
                continue
        in_row = state.mid_row()
        if k == 0 and len(spans) > 1:
            group = state.group if state.last == "header" else None
            state.group, state.splice = group, group
        state.opens_row = k == 0 and len(spans) > 1
        state.mid_line = k > 0
        _cell(cell, state, added, dropped, piped)
        if cell.prose and not piped and not in_row:
            # running text ends a table; a long cell inside a row (原因 …) does not
            state = state.fresh()
    if piped and len(spans) > 1 and state.last == "header":
        state.lead_stub = first_text
    return state


def _cell(cell: Cell, state: RowState, added: list[Found], dropped: set[int], piped: bool) -> None:
    if piped and cell.parts and cell.parts[0].kind == "empty" and not cell.text:
        _advance(state)
        state.last = "value"
        return
    for part in cell.parts:
        _part(part, cell, state, added, dropped, piped)


def _advance(state: RowState, to: str | None = None) -> str | None:
    """The role of the column the next value stands in (only a column of role ``to`` when given)."""
    if not state.cols:
        return None
    if to is not None:
        if state.ptr < len(state.cols) and state.cols[state.ptr] == to:
            state.ptr += 1
            return to
        return None
    role = state.cols[state.ptr] if state.ptr < len(state.cols) else None
    state.ptr += 1
    return role


def _part(part: Part, cell: Cell, state: RowState, added: list[Found], dropped: set[int], piped: bool) -> None:
    if part.kind == "text":
        _text(part, cell, state)
        return
    state.group = state.splice = None
    single = len(state.run) == 1 and kind_of(state.run[0]) in NUMERIC_KINDS
    if state.last == "header" and not single and not (state.cols and state.kind(0) == "index"):
        state.stub = False  # a value right under the header: its first label heads a value column (not 序号)
    if state.last == "header" and state.guessed and state.mid_line:
        _relabel(state)  # 年初预算数 全年执行数 年度资金总额 100 96: the text after the header labelled a row
    state.guessed = False
    keyed = None
    if state.last == "header" and single:
        keyed = state.run[0]
        state.cols = state.prev_cols
    elif state.last == "header":
        state.ptr = 0
    if part.kind == "unit":
        if state.pending is not None:
            resolve(*state.pending, part.text)
            state.pending = None
        state.row_unit = part.text
        if _advance(state, "unit"):
            state.record("unit", part.start, part.end, part.text)
    elif part.kind == "cmp":
        state.row_cmp = part.text
        if _advance(state, "nature"):
            state.record("nature", part.start, part.end, part.text)
    elif part.kind == "empty":
        _advance(state)
    elif part.kind == "mention" and part.found is not None:
        f = part.found
        if f.kind == "percent" and isinstance(f.value, Decimal) and f.value >= 1000 and state.cols:
            dropped.add(id(f))
            _number(Part("number", f.start, f.end, cell.text[f.start - cell.start:f.end - cell.start],
                         glued=True), cell, state, added, piped, keyed)
        else:
            if (f.kind == "percent" and keyed is None and state.cols and "rate" in state.cols[state.ptr:]
                    and state.cols[state.ptr] not in ("target", "actual")):
                # a written percent stands in the rate column: a row that lost empty cells (space-
                # separated text) is realigned so that the numbers before it end next to it
                shift = state.cols[state.ptr:].index("rate")
                if shift and state.placed:
                    realign(state, shift)
                state.ptr += shift
            role = keyed or _advance(state)
            if role is not None:
                state.record(role, f.start, f.end, cell.text[f.start - cell.start:f.end - cell.start])
            kind = kind_of(role)
            if kind == "target":
                state.row_target = f
            if f.kind == "money" and isinstance(f.value, Decimal) and f.scale:
                state.row_known.append(f.value / f.scale)
    elif part.kind == "number":
        _number(part, cell, state, added, piped, keyed)
    state.last = "value"


def _text(part: Part, cell: Cell, state: RowState) -> None:
    text = part.text
    decl = declared_unit(text)
    if decl is not None:
        unit = decl[0]
        state.unit = (unit, units().money[unit])
        text = (text[: decl[1]] + text[decl[2]:]).strip(" ：:，,")
        if not text:
            state.last = "decl" if state.last != "header" else "header"
            return
    run = label_run(text)
    if run is None and state.last == "header" and not state.opens_row and (
            header_only(text) or (decl is not None and noted_label(text))):
        run = LabelRun(0, ("amount",), len(text))  # under a declared unit a year column holds money
        if decl is not None:
            state.group = len(state.cols or [])  # 预算执行情况（万元）: maybe a group over the labels below
    if run is None and count_unit(text) is not None and noted_label(columns().count_note.sub("", text)):
        run = LabelRun(0, ("count",), len(text))  # 人数（人）: a count column, never money
    guessed = run is None and state.last == "header" and state.mid_line and noted_label(text)
    if guessed:
        run = LabelRun(0, ("name",), len(text))  # 序号 | 建设内容 | 年度 …: a text column the vocabulary lacks
    if run is not None:
        cell.has_header = True
        if state.last == "label" and state.interrupted is not None:
            state.cols, state.run, state.stub = state.interrupted  # the text before was a header column
            state.last = "header"
            _unlabel(state)
        state.interrupted = None
        starts_run = state.last != "header"
        if starts_run:
            state.prev_cols = state.cols
            state.cols, state.run = [], []
            state.open_view()
        # the text after the labels labels a row (执行率得分年度资金总额): it stands apart from the header
        suffix = text[run.suffix_start:].strip(" ：:，,")
        at = part.text.rfind(suffix) if suffix else -1
        glued_label = [m for m in money_label_pattern().finditer(part.text) if m.end() == len(part.text)]
        if suffix and glued_label and glued_label[-1].start() > 0:
            at, suffix = glued_label[-1].start(), glued_label[-1].group()  # …执行率得分年度资金总额
        head_end = part.start + at if at > 0 else part.end
        for role in run.roles:  # a glued header cell (全年预算数全年执行数执行率) names several columns
            state.record(role, part.start, head_end, part.text[:head_end - part.start], header=True)
        state.guessed = guessed
        roles = run.roles
        if decl is not None and run.kinds in (("actual",), ("target",)):
            roles = ("amount",)  # 完成值（万元）: the values below are money in the declared unit
        state.run.extend(roles)
        # 年度 | 预算数 | …: the years (2022年) label the rows
        year_stub = starts_run and kind_of(roles[0]) == "year"
        named = [r for i, r in enumerate(roles) if kind_of(r) != "label" and not (i == 0 and year_stub)]
        if (state.splice is None and state.group is not None and not starts_run
                and [kind_of(r) for r in named] == ["money"]
                and any(kind_of(r) != "money" for r in (state.cols or [])[state.group + 1:])):
            state.splice = state.group  # one cell per line: amounts after 分值 … stand under the group
        if state.splice is not None and not starts_run and state.cols is not None:
            at = state.splice
            if state.group is not None:  # the first label of the line below takes the group's place
                del state.cols[at]
                state.group = None
            state.cols[at:at] = named
            state.splice = at + len(named)
        else:
            state.cols = (state.cols or []) + named
        state.last = "header"
        if suffix:
            _row_label(state)
            if at > 0:
                state.record(None, head_end, head_end + len(suffix), suffix)
            return
        # "年度预算数（万元）" opening a header (after 序号) may head the row-label column: decided by what
        # follows
        if starts_run or (len(state.run) > 1 and all(kind_of(r) == "index" for r in state.run[:-1])):
            state.stub = decl is not None and not year_stub and [kind_of(r) for r in roles] == ["money"]
        return
    _row_label(state)
    if state.view is not None:
        state.record(None, part.start, part.end, part.text)


def _relabel(state: RowState) -> None:
    """The text cell taken for a text column of the header, followed on its line by values: a row label."""
    view = state.view
    if view is None or not view.rows[-1] or not view.rows[-1][-1].header:
        return
    cell = view.rows[-1].pop()
    cell.header, cell.role = False, None
    view.rows.append([cell])


def _unlabel(state: RowState) -> None:
    """The text cell taken for a row label was a text column of the header: back into the header row."""
    view = state.view
    if view is None or len(view.rows) < 2 or len(view.rows[-1]) != 1:
        return
    cell = view.rows.pop()[0]
    cell.header, cell.role = True, "name"
    view.rows[-1].append(cell)


def _row_label(state: RowState) -> None:
    """A text cell that starts a row; a header's declaring first label then named the label column."""
    state.interrupted = (list(state.cols or []), list(state.run), state.stub) if state.last == "header" else None
    if state.stub and state.cols:
        at = next((i for i in range(len(state.cols)) if state.kind(i) != "index"), 0)
        state.cols.pop(at)
        if len(state.run) > at:
            state.run.pop(at)
    state.stub = False
    state.new_row(after_index=True)
    state.last = "label"


def _number(part: Part, cell: Cell, state: RowState, added: list[Found], piped: bool, keyed: str | None) -> None:
    raw = part.text
    pct = raw[-1] if raw[-1] in "%‰" else ""
    digits = raw[:-1] if pct else raw
    well = bool(WELL.fullmatch(digits))
    remaining = state.cols[state.ptr:] if state.cols else []
    numeric = [(i, r) for i, r in enumerate(remaining) if kind_of(r) in NUMERIC_KINDS]
    fused_ctx = (not well) or (part.glued and not piped and len(numeric) >= 2 and keyed is None
                               and (cell.has_header or not cell.prose))
    if fused_ctx and numeric:
        pct_unit = state.row_unit in ("%", "‰") or bool(pct)
        parts = split_fused(digits, [kind_of(r) or "" for _, r in numeric], state.row_known, pct_unit)
        if parts and pct and parts[-1][2] not in ("rate", "target", "actual"):
            parts = None
        if parts and well and len(parts) < 3 and not pct:
            # a number that reads well on its own is cut only when three or more columns need it
            parts = None
        if parts:
            last_i, col = 0, 0
            for n, (s, e, kind) in enumerate(parts):
                end = e + (len(pct) if (pct and n == len(parts) - 1) else 0)
                text = raw[s:end]
                # the column the cut value stands in: the next one of its kind (a split may skip columns)
                at = next((m for m in range(col, len(numeric)) if kind_of(numeric[m][1]) == kind), None)
                col = col if at is None else at + 1
                state.record(None if at is None else numeric[at][1], part.start + s, part.start + end, text)
                emit(kind, part.start + s, part.start + end, text, state, added, fused=True)
                last_i = numeric[n][0]
            state.ptr += last_i + 1
            return
    if not well:
        return
    positional = keyed is None and not (cell.prose and not cell.has_header)
    role = keyed or (_advance(state) if positional else None)
    if (role is None and state.unit is not None and not state.cols and not pct and cell.text == raw
            and not _YEAR.fullmatch(raw)):
        # no header says what the column holds: a number alone in its cell under a declared unit
        role = "amount"
    typed = state.record(role, part.start, part.end, raw) if role is not None or (
        positional and state.cols) else None
    fused = part.glued and not piped
    found = emit(kind_of(role), part.start, part.end, raw, state, added, fused=fused)
    if positional and state.cols:
        state.placed.append(Placed(state.ptr - 1, part.start, part.end, raw, added, found, fused, typed))


