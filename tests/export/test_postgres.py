"""``docparse load postgresql://…`` into a real PostgreSQL server (a throw-away cluster the tests start),
against the same reports loaded into SQLite: same rows, same answers to the queries of docs/database.md.

Skips only where the PostgreSQL server programs are not installed (Debian: ``postgresql``).
"""

from __future__ import annotations

import copy
import glob
import json
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docparse.cli import main
from docparse.export.database import load, open_database
from docparse.export.tables import CHILD_TABLES
from tests.conftest import ROOT

TABLES = ("reports", "sections", *CHILD_TABLES)
DOC = ROOT / "docs" / "database.md"


def _bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.insert(0, out.stdout.strip())
    for folder in candidates:
        if all((Path(folder) / p).is_file() for p in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The unix-socket directory of a running throw-away PostgreSQL server (run as ``postgres`` under root)."""
    bindir = _bindir()
    if bindir is None:
        pytest.skip("the PostgreSQL server programs are not installed (Debian: postgresql)")
    prefix: list[str] = []
    work = Path(tempfile.mkdtemp(prefix="docparse-pg-"))
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres user to run the server")
        os.chown(work, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data = work / "data"
    try:
        subprocess.run(
            [
                *prefix,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale",
                "C",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *prefix,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-w",
                "-l",
                str(work / "log"),
                "-o",
                f"-k {work} -h '' -F -c shared_buffers=16MB",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        yield str(work)
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def pg_url(server: str, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database on the server, as a URL."""
    import psycopg

    name = re.sub(r"\W", "_", request.node.name.lower())[:50]
    with psycopg.connect(f"postgresql:///postgres?host={server}&user=postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return f"postgresql://postgres@/{name}?host={server}"


def queries() -> dict[str, str]:
    """The SQL of docs/database.md marked ``<!-- query: NAME -->``."""
    text = DOC.read_text(encoding="utf-8")
    found = dict(re.findall(r"<!-- query: (\w+) -->\s*```sql\n(.*?)```", text, re.S))
    assert len(found) >= 7
    return found


def norm(value: Any) -> Any:
    """A value as both databases should agree on it: numbers as normalised Decimals, flags as ints,
    JSON text (SQLite) and JSONB (PostgreSQL) as the parsed object."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value)).normalize() + 0
    return value


def rows(db: Any, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(norm(v) for v in r) for r in db.query(sql)]


@pytest.fixture
def both(tmp_path: Path, pg_url: str, audit_reports: dict[str, dict[str, Any]]) -> Iterator[tuple[Any, Any]]:
    """The audit reports loaded by the command line into SQLite (a URL) and PostgreSQL."""
    source = tmp_path / "reports.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in audit_reports.values()), encoding="utf-8"
    )
    lite_url = f"sqlite:///{tmp_path / 'reports.db'}"
    for url in (lite_url, pg_url):
        result = CliRunner().invoke(main, ["load", url, str(source)])
        assert result.exit_code == 0, result.stderr
        assert f"{len(audit_reports)} reports loaded" in result.stderr
    lite, pg = open_database(lite_url), open_database(pg_url)
    try:
        yield lite, pg
    finally:
        lite.close()
        pg.close()


def test_every_table_holds_the_same_rows(both: tuple[Any, Any]) -> None:
    lite, pg = both
    for table in TABLES:
        order = "id" if table in ("reports", "sections") else "report_id, 2, 3"
        assert rows(pg, f"SELECT * FROM {table} ORDER BY {order}") == rows(
            lite, f"SELECT * FROM {table} ORDER BY {order}"
        )
    for view in ("report_facts", "report_money", "fund_items_cents"):
        assert rows(pg, f"SELECT * FROM {view} ORDER BY 1, 2") == rows(lite, f"SELECT * FROM {view} ORDER BY 1, 2")
    assert rows(pg, "SELECT COUNT(*) FROM mentions")[0][0] > 100


def test_auditor_queries_give_the_same_answers_as_the_json(
    both: tuple[Any, Any], audit_reports: dict[str, dict[str, Any]]
) -> None:
    lite, pg = both
    answers = {}
    for name, sql in queries().items():
        answers[name] = rows(lite, sql)
        assert rows(pg, sql) == answers[name], name
    facts = {r["source"]["path"]: r["facts"] for r in audit_reports.values()}
    low = sorted(
        (Decimal(f["execution_rate"]["value"]), p)
        for p, f in facts.items()
        if f["execution_rate"] and Decimal(f["execution_rate"]["value"]) < 90
    )
    assert [(r[3], r[0]) for r in answers["low_execution"]] == [(norm(v), p) for v, p in low]
    assert {Path(p).name for _, p in low} == {"s01-docx-table.docx", "low-execution.txt"}
    over = answers["spent_above_budget"]
    assert [(Path(r[0]).name, r[4]) for r in over] == [("over-budget.txt", (4012000 - 3860000) * 100)]
    failing = answers["failing_by_type_and_region"]
    expected = {}
    for r in audit_reports.values():
        for c in r["checks"]:
            if c["status"] == "fail":
                key = (r["report"]["type"], c["id"].split(".")[0])
                expected[key] = expected.get(key, 0) + 1
    assert {(t, k): n for _, t, k, n, _ in failing} == expected and expected
    assert failing[0][0] == "枫阳县"  # the altered total's unit, 枫阳县卫生健康局
    assert answers["short_of_target"] and all(r[4] > 0 for r in answers["short_of_target"])
    assert answers["items_not_adding_up"] and answers["budget_by_year"]


def test_numbers_are_numeric_and_exact_in_postgresql(
    both: tuple[Any, Any], audit_reports: dict[str, dict[str, Any]]
) -> None:
    _, pg = both
    types = dict(
        pg.query(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        )
    )
    for column in (
        "facts.value",
        "mentions.value",
        "fund_items.value",
        "money_rows.rate",
        "indicators.target_value",
        "report_facts.execution_rate",
        "report_facts.spent",
    ):
        assert types[column] == "numeric", column
    assert types["indicators.met"] == "boolean" and types["checks.evidence"] == "jsonb"
    sample = audit_reports["sample"]
    rid = pg.query("SELECT id FROM reports WHERE source_path = %s", (sample["source"]["path"],))[0][0]
    items = pg.query("SELECT SUM(value) FROM fund_items WHERE report_id = %s", (rid,))[0][0]
    assert (
        items
        == sum(Decimal(i["value"]) for i in sample["funds"]["items"])
        == Decimal(sample["facts"]["budget"]["value"])
    )
    wide = pg.query("SELECT budget, spent, execution_rate, grade FROM report_facts WHERE report_id = %s", (rid,))[0]
    assert wide == (*(Decimal(sample["facts"][k]["value"]) for k in ("budget", "spent", "execution_rate")), "优")
    cue = pg.query("SELECT basis ->> 'cue' FROM facts WHERE report_id = %s AND name = 'budget'", (rid,))[0][0]
    assert cue == sample["facts"]["budget"]["basis"]["cue"]


def test_reload_keeps_ids_and_a_broken_report_leaves_nothing(pg_url: str, reports: dict[str, dict[str, Any]]) -> None:
    ids = load(pg_url, reports.values())
    db = open_database(pg_url)
    try:
        before = {t: db.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}
        assert load(pg_url, reports.values()) == ids
        assert {t: db.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES} == before
        broken = copy.deepcopy(reports["sample"])
        broken["report"]["title"] = "half written"
        del broken["checks"][-1]["status"]  # fails after reports, sections, mentions … were written
        with pytest.raises(KeyError):
            load(pg_url, [broken], check=False)
        assert {t: db.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES} == before
        assert db.query("SELECT COUNT(*) FROM reports WHERE title = 'half written'") == [(0,)]
    finally:
        db.close()


def test_unreachable_server_is_one_line_without_the_password(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["load", "postgresql://auditor:s3cret@127.0.0.1:9/none", str(tmp_path / "a.json")]
    )
    assert result.exit_code == 2
    assert "cannot open the database" in result.stderr and "s3cret" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
