"""File conversions through LibreOffice headless: .docx → .pdf / .doc, many files per process."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 600


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    return exe


def convert(sources: list[Path], target: str, outdir: Path, batch: int = 20) -> list[Path]:
    """Convert ``sources`` to ``target`` (pdf, doc) in ``outdir``; one private profile per process."""
    outdir.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for start in range(0, len(sources), batch):
        chunk = sources[start:start + batch]
        with tempfile.TemporaryDirectory(prefix="corpus-lo-") as profile:
            cmd = [soffice(), "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                   "--convert-to", target, "--outdir", str(outdir), *map(str, chunk)]
            subprocess.run(cmd, check=True, timeout=TIMEOUT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        for src in chunk:
            produced = outdir / (src.stem + "." + target)
            if not produced.exists():
                raise RuntimeError(f"{src}: LibreOffice wrote no .{target}")
            out.append(produced)
    return out
