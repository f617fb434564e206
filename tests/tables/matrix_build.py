"""Build the header-variant matrix: 绩效自评表 money blocks in the column habits of national, provincial
and transfer-payment forms, inside a short self-evaluation report, rendered as Word, PDF, pipe rows, one
cell per line and tab-separated rows.

A :class:`Case` knows what the table states (the money rows in yuan, the facts, the values of its
序号 / 年度 / count columns) so the test can compare docparse's reading with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pypdfium2
from reportlab.pdfbase.pdfmetrics import stringWidth

from corpus.generate.builder import ITEM_LEVELS, LEVELS
from corpus.generate.docx_writer import write_docx
from corpus.generate.model import Cell, Document, Para, Table
from corpus.generate.pdf_writer import LEFT, NO_LINE_START, PAGE_W, RIGHT, WQY, _font, write_pdf

WAN = Decimal(10000)
PLACEHOLDER = "—"
RENDERINGS = ("docx", "pdf", "pipe", "cells", "tabs")
SPLIT = "pdf-split"  # the PDF with the money block broken across a page (cases with the unit in a caption)
UNIT_MODES = ("caption", "header", "values")  # 单位：万元 above / 预算数（万元） per column / 100万元 per value
# modes "label" and "merged": the national form's 项目资金（万元） cell declares the block's unit, as the
# row-label column's header or as a first column merged down the whole block
BLOCK_LABEL = "项目资金（万元）"
# mode "group": a first header row groups the money columns under one label that declares their unit
GROUP_LABEL = "预算执行情况（万元）"
# mode "yuan": 单位：元 above a table printing yuan with thousands separators (1,080,000.00)
SPAN_LEFT = "←"  # a grid slot covered by the cell on its left (a merge across columns)
MONEY_ROLES = ("budget", "adjusted_budget", "spent")
ROW_FIELDS = ("budget", "adjusted_budget", "spent", "weight", "rate", "score")
NEVER_MONEY = ("serial", "year", "count")


@dataclass(frozen=True)
class Column:
    """A header label as a form prints it and the role its numbers have."""

    label: str
    role: str  # budget, adjusted_budget, spent, weight, rate, score, serial, year, count


@dataclass(frozen=True)
class Form:
    """A money block's header: the row-label column's header and the columns after it, in order."""

    id: str
    columns: tuple[Column, ...]
    label_header: str = "项目"
    serial_first: bool = False  # a 序号 column before the row labels

    def roles(self) -> set[str]:
        return {c.role for c in self.columns}


def _form(id_: str, labels: str, label_header: str = "项目", serial_first: bool = False) -> Form:
    """``labels`` as "年初预算数:budget 全年执行数:spent …"."""
    cols = tuple(Column(*item.split(":")) for item in labels.split())
    return Form(id_, cols, label_header, serial_first)


FORMS: tuple[Form, ...] = (
    # national MoF form (财预〔2020〕10号): 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
    _form("national", "年初预算数:budget 全年预算数:adjusted_budget 全年执行数:spent 分值:weight 执行率:rate "
          "得分:score"),
    _form("national-short", "年初预算:budget 全年预算数:adjusted_budget 全年执行数:spent 分值:weight 执行率:rate "
          "得分:score"),
    # provincial forms
    _form("provincial", "年初预算:budget 调整后预算数:adjusted_budget 预算执行数:spent 预算执行率:rate", "资金来源"),
    _form("provincial-rate-first", "年初预算数:budget 调整预算数:adjusted_budget 实际支出数:spent 执行率:rate "
          "分值:weight 得分:score"),
    _form("provincial-adjusted", "年初预算数:budget 调整后预算数:adjusted_budget 全年执行数:spent 分值:weight "
          "执行率:rate 得分:score"),
    # transfer-payment forms with (A)/(B)/(B/A) marks
    _form("transfer", "全年预算数（A）:adjusted_budget 全年执行数（B）:spent 执行率（B/A）:rate", "资金来源"),
    _form("transfer-scored", "全年预算数（A）:adjusted_budget 全年执行数（B）:spent 执行率（B/A）:rate 分值:weight "
          "得分:score"),
    _form("transfer-initial", "年初预算数:budget 全年预算数（A）:adjusted_budget 全年执行数（B）:spent 分值:weight "
          "执行率（B/A）:rate 得分:score"),
    # without an adjusted column
    _form("no-adjusted", "年初预算数:budget 执行数:spent 执行率:rate"),
    _form("final-accounts", "年初预算数:budget 决算数:spent 分值:weight 执行率:rate 得分:score"),
    # two budget-like columns side by side: 批复预算数 next to 年初预算数 is the approved full-year budget
    # (the rate is 执行数 ÷ 批复预算数), so it is the adjusted budget whatever stands beside it
    _form("approved-beside-initial", "年初预算数:budget 批复预算数:adjusted_budget 全年执行数:spent 分值:weight "
          "执行率:rate 得分:score"),
    # 序号 / 年度 / count columns beside the money
    _form("serial", "年初预算数:budget 调整后预算数:adjusted_budget 预算执行数:spent 执行率:rate", serial_first=True),
    _form("year", "年度:year 年初预算数:budget 全年预算数:adjusted_budget 全年执行数:spent 执行率:rate"),
    _form("count", "年初预算数:budget 全年预算数:adjusted_budget 全年执行数:spent 执行率:rate 项目个数（个）:count"),
)


@dataclass(frozen=True)
class Figures:
    """One consistent (or deliberately inconsistent) set of figures, in 万元 as printed.

    ``rows`` are (label, initial budget, full-year budget, spent) for 年度资金总额 and its sources; a form
    without an adjusted column prints the full-year budget as its only budget. ``rate``, ``weight`` and
    ``score`` stand in the total row only.
    """

    id: str
    rows: tuple[tuple[str, str, str, str], ...]
    rate: str
    weight: str
    score: str
    consistent: bool = True
    counts: tuple[str, ...] = ("5", "3", "2")


FIGURES: tuple[Figures, ...] = (
    Figures("100-120-108", (("年度资金总额", "100", "120", "108"), ("其中：财政拨款", "80", "100", "90"),
                            ("其他资金", "20", "20", "18")), "90%", "10", "9"),
    Figures("50-47.5", (("年度资金总额", "50", "50", "47.5"), ("其中：财政拨款", "40", "40", "38"),
                        ("其他资金", "10", "10", "9.5")), "95%", "10", "9.5", counts=("7", "4", "3")),
    Figures("236.8-250-237.5", (("年度资金总额", "236.80", "250.00", "237.50"),
                                ("其中：财政拨款", "200.00", "210.00", "199.50"),
                                ("其他资金", "36.80", "40.00", "38.00")), "95.00%", "20", "19",
            counts=("11", "6", "5")),
)
# the rate stated 100% where 108 ÷ 120 = 90% (the score follows the stated rate, so only the rate is wrong)
WRONG_RATE = Figures("rate-100-of-108-120", FIGURES[0].rows, "100%", "10", "10", consistent=False)

# a breakdown table whose only unit is one column's header: 资金量（万元） governs that column only
DETAIL_HEADER = ("序号", "建设内容", "年度", "资金量（万元）", "完成数量（个）", "受益人数（人）")
DETAIL_ROWS = (("1", "田间道路硬化", "2023", "46.5", "12", "860"),
               ("2", "灌溉渠道整修", "2023", "38", "9", "540"),
               ("3", "机耕桥涵建设", "2023", "23.5", "6", "310"))
DETAIL_MONEY_COL = 3
DETAIL_NEVER_MONEY_COLS = (0, 2, 4, 5)

OFFICES = (
    ("临川县农业农村局", "高标准农田建设"),
    ("青溪县卫生健康委员会", "基层医疗机构能力提升"),
    ("河东区教育体育局", "义务教育学校校舍维修"),
    ("南山县水利局", "农村饮水安全巩固提升"),
)


@dataclass(frozen=True)
class Expected:
    """What the report states, in docparse's terms (yuan for money, percent numbers for rates)."""

    money_rows: tuple[tuple[str | Decimal | None, ...], ...]  # name, then ROW_FIELDS
    facts: dict[str, Decimal | None]
    money_values: tuple[Decimal, ...]  # every money amount the report prints, sorted
    percent_values: tuple[Decimal, ...]  # every percent it prints (the 执行率 cells), sorted
    never_money: tuple[Decimal, ...]  # numbers of 序号 / 年度 / count columns


@dataclass(frozen=True)
class Case:
    """One money-block variant in one unit habit, optionally with the breakdown table before it."""

    form: Form
    figures: Figures
    unit: str  # caption, header, values, label, merged, group, yuan
    detail: bool = False
    office: int = 0

    @property
    def id(self) -> str:
        detail = "+detail" if self.detail else ""
        return f"{self.form.id}/{self.figures.id}/unit-{self.unit}{detail}"

    # --- the table as printed -------------------------------------------------------------

    def header(self) -> list[str]:
        cells = ["序号"] if self.form.serial_first else []
        cells.append(BLOCK_LABEL if self.unit == "label" else "" if self.unit == "merged" else self.form.label_header)
        for col in self.form.columns:
            money = col.role in MONEY_ROLES
            cells.append(col.label + ("（万元）" if money and self.unit == "header" else ""))
        return cells

    def grid(self) -> list[list[str | None]]:
        """The money block as a grid (``None`` marks a slot a merge from above covers, ``SPAN_LEFT`` one a
        merge from the left covers). "merged": a first column 项目资金（万元） spans every row and the
        row-label column has an empty header; "group": a two-row header whose first row groups the money
        columns under 预算执行情况（万元）, the other labels spanning both rows."""
        header: list[str | None] = [*self.header()]
        rows: list[list[str | None]] = [header, *([*row] for row in self.body())]
        if self.unit == "merged":
            rows = [[BLOCK_LABEL if r == 0 else None, *row] for r, row in enumerate(rows)]
        elif self.unit == "group":
            lead = len(header) - len(self.form.columns)
            money = [lead + i for i, col in enumerate(self.form.columns) if col.role in MONEY_ROLES]
            assert money == list(range(money[0], money[-1] + 1)), "the grouped money columns stand together"
            top = [GROUP_LABEL if c == money[0] else SPAN_LEFT if c in money else text
                   for c, text in enumerate(header)]
            under = [text if c in money else None for c, text in enumerate(header)]
            rows = [top, under, *rows[1:]]
        return rows

    def printed_header(self) -> str:
        """The money block's header rows as printed ("a | b / c | d"), for failure messages."""
        grid = self.grid()
        body = next(r for r, row in enumerate(grid) if self.figures.rows[0][0] in row)
        return " / ".join(" | ".join(c for c in row if c and c != SPAN_LEFT) for row in grid[:body])

    def _figure(self, col: Column, r: int) -> str:
        _label, initial, final, spent = self.figures.rows[r]
        has_adjusted = "adjusted_budget" in self.form.roles()
        if col.role == "budget":
            text = initial if has_adjusted else final
        elif col.role == "adjusted_budget":
            text = final
        elif col.role == "spent":
            text = spent
        elif col.role == "year":
            return "2023"
        elif col.role == "count":
            return self.figures.counts[r]
        elif r > 0:
            return PLACEHOLDER  # 分值 / 执行率 / 得分 stand in the total row only
        else:
            return {"rate": self.figures.rate, "weight": self.figures.weight, "score": self.figures.score}[col.role]
        if self.unit == "yuan":
            return f"{Decimal(text) * WAN:,.2f}"  # 1,080,000.00 under 单位：元
        return text + ("万元" if self.unit == "values" else "")

    def body(self) -> list[list[str]]:
        out = []
        for r, (label, *_rest) in enumerate(self.figures.rows):
            cells = [str(r + 1)] if self.form.serial_first else []
            cells.append(label)
            cells += [self._figure(col, r) for col in self.form.columns]
            out.append(cells)
        return out

    # --- what docparse must read --------------------------------------------------------------

    def expected(self) -> Expected:
        rows = []
        values: list[Decimal] = []
        for r, (label, *_rest) in enumerate(self.figures.rows):
            got: dict[str, Decimal | None] = dict.fromkeys(ROW_FIELDS)
            for col in self.form.columns:
                text = self._figure(col, r).removesuffix("万元")
                if text == PLACEHOLDER or col.role in NEVER_MONEY:
                    continue
                if col.role in MONEY_ROLES:
                    yuan = Decimal(text.replace(",", "")) * (1 if self.unit == "yuan" else WAN)
                    got[col.role] = yuan
                    values.append(yuan)
                else:
                    got[col.role] = Decimal(text.removesuffix("%"))
            rows.append((label.removeprefix("其中："), *(got[f] for f in ROW_FIELDS)))
        total = rows[0]
        facts = {"budget": total[1], "adjusted_budget": total[2], "spent": total[3], "execution_rate": total[5]}
        percents = sorted(row[5] for row in rows if row[5] is not None)
        never: list[Decimal] = []
        if self.form.serial_first:
            never += [Decimal(r + 1) for r in range(len(self.figures.rows))]
        for col in self.form.columns:
            if col.role in NEVER_MONEY:
                never += [Decimal(self._figure(col, r)) for r in range(len(self.figures.rows))]
        if self.detail:
            values += [Decimal(row[DETAIL_MONEY_COL]) * WAN for row in DETAIL_ROWS]
            never += [Decimal(row[c]) for row in DETAIL_ROWS for c in DETAIL_NEVER_MONEY_COLS]
        return Expected(tuple(rows), facts, tuple(sorted(values)), tuple(percents), tuple(sorted(set(never))))

    # --- the report around it ---------------------------------------------------------------

    def blocks(self, filler: int = 0) -> list[tuple[str, str | list[list[str | None]]]]:
        """The report as (kind, content): title, heading, body, caption, unit (a right-aligned line), table;
        ``filler`` more one-line paragraphs of work done push the table down the page."""
        office, project = OFFICES[self.office % len(OFFICES)]
        out: list[tuple[str, str | list[list[str | None]]]] = [
            ("title", f"{office}2023年度{project}项目支出绩效自评报告"),
            ("heading", "一、项目基本情况"),
            ("body", f"本项目由{office}组织实施，计划财务股负责资金的拨付与核算，项目所在乡镇负责现场管理。"),
            *(("body", _filler(i)) for i in range(filler)),
            ("heading", "二、项目资金使用情况"),
            ("body", "项目资金由财政拨款和其他资金组成，按工程进度分批拨付，收支金额详见下文的绩效自评表。"),
        ]
        if self.detail:
            out += [("body", "项目建设内容及资金安排明细如下："),
                    ("table", [[*DETAIL_HEADER], *([*row] for row in DETAIL_ROWS)])]
        out += [("heading", "三、项目绩效自评表"), ("caption", "项目支出绩效自评表")]
        if self.unit in ("caption", "yuan"):
            out.append(("unit", "单位：万元" if self.unit == "caption" else "单位：元"))
        out += [("table", self.grid()),
                ("heading", "四、存在的问题"),
                ("body", "个别标段竣工资料整理滞后，报账凭证归集不够及时，影响了资金结算的节奏。"),
                ("heading", "五、下一步改进措施"),
                ("body", "建立月度调度机制，督促施工单位按期报送资料，财务人员跟进核算，确保项目资金及时结算。")]
        return out


TOWNS = ("东关镇", "西岭乡", "南塘镇", "北坪乡", "石桥镇", "柳湾乡", "青石镇", "梅岭乡", "白沙镇", "枫林乡")
WORKS = ("完成了田间道路整修，质量经监理现场核实。", "完成了沟渠清淤，施工记录已归档备查。",
         "完成了泵站设备更换，试运行情况良好。", "完成了档案整理，验收资料齐全。")


def _filler(i: int) -> str:
    return TOWNS[i % len(TOWNS)] + WORKS[i // len(TOWNS) % len(WORKS)]


def cases() -> list[Case]:
    """Every form in every unit habit (figure sets in rotation); a few forms with the unit in the label cell,
    in a first column merged down the block, in a grouping first header row or as yuan (单位：元,
    1,080,000.00); the breakdown table before a few; and the wrong rate in national, provincial and
    transfer forms."""
    out = []
    for f, form in enumerate(FORMS):
        for u, unit in enumerate(UNIT_MODES):
            out.append(Case(form, FIGURES[(f + u) % len(FIGURES)], unit, office=f + u))
    by_id = {form.id: form for form in FORMS}
    out += [Case(by_id[name], FIGURES[i % len(FIGURES)], "label", office=i)
            for i, name in enumerate(("national", "transfer-scored", "serial", "count"))]
    out += [Case(by_id[name], FIGURES[(i + 1) % len(FIGURES)], "merged", office=i)
            for i, name in enumerate(("national", "provincial", "transfer-initial", "approved-beside-initial"))]
    out += [Case(by_id[name], FIGURES[i % len(FIGURES)], "yuan", office=i)
            for i, name in enumerate(("national", "provincial", "transfer-scored", "serial", "year"))]
    out += [Case(by_id[name], FIGURES[(i + 2) % len(FIGURES)], "group", office=i)
            for i, name in enumerate(("national", "provincial-rate-first", "transfer-initial",
                                      "approved-beside-initial", "count"))]
    out += [Case(by_id["national"], FIGURES[0], "caption", detail=True, office=1),
            Case(by_id["provincial"], FIGURES[1], "header", detail=True, office=2),
            Case(by_id["transfer"], FIGURES[2], "values", detail=True, office=3)]
    out += [Case(by_id[name], WRONG_RATE, "caption", office=i)
            for i, name in enumerate(("national", "provincial", "transfer-scored", "approved-beside-initial"))]
    return out


# --- renderings -------------------------------------------------------------------------------------

def renderings(case: Case) -> tuple[str, ...]:
    """Word, PDF, pipe rows, one cell per line, tab-separated rows; and the PDF broken across a page where a
    caption gives the unit (a caption left on the first page must still govern the rows continued on the
    next)."""
    return (*RENDERINGS, SPLIT) if case.unit == "caption" and not case.detail else RENDERINGS


def pipe_text(case: Case) -> str:
    """Each table row as "a | b | c |", one row a line (a merged cell once, where it starts)."""
    lines = []
    for kind, content in case.blocks():
        if kind == "table":
            assert isinstance(content, list)
            lines += [" | ".join(c for c in row if c is not None and c != SPAN_LEFT) + " |" for row in content]
        else:
            lines.append(str(content))
    return "\n".join(lines) + "\n"


def tab_text(case: Case) -> str:
    """Each table row as its cells separated by tabs (a table pasted out of a spreadsheet; an empty cell
    keeps its place between two tabs)."""
    lines = []
    for kind, content in case.blocks():
        if kind == "table":
            assert isinstance(content, list)
            lines += ["\t".join(c for c in row if c is not None and c != SPAN_LEFT) for row in content]
        else:
            lines.append(str(content))
    return "\n".join(lines) + "\n"


def cell_lines_text(case: Case) -> str:
    """Each table cell on a line of its own, blank lines between the cells (a table copied out of a PDF;
    empty cells and the slots a merge covers leave no line)."""
    lines: list[str] = []
    for kind, content in case.blocks():
        if kind == "table":
            assert isinstance(content, list)
            lines += ["\n\n".join(cell for row in content for cell in row if cell and cell != SPAN_LEFT), ""]
        else:
            lines.append(str(content))
    return "\n".join(lines) + "\n"


PDF_OPTIONS = {"pdf": "reportlab-ttf" if Path(WQY).is_file() else "reportlab"}
CELL_SIZE, CELL_PAD = 9.0, 3.0  # the PDF writer's table font size and cell padding


def _overflows(text: str, width: float, font: str) -> bool:
    """Whether the PDF writer's greedy wrap (no line starting with ）%, …) lets a line of ``text`` run past
    the cell's edge; a PDF from Word would never draw a glyph across a rule, so the matrix must not."""
    limit, cur, start = width - 2 * CELL_PAD, 0.0, 0
    for i, ch in enumerate(text):
        w = stringWidth(ch, font, CELL_SIZE)
        if cur + w > limit and i > start and ch not in NO_LINE_START:
            start, cur = i, 0.0
        cur += w
        if cur > width - CELL_PAD:
            return True
    return False


def _widths(content: list[list[str | None]]) -> list[float]:
    """Relative column widths: the label column wide, the others equal, each widened until no cell's text
    runs over its rule in the PDF."""
    label = 1 if content[0][0] == "序号" or (content[0][0] == BLOCK_LABEL and content[1][0] is None) else 0
    widths = [0.7 if c < label else 2.4 if c == label else 1.2 for c in range(len(content[0]))]
    font = _font(PDF_OPTIONS)
    avail = PAGE_W - LEFT - RIGHT
    for _ in range(100):
        points = [w * avail / sum(widths) for w in widths]
        tight = [c for c, w in enumerate(points) if any(
            _overflows(row[c] or "", w, font) for row in content if c + 1 == len(row) or row[c + 1] != SPAN_LEFT)]
        if not tight:
            return widths
        for c in tight:
            widths[c] += 0.1
    raise ValueError(f"no column widths fit {content[0]}")


def _merged(content: list[list[str | None]]) -> list[list[Cell | None]]:
    """Generator cells; a cell spans down over the ``None`` slots below it and right over ``SPAN_LEFT``."""
    rows: list[list[Cell | None]] = []
    for r, row in enumerate(content):
        cells: list[Cell | None] = []
        for c, text in enumerate(row):
            if text is None or text == SPAN_LEFT:
                cells.append(None)
                continue
            down = across = 1
            while r + down < len(content) and content[r + down][c] is None:
                down += 1
            while c + across < len(row) and row[c + across] == SPAN_LEFT:
                across += 1
            cells.append(Cell([text], rowspan=down, colspan=across, bold=r == 0))
        rows.append(cells)
    return rows


def _generator_document(case: Case, filler: int = 0) -> Document:
    doc = Document(meta={"levels": LEVELS["standard"], "item_level": ITEM_LEVELS["standard"]})
    for kind, content in case.blocks(filler):
        if kind == "table":
            assert isinstance(content, list)
            doc.blocks.append(Table(_merged(content), header_rows=1, widths=_widths(content)))
        elif kind == "title":
            doc.blocks.append(Para([content], role="title", align="center"))
        elif kind == "heading":
            doc.blocks.append(Para([content], role="heading", level=1))
        elif kind in ("caption", "unit"):
            doc.blocks.append(Para([content], role="caption", align="center" if kind == "caption" else "right"))
        else:
            doc.blocks.append(Para([content], role="body"))
    return doc


def write_word(case: Case, path: Path) -> Path:
    """A .docx with a true Word table (python-docx, through the corpus generator's writer)."""
    write_docx(_generator_document(case), path, {"headings": "typed", "font": "宋体"}, 0)
    return path


def write_pdf_file(case: Case, path: Path) -> Path:
    """A PDF with a ruled table (reportlab, through the corpus generator's writer, WenQuanYi embedded where
    installed, else Adobe's STSong-Light)."""
    write_pdf(_generator_document(case), path, PDF_OPTIONS, 0, {"furniture": []})
    return path


def _page_tokens(path: Path) -> list[set[str]]:
    """The whitespace-separated words of each PDF page (a table row's cells come out as words)."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [set(page.get_textpage().get_text_range().split()) for page in pdf]
    finally:
        pdf.close()


def write_split_pdf(case: Case, path: Path) -> Path:
    """The PDF with the money block broken across a page: as little prose pushed in before it as makes its
    last row start the next page, the 年度资金总额 row staying on the first (the header is not repeated)."""
    total, last = case.figures.rows[0][0], case.figures.rows[-1][0]

    def moved(k: int) -> bool:
        write_pdf(_generator_document(case, k), path, PDF_OPTIONS, 0, {"furniture": []})
        return last not in _page_tokens(path)[0]

    low, high = 0, 80
    while low < high:  # the least filler that moves the last row off the first page
        mid = (low + high) // 2
        low, high = (low, mid) if moved(mid) else (mid + 1, high)
    moved(low)
    pages = _page_tokens(path)
    if len(pages) < 2 or total not in pages[0] or last not in pages[1]:
        raise ValueError(f"{case.id}: no filler breaks the table across a page")
    return path


@dataclass
class Rendered:
    """A case rendered one way: a file to parse or a text to parse."""

    case: Case
    rendering: str
    path: Path | None = None
    text: str | None = None


def render(case: Case, rendering: str, folder: Path) -> Rendered:
    name = case.id.replace("/", "_")
    if rendering == "docx":
        return Rendered(case, rendering, path=write_word(case, folder / f"{name}.docx"))
    if rendering == "pdf":
        return Rendered(case, rendering, path=write_pdf_file(case, folder / f"{name}.pdf"))
    if rendering == "pdf-split":
        return Rendered(case, rendering, path=write_split_pdf(case, folder / f"{name}.split.pdf"))
    if rendering == "pipe":
        return Rendered(case, rendering, text=pipe_text(case))
    if rendering == "tabs":
        return Rendered(case, rendering, text=tab_text(case))
    if rendering == "cells":
        return Rendered(case, rendering, text=cell_lines_text(case))
    raise ValueError(rendering)
