"""What one document leaves behind: its output file names, its error record, its summary row.

A parsed document is written to ``OUT/<rel>.json`` (the report JSON); a document that failed gets
``OUT/<rel>.error.json`` instead: ``{docparse_version, source, error: {code, kind, cause, message}}``.
Neither holds timings, so the same input always gives byte-identical files; timings live in the
manifest and ``summary.csv`` only.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any

from docparse.__about__ import __version__

OK, WARN, ERROR = "ok", "warn", "error"
SUMMARY_FIELDS = (
    "file", "status", "type", "year", "unit", "budget", "spent", "failed_checks", "seconds", "error",
)


def exists(path: Path) -> bool:
    """Whether ``path`` is a file; False also for names the file system cannot hold."""
    try:
        return path.is_file()
    except OSError:
        return False


def output_path(out_dir: str | Path, rel: str, failed: bool = False) -> Path:
    return Path(out_dir) / f"{rel}{'.error.json' if failed else '.json'}"


def _fact(data: dict[str, Any], name: str) -> str | None:
    fact = (data.get("facts") or {}).get(name)
    return fact.get("value") if isinstance(fact, dict) else None


def summarise(data: dict[str, Any]) -> dict[str, Any]:
    """The summary fields of a report JSON (or of an error record)."""
    if "error" in data:
        return {"status": ERROR, "error": data["error"]["message"], "pages": None}
    report = data.get("report") or {}
    failed = [c["id"] for c in data.get("checks") or [] if c.get("status") == "fail"]
    return {
        "status": WARN if failed or data.get("warnings") else OK,
        "type": report.get("type"),
        "year": report.get("fiscal_year"),
        "unit": report.get("unit"),
        "budget": _fact(data, "budget"),
        "spent": _fact(data, "spent"),
        "failed_checks": failed,
        "pages": (data.get("source") or {}).get("pages"),
        "error": None,
    }


def error_record(path: str, sha256: str | None, code: str, kind: str, cause: str) -> dict[str, Any]:
    """The error record of a document: which file, and one line on why it failed."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return {
        "docparse_version": __version__,
        "source": {"path": path, "format": suffix or None, "sha256": sha256 or None},
        "error": {"code": code, "kind": kind, "cause": cause, "message": f"{path}: {cause}"},
    }


def relabel(data: dict[str, Any], path: str) -> dict[str, Any]:
    """A copy of a result (report or error record) for an identical file under another name."""
    out = dict(data)
    out["source"] = {**data["source"], "path": path}
    old_name, new_name = PurePath(str(data["source"].get("path") or "")).name, PurePath(path).name
    if old_name and old_name != new_name and data.get("warnings"):  # "X.doc is really a .docx …"
        out["warnings"] = [{**w, "message": w["message"].replace(old_name, new_name)} if isinstance(
            w.get("message"), str) else w for w in data["warnings"]]
    if "error" in data:
        err = data["error"]
        out["error"] = {**err, "message": f"{path}: {err['cause']}"}
    return out
