"""The DDL and the copy recipe of docs/database.md in a real PostgreSQL server (a throw-away cluster).

Skips where the PostgreSQL server programs or the sqlite3/psql command-line tools are not installed.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docparse.export.sqlite import load
from tests.export.test_sqlite import TABLES, counts

BUDGET_BY_YEAR = """SELECT fiscal_year, COUNT(*), SUM(budget_cents), SUM(spent_cents) FROM report_money
WHERE budget_cents IS NOT NULL AND spent_cents IS NOT NULL GROUP BY fiscal_year ORDER BY fiscal_year"""


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
def postgres() -> Iterator[str]:
    """A unix-socket directory of a running throw-away PostgreSQL server."""
    bindir = _bindir()
    if bindir is None or not shutil.which("psql") or not shutil.which("sqlite3"):
        pytest.skip("PostgreSQL server programs, psql or sqlite3 are not installed")
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
        subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                        "--no-sync"], check=True, capture_output=True)
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(work / "log"),
                        "-o", f"-k {work} -h '' -F -c shared_buffers=16MB", "start"], check=True, capture_output=True)
        yield str(work)
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


def psql(host: str, sql: str, db: str = "reports") -> list[list[str]]:
    out = subprocess.run(["psql", "-h", host, "-U", "postgres", "-d", db, "-At", "-F", "|", "-v", "ON_ERROR_STOP=1",
                          "-c", sql], capture_output=True, text=True, check=True)
    return [line.split("|") for line in out.stdout.splitlines()]


def test_documented_recipe_copies_every_row_into_postgresql(
        postgres: str, tmp_path: Path, reports: dict[str, dict[str, Any]]) -> None:
    db = tmp_path / "reports.db"
    load(db, reports.values())
    tables = " ".join(TABLES)
    script = f"""set -e
createdb reports
"{sys.executable}" -m docparse load --ddl | psql -v ON_ERROR_STOP=1 -q -d reports
for t in {tables}; do
  sqlite3 -header -csv "{db}" "SELECT * FROM $t ORDER BY rowid" |
    psql -v ON_ERROR_STOP=1 -d reports -c "\\copy $t FROM STDIN WITH (FORMAT csv, HEADER true)"
done
"""
    env = {**os.environ, "PGHOST": postgres, "PGUSER": "postgres"}
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert {t: int(psql(postgres, f"SELECT COUNT(*) FROM {t}")[0][0]) for t in TABLES} == counts(db)

    with sqlite3.connect(db) as conn:
        expected = [[str(v) for v in row] for row in conn.execute(BUDGET_BY_YEAR)]
        sample = conn.execute("SELECT id FROM reports WHERE source_path LIKE '%sample-project-2023.txt'").fetchone()[0]
    assert psql(postgres, BUDGET_BY_YEAR) == expected
    items = psql(postgres, f"SELECT SUM(value::numeric) FROM fund_items WHERE report_id = {sample}")
    assert items == [[reports["sample"]["facts"]["budget"]["value"]]]
    nulls = psql(postgres, "SELECT COUNT(*) FROM sections WHERE parent_id IS NULL")
    assert int(nulls[0][0]) == sum(len(r["sections"]) for r in reports.values())
