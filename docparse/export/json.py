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


def error_schema() -> dict[str, Any]:
    """The JSON Schema of a batch error record (``rules/schema/error.schema.json``)."""
    return load_json("schema/error.schema.json")


@cache
def _error_validator() -> Any:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(error_schema())
    return Draft202012Validator(error_schema())


def _messages(validator: Any, data: Any) -> list[str]:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def validation_errors(data: Any) -> list[str]:
    """Human-readable schema violations of a report object, ``path: message``; empty when valid."""
    return _messages(_validator(), data)


def is_error_record(data: Any) -> bool:
    """An object that says it is a batch error record: an ``error`` key and no ``schema_version``."""
    return isinstance(data, dict) and "error" in data and "schema_version" not in data


def record_errors(data: Any) -> list[str]:
    """Schema violations of either kind of result: an error record against its schema, else a report."""
    return _messages(_error_validator(), data) if is_error_record(data) else validation_errors(data)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json(path: str | Path, data: Any) -> None:
    write_text_atomic(path, dumps(data))
