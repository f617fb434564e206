"""The committed fixture set (``corpus/fixtures/``) and random specs for large benchmark sets."""

from __future__ import annotations

import random
from typing import Any

from corpus.generate import Spec

# Every option value the generator understands; each must be used by at least one fixture.
OPTION_VALUES: dict[str, tuple[Any, ...]] = {
    "headings": ("typed", "styled", "autonum", "autonum_styled", "autonum_linked"),
    "numbering": ("ideograph", "alt"),
    "punctuation": ("half",),
    "amounts": ("wan", "yuan", "mixed"),
    "rate_places": (2,),
    "font": ("宋体", "WenQuanYi Zen Hei", "仿宋_GB2312"),
    "table": (True,), "long_table": (True,), "repeat_header": (True, False), "furniture": (True,),
    "footer": ("page_of",), "toc": (True,), "funds_table": (True,), "blank_paras": (True,), "title_split": (True,),
    "split_runs": (True,), "wrap_amount": (True,),
    "pdf": ("libreoffice", "reportlab", "reportlab-ttf"),
    "encoding": ("gb18030", "utf-8-sig"), "blank_lines": (True,),
}
FAULT_KINDS = ("altered_item", "altered_total", "altered_rate", "altered_score", "truncated", "corrupt",
               "encrypted", "no_text_layer", "kangxi")

BASE = {"headings": "typed", "amounts": "wan", "font": "宋体"}


def _s(id_: str, kind: str, seed: int, fmt: str, **options: Any) -> Spec:
    return Spec(id_, kind, seed, fmt, {**BASE, **options})


def fixture_specs() -> list[Spec]:
    """A few dozen small files that together use every option the generator has."""
    auto = {"headings": "autonum", "table": True, "furniture": True, "split_runs": True}
    return [
        _s("p01-docx-autonum", "project", 101, "docx", **auto),
        _s("p01-pdf-autonum", "project", 101, "pdf", **auto),
        _s("p02-txt-typed", "project", 102, "txt"),
        _s("p03-docx-styled-mixed", "project", 103, "docx", headings="styled", amounts="mixed", toc=True,
           rate_places=2, font="WenQuanYi Zen Hei"),
        _s("p04-doc-typed", "project", 104, "doc", table=True, furniture=True),
        _s("p05-wps-autonum", "project", 105, "wps", headings="autonum", title_split=True),
        _s("p06-docx-yuan-split-title", "project", 106, "docx", amounts="yuan", title_split=True, table=True,
           funds_table=True, numbering="alt"),
        _s("p07-pdf-alt-numbering", "project", 107, "pdf", headings="autonum", numbering="alt", furniture=True),
        _s("n01-docx-autonum-styled", "national", 201, "docx", headings="autonum_styled", table=True,
           furniture=True, toc=True, amounts="mixed"),
        _s("n01-pdf-autonum-styled", "national", 201, "pdf", headings="autonum_styled", table=True,
           furniture=True, toc=True, amounts="mixed"),
        _s("n02-txt-half-gb18030", "national", 202, "txt", punctuation="half", encoding="gb18030"),
        _s("n03-docx-ideograph-half", "national", 203, "docx", headings="autonum", numbering="ideograph",
           punctuation="half", font="仿宋_GB2312"),
        _s("d01-docx-longtable-repeat", "department", 301, "docx", long_table=True, repeat_header=True,
           furniture=True),
        _s("d01-pdf-longtable-repeat", "department", 301, "pdf", long_table=True, repeat_header=True,
           furniture=True),
        _s("d02-pdf-longtable-norepeat", "department", 302, "pdf", long_table=True, repeat_header=False,
           headings="styled", funds_table=True, amounts="mixed"),
        _s("d03-txt-bom-blank", "department", 303, "txt", encoding="utf-8-sig", blank_lines=True,
           amounts="mixed"),
        _s("t01-docx-transfer-autonum", "transfer", 401, "docx", headings="autonum", table=True,
           title_split=True),
        _s("t03-docx-transfer-linked", "transfer", 403, "docx", headings="autonum_linked", table=True,
           blank_paras=True, furniture=True),
        _s("t03-pdf-transfer-linked", "transfer", 403, "pdf", headings="autonum_linked", table=True,
           blank_paras=True, furniture=True),
        _s("t02-pdf-transfer-reportlab", "transfer", 402, "pdf", pdf="reportlab", furniture=True,
           wrap_amount=True, table=True),
        _s("e01-docx-evaluation", "evaluation", 801, "docx", headings="styled", funds_table=True,
           amounts="mixed", furniture=True),
        _s("e02-pdf-evaluation-reportlab-ttf", "evaluation", 802, "pdf", pdf="reportlab-ttf", table=True,
           title_split=True),
        _s("s01-docx-table", "table", 501, "docx", furniture=True),
        _s("s01-pdf-table", "table", 501, "pdf", furniture=True, footer="page_of"),
        _s("s02-pdf-table-reportlab-ttf", "table", 502, "pdf", pdf="reportlab-ttf", amounts="yuan"),
        _s("r01-pdf-project-reportlab", "project", 601, "pdf", pdf="reportlab", wrap_amount=True,
           furniture=True, amounts="mixed", footer="page_of"),
        _s("f01-docx-altered-item", "project", 701, "docx", fault={"kind": "altered_item"}),
        _s("f02-txt-altered-total", "national", 702, "txt", fault={"kind": "altered_total"}),
        _s("f03-pdf-altered-rate", "project", 703, "pdf", pdf="reportlab", fault={"kind": "altered_rate"}),
        _s("f04-docx-altered-score", "table", 704, "docx", fault={"kind": "altered_score"}),
        _s("f05-docx-truncated", "project", 705, "docx", fault={"kind": "truncated"}),
        _s("f06-pdf-truncated", "project", 706, "pdf", pdf="reportlab", fault={"kind": "truncated"}),
        _s("f07-pdf-encrypted", "project", 707, "pdf", pdf="reportlab-ttf", fault={"kind": "encrypted"}),
        _s("f08-docx-corrupt", "national", 708, "docx", fault={"kind": "corrupt"}),
        _s("f09-pdf-corrupt", "project", 709, "pdf", pdf="reportlab", fault={"kind": "corrupt"}),
        _s("f10-pdf-no-text-layer", "table", 710, "pdf", pdf="reportlab", fault={"kind": "no_text_layer"}),
        _s("f11-pdf-kangxi", "project", 711, "pdf", pdf="reportlab", fault={"kind": "kangxi"}),
    ]


KINDS = ("project", "project", "national", "department", "transfer", "evaluation", "table")
CONTENT_FAULTS = ("altered_item", "altered_total", "altered_rate", "altered_score")
FILE_FAULTS = ("truncated", "corrupt")
PDF_FAULTS = ("encrypted", "no_text_layer", "kangxi")


def _content_faults(kind: str, fmt: str) -> list[str]:
    """The content faults a report of ``kind`` in ``fmt`` can carry."""
    if kind == "table":
        return ["altered_score"]
    faults = ["altered_item", "altered_total", "altered_rate"]
    if kind != "department" and fmt != "txt":
        faults.append("altered_score")
    return faults


def random_specs(count: int, seed: int, formats: list[str], fault_rate: float) -> list[Spec]:
    """``count`` specs with layout options drawn at random; about ``fault_rate`` of them faulty."""
    rng = random.Random(seed)
    specs = []
    for i in range(count):
        fmt = formats[i % len(formats)]
        kind = rng.choice([k for k in KINDS if not (fmt == "txt" and k == "table")])
        opts: dict[str, Any] = {
            "headings": rng.choice(["typed", "styled", "autonum", "autonum_styled", "autonum_linked"]),
            "blank_paras": rng.random() < 0.2,
            "amounts": rng.choice(["wan", "wan", "yuan", "mixed"]),
            "font": rng.choice(["宋体", "仿宋_GB2312", "WenQuanYi Zen Hei"]),
            "numbering": rng.choice(["standard", "standard", "ideograph", "alt"]),
            "punctuation": rng.choice(["full", "full", "full", "half"]),
            "table": fmt != "txt" and rng.random() < 0.6,
            "furniture": rng.random() < 0.5, "toc": rng.random() < 0.2,
            "footer": rng.choice([None, None, "page_of"]),
            "funds_table": fmt != "txt" and rng.random() < 0.3,
            "title_split": rng.random() < 0.3, "split_runs": rng.random() < 0.5,
            "long_table": kind == "department" and fmt != "txt" and rng.random() < 0.5,
            "repeat_header": rng.random() < 0.5, "rate_places": rng.choice([None, 2]),
        }
        if fmt == "txt":
            opts["encoding"] = rng.choice(["utf-8", "utf-8", "utf-8-sig", "gb18030"])
        if fmt == "pdf":
            opts["pdf"] = rng.choice(["libreoffice", "libreoffice", "reportlab", "reportlab-ttf"])
            opts["wrap_amount"] = opts["pdf"] != "libreoffice" and rng.random() < 0.3
        if rng.random() < fault_rate:
            pool = list(FILE_FAULTS) + _content_faults(kind, fmt)
            if fmt == "pdf":
                pool += list(PDF_FAULTS)
            fault = rng.choice(pool)
            if fault in PDF_FAULTS:
                opts["pdf"] = "reportlab-ttf" if fault == "encrypted" else "reportlab"
            if fault == "altered_score":
                opts["table"] = True
            opts["fault"] = {"kind": fault}
        specs.append(Spec(f"g{seed}-{i:05d}-{kind}", kind, rng.randrange(10**9), fmt,
                          {k: v for k, v in opts.items() if v not in (None, False)}))
    return specs
