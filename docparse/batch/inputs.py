"""Input discovery: folders (recursive), globs and files → an ordered, de-duplicated list of inputs.

Each input keeps the path as the user named it (``path``, written into the output as the source)
and a path relative to the common base of all inputs (``rel``), under which its result is mirrored
in the output folder. Folders and globs contribute only files docparse can read; a file named
explicitly is always taken (an unsupported one gets an error record).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from docparse.readers import sha256_file, supported_suffixes


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str      # as named by the user (or found under a named folder)
    rel: str       # POSIX path relative to the common base; the output mirrors it
    abspath: str   # absolute path, what workers open
    size: int
    sha256: str = ""


@dataclass(slots=True)
class Discovery:
    files: list[InputFile]
    skipped: list[str]   # found under a folder or glob but not a supported type
    missing: list[str]   # arguments that matched nothing


def _glob_base(pattern: str) -> str:
    """The leading folder of a glob pattern that holds no wildcard."""
    parts = Path(pattern).parts
    base: list[str] = []
    for part in parts[:-1]:
        if glob.has_magic(part):
            break
        base.append(part)
    return str(Path(*base)) if base else "."


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        found.extend(os.path.join(root, name) for name in sorted(names))
    return found


def discover(inputs: list[str], exclude: str | None = None) -> Discovery:
    """Expand ``inputs`` into files, in a stable order; ``exclude`` is a folder to leave out."""
    suffixes = set(supported_suffixes())
    excluded = os.path.abspath(exclude) if exclude else None
    candidates: list[tuple[str, bool]] = []  # (path, named explicitly)
    bases: list[str] = []
    skipped: list[str] = []
    missing: list[str] = []
    for arg in inputs:
        if os.path.isdir(arg):
            bases.append(arg)
            candidates.extend((p, False) for p in _walk(arg))
        elif os.path.isfile(arg):
            bases.append(os.path.dirname(arg) or ".")
            candidates.append((arg, True))
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                missing.append(arg)
            bases.append(_glob_base(arg))
            for match in matches:
                if os.path.isdir(match):
                    candidates.extend((p, False) for p in _walk(match))
                else:
                    candidates.append((match, False))
        else:
            missing.append(arg)
    if not bases:
        return Discovery([], skipped, missing)
    common = os.path.commonpath([os.path.abspath(b) for b in bases])
    files: dict[str, InputFile] = {}
    for path, explicit in candidates:
        absolute = os.path.abspath(path)
        if absolute in files or not os.path.isfile(absolute):
            continue
        if excluded and (absolute + os.sep).startswith(excluded + os.sep):
            continue
        if not explicit and Path(path).suffix.lower() not in suffixes:
            skipped.append(path)
            continue
        rel = Path(os.path.relpath(absolute, common)).as_posix()
        files[absolute] = InputFile(path=path, rel=rel, abspath=absolute, size=os.path.getsize(absolute))
    ordered = sorted(files.values(), key=lambda f: f.rel)
    return Discovery(ordered, skipped, missing)


def with_hashes(files: list[InputFile]) -> list[InputFile]:
    """The same inputs with their content sha256 filled in (unreadable files get an empty hash)."""
    out = []
    for f in files:
        try:
            digest = sha256_file(Path(f.abspath))
        except OSError:
            digest = ""
        out.append(InputFile(f.path, f.rel, f.abspath, f.size, digest))
    return out
