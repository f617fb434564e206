"""Units declared once, applied to the bare numbers they govern.

A small state machine walks the document's cells in reading order (flattened table lines, rows of
a table grid, prose): a declaration ("单位：万元", "项目资金（万元）") sets the money unit, a header
("年初预算数 全年执行数 执行率 得分") sets what each column holds, a row label starts a row, and each
bare number takes the meaning of its column: money in the declared unit, a rate as percent,
weights and scores as nothing. Indicator rows lend the unit of the target (≥90万元) or of a unit
cell (%) to the bare numbers beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from docparse.numbers.cells import Cell, Part, make_cell, split_cells
from docparse.numbers.data import units
from docparse.numbers.found import Found
from docparse.numbers.fused import NUMERIC_KINDS, split_fused
from docparse.numbers.grid import read_grid
from docparse.numbers.labels import LabelRun, declared_unit, header_only, label_run, noted_money_label
from docparse.numbers.normalise import normalise_chars
from docparse.numbers.rows import WELL, Placed, RowState, emit, realign, resolve


@dataclass(slots=True)
class BlockView:
    """What the state machine needs of a block."""

    index: int
    text: str
    found: list[Found]
    # per (row, col) slot: span of the covering cell in the text, and whether the slot is its anchor
    grid: list[list[tuple[int, int, bool] | None]] | None = None
    heading: bool = False


def govern(blocks: list[BlockView]) -> dict[int, list[Found]]:
    """Every figure per block index: the written ones plus the bare numbers a declared unit governs."""
    state = RowState()
    work: list[tuple[BlockView, list[Found], set[int]]] = []
    for n, block in enumerate(blocks):
        norm = normalise_chars(block.text)
        if block.heading:
            state = RowState()
        added: list[Found] = []
        dropped: set[int] = set()
        work.append((block, added, dropped))
        following = next((b.text for b in blocks[n + 1:n + 3] if b.text.strip(_PUNCT_ONLY)), None)
        if following is not None and block.grid is None:
            wrapped = _wrapped_unit(norm, block.found, normalise_chars(following))
            if wrapped is not None:
                block.found = [*block.found, wrapped]
        if block.grid is not None:
            read_grid(block.grid, block.found, norm, state, added)
        else:
            spans, piped = split_cells(norm)
            if len(spans) > 1:
                state.new_row()
            first_text = False
            for k, (s, e) in enumerate(spans):
                cell = make_cell(norm, s, e, block.found)
                if k == 0:
                    first_text = bool(cell.text) and all(p.kind == "text" for p in cell.parts)
                    if first_text:
                        decl = declared_unit(cell.text)
                        rest = cell.text if decl is None else cell.text[:decl[1]] + cell.text[decl[2]:]
                        rest = rest.strip(" ：:，,")
                        first_text = bool(rest) and label_run(rest) is None
                    if piped and not cell.text and len(spans) > 1 and state.lead_stub:
                        continue
                in_row = state.mid_row()
                _cell(cell, state, added, dropped, piped)
                if cell.prose and not piped and not in_row:
                    # running text ends a table; a long cell inside a row (原因 …) does not
                    state = RowState()
            if piped and len(spans) > 1 and state.last == "header":
                state.lead_stub = first_text
    out: dict[int, list[Found]] = {}
    for block, added, dropped in work:
        kept = [f for f in block.found if id(f) not in dropped]
        out[block.index] = sorted(kept + added, key=lambda f: (f.start, f.end))
    return out


_YEAR = re.compile(r"(?:19[89]|20\d)\d")
_PUNCT_ONLY = " \t\u3000\u00a0，,。.、；;：:！!？?"
_TAIL = re.compile(r"(?<![0-9A-Za-z.])(?:0|[1-9]\d*)(?:\.\d+)?([万亿千]?)$")


def _wrapped_unit(norm: str, found: list[Found], following: str) -> Found | None:
    """A number ending a line whose unit opens the next line ("…73.72万" / "元…"), as PDFs wrap."""
    m = _TAIL.search(norm.rstrip())
    if m is None or any(f.end > m.start() for f in found):
        return None
    u = units()
    for unit in sorted(u.money, key=len, reverse=True):
        whole = m.group(1) + unit
        if following.startswith(unit) and whole in u.money:
            number = Decimal(m.group(0)[: len(m.group(0)) - len(m.group(1))])
            return Found("money", m.start(), m.end(), number * u.money[whole], unit=whole,
                         scale=u.money[whole], unit_from=whole)
    for sign, factor in u.percent.items():
        if following.startswith(sign) and not m.group(1):
            return Found("percent", m.start(), m.end(), Decimal(m.group(0)) * factor, unit=sign, scale=factor,
                         unit_from=sign)
    return None


def _cell(cell: Cell, state: RowState, added: list[Found], dropped: set[int], piped: bool) -> None:
    if piped and cell.parts and cell.parts[0].kind == "empty" and not cell.text:
        _advance(state)
        state.last = "value"
        return
    for part in cell.parts:
        _part(part, cell, state, added, dropped, piped)


def _advance(state: RowState, to: str | None = None) -> str | None:
    if not state.cols:
        return None
    if to is not None:
        if state.ptr < len(state.cols) and state.cols[state.ptr] == to:
            state.ptr += 1
            return to
        return None
    kind = state.cols[state.ptr] if state.ptr < len(state.cols) else None
    state.ptr += 1
    return kind


def _part(part: Part, cell: Cell, state: RowState, added: list[Found], dropped: set[int], piped: bool) -> None:
    if part.kind == "text":
        _text(part, cell, state)
        return
    if state.last == "header" and not (len(state.run) == 1 and state.run[0] in NUMERIC_KINDS):
        state.stub = False
    keyed = None
    if state.last == "header" and len(state.run) == 1 and state.run[0] in NUMERIC_KINDS:
        keyed = state.run[0]
        state.cols = state.prev_cols
    elif state.last == "header":
        state.ptr = 0
    if part.kind == "unit":
        if state.pending is not None:
            resolve(*state.pending, part.text)
            state.pending = None
        state.row_unit = part.text
        _advance(state, "unit")
    elif part.kind == "cmp":
        state.row_cmp = part.text
        _advance(state, "nature")
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
            kind = keyed or _advance(state)
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
    if run is None and state.last == "header" and (header_only(text) or (decl is not None and noted_money_label(text))):
        run = LabelRun(0, ("money",), len(text))  # under a declared unit a year column holds money
    if run is not None:
        cell.has_header = True
        starts_run = state.last != "header"
        if starts_run:
            state.prev_cols = state.cols
            state.cols, state.run = [], []
        kinds = run.kinds
        if decl is not None and kinds in (("actual",), ("target",)):
            kinds = ("money",)  # 完成值（万元）: the values below are money in the declared unit
        state.run.extend(kinds)
        state.cols = (state.cols or []) + [k for k in kinds if k != "label"]
        state.last = "header"
        if run.suffix_start < len(text) and text[run.suffix_start:].strip(" ：:，,"):
            _row_label(state)
            return
        # "年度预算数（万元）" opening a header may head the row-label column: decided by what follows
        if starts_run:
            state.stub = decl is not None and kinds == ("money",)
        return
    _row_label(state)


def _row_label(state: RowState) -> None:
    """A text cell that starts a row; a header's declaring first label then named the label column."""
    if state.stub and state.cols:
        state.cols.pop(0)
        if state.run:
            state.run.pop(0)
    state.stub = False
    state.new_row(after_index=True)
    state.last = "label"


def _number(part: Part, cell: Cell, state: RowState, added: list[Found], piped: bool, keyed: str | None) -> None:
    raw = part.text
    pct = raw[-1] if raw[-1] in "%‰" else ""
    digits = raw[:-1] if pct else raw
    well = bool(WELL.fullmatch(digits))
    remaining = state.cols[state.ptr:] if state.cols else []
    numeric = [(i, k) for i, k in enumerate(remaining) if k in NUMERIC_KINDS]
    fused_ctx = (not well) or (part.glued and not piped and len(numeric) >= 2 and keyed is None
                               and (cell.has_header or not cell.prose))
    if fused_ctx and numeric:
        pct_unit = state.row_unit in ("%", "‰") or bool(pct)
        parts = split_fused(digits, [k for _, k in numeric], state.row_known, pct_unit)
        if parts and pct and parts[-1][2] not in ("rate", "target", "actual"):
            parts = None
        if parts and well and len(parts) < 3 and not pct:
            # a number that reads well on its own is cut only when three or more columns need it
            parts = None
        if parts:
            last_i = 0
            for n, (s, e, kind) in enumerate(parts):
                end = e + (len(pct) if (pct and n == len(parts) - 1) else 0)
                text = raw[s:end]
                emit(kind, part.start + s, part.start + end, text, state, added, fused=True)
                last_i = numeric[n][0]
            state.ptr += last_i + 1
            return
    if not well:
        return
    positional = keyed is None and not (cell.prose and not cell.has_header)
    kind = keyed or (_advance(state) if positional else None)
    if (kind is None and state.unit is not None and not state.cols and not pct and cell.text == raw
            and not _YEAR.fullmatch(raw)):
        # no header says what the column holds: a number alone in its cell under a declared unit
        kind = "money"
    fused = part.glued and not piped
    found = emit(kind, part.start, part.end, raw, state, added, fused=fused)
    if positional and state.cols:
        state.placed.append(Placed(state.ptr - 1, part.start, part.end, raw, added, found, fused))


