"""Small Word files written for the reader tests: automatic numbering, merged cells, furniture.

Texts are made up for the tests. ``EXPECTED_*`` hold what Word displays for the generated file.
"""

from __future__ import annotations

from pathlib import Path

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# abstractNum 1: 一、 / （一） / 1. / （1）; abstractNum 2: 甲. / １． ; num 3 restarts list 1 at 1.
NUMBERING_XML = f"""<w:numbering {W_NS}>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="%2．"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:suff w:val="nothing"/>
  <w:lvlText w:val="第%1章"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/>
 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="3"/>
 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>
</w:numbering>"""

HEADER_TEXT = "示例县财政局绩效评价文件"
FOOTER_TEXT = "内部资料"

# (numId, ilvl or None, text, bold) — numId None: plain paragraph
PARAGRAPHS: list[tuple[str | None, int | None, str]] = [
    (None, None, "示例项目2023年度绩效自评报告"),
    ("1", 0, "基本情况"),
    ("1", 1, "项目概况"),
    (None, None, "本项目年初预算安排资金为128.5万元，实际到位资金为128.5万元，到位率为100%。"),
    ("1", 2, "资金来源清晰。"),
    ("1", 2, "资金使用规范。"),
    ("1", 3, "专款专用。"),
    ("1", 1, "绩效目标"),
    ("1", 2, "完成道路维护36处。"),
    ("1", 0, "资金使用情况"),
    ("1", 1, "预算执行情况"),
    ("2", 0, "甲类支出"),
    ("2", 1, "人员经费"),
    ("2", 1, "公用经费"),
    ("2", 0, "乙类支出"),
    ("1", 0, "存在的问题"),
    ("3", 0, "附件说明"),
    ("4", 0, "补充材料"),
    ("4", 0, "其他事项"),
]

EXPECTED_PARAGRAPHS = [
    "示例项目2023年度绩效自评报告",
    "一、基本情况",
    "（一）项目概况",
    "本项目年初预算安排资金为128.5万元，实际到位资金为128.5万元，到位率为100%。",
    "1.资金来源清晰。",
    "2.资金使用规范。",
    "（1）专款专用。",
    "（二）绩效目标",
    "1.完成道路维护36处。",
    "二、资金使用情况",
    "（一）预算执行情况",
    "甲.甲类支出",
    "１．人员经费",
    "２．公用经费",
    "乙.乙类支出",
    "三、存在的问题",
    "一、附件说明",
    "第十一章补充材料",
    "第十二章其他事项",
]

# A 4 × 4 grid: row 0 header, "产出指标" spans rows 1-2 in col 0, row 3 cols 0-1 merged.
TABLE_ROWS = [
    ["一级指标", "二级指标", "指标值", "得分"],
    ["产出指标", "数量指标", "≥36处", "20"],
    [None, "质量指标", "合格率100%", "20"],
    ["合计", None, "", "40"],
]
TEXTBOX_TEXT = "文本框中的说明"


def _set_numbering(document, xml: str) -> None:
    from docx.oxml import parse_xml

    part = document.part.numbering_part
    part._element = parse_xml(xml)


def _numbered(paragraph, num_id: str, ilvl: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def _textbox_run(paragraph, text: str) -> None:
    from docx.oxml import parse_xml

    xml = (
        f'<w:r {W_NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        '<v:shape style="width:120pt;height:30pt"><v:textbox><w:txbxContent>'
        f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
    )
    paragraph._p.append(parse_xml(xml))


def build_docx(path: Path, textbox: bool = True) -> Path:
    """The sample report as .docx: numbered headings, a merged table, header and footer."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    _set_numbering(document, NUMBERING_XML)
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    section.footer.paragraphs[0].text = FOOTER_TEXT
    for i, (num_id, ilvl, text) in enumerate(PARAGRAPHS):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if i == 0:
            run.bold = True
            run.font.size = Pt(18)
        if num_id is not None:
            _numbered(paragraph, num_id, ilvl or 0)
            if ilvl == 0:
                run.bold = True
        if i == 3:
            table = document.add_table(rows=4, cols=4)
            table.style = "Table Grid"
            for r, row in enumerate(TABLE_ROWS):
                for c, value in enumerate(row):
                    if value:
                        table.cell(r, c).text = value
            table.cell(1, 0).merge(table.cell(2, 0))
            table.cell(3, 0).merge(table.cell(3, 1))
    if textbox:
        _textbox_run(document.paragraphs[-1], TEXTBOX_TEXT)
    document.save(str(path))
    return path


def convert(path: Path, out_dir: Path, target: str, timeout: float = 180) -> Path:
    """Convert with LibreOffice (``target`` pdf or doc) into ``out_dir``; the whole process group
    is killed on timeout."""
    import os
    import signal
    import subprocess
    import uuid

    profile = Path(f"/tmp/docparse-test-lo-{os.getpid()}-{uuid.uuid4().hex}")
    proc = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
         "--outdir", str(out_dir), str(path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    finally:
        import shutil

        shutil.rmtree(profile, ignore_errors=True)
    return out_dir / f"{path.stem}.{target.split(':')[0]}"


# ---- a longer report: several pages, running header and page-number footer, a long table -------

LONG_HEADER = "示例县农业农村局"
_PLACES = ["东区", "西区", "南岗", "北湾", "河口", "山前", "新城", "老街"]
_WORKS = ["道路维护", "渠道清淤", "路灯更换", "绿化补植", "校舍修缮", "管网改造"]


def long_paragraphs(n: int, seed: int = 7) -> list[str]:
    """Made-up body sentences with amounts, rates and counts (deterministic)."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        place, work = rng.choice(_PLACES), rng.choice(_WORKS)
        amount = f"{rng.randint(1, 999)}.{rng.randint(1, 9)}万元"
        rate = f"{rng.randint(80, 100)}.{rng.randint(10, 99)}%"
        count = f"{rng.randint(2, 300)}处"
        parts = [f"{place}{work}项目第{i + 1}批次安排资金{amount}，完成{count}，资金执行率为{rate}。"]
        for _ in range(rng.randint(0, 4)):
            parts.append(f"其中{rng.choice(_PLACES)}片区完成{rng.choice(_WORKS)}{rng.randint(2, 90)}处，"
                         f"支出{rng.randint(1, 99)}.{rng.randint(10, 99)}万元，群众满意度达到{rng.randint(85, 99)}%。")
        out.append("".join(parts))
    return out


def long_table_rows(n: int) -> list[list[str]]:
    rows = [["序号", "项目名称", "预算数（万元）", "执行数（万元）", "执行率"]]
    for i in range(n):
        budget = 10 + (i * 37) % 90
        spent = budget - (i % 5)
        rows.append([str(i + 1), f"{_PLACES[i % 8]}{_WORKS[i % 6]}", f"{budget}.00", f"{spent}.00",
                     f"{spent * 100 / budget:.2f}%"])
    return rows


def _page_field(paragraph) -> None:
    from docx.oxml import parse_xml

    paragraph.add_run("- ")
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {W_NS} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    ))
    paragraph.add_run(" -")


def build_long_docx(path: Path, sections: int = 4, per_section: int = 6, table_rows: int = 45,
                    seed: int = 7) -> tuple[Path, list[str], list[list[str]]]:
    """A multi-page report; returns the path, the body paragraphs as displayed, the table grid."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    _set_numbering(document, NUMBERING_XML)
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.5
    section = document.sections[0]
    section.header.paragraphs[0].text = LONG_HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    expected: list[str] = []
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("示例县2023年度农村公益事业项目绩效自评报告")
    run.font.size = Pt(16)
    expected.append(run.text)
    from docparse.readers.numbering import chinese_count

    texts = iter(long_paragraphs(sections * per_section, seed))
    grid = long_table_rows(table_rows)
    for s in range(sections):
        heading = document.add_paragraph()
        heading.add_run(f"第{s + 1}部分工作情况")
        _numbered(heading, "1", 0)
        expected.append(f"{chinese_count(s + 1)}、第{s + 1}部分工作情况")
        for k in range(per_section):
            paragraph = document.add_paragraph(next(texts))
            paragraph.paragraph_format.first_line_indent = Pt(24)
            expected.append(paragraph.text)
            if s == 1 and k == 2:
                table = document.add_table(rows=len(grid), cols=len(grid[0]))
                table.style = "Table Grid"
                for r, row in enumerate(grid):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = value
                trpr = table.rows[0]._tr.get_or_add_trPr()
                trpr.append(parse_xml(f'<w:tblHeader {W_NS}/>'))
    document.save(str(path))
    return path, expected, grid


STYLED_HEADINGS = [("一、基本情况", 1), ("（一）项目概况", 2), ("二、绩效目标", 1)]


def build_styled_docx(path: Path) -> Path:
    """Headings in Word's Heading styles (exported to PDF as bookmarks) with body text between."""
    import docx

    document = docx.Document()
    for text, level in STYLED_HEADINGS:
        document.add_heading(text, level=level)
        document.add_paragraph(f"{text[-4:]}的正文说明。")
    document.save(str(path))
    return path
