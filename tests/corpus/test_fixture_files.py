"""Each committed fixture agrees with its gold: the file itself is read and compared."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pdfplumber
import pytest

from .reading import docx_blocks, docx_furniture, golds, in_order, load, squash

KANGXI_FIRST, KANGXI_LAST = 0x2F00, 0x2FD5
FILE_FAULTS = {"truncated", "corrupt", "encrypted", "no_text_layer"}


def _select(fmt: str, readable: bool = True) -> list[Path]:
    out = []
    for path in golds():
        gold, _ = load(path)
        kind = (gold.get("fault") or {}).get("kind")
        if gold["format"] == fmt and (kind not in FILE_FAULTS) == readable:
            out.append(path)
    return out


def _ids(paths: list[Path]) -> list[str]:
    return [p.name.removesuffix(".gold.json") for p in paths]


def _mentions(gold: dict) -> dict[str, list[str]]:
    return {key: [m["text"] for m in gold[key]] for key in ("money", "percents", "counts")}


DOCX = _select("docx")
TXT = _select("txt")
PDF = _select("pdf")


@pytest.mark.parametrize("gold_path", DOCX, ids=_ids(DOCX))
def test_docx_text_tables_and_mentions_match_gold(gold_path: Path) -> None:
    gold, path = load(gold_path)
    blocks = docx_blocks(path)
    assert [t for k, t in blocks if k == "p"] == gold["paragraphs"]
    assert [t for k, t in blocks if k == "t"] == gold["tables"]
    stream = "".join(t if k == "p" else "".join(c for row in t for c in row if c) for k, t in blocks)
    for key, texts in _mentions(gold).items():
        assert in_order(texts, stream) == [], key
    paragraphs = [t for k, t in blocks if k == "p"]
    assert in_order([h["text"] for h in gold["headings"]], "\n".join(paragraphs)) == []
    assert docx_furniture(path) == gold["furniture"]
    body = "\n".join(paragraphs)
    for furniture in gold["furniture"]:
        assert furniture not in body


def test_docx_automatic_numbers_are_not_in_paragraph_text() -> None:
    autonum = [p for p in DOCX if load(p)[0]["options"]["headings"].startswith("autonum")]
    assert autonum
    for gold_path in autonum:
        gold, path = load(gold_path)
        raw = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
        first = gold["headings"][0]["text"]
        assert first not in raw and any(first.endswith(t) for t in raw)


@pytest.mark.parametrize("gold_path", TXT, ids=_ids(TXT))
def test_txt_lines_match_gold(gold_path: Path) -> None:
    gold, path = load(gold_path)
    encoding = gold["options"].get("encoding", "utf-8")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    lines = [ln for ln in raw.decode(encoding).splitlines() if ln.strip()]
    assert lines == gold["paragraphs"]
    assert gold["tables"] == []


def _pdf_text(path: Path, password: str | None = None) -> tuple[str, list[list[list[str | None]]]]:
    pages, tables = [], []
    with pdfplumber.open(path, password=password) as pdf:
        for page in pdf.pages:
            pages.append(page.extract_text() or "")
            tables.extend(page.extract_tables())
    text = "\n".join(pages)
    return text, tables


def _unkangxi(text: str) -> str:
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", ch) if KANGXI_FIRST <= ord(ch) <= KANGXI_LAST else ch
                   for ch in text)


@pytest.mark.parametrize("gold_path", PDF, ids=_ids(PDF))
def test_pdf_text_and_tables_match_gold(gold_path: Path) -> None:
    gold, path = load(gold_path)
    text, tables = _pdf_text(path)
    kangxi = sum(KANGXI_FIRST <= ord(ch) <= KANGXI_LAST for ch in text)
    assert (kangxi > 0) == ((gold.get("fault") or {}).get("kind") == "kangxi")
    text = _unkangxi(text)
    flat = squash(text)
    for furniture in gold["furniture"]:
        assert squash(furniture) in flat
        flat = flat.replace(squash(furniture), "")
    assert in_order([squash(p) for p in gold["paragraphs"]], flat) == []
    cells = {squash(_unkangxi(c)) for t in tables for row in t for c in row if c}
    wanted = {squash(c) for t in gold["tables"] for row in t for c in row if c and c.strip()}
    assert wanted <= cells, sorted(wanted - cells)[:5]


def test_pdf_long_table_header_repeated_or_not() -> None:
    long = [p for p in PDF if load(p)[0]["options"].get("long_table")]
    assert {load(p)[0]["options"].get("repeat_header", False) for p in long} == {True, False}
    for gold_path in long:
        gold, path = load(gold_path)
        header = [squash(c) for c in gold["tables"][-1][0] if c]
        first, last = ([squash(c) for c in gold["tables"][-1][k] if c] for k in (1, -1))
        with pdfplumber.open(path) as pdf:
            tables = [(n, [[squash(c) for c in row if c] for row in t])
                      for n, page in enumerate(pdf.pages) for t in page.extract_tables()]
        hits = sum(1 for _, rows in tables if rows[0] == header)
        starts = [n for n, rows in tables if first in rows]
        ends = [n for n, rows in tables if last in rows]
        assert len(starts) == len(ends) == 1 and ends[0] > starts[0]  # the table crosses a page break
        assert hits >= 2 if gold["options"].get("repeat_header") else hits == 1


def test_pdf_amounts_wrap_across_lines() -> None:
    wrapped = [p for p in PDF if load(p)[0]["options"].get("wrap_amount")]
    assert wrapped
    for gold_path in wrapped:
        gold, path = load(gold_path)
        assert gold["pdf_wrapped_amounts"] >= 1
        text, _ = _pdf_text(path)
        lines = _unkangxi(text)
        split = [m["text"] for m in gold["money"] if m["text"] not in lines and m["text"] in squash(lines)]
        assert split, "no amount is broken across a line end"


def _fault(kind: str) -> list[tuple[dict, Path]]:
    out = [load(p) for p in golds()]
    return [(g, f) for g, f in out if (g.get("fault") or {}).get("kind") == kind]


@pytest.mark.parametrize("kind", ["truncated", "corrupt"])
def test_broken_files_do_not_open(kind: str) -> None:
    cases = _fault(kind)
    assert {g["format"] for g, _ in cases} == {"docx", "pdf"}
    for gold, path in cases:
        assert gold["fault"]["error"] == "corrupt"
        with pytest.raises(Exception):  # noqa: B017 - any failure to open counts
            if gold["format"] == "docx":
                docx.Document(str(path))
            else:
                with pdfplumber.open(path) as pdf:
                    "".join(page.extract_text() or "" for page in pdf.pages)


def test_encrypted_pdf_needs_its_password() -> None:
    (gold, path), = _fault("encrypted")
    assert gold["fault"]["error"] == "encrypted"
    with pytest.raises(Exception):  # noqa: B017
        _pdf_text(path)
    text, _ = _pdf_text(path, password="docparse")
    assert in_order([squash(h["text"]) for h in gold["headings"]], squash(text)) == []


def test_pdf_without_text_layer_has_only_images() -> None:
    (gold, path), = _fault("no_text_layer")
    assert gold["paragraphs"]
    with pdfplumber.open(path) as pdf:
        assert all(not page.chars for page in pdf.pages)
        assert all(page.images for page in pdf.pages)


def test_doc_and_wps_convert_back_to_the_gold_text(tmp_path: Path) -> None:
    cases = [load(p) for p in golds() if load(p)[0]["format"] in ("doc", "wps")]
    assert {g["format"] for g, _ in cases} == {"doc", "wps"}
    for _, path in cases:
        assert path.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # OLE compound file
    cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
           "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), *(str(f) for _, f in cases)]
    subprocess.run(cmd, check=True, timeout=300, capture_output=True)
    for gold, path in cases:
        text = (tmp_path / (path.stem + ".txt")).read_text(encoding="utf-8-sig")
        assert in_order([squash(p) for p in gold["paragraphs"]], squash(text)) == []
