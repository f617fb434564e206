"""Mutated fixtures (bytes flipped, cut short; XML parts edited with hostile values) and random texts:
docparse returns a result or raises a DocparseError, nothing else."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docparse
from docparse.errors import DocparseError
from docparse.readers import read

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "corpus" / "fixtures"
DOCX = (FIXTURES / "s01-docx-table.docx").read_bytes()
PDF = (FIXTURES / "r01-pdf-project-reportlab.pdf").read_bytes()
TXT = (FIXTURES / "p02-txt-typed.txt").read_bytes()
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# What a hostile editor puts into WordprocessingML.
SNIPPETS = [
    '<w:gridSpan w:val="4294967296"/>', '<w:gridBefore w:val="99999999"/>', '<w:start w:val="-99999999999"/>',
    '<w:sym w:char="110000"/>', '<w:sym w:char="DFFF"/>', '<w:numId w:val="999"/>', '<w:ilvl w:val="12"/>',
    '<w:vMerge/>', '<w:hMerge w:val="continue"/>', "&#xFFFE;", "&#1114111;", "<!DOCTYPE x>", "<w:tbl>",
    "</w:tc>", '<w:t xml:space="preserve">' + "9" * 5000 + "</w:t>", "\x00", "亿万元" * 50,
]


def _mutate(data: bytes, flips: list[tuple[float, int]], cut: float | None) -> bytes:
    out = bytearray(data)
    for where, value in flips:
        out[int(where * (len(out) - 1))] = value
    if cut is not None:
        out = out[: max(1, int(cut * len(out)))]
    return bytes(out)


def _outcome(path: Path) -> None:
    try:
        read(path)
    except DocparseError as exc:
        assert "\n" not in exc.line() and str(path) in exc.line()


ALPHABET = "0123456789,.%万亿元千百十个点 \n，。；（）：\ud800\udfff年项目预算执行率"
flips = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=6)
cuts = st.one_of(st.none(), st.floats(0.01, 0.99))


@SETTINGS
@given(flips=flips, cut=cuts, suffix=st.sampled_from([".docx", ".pdf", ".txt", ".doc"]))
def test_flipped_and_cut_bytes(tmp_path: Path, flips: list[tuple[float, int]], cut: float | None,
                               suffix: str) -> None:
    source = {".docx": DOCX, ".pdf": PDF, ".txt": TXT, ".doc": DOCX}[suffix]
    path = tmp_path / f"mutated{suffix}"
    path.write_bytes(_mutate(source, flips, cut))
    _outcome(path)


def _rezip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


@SETTINGS
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(SNIPPETS)), min_size=1, max_size=4),
       part=st.sampled_from(["word/document.xml", "word/numbering.xml", "word/styles.xml", "_rels/.rels"]))
def test_hostile_xml_edits(tmp_path: Path, edits: list[tuple[float, str]], part: str) -> None:
    with zipfile.ZipFile(io.BytesIO(DOCX)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    if part not in parts:
        part = "word/document.xml"
    xml = parts[part].decode("utf-8")
    for where, snippet in edits:
        cut = xml.find(">", int(where * len(xml))) + 1 or len(xml)  # after a tag
        xml = xml[:cut] + snippet + xml[cut:]
    parts[part] = xml.encode("utf-8", "surrogatepass")
    path = tmp_path / "edited.docx"
    path.write_bytes(_rezip(parts))
    _outcome(path)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from(list(ALPHABET)), min_size=1, max_size=400))
def test_random_texts_analyse(text: str) -> None:
    try:
        report = docparse.parse_text(text)
    except DocparseError:
        return
    data = report.to_dict()
    assert isinstance(data["mentions"], list)
    assert not any("\ud800" <= ch <= "\udfff" for m in data["mentions"] for ch in m["text"])
