"""The same batch on a Dask LocalCluster gives the same outputs as the local worker pool."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docparse.batch import BatchOptions, run_batch
from docparse.batch.progress import LineProgress
from tests.batch.conftest import read_outputs, summary_rows

pytest.importorskip("dask.distributed", reason="the Dask backend needs the 'dask' extra")


def test_local_cluster_matches_local_pool(inputs: Path, tmp_path: Path) -> None:
    local = tmp_path / "LOCAL"
    run_batch(BatchOptions(inputs=[str(inputs)], out_dir=str(local), workers=2), LineProgress())
    out = tmp_path / "DASK"
    result = run_batch(BatchOptions(inputs=[str(inputs)], out_dir=str(out), workers=2, dask=True),
                       LineProgress())
    assert (result.parsed, result.copied) == (10, 1)
    assert read_outputs(out) == read_outputs(local)
    assert [r["status"] for r in summary_rows(out)] == [r["status"] for r in summary_rows(local)]
    assert sum(w.documents for w in result.workers) == 10  # docparse subprocesses on the Dask workers
    # resume on the cluster skips everything already done
    again = run_batch(BatchOptions(inputs=[str(inputs)], out_dir=str(out), workers=2, dask=True, resume=True),
                      LineProgress())
    assert (again.parsed, again.skipped) == (0, 11)
    record = json.loads((out / "faulty/empty.txt.error.json").read_text(encoding="utf-8"))
    assert "empty" in record["error"]["cause"]
