"""JSON export and validation against ``rules/schema/report.schema.json``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from docparse.export.atomic import write_text_atomic
from docparse.rules import load_json


def schema() -> dict[str, Any]:
    """The published JSON Schema (2020-12) of docparse's output."""
    return load_json("schema/report.schema.json")


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def validation_errors(data: Any) -> list[str]:
    """Human-readable schema violations, ``path: message``; empty when valid."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json(path: str | Path, data: Any) -> None:
    write_text_atomic(path, dumps(data))
