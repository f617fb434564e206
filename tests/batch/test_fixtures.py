"""The generated fixture set through a batch: faulty files get error records of the kind the gold names,
every other file gets its report JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docparse.batch import BatchOptions, run_batch
from docparse.batch.progress import LineProgress
from tests.conftest import CORPUS

ERROR_KINDS = {"corrupt": "CorruptInput", "encrypted": "EncryptedInput"}


def test_fixture_set(tmp_path: Path) -> None:
    golds = sorted((CORPUS / "fixtures").glob("*.gold.json"))
    if not golds:
        pytest.skip("corpus/fixtures has not been generated in this checkout")
    result = run_batch(BatchOptions(inputs=[str(CORPUS / "fixtures")], out_dir=str(tmp_path), workers=2),
                       LineProgress())
    assert result.inputs == len(golds)
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold_path.name.removesuffix(".gold.json") + "." + gold["format"]
        expected = (gold.get("fault") or {}).get("error")
        if expected:
            record = json.loads((tmp_path / f"{name}.error.json").read_text(encoding="utf-8"))
            assert record["error"]["kind"] == ERROR_KINDS[expected], name
            assert record["error"]["message"].startswith(str(CORPUS / "fixtures" / name) + ": ")
        else:
            data = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
            source = data["source"]
            assert gold["format"] in {source["format"], (source["converted_from"] or "").lstrip(".")}, name
