"""File-level faults applied after writing: truncated and corrupt files.

Content faults (altered item, total, rate, score) are made while building the text, and PDF faults
(encrypted, no text layer, Kangxi radicals) while writing the PDF; this module records them all in
the gold's ``fault`` with the error a reader must report, if any.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

ERRORS = {"truncated": "corrupt", "corrupt": "corrupt", "encrypted": "encrypted"}


def apply(path: Path, spec: Any, gold: dict[str, Any]) -> None:
    kind = spec.options["fault"]["kind"]
    data = path.read_bytes()
    if kind == "truncated":
        path.write_bytes(data[: len(data) * 11 // 20])
        gold["complete"] = False
    elif kind == "corrupt":
        rng = random.Random(spec.seed)
        path.write_bytes(data[:16] + bytes(rng.randrange(256) for _ in range(len(data) - 16)))
    gold["fault"] = {**spec.options["fault"], "error": ERRORS.get(kind)}
