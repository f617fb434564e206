"""The generator runs, is deterministic, and the fixture set covers every option."""

from __future__ import annotations

import json
from pathlib import Path

from corpus.generate import Spec, produce
from corpus.generate.__main__ import main
from corpus.generate.fixtures import FAULT_KINDS, OPTION_VALUES, fixture_specs, random_specs
from corpus.generate.gold import build
from corpus.generate.reports import REPORTS

from .reading import golds, load

FILE_KEYS = {"id", "format", "options", "generator", "fault", "furniture", "complete", "pdf_wrapped_amounts"}


def test_same_seed_same_gold_and_other_seed_other_gold() -> None:
    options = {"headings": "autonum", "table": True, "amounts": "mixed", "furniture": True}
    assert build("project", 11, options)[1] == build("project", 11, options)[1]
    assert build("project", 11, options)[1] != build("project", 12, options)[1]


def test_committed_fixtures_are_what_the_generator_writes_today() -> None:
    paths = golds()
    assert len(paths) == len(fixture_specs())
    for path in paths:
        gold, _ = load(path)
        fresh = build(gold["generator"]["kind"], gold["generator"]["seed"], gold["options"])[1]
        assert {k: v for k, v in gold.items() if k not in FILE_KEYS} == \
               {k: v for k, v in fresh.items() if k not in FILE_KEYS}, path.name


def test_every_option_type_format_and_fault_has_a_fixture() -> None:
    all_gold = [load(p)[0] for p in golds()]
    used = {(k, json.dumps(v)) for g in all_gold for k, v in g["options"].items()}
    used |= {("pdf", json.dumps("libreoffice")) for g in all_gold
             if g["format"] == "pdf" and "pdf" not in g["options"]}
    missing = [(k, v) for k, values in OPTION_VALUES.items() for v in values if (k, json.dumps(v)) not in used]
    assert missing == []
    assert {g["report_type"] for g in all_gold} == {"project_self_evaluation", "department_overall",
                                                    "evaluation_report", "self_evaluation_table"}
    assert {g["generator"]["kind"] for g in all_gold} == set(REPORTS)
    assert {g["format"] for g in all_gold} == {"docx", "pdf", "doc", "wps", "txt"}
    assert {(g["fault"] or {}).get("kind") for g in all_gold} - {None} == set(FAULT_KINDS)


def test_fixtures_stay_small() -> None:
    files = [p for p in golds()[0].parent.iterdir() if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 20 * 1024 * 1024
    assert max(p.stat().st_size for p in files) < 1024 * 1024


def test_random_sets_are_reproducible_and_varied() -> None:
    a = random_specs(40, 7, ["docx", "pdf"], 0.2)
    assert a == random_specs(40, 7, ["docx", "pdf"], 0.2)
    assert a != random_specs(40, 8, ["docx", "pdf"], 0.2)
    assert len({s.kind for s in a}) == len(REPORTS) and {s.format for s in a} == {"docx", "pdf"}
    assert sum(1 for s in a if "fault" in s.options) >= 2


def test_produce_writes_files_and_gold(tmp_path: Path) -> None:
    specs = [Spec("a", "national", 5, "docx", {"headings": "autonum", "table": True}),
             Spec("b", "transfer", 6, "pdf", {"pdf": "reportlab", "furniture": True}),
             Spec("c", "department", 7, "txt", {"encoding": "gb18030"})]
    files = produce(specs, tmp_path)
    assert [f.name for f in files] == ["a.docx", "b.pdf", "c.txt"]
    for spec in specs:
        gold = json.loads((tmp_path / f"{spec.id}.gold.json").read_text(encoding="utf-8"))
        assert gold["id"] == spec.id and gold["format"] == spec.format and gold["headings"]
    assert json.loads((tmp_path / "b.gold.json").read_text(encoding="utf-8"))["furniture"][-1].startswith("- ")


def test_command_line_writes_a_random_set(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path), "--count", "4", "--seed", "3", "--formats", "txt,docx"]) == 0
    assert len(list(tmp_path.glob("*.gold.json"))) == 4
    assert len(list(tmp_path.glob("*.txt"))) == 2 and len(list(tmp_path.glob("*.docx"))) == 2


def test_files_without_libreoffice_are_byte_identical_to_the_fixtures(tmp_path: Path) -> None:
    specs = [s for s in fixture_specs()
             if s.format in ("docx", "txt") or (s.format == "pdf" and s.options.get("pdf", "").startswith("reportlab"))]
    assert len(specs) >= 15
    produce(specs, tmp_path)
    fixtures = golds()[0].parent
    for spec in specs:
        name = f"{spec.id}.{spec.format}"
        assert (tmp_path / name).read_bytes() == (fixtures / name).read_bytes(), name
