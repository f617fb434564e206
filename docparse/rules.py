"""Access to the rule files in ``rules/`` (shipped inside the package as ``docparse/rules``).

Rules are data a domain expert edits without touching code. Files are loaded once per
process and validated; a broken file raises :class:`RuleFileError` naming its path and line.
A rule file names shared marks of ``rules/text/lexicon.yaml`` with the tag ``!marks [name, …]``, and
writes a regular expression over the lexicon's characters with ``!pattern '…[${counting}]…'``, instead of
spelling the characters again.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from docparse.errors import RuleFileError


@cache
def rules_dir() -> Path:
    """The rules folder: inside the installed package, else the checkout's top-level ``rules/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleFileError(here / "rules", "rules folder not found (broken installation)")


def rule_path(name: str) -> Path:
    path = rules_dir() / name
    if not path.is_file():
        raise RuleFileError(path, "rule file not found")
    return path


class _RuleLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML with the lexicon tags: ``!marks`` (named mark sets joined) and ``!pattern`` (``${name}``
    placeholders filled with the lexicon's characters). libyaml's parser where PyYAML has it (ten times
    faster than the pure-Python one: the rule files are a third of a cold start otherwise)."""


def _marks(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    from docparse.lexicon import marks  # the lexicon itself is read through this module

    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    return marks(*(str(n) for n in names))


def _pattern(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    from docparse.lexicon import expand

    return expand(str(loader.construct_scalar(node)))


_RuleLoader.add_constructor("!marks", _marks)
_RuleLoader.add_constructor("!pattern", _pattern)


@cache
def load_yaml(name: str) -> Any:
    """A YAML rule file, parsed; errors carry the file and line."""
    path = rule_path(name)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_RuleLoader)  # a SafeLoader with one tag
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise RuleFileError(path, f"invalid YAML{where}: {getattr(exc, 'problem', exc)}") from exc


@cache
def load_json(name: str) -> Any:
    path = rule_path(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RuleFileError(path, f"invalid JSON line {exc.lineno}: {exc.msg}") from exc


def load_jsonl(name: str) -> list[Any]:
    path = rule_path(name)
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise RuleFileError(path, f"invalid JSON line {lineno}: {exc.msg}") from exc
    return out


def require_keys(name: str, data: Any, keys: list[str]) -> None:
    """Validate that a mapping rule file has the given top-level keys."""
    if not isinstance(data, dict):
        raise RuleFileError(rules_dir() / name, "expected a mapping at the top level")
    missing = [k for k in keys if k not in data]
    if missing:
        raise RuleFileError(rules_dir() / name, f"missing keys: {', '.join(missing)}")


def rule_file(name: str, keys: list[str]) -> dict[str, Any]:
    """A mapping rule file, parsed once and checked for its top-level ``keys``."""
    data = load_yaml(name)
    require_keys(name, data, keys)
    return data
