"""Commands that need no segmentation never import spaCy or jieba, and parse imports neither by default."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "samples" / "sample-project-2023.txt"

_RUN = """
import sys
from docparse.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print("\\nMODULES", "spacy" in sys.modules, "jieba" in sys.modules, file=sys.stderr)
"""


def _loaded(*args: str) -> tuple[bool, bool]:
    out = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    line = next(x for x in out.stderr.splitlines() if x.startswith("MODULES"))
    spacy, jieba = line.split()[1:]
    return spacy == "True", jieba == "True"


def test_version_schema_validate_load_and_parse_import_no_nlp(tmp_path: Path) -> None:
    out = tmp_path / "sample.json"
    assert _loaded("parse", str(SAMPLE), "-o", str(out)) == (False, False)
    assert json.loads(out.read_text(encoding="utf-8"))["report"]["type"] == "project_self_evaluation"
    assert _loaded("--version") == (False, False)
    assert _loaded("schema") == (False, False)
    assert _loaded("validate", str(out)) == (False, False)
    assert _loaded("load", str(tmp_path / "out.db"), str(out)) == (False, False)
    assert (tmp_path / "out.db").stat().st_size > 0


def test_the_docs_component_builds_spacy_docs() -> None:
    code = (
        "import sys, docparse\n"
        "from docparse.nlp import config\n"
        "with config.using('docs'):\n"
        f"    r = docparse.parse({str(SAMPLE)!r})\n"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split()[-1] == "True"
