"""``docparse export --to xlsx|csv|md``: the workbook read back by openpyxl and by LibreOffice
(converted to CSV, every sheet), the CSV folder and the Markdown, all against the JSON."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docparse.cli import main
from tests.conftest import CORPUS

SHEET_NAMES = ["reports", "facts", "fund_items", "indicators", "checks", "mentions", "warnings", "errors"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The fixture reports as JSONL plus one unreadable .docx, exported to xlsx and to csv."""
    folder = tmp_path_factory.mktemp("export")
    jsonl = folder / "reports.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports.values()), encoding="utf-8")
    broken = folder / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip archive at all")
    for fmt, out in (("xlsx", folder / "book.xlsx"), ("csv", folder / "tables")):
        result = CliRunner().invoke(main, ["export", str(jsonl), str(broken), "--to", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        assert f"{len(reports)} reports and 1 error records" in result.stderr
    return {"folder": folder, "xlsx": folder / "book.xlsx", "csv": folder / "tables", "broken": str(broken)}


def json_money(reports: dict[str, dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """(file, exact yuan string) per money cell the JSON holds, by sheet, in export order."""
    out: dict[str, list[tuple[str, str]]] = {"facts": [], "fund_items": [], "mentions": []}
    for r in reports.values():
        path = r["source"]["path"]
        out["facts"] += [
            (path, r["facts"][k]["value"]) for k in ("budget", "adjusted_budget", "arrived", "spent") if r["facts"][k]
        ]
        out["fund_items"] += [(path, i["value"]) for i in r["funds"]["items"]]
        out["mentions"] += [
            (path, m["value"] if isinstance(m["value"], str) else m["value"][0])
            for m in r["mentions"]
            if m["kind"] == "money"
        ]
    return out


def test_workbook_money_cells_are_numbers_equal_to_the_json_decimals(
    exported: dict[str, Any], reports: dict[str, dict[str, Any]]
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(exported["xlsx"])
    assert book.sheetnames == SHEET_NAMES
    for sheet, expected in json_money(reports).items():
        ws = book[sheet]
        header = [c.value for c in ws[1]]
        value, exact, file = header.index("value"), header.index("value_exact"), header.index("file")
        got = [
            (row[file].value, row[value], row[exact].value)
            for row in ws.iter_rows(min_row=2)
            if row[value].value is not None
        ]
        assert len(got) == len(expected) > 0, sheet
        for (path, cell, text), (want_path, want) in zip(got, expected, strict=True):
            assert path == want_path and text == want
            assert cell.data_type == "n" and cell.number_format == "#,##0.00"
            assert Decimal(repr(cell.value)) == Decimal(want)
    # the number stored in the file is the JSON's decimal exactly (no float digits such as 0.30000000000000004)
    with zipfile.ZipFile(exported["xlsx"]) as z:
        names = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = z.read(sorted(names, key=lambda n: int(re.sub(r"\D", "", n)))[2]).decode()  # fund_items
    stored = re.findall(r'<c r="D\d+"[^>]*><v>([^<]+)</v>', xml)
    assert [Decimal(v) for v in stored] == [Decimal(v) for _, v in json_money(reports)["fund_items"]]
    errors = list(book["errors"].iter_rows(min_row=2, values_only=True))
    assert errors == [(exported["broken"], "E005", "CorruptInput", errors[0][3])] and "zip" in errors[0][3]


def _same(ours: Any, theirs: str) -> bool:
    """Whether LibreOffice's CSV text of a cell says what openpyxl read: numbers as the same decimal
    (LibreOffice writes the raw value, not as shown), booleans TRUE/FALSE, texts exactly."""
    if ours is None:
        return theirs == ""
    if isinstance(ours, bool):
        return theirs == ("TRUE" if ours else "FALSE")
    if isinstance(ours, int | float):
        return Decimal(theirs) == Decimal(repr(ours))
    return theirs == str(ours)


def test_libreoffice_reads_every_sheet_as_openpyxl_does(exported: dict[str, Any], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            filt,
            "--outdir",
            str(tmp_path),
            str(exported["xlsx"]),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    book = load_workbook(exported["xlsx"])
    checked = 0
    for name in SHEET_NAMES:
        lo_file = tmp_path / f"book-{name}.csv"
        assert lo_file.is_file(), (name, done.stdout, done.stderr)
        with lo_file.open(encoding="utf-8", newline="") as fh:
            lo_rows = list(csv.reader(fh))
        ours = list(book[name].iter_rows(values_only=True))
        assert len(lo_rows) == len(ours), name
        for mine, theirs in zip(ours, lo_rows, strict=True):
            theirs = theirs + [""] * (len(mine) - len(theirs))
            assert all(_same(a, b) for a, b in zip(mine, theirs, strict=True)), (name, mine, theirs)
            checked += len(mine)
    assert checked > 2000


def test_csv_tables_hold_the_exact_json_strings(exported: dict[str, Any], reports: dict[str, dict[str, Any]]) -> None:
    files = sorted(p.name for p in exported["csv"].iterdir())
    assert files == sorted(f"{n}.csv" for n in SHEET_NAMES)
    raw = (exported["csv"] / "fund_items.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (exported["csv"] / "fund_items.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["file"], r["value"]) for r in rows] == json_money(reports)["fund_items"]
    with (exported["csv"] / "checks.csv").open(encoding="utf-8-sig", newline="") as fh:
        checks = list(csv.DictReader(fh))
    assert len(checks) == sum(len(r["checks"]) for r in reports.values())
    failing = [c for c in checks if c["status"] == "fail"]
    assert [c["check"] for c in failing] == ["sum.fund_items"] and "item" in failing[0]["evidence"]
    first = {}
    for c in checks:  # failing first within each report
        first.setdefault(c["file"], c["status"])
    assert first[reports["altered"]["source"]["path"]] == "fail"


def test_markdown_has_the_headings_paragraphs_and_tables(tmp_path: Path, reports: dict[str, dict[str, Any]]) -> None:
    table_doc = CORPUS / "fixtures" / "s01-docx-table.docx"
    sample = CORPUS / "samples" / "sample-project-2023.txt"
    out = tmp_path / "md"
    out.mkdir()
    result = CliRunner().invoke(main, ["export", str(sample), str(table_doc), "--to", "md", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = (out / "sample-project-2023.txt.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]

    def flat(sections: list[dict[str, Any]]) -> list[tuple[int, str]]:
        return [x for s in sections for x in [(s["level"], s["heading"]), *flat(s["children"])]]

    assert headings[1:] == ["#" * (lv + 1) + " " + h for lv, h in flat(reports["sample"]["sections"])]
    assert "项目实际支出372.8万元，预算执行率96.58%" in text
    table = (out / "s01-docx-table.docx.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |" in rows
    assert any(r.startswith("| 产出指标 | 数量指标 | 进驻大厅政务服务事项 | ≥760项 | 812项 | 8 | 8 |") for r in rows)
    single = tmp_path / "one.md"
    assert CliRunner().invoke(main, ["export", str(sample), "--to", "md", "-o", str(single)]).exit_code == 0
    assert single.read_text(encoding="utf-8") == text


def test_scanned_reports_carry_their_ocr_figures(tmp_path: Path, reports: dict[str, dict[str, Any]]) -> None:
    from docparse.export.database import load, open_database
    from docparse.export.inputs import Item
    from docparse.export.sheets import build

    scan = json.loads(json.dumps(reports["sample"]))
    scan["source"]["ocr"] = {"engine": "test-engine 1.0", "pages": [1, 2], "confidence": 0.93}
    sheet = build([Item("scan", data=scan)])[0]
    row = dict(zip(sheet.columns, sheet.rows[0], strict=True))
    assert (row["ocr_pages"], row["ocr_confidence"]) == (2, Decimal("0.93"))
    load(tmp_path / "s.db", [scan])
    db = open_database(tmp_path / "s.db")
    assert db.query("SELECT ocr_pages, ocr_confidence FROM reports") == [(2, 0.93)]
    db.close()
