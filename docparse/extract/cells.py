"""Table cells for the self-evaluation table reader, from true grids or from flattened text.

A real table block gives rows of cells directly. A text file holds the same table flattened:
one cell per line (``"238.93 |"``), a row per line with cells split by spaces or pipes, or
cells glued together ("年度资金总额:40004000100%"). :func:`text_cells` turns such lines into a
stream of :class:`CellRef` with character provenance; :func:`split_fused` takes a glued run of
numbers apart using the table's arithmetic (spent / budget = rate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from docparse.extract.values import normalise, to_decimal
from docparse.extract.vocab import simplified
from docparse.model.document import Block, Provenance


@dataclass(slots=True)
class CellRef:
    """One cell's text and where it stands; ``row`` is the grid row when the source has rows."""

    text: str
    provenance: Provenance
    row: int | None = None
    col: int | None = None
    covered: bool = False  # a slot covered by a merge (its text repeats the anchor's)
    solo: bool = False  # the only cell of a pipe-terminated line (empty cells then survive)
    siblings: int = 1  # how many cells the line this cell came from holds

    @property
    def clean(self) -> str:
        """The text without whitespace, pipes and trailing colons, in simplified characters, for matching
        header words."""
        return re.sub(r"[\s|]+", "", simplified(normalise(self.text))).rstrip(":")

    def part(self, start: int, end: int) -> CellRef:
        """The sub-cell ``start:end`` of this cell's text, with narrowed provenance."""
        p = self.provenance
        base = p.start or 0
        sub = Provenance(page=p.page, bbox=p.bbox, paragraph=p.paragraph, table=p.table, row=p.row,
                         col=p.col, line=p.line, block=p.block, start=base + start, end=base + end)
        return CellRef(self.text[start:end], sub, self.row, self.col, self.covered, self.solo, self.siblings)


def grid_rows(block: Block) -> list[list[CellRef]]:
    """A table block's rows, one :class:`CellRef` per grid slot (merged text repeated, ``covered`` set)."""
    table = block.table
    if table is None:
        return []
    anchors = {(c.row, c.col): c for c in table.cells}
    filled = table.filled_grid()
    rows: list[list[CellRef]] = []
    for r in range(table.n_rows):
        row: list[CellRef] = []
        for c in range(table.n_cols):
            cell = anchors.get((r, c))
            if cell is not None:
                p = cell.provenance
                prov = Provenance(page=p.page, bbox=p.bbox, paragraph=p.paragraph,
                                  table=p.table, row=r if p.row is None else p.row,
                                  col=c if p.col is None else p.col, line=p.line, block=block.index,
                                  start=p.start, end=p.end)
                row.append(CellRef(cell.text, prov, r, c))
            else:
                prov = Provenance(table=block.provenance.table, row=r, col=c, block=block.index,
                                  page=block.provenance.page)
                row.append(CellRef(filled[r][c], prov, r, c, covered=True))
        rows.append(row)
    return rows


_PIPE_LINE = re.compile(r"(^\|$)|(\s\|$)|(\s\|\s)")


def _split_spans(text: str, sep: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    pattern = re.compile(r"\s*\|\s*" if sep == "|" else r"\s+")
    for m in pattern.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def text_cells(blocks: list[Block]) -> list[CellRef]:
    """Paragraph blocks (lines of a text file) as a stream of cells in reading order.

    A line with pipes is split at them (an empty line-cell ``"|"`` stays an empty cell); a line
    of several space-separated pieces is split at the spaces; any other line is one cell.
    """
    out: list[CellRef] = []
    for block in blocks:
        if block.kind != "paragraph" or not block.is_body:
            continue
        text = block.text
        base = block.provenance
        solo = False
        if _PIPE_LINE.search(text):
            spans = _split_spans(text, "|")
            if text.rstrip().endswith("|"):
                spans = spans[:-1] or [(0, 0)]
                solo = len(spans) == 1
        elif re.search(r"\S\s+\S", text):
            spans = _split_spans(text, " ")
        else:
            spans = [(0, len(text))]
        for start, end in spans:
            seg = text[start:end]
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            prov = Provenance(line=base.line, paragraph=base.paragraph, page=base.page,
                              block=block.index, start=start + lead, end=start + lead + len(seg))
            out.append(CellRef(seg, prov, row=None, solo=solo, siblings=len(spans)))
    return out


# A number as it may stand glued to others: no grouping commas, optional unit or percent.
# A leading "." marks a number whose leading digits were lost in the published text (".32").
_TOKEN = re.compile(r"\.\d+|\d+(?:\.\d+)?(?:万元|亿元|元|%)?")
_MONEY_ROLES = ("budget", "adjusted_budget", "spent")


def _tokenisations(blob: str, n: int) -> list[list[str]]:
    """Ways to cut ``blob`` into ``n`` numbers (units/percent kept), no number with a leading zero."""
    if n == 1:
        return [[blob]] if _TOKEN.fullmatch(blob) and not re.match(r"0\d", blob) else []
    if len(blob) > 24:
        return []
    out = []
    for i in range(1, len(blob)):
        head = blob[:i]
        if not _TOKEN.fullmatch(head) or re.match(r"0\d", head):
            continue
        for rest in _tokenisations(blob[i:], n - 1):
            out.append([head, *rest])
    return out


def _plain(token: str) -> Decimal | None:
    return to_decimal(re.sub(r"[^\d.]", "", token))


def _cost(tokens: list[str], roles: list[str]) -> Decimal:
    """How implausible a cut is: rate off spent/budget, rates not ending in %, scores above weights."""
    by_role = dict(zip(roles, tokens, strict=False))
    cost = Decimal(0)
    damaged_run = bool(tokens) and tokens[0].startswith(".")
    for role, token in by_role.items():
        if token.startswith("."):
            cost += 1 if role in _MONEY_ROLES else 1000  # only amounts lose digits in practice
        elif damaged_run and role in _MONEY_ROLES:
            cost += 5  # digits are lost from every amount of a damaged run, not from some
    whole = {role: t for role, t in by_role.items() if not t.startswith(".")}
    rate_tok = whole.get("rate")
    if rate_tok is not None:
        if not rate_tok.endswith("%"):
            cost += 50
        rate = _plain(rate_tok)
        spent = _plain(whole["spent"]) if "spent" in whole else None
        base = None
        for key in ("adjusted_budget", "budget"):
            if key in whole:
                base = _plain(whole[key])
                break
        if rate is not None and spent is not None and base:
            cost += abs(spent / base * 100 - rate)
        elif rate is not None and rate > 100:
            cost += 100
    for role, token in by_role.items():
        if role != "rate" and token.endswith("%"):
            cost += 100
        decimals = len(token.split(".")[1].rstrip("%万元亿")) if "." in token else 0
        cost += Decimal(max(0, decimals - 2)) / 10
    weight, score = whole.get("weight"), whole.get("score")
    if weight is not None and score is not None:
        w, s = _plain(weight), _plain(score)
        if w is not None and s is not None and (s > w or w > 100):
            cost += 100
        r = _plain(rate_tok) if rate_tok is not None else None
        if w is not None and s is not None and r is not None:
            cost += abs(s - w * r / 100) * 10  # 得分 = 分值 × 执行率
    return cost


def split_fused(blob: str, roles: list[str]) -> list[str] | None:
    """Cut a run of glued numbers into one value per role, the most plausible cut first.

    ``"40004000100%"`` with roles (adjusted_budget, spent, rate) → ``["4000", "4000", "100%"]``.
    Fewer values than roles are tried too (trailing cells may be empty). ``None`` when no cut fits.
    """
    blob = normalise(blob).replace(" ", "")
    if not blob or len(blob) > 40:
        return None
    best: tuple[Decimal, list[str]] | None = None
    for n in range(len(roles), 0, -1):
        for cut in _tokenisations(blob, n):
            cost = _cost(cut, roles[:n]) + 3 * (len(roles) - n)  # trailing cells left empty
            if best is None or cost < best[0]:
                best = (cost, cut)
    return best[1] if best else None


def split_equal_halves(digits: str) -> tuple[str, str] | None:
    """``"2020"`` → ("20", "20"): a weight and a full-marks score glued together."""
    if len(digits) % 2 == 0 and len(digits) >= 2 and digits[: len(digits) // 2] == digits[len(digits) // 2:]:
        half = digits[: len(digits) // 2]
        if not re.match(r"0\d", half):
            return half, half
    return None
