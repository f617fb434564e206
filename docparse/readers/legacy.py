"""Legacy Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice, then read as .docx.

Each conversion runs ``soffice --headless`` with a private, throw-away user profile (so parallel
runs do not fight over one profile lock) into a temporary folder, under a timeout. The profile and
the output folder are named after the process that made them (``docparse-lo-PID-…``,
``docparse-conv-PID-…``) and the profile records the LibreOffice process group, so what a killed
process left behind (folders and a running ``soffice``) is swept by the next conversion, by the
batch that killed it (:func:`sweep`), or at exit.

A file whose bytes are neither a Word 97-2003 / WPS compound file, nor a .docx, RTF, HTML or text
that LibreOffice could import is refused before conversion, and a conversion giving no text is an
error, not an empty report.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
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


_PROFILE_PREFIX, _OUT_PREFIX = "docparse-lo-", "docparse-conv-"
_OWNED = re.compile(rf"^(?:{_PROFILE_PREFIX}|{_OUT_PREFIX})(\d+)-")
_GROUP_FILE = "docparse-pgid"
_running: set[int] = set()  # process groups of this process's conversions still running


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _kill_group(folder: Path) -> None:
    """Kill the LibreOffice process group recorded in a profile folder, if it still runs from it."""
    try:
        pgid = int((folder / _GROUP_FILE).read_text())
        cmdline = Path(f"/proc/{pgid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return
    if folder.name.encode() in cmdline:  # the group is still that conversion, not a reused id
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)


def sweep(owner: int | None = None) -> int:
    """Remove the profile and output folders (and kill the ``soffice`` group) of conversions made by
    process ``owner``, or by any process no longer alive; returns how many folders were removed."""
    removed = 0
    tmp = Path(tempfile.gettempdir())
    for folder in [*tmp.glob(f"{_PROFILE_PREFIX}*"), *tmp.glob(f"{_OUT_PREFIX}*")]:
        match = _OWNED.match(folder.name)
        if match is None:
            continue
        pid = int(match.group(1))
        if (owner is not None and pid != owner) or (owner is None and _alive(pid)):
            continue
        _kill_group(folder)
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed


@atexit.register
def _at_exit() -> None:
    for pgid in list(_running):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)
    if _running:
        sweep(os.getpid())


def _die_with_parent() -> None:
    """In the child before exec (Linux): SIGKILL when the converting process dies."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


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
    sweep()  # what killed runs left behind
    profile = Path(tempfile.gettempdir()) / f"{_PROFILE_PREFIX}{os.getpid()}-{uuid.uuid4().hex}"
    cmd = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(source)]
    try:
        profile.mkdir()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True, preexec_fn=_die_with_parent)
        _running.add(proc.pid)
        (profile / _GROUP_FILE).write_text(str(proc.pid))
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise ConversionTimeout(path, f"LibreOffice did not finish converting within {timeout:g} s") from exc
        finally:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)  # a helper LibreOffice left running
            _running.discard(proc.pid)
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

    with tempfile.TemporaryDirectory(prefix=f"{_OUT_PREFIX}{os.getpid()}-") as tmp:
        converted = convert_to_docx(path, Path(tmp), timeout=timeout, suffix=suffix, why=why)
        document = read_docx_file(converted, converted=True)
    if not any(block.is_body and block.text.strip() for block in document.blocks):
        raise CorruptInput(path, "LibreOffice converted the file to a document without text (corrupt, or not "
                                 "a Word/WPS document)")
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
    if not _importable(path):
        raise CorruptInput(path, f"not a Word 97-2003 or WPS document (no compound-file header, and not RTF, "
                                 f"HTML or text that could be a {path.suffix.lower()} saved in another format)")
    return convert_and_read(path)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _importable(path: Path) -> bool:
    """Whether LibreOffice may make a document of the file: an OLE compound file (Word 97-2003, WPS),
    RTF, or text (HTML or plain text saved under a Word name); random bytes are not."""
    from docparse.readers.text import looks_like_text

    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith(_OLE) or head.lstrip().startswith(b"{\\rtf"):
        return True
    return looks_like_text(head)
