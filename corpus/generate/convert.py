"""File conversions through LibreOffice headless: .docx → .pdf / .doc, many files per process.

Each soffice process gets its own profile (``-env:UserInstallation``), so several can run at once.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TIMEOUT = 600


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    return exe


def _run(chunk: list[Path], target: str, outdir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="corpus-lo-") as profile:
        cmd = [soffice(), "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
               "--convert-to", target, "--outdir", str(outdir), *map(str, chunk)]
        subprocess.run(cmd, check=True, timeout=TIMEOUT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def convert(sources: list[Path], target: str, outdir: Path, batch: int = 20, jobs: int = 1) -> list[Path]:
    """Convert ``sources`` to ``target`` (pdf, doc) in ``outdir``: ``batch`` files per process,
    ``jobs`` processes at a time. Returns the produced files in the order of ``sources``."""
    outdir.mkdir(parents=True, exist_ok=True)
    chunks = [sources[i:i + batch] for i in range(0, len(sources), batch)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        list(pool.map(lambda chunk: _run(chunk, target, outdir), chunks))
    out = []
    for src in sources:
        produced = outdir / (src.stem + "." + target)
        if not produced.exists():
            raise RuntimeError(f"{src}: LibreOffice wrote no .{target}")
        out.append(produced)
    return out
