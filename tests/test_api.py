"""The Python API: parse() and parse_text() agree with each other and with the CLI's JSON."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import docparse
from docparse.export.json import validation_errors
from tests.conftest import CORPUS

SAMPLE = CORPUS / "samples" / "sample-project-2023.txt"


def _without_source(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "source"}


def test_parse_and_parse_text_agree() -> None:
    from_file = docparse.parse(SAMPLE).to_dict()
    from_text = docparse.parse_text(SAMPLE.read_text(encoding="utf-8")).to_dict()
    assert _without_source(from_file) == _without_source(from_text)
    assert from_file["source"]["sha256"] == from_text["source"]["sha256"]


def test_cli_json_equals_to_dict() -> None:
    out = subprocess.run([sys.executable, "-m", "docparse", "parse", str(SAMPLE)],
                         capture_output=True, text=True, check=True, timeout=120)
    assert json.loads(out.stdout) == json.loads(json.dumps(docparse.parse(SAMPLE).to_dict()))


def test_sample_output_validates_and_money_is_string_yuan() -> None:
    data = docparse.parse(SAMPLE).to_dict()
    assert validation_errors(data) == []
    for mention in data["mentions"]:
        if mention["kind"] == "money" and isinstance(mention["value"], str):
            whole, _, cents = mention["value"].partition(".")
            assert whole.lstrip("-").isdigit() and len(cents) == 2


def test_pipeline_stages_declare_what_they_read_and_set() -> None:
    from docparse.model.analysis import StageInfo, check_order
    from docparse.pipeline import stages

    infos = [run.stage_info for run in stages()]
    assert infos[0].name == "docparse.structure:analyse" and "layout" in infos[0].assigns
    assert infos[-1].name == "docparse.checks:run" and infos[-1].assigns == ("report.checks",)
    with pytest.raises(ValueError, match="requires layout"):
        check_order([StageInfo("late:reader", ("layout",), ()), *infos])
