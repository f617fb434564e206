"""The sharded dictionary cache cuts exactly as stock jieba with the user dictionary does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docparse.nlp import segment
from docparse.rules import rule_path

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    """Texts written for this project: the sample, the generated text fixtures, the labelled sentences."""
    paths = [
        ROOT / "corpus" / "samples" / "sample-project-2023.txt",
        *sorted((ROOT / "corpus" / "fixtures").glob("*.txt")),
    ]
    out = [p.read_bytes().decode("utf-8", errors="replace") for p in paths]
    out += ["项目批复预算数为120万元，实际支出100万元，执行率83.33%。", "全院病床使用率达到95%，受益群众3.5万人。"]
    return out


def test_tokens_are_stock_jiebas() -> None:
    jieba = segment.import_jieba()
    stock = jieba.Tokenizer()
    stock.initialize()
    stock.load_userdict(str(rule_path(segment.USER_DICT)))
    for word in segment.domain_words():
        stock.add_word(word, max(stock.FREQ.get(word, 0), segment.domain_freq()))
    for text in _texts():
        assert segment.tokens(text) == tuple(stock.tokenize(text, HMM=True))


def test_offsets_cover_the_text() -> None:
    text = "县财政局下达资金100万元，某县残联和城关街道办事处共同实施。"
    toks = segment.tokens(text)
    assert "".join(w for w, _, _ in toks) == text
    assert all(text[s:e] == w for w, s, e in toks)
    assert {0, len(text)} <= segment.boundaries(text)


def test_user_dictionary_words_are_words() -> None:
    assert "预算执行率" in segment.words("本年度预算执行率为98%")


def test_cache_is_built_once_and_a_damaged_one_rebuilt(tmp_path: Path) -> None:
    """In fresh processes: the first builds the cache, the second reuses it untouched, a damaged file is
    built anew (and jieba never imports pkg_resources)."""
    code = (
        "import sys; from docparse.nlp import segment; "
        "print(segment.cache_path(), segment.tokens('预算执行率100%')[0][0], 'pkg_resources' in sys.modules)"
    )
    env = {"DOCPARSE_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def run() -> list[str]:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        return out.stdout.split()

    path, word, pkg = run()
    cache = Path(path)
    assert cache.parent == tmp_path and cache.is_file() and word == "预算执行率" and pkg == "False"
    stamp = cache.stat().st_mtime_ns
    assert run()[1] == word
    assert cache.stat().st_mtime_ns == stamp
    cache.write_bytes(b"not a cache")
    assert run()[1] == word
    assert cache.read_bytes()[:8] == b"DPJIEBA1"


def test_a_broken_user_dictionary_line_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docparse.errors import RuleFileError

    bad = tmp_path / "userdict.txt"
    bad.write_text("绩效自评 many n\n", encoding="utf-8")
    monkeypatch.setattr(segment, "rule_path", lambda name: bad)
    with pytest.raises(RuleFileError, match="line 1"):
        segment._user_entries()
