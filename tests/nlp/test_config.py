"""Switching the segmentation-based components."""

from __future__ import annotations

import subprocess
import sys

import pytest

from docparse.nlp import config


def test_using_sets_and_restores() -> None:
    before = config.active()
    with config.using("cues", "orgs"):
        assert config.enabled("cues") and config.enabled("orgs") and not config.enabled("docs")
    assert config.active() == before


def test_unknown_names_fail() -> None:
    with pytest.raises(KeyError):
        config.enabled("tagger")
    with pytest.raises(KeyError), config.using("tagger"):
        pass


@pytest.mark.parametrize(("value", "want"), [("cues,orgs", "['cues', 'orgs']"), ("none", "[]"), ("", "[]")])
def test_environment(value: str, want: str) -> None:
    code = "from docparse.nlp import config; print(sorted(config.active()))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"DOCPARSE_NLP": value, "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == want


def test_environment_with_an_unknown_name_fails() -> None:
    code = "import docparse.nlp.config"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"DOCPARSE_NLP": "cues,parser", "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode != 0 and "parser" in out.stderr
