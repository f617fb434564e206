"""Legacy Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice, then read as .docx.

Each conversion runs ``soffice --headless`` with a private, throw-away user profile (so parallel
runs do not fight over one profile lock) into a temporary folder, under a timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import uuid
from pathlib import Path

from docparse.errors import ConversionTimeout, CorruptInput, MissingProgram
from docparse.model import Document
from docparse.readers import register, sha256_file

TIMEOUT_SECONDS = 120.0
_INSTALL_HINT = "install LibreOffice: apt-get install libreoffice-writer-nogui"


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH (``soffice`` or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, out_dir: Path, timeout: float = TIMEOUT_SECONDS,
                    suffix: str | None = None, why: str | None = None) -> Path:
    """Convert ``path`` to .docx inside ``out_dir`` and return the new file's path."""
    program = soffice_path()
    if program is None:
        what = f"{why}; reading it" if why else f"reading {path.suffix or 'this file'}"
        raise MissingProgram(path, f"{what} needs the program 'soffice' (LibreOffice), not found on PATH; "
                                   f"{_INSTALL_HINT}")
    source = path
    if suffix is not None and path.suffix.lower() != suffix:
        source = out_dir / f"input{suffix}"  # LibreOffice picks its import filter partly by suffix
        shutil.copyfile(path, source)
    profile = Path(tempfile.gettempdir()) / f"docparse-lo-{os.getpid()}-{uuid.uuid4().hex}"
    cmd = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(source)]
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise ConversionTimeout(path, f"LibreOffice did not finish converting within {timeout:g} s") from exc
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = out_dir / f"{source.stem}.docx"
    if proc.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
        raise CorruptInput(path, "LibreOffice could not convert the file (corrupt or not a Word/WPS document)"
                           + (f": {detail[0]}" if detail else ""))
    return out


def convert_and_read(path: Path, suffix: str | None = None, why: str | None = None,
                     timeout: float = TIMEOUT_SECONDS) -> Document:
    """Convert with LibreOffice and read the result; the Document names the original format.

    ``why`` says why a conversion is needed (a misnamed file) in the error when LibreOffice is missing.
    """
    from docparse.readers.docx import read_docx_file

    with tempfile.TemporaryDirectory(prefix="docparse-conv-") as tmp:
        converted = convert_to_docx(path, Path(tmp), timeout=timeout, suffix=suffix, why=why)
        document = read_docx_file(converted, converted=True)
    original = (suffix or path.suffix).lower()
    document.path = str(path)
    document.format = "docx"
    document.converted_from = original
    document.sha256 = sha256_file(path)
    return document


@register(".doc", ".wps")
def read_legacy(path: Path) -> Document:
    """Read a .doc or .wps file through LibreOffice."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head == b"PK\x03\x04":  # a .docx under an old suffix: read it directly
        from docparse.readers.docx import read_docx_file

        document = read_docx_file(path)
        document.warn("misnamed", f"{path.name} is really a .docx (Office Open XML), read as such")
        document.sha256 = sha256_file(path)
        return document
    return convert_and_read(path)
