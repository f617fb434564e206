"""``docparse review`` pages in a real headless Chromium: marks, evidence links, hover, the index's
filter and sort, and no request beyond the page itself — asserted on the browser's DOM."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docparse.cli import main
from tests.conftest import CORPUS
from tests.review.browser import chromium, chromium_path

DOCUMENTS = {
    "sample": CORPUS / "samples" / "sample-project-2023.txt",
    "altered": CORPUS / "fixtures" / "f02-txt-altered-total.txt",
    "table": CORPUS / "fixtures" / "s01-docx-table.docx",
    "pdf": CORPUS / "fixtures" / "e02-pdf-evaluation-reportlab-ttf.pdf",
    "score": CORPUS / "fixtures" / "f04-docx-altered-score.docx",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if chromium_path() is None:
        pytest.skip("chromium is not installed (Debian: chromium)")
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.requests = []  # type: ignore[attr-defined]
    tab.on("request", lambda r: tab.requests.append(r.url))  # type: ignore[attr-defined]
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A review folder made from the documents' JSON and one error record, and that JSON."""
    folder = tmp_path_factory.mktemp("review")
    broken = folder / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 cut short")
    out = folder / "out"
    batch = folder / "batch"
    # the JSON the pages are made from, as a batch would have written it (the sources stay in place)
    import docparse

    data = {name: docparse.parse(path).to_dict() for name, path in DOCUMENTS.items()}
    (batch / "in").mkdir(parents=True)
    for name, d in data.items():
        (batch / "in" / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    (batch / "in" / "broken.pdf.error.json").write_text(
        json.dumps(
            {
                "docparse_version": "0",
                "source": {"path": str(broken), "format": "pdf", "sha256": None},
                "error": {"code": "E005", "kind": "CorruptInput", "cause": "not a readable PDF", "message": "x"},
            }
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["review", str(batch / "in"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    pages = {
        name: out / "reports" / f"{str(path).strip('/').replace('/', '_')}.html" for name, path in DOCUMENTS.items()
    }
    assert all(p.is_file() for p in pages.values()), sorted(p.name for p in (out / "reports").iterdir())
    return {"out": out, "pages": pages, "data": data}


def _open(page: Any, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_load_state("load")


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_mention_has_its_mark_in_the_text(page: Any, review: dict[str, Any], name: str) -> None:
    data = review["data"][name]
    _open(page, review["pages"][name])
    marks = page.eval_on_selector_all(
        "mark.fig[id]",
        "ms => ms.map(m => { const f = window.docparseFigure(+m.id.slice(1)) || {};"
        " return [m.id, m.textContent, f.kind, f.value, !!m.closest('.unplaced'), m.className]; })",
    )
    assert [m[0] for m in marks if m[0].startswith("m")] and len(marks) == len(data["mentions"])
    by_id = {m[0]: m for m in marks}
    assert set(by_id) == {f"m{i}" for i in range(len(data["mentions"]))}
    for i, mention in enumerate(data["mentions"]):
        _, text, kind, value, unplaced, classes = by_id[f"m{i}"]
        assert kind == mention["kind"] and f"k-{kind}" in classes.split()
        wanted = mention["value"] if isinstance(mention["value"], str) else "–".join(mention["value"])
        assert value.startswith(wanted)
        if not unplaced:  # in the text: the mark covers the figure as it is written
            assert "".join(text.split()) == "".join(mention["text"].split()), (i, text, mention["text"])
    placed = sum(1 for m in marks if not m[4])
    assert placed == len(marks)  # all of these documents' figures stand in the drawn text
    assert all(u.startswith("file://") for u in page.requests)  # type: ignore[attr-defined]


def test_failing_checks_come_first_and_light_up_their_figures(page: Any, review: dict[str, Any]) -> None:
    data = review["data"]["altered"]
    _open(page, review["pages"]["altered"])
    statuses = page.eval_on_selector_all(".check", "cs => cs.map(c => c.className.match(/st-(\\w+)/)[1])")
    assert statuses == sorted(statuses, key=["fail", "unknown", "pass"].index) and statuses[0] == "fail"
    failing = [c for c in data["checks"] if c["status"] == "fail"]
    assert len(failing) == statuses.count("fail") >= 1
    links = page.eval_on_selector_all(".check.st-fail", "cs => cs.map(c => c.dataset.marks.split(' '))")
    for ids, check in zip(links, failing, strict=True):
        assert len(ids) == len(check["evidence"])
        texts = page.evaluate(
            "ids => ids.map(id => document.getElementById(id) && document.getElementById(id).textContent)", ids
        )
        assert texts == [ev["text"] for ev in check["evidence"]]
    page.click(".check.st-fail button.show")
    lit = page.eval_on_selector_all("mark.fig.hl", "ms => ms.map(m => m.id)")
    assert sorted(lit) == sorted(links[0])
    assert page.eval_on_selector(".check.st-fail", "c => c.classList.contains('active')")
    first = page.eval_on_selector(
        f"#{links[0][0]}", "m => { const r = m.getBoundingClientRect(); return [r.top, r.bottom]; }"
    )
    assert first[0] >= 0 and first[1] <= 800  # scrolled into view


def test_hover_shows_the_normalised_value_and_where(page: Any, review: dict[str, Any]) -> None:
    data = review["data"]["sample"]
    budget = data["facts"]["budget"]
    _open(page, review["pages"]["sample"])
    i = next(i for i, m in enumerate(data["mentions"]) if m["provenance"] == budget["provenance"])
    classes = page.eval_on_selector(f"#m{i}", "m => m.className")
    assert "k-money" in classes and "r-budget" in classes
    page.hover(f"#m{i}")
    tip = page.eval_on_selector("#tip", "t => [t.hidden, t.textContent]")
    assert tip[0] is False
    assert f"value: {budget['value']} 元" in tip[1] and f"line {budget['provenance']['line']}" in tip[1]
    assert "role: " in tip[1] and "budget" in tip[1]


def test_table_figures_sit_in_their_cells(page: Any, review: dict[str, Any]) -> None:
    data = review["data"]["table"]
    _open(page, review["pages"]["table"])
    row = data["funds"]["money_rows"][0]
    spent = row["cells"]["spent"]["provenance"]
    i = next(
        i
        for i, m in enumerate(data["mentions"])
        if (m["provenance"].get("block"), m["provenance"].get("start")) == (spent["block"], spent["start"])
    )
    cell = page.eval_on_selector(f"#m{i}", "m => [m.closest('td') !== null, m.closest('tr').cells.length]")
    assert cell[0] and cell[1] >= 4
    assert "r-spent" in page.eval_on_selector(f"#m{i}", "m => m.className")


def test_index_filters_sorts_and_links(page: Any, review: dict[str, Any]) -> None:
    index = review["out"] / "index.html"
    _open(page, index)
    rows = page.eval_on_selector_all("table.reports tbody tr", "rs => rs.length")
    assert rows == len(DOCUMENTS) + 1

    def visible() -> list[str]:
        return page.eval_on_selector_all(
            "table.reports tbody tr:not([hidden])", "rs => rs.map(r => r.cells[0].textContent)"
        )

    page.fill("#filter", "altered")
    assert sorted(Path(v).name for v in visible()) == ["f02-txt-altered-total.txt", "f04-docx-altered-score.docx"]
    assert page.text_content("#shown") == "2"
    page.fill("#filter", "")
    page.select_option("#status", "error")
    assert [Path(v).name for v in visible()] == ["broken.pdf"]
    page.select_option("#status", "warn")
    warn = {
        Path(str(p)).name
        for n, p in DOCUMENTS.items()
        if any(c["status"] == "fail" for c in review["data"][n]["checks"]) or review["data"][n]["warnings"]
    }
    assert {Path(v).name for v in visible()} == warn and warn
    page.select_option("#status", "")
    fail_col = 6
    page.click(f"table.reports thead th:nth-child({fail_col + 1})")
    page.click(f"table.reports thead th:nth-child({fail_col + 1})")  # descending
    fails = page.eval_on_selector_all("table.reports tbody tr", f"rs => rs.map(r => r.cells[{fail_col}].textContent)")
    numbers = [int(f) for f in fails if f.isdigit()]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] >= 1
    href = page.eval_on_selector("table.reports tbody tr a", "a => a.href")
    page.click("table.reports tbody tr a")
    page.wait_for_load_state("load")
    assert page.url == href and page.eval_on_selector_all("mark.fig", "ms => ms.length") > 0
    assert all(u.startswith("file://") for u in page.requests)  # type: ignore[attr-defined]


def test_a_json_input_without_its_source_still_marks_every_figure(
    page: Any, review: dict[str, Any], tmp_path: Path
) -> None:
    data = json.loads(json.dumps(review["data"]["sample"]))
    data["source"]["path"] = str(tmp_path / "moved-away.txt")
    (tmp_path / "r.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "one.html"
    result = CliRunner().invoke(main, ["review", str(tmp_path / "r.json"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    _open(page, out)
    assert page.eval_on_selector_all(".unplaced mark.fig", "ms => ms.length") == len(data["mentions"])
    assert page.text_content(".notext")
