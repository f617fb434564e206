"""``docparse batch IN... -o OUT_DIR``: many reports, in parallel, resumable."""

from __future__ import annotations

import signal
import sys

import click

from docparse.cli.common import fail


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: one JSON per document (input paths mirrored), manifest, summary.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the CPUs available).")
@click.option("--jsonl", type=click.Path(dir_okay=False), default=None,
              help="Write the JSONL of all results here (default OUT_DIR/results.jsonl).")
@click.option("--resume", is_flag=True, help="Skip documents a previous run into OUT_DIR finished.")
@click.option("--retry-failed", is_flag=True, help="As --resume, and parse again the documents that failed.")
@click.option("--timeout", type=click.FloatRange(min=0), default=300.0, show_default=True,
              help="Seconds per document before its worker is killed (0: no limit).")
@click.option("--max-memory", type=click.IntRange(min=0), default=4096, show_default=True,
              help="Address-space ceiling per worker in MB (0: none).")
@click.option("--recycle", type=click.IntRange(min=0), default=200, show_default=True,
              help="Replace a worker after this many documents (0: never).")
@click.option("--quiet", "-q", is_flag=True, help="Plain log lines instead of a progress bar.")
@click.option("--dask", "use_dask", is_flag=True, help="Run on a Dask LocalCluster (or --scheduler).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Run on the Dask cluster at this scheduler address.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), envvar="DOCPARSE_OCR", default="auto",
              show_default=True, help="OCR scanned PDF pages: auto (pages without a usable text layer), always, never.")
@click.option("--password", default=None, metavar="PASSWORD",
              help="Password of the encrypted PDFs (the workers get it as DOCPARSE_PDF_PASSWORD; also set that).")
def batch(inputs: tuple[str, ...], out_dir: str, workers: int | None, jsonl: str | None, resume: bool,
          retry_failed: bool, timeout: float, max_memory: int, recycle: int, quiet: bool,
          use_dask: bool, scheduler: str | None, ocr: str, password: str | None) -> None:
    """Parse every report in INPUTS (files, folders searched recursively, globs) into OUT_DIR.

    A file that cannot be parsed gets an error record (OUT_DIR/<file>.error.json and a row in
    summary.csv) and the batch goes on. Interrupted runs continue with --resume.
    """
    from docparse.batch import BatchOptions, default_workers, run_batch
    from docparse.batch.pool import BatchAborted
    from docparse.batch.progress import make_progress
    from docparse.batch.run import NoInputs
    from docparse.ocr import set_ocr_mode

    set_ocr_mode(ocr)  # the workers inherit it
    if password is not None:  # the workers inherit the environment, where the PDF reader looks for it
        import os

        os.environ["DOCPARSE_PDF_PASSWORD"] = password

    if use_dask or scheduler:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            fail("--dask/--scheduler need Dask: pip install 'docparse[dask]'")
    options = BatchOptions(
        inputs=list(inputs), out_dir=out_dir, workers=workers or default_workers(), jsonl=jsonl,
        resume=resume, retry_failed=retry_failed, timeout=timeout or None, max_memory_mb=max_memory,
        recycle=recycle, dask=use_dask, scheduler=scheduler,
    )
    progress = make_progress(quiet)
    # Explicit handlers: a shell starts background jobs with SIGINT ignored, and Python then never
    # raises KeyboardInterrupt; the batch must still stop cleanly when asked.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        result = run_batch(options, progress)
    except KeyboardInterrupt:
        click.echo(f"docparse: batch interrupted; finished documents are kept in {out_dir} "
                   "(continue with --resume)", err=True)
        sys.exit(130)
    except BatchAborted as exc:
        fail(str(exc))
    except NoInputs as exc:
        fail(f"no input documents found ({exc})")
    except OSError as exc:  # the output folder itself cannot be written (permissions, disk full)
        fail(f"{getattr(exc, 'filename', None) or out_dir}: {exc.strerror or exc}")
    for name in result.missing:
        click.echo(f"docparse: {name}: no such file, folder or match", err=True)
    counts = result.counts
    rate = result.parsed / result.seconds if result.seconds else 0.0
    click.echo(
        f"docparse: {result.inputs} documents: {counts.get('ok', 0)} ok, {counts.get('warn', 0)} warn, "
        f"{counts.get('error', 0)} error; {result.parsed} parsed, {result.copied} identical copies, "
        f"{result.skipped} already done; {len(result.unsupported)} unsupported files ignored; "
        f"{result.seconds:.1f} s ({rate:.2f} docs/s). Summary: {result.summary}", err=True,
    )
