"""Bulk processing: a folder of thousands of reports, in parallel, resumable, nothing lost.

:func:`run_batch` discovers the inputs, skips what a previous run finished, parses the rest in
worker processes (locally or on a Dask cluster) and writes one JSON per document, a manifest,
``results.jsonl`` and ``summary.csv`` under the output folder. See ``docs/batch.md``.
"""

from docparse.batch.run import BatchOptions, BatchResult, default_workers, run_batch

__all__ = ["BatchOptions", "BatchResult", "default_workers", "run_batch"]
