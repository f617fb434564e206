"""jieba segmentation without jieba's start-up cost: the dictionary is read from a cache, per character.

jieba builds its prefix dictionary (349,046 words and their prefixes, about 500,000 entries) from
``dict.txt`` or unmarshals all of it from ``/tmp/jieba.cache`` in every process: the larger part of a
cold ``docparse parse``. Here the dictionary, with docparse's user dictionary
(``rules/jieba/userdict.txt``) merged in, is written once to a cache file holding one marshalled
shard per first character; a process maps the file and unmarshals a shard when a text first
needs a word starting with that character (a two-page report touches about a fifth of the entries).
jieba's own ``Tokenizer`` does the cutting over that mapping, so the segmentation is jieba's.

The cache is built by :func:`build_cache` (``python -m docparse.nlp.segment`` once after installing,
or the first segmentation builds it) in ``$DOCPARSE_CACHE_DIR``, else ``docparse/nlp/cache/`` when
writable, else ``~/.cache/docparse``, else the temporary folder; its name carries the Python, jieba and
dictionary versions, so a changed dictionary gets a new cache and an unchanged one is never rebuilt.

jieba is imported on first use only, and without ``pkg_resources`` (which jieba 0.42 imports to find
its own files: 0.15–0.6 s on its own).
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import mmap
import os
import struct
import sys
import tempfile
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docparse.errors import RuleFileError
from docparse.rules import rule_path

if TYPE_CHECKING:
    import jieba

USER_DICT = "jieba/userdict.txt"
WORDS = "nlp/words.jsonl"
SETTINGS = "nlp/segmentation.yaml"
_MAGIC = b"DPJIEBA1"
_lock = threading.Lock()
_tokenizer: Any = None


def import_jieba() -> Any:
    """``import jieba`` without letting it import ``pkg_resources`` (it falls back to plain paths)."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # ImportError inside jieba._compat
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


class ShardedFreq:
    """jieba's ``FREQ`` mapping (word or prefix → frequency) read from the cache one shard at a time.

    A shard holds every entry starting with one character; it is unmarshalled on first lookup."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if self._map[: len(_MAGIC)] != _MAGIC:
            raise ValueError(f"{path}: not a docparse jieba cache")
        (size,) = struct.unpack_from("<Q", self._map, len(_MAGIC))
        start = len(_MAGIC) + 8
        header = marshal.loads(self._map[start : start + size])
        self.total: int = header["total"]
        self.org_words: frozenset[str] = frozenset(header["org_words"])
        self._index: dict[str, tuple[int, int]] = header["index"]
        self._base = start + size
        self._shards: dict[str, dict[str, int]] = {}

    def _shard(self, ch: str) -> dict[str, int]:
        shard = self._shards.get(ch)
        if shard is None:
            where = self._index.get(ch)
            shard = {} if where is None else marshal.loads(self._map[self._base + where[0] : self._base + where[1]])
            self._shards[ch] = shard
        return shard

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(key) and key in self._shard(key[0])

    def __getitem__(self, key: str) -> int:
        return self._shard(key[0])[key]

    def get(self, key: str, default: int | None = None) -> int | None:
        return self._shard(key[0]).get(key, default) if key else default

    def __setitem__(self, key: str, value: int) -> None:  # jieba.add_word
        self._shard(key[0])[key] = value

    def loaded_shards(self) -> int:
        """How many first characters have been read (for the benchmarks)."""
        return len(self._shards)


def _user_entries() -> list[tuple[str, int, str | None]]:
    """The user dictionary's lines: word, frequency, part-of-speech tag (validated)."""
    path = rule_path(USER_DICT)
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if len(parts) not in (2, 3) or not parts[1].isdigit():
            raise RuleFileError(path, f"line {n}: needs 'word frequency [tag]'")
        out.append((parts[0], int(parts[1]), parts[2] if len(parts) == 3 else None))
    return out


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    from docparse.rules import rule_file

    return rule_file(SETTINGS, ["domain_word_freq", "domain_sources"])


def domain_freq() -> int:
    """The frequency a domain word gets in the dictionary (at least; jieba's own may be higher)."""
    return int(_settings()["domain_word_freq"])


@lru_cache(maxsize=1)
def domain_entries() -> tuple[tuple[str, str], ...]:
    """The domain's words merged into the dictionary, with their labels: ``rules/nlp/words.jsonl`` (spaCy's
    pattern-file format; ``ORG`` marks the name of a kind of body, an organisation word like jieba's ``nt``)
    and the word lists of the rule files named in ``rules/nlp/segmentation.yaml`` (label ``CUE``)."""
    from docparse.rules import load_yaml

    out: list[tuple[str, str]] = []
    path = rule_path(WORDS)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RuleFileError(path, f"line {n}: invalid JSON ({exc.msg})") from exc
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str) or "label" not in entry:
            raise RuleFileError(path, f'line {n}: needs {{"label": …, "pattern": "word"}}')
        out.append((entry["pattern"], str(entry["label"])))
    for source in _settings()["domain_sources"]:
        words_ = _words_at(load_yaml(source["file"]), str(source["keys"]).split("."), source["file"])
        out.extend((w, "CUE") for w in words_)
    seen: dict[str, str] = {}
    for word, label in out:
        if len(word) >= 2:
            seen.setdefault(word, label)
    return tuple(seen.items())


def domain_words() -> tuple[str, ...]:
    """The domain's words (see :func:`domain_entries`)."""
    return tuple(w for w, _ in domain_entries())


def _words_at(data: Any, keys: list[str], name: str) -> list[str]:
    """The strings of the list(s) ``keys`` lead to in ``data`` (``*`` stands for every value)."""
    if not keys:
        if not isinstance(data, list) or not all(isinstance(w, str) for w in data):
            raise RuleFileError(rule_path(name), "a domain word source must lead to lists of words")
        return data
    key, rest = keys[0], keys[1:]
    if not isinstance(data, dict) or (key != "*" and key not in data):
        raise RuleFileError(rule_path(name), f"no key {key!r} for the domain words")
    values = list(data.values()) if key == "*" else [data[key]]
    return [w for v in values for w in _words_at(v, rest, name)]


def _main_dictionary() -> Path:
    return Path(import_jieba().__file__).resolve().parent / "dict.txt"


@lru_cache(maxsize=1)
def cache_key() -> str:
    """What the cache depends on: Python's marshal format, jieba's version and both dictionaries."""
    main = _main_dictionary()
    h = hashlib.sha1()
    h.update(f"{sys.version_info[:2]}|{import_jieba().__version__}|{main.stat().st_size}|".encode())
    h.update(rule_path(USER_DICT).read_bytes())
    h.update(f"{domain_freq()}|{'|'.join(f'{w}/{label}' for w, label in domain_entries())}".encode())
    return h.hexdigest()[:16]


def _cache_dirs() -> list[Path]:
    env = os.environ.get("DOCPARSE_CACHE_DIR")
    if env:
        return [Path(env)]
    return [
        Path(__file__).resolve().parent / "cache",
        Path.home() / ".cache" / "docparse",
        Path(tempfile.gettempdir()) / "docparse",
    ]


def cache_path() -> Path:
    """The cache file in use: the first existing one, else where it would be built."""
    name = f"jieba-{cache_key()}.bin"
    dirs = _cache_dirs()
    for d in dirs:
        if (d / name).is_file():
            return d / name
    for d in dirs:
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(d, os.W_OK):
            return d / name
    return dirs[-1] / name


def build_cache(path: Path | None = None) -> Path:
    """Write the sharded dictionary cache (jieba's dictionary with the user dictionary merged in)."""
    jieba = import_jieba()
    path = path or cache_path()
    with open(_main_dictionary(), "rb") as f:
        freq, total = jieba.Tokenizer.gen_pfdict(f)
    org_words = set()
    with open(_main_dictionary(), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "nt":
                org_words.add(parts[0])
    entries = _user_entries() + [
        (w, max(freq.get(w, 0), domain_freq()), "nt" if label == "ORG" else None) for w, label in domain_entries()
    ]
    for word, n, tag in entries:  # as jieba's add_word does
        total += n - freq.get(word, 0)
        freq[word] = n
        for i in range(1, len(word)):
            freq.setdefault(word[:i], 0)
        if tag == "nt":
            org_words.add(word)
    shards: dict[str, dict[str, int]] = {}
    for word, n in freq.items():
        shards.setdefault(word[0], {})[word] = n
    blobs, index, pos = [], {}, 0
    for ch, shard in shards.items():
        blob = marshal.dumps(shard)
        index[ch] = (pos, pos + len(blob))
        pos += len(blob)
        blobs.append(blob)
    header = marshal.dumps({"total": total, "index": index, "org_words": sorted(org_words)})
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(_MAGIC + struct.pack("<Q", len(header)) + header)
        for blob in blobs:
            out.write(blob)
    os.replace(tmp, path)
    if path.parent == Path(__file__).resolve().parent / "cache":  # the package's own: one cache at a time
        for old in path.parent.glob("jieba-*.bin"):
            if old != path:
                old.unlink(missing_ok=True)
    return path


def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer over the cached dictionary (jieba's default tokenizer too, so
    spaCy's jieba segmenter cuts with the same dictionary)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba = import_jieba()
                path = cache_path()
                if not path.is_file():
                    build_cache(path)
                try:
                    freq = ShardedFreq(path)
                except (OSError, ValueError, EOFError, TypeError, struct.error):  # a damaged cache: build it anew
                    freq = ShardedFreq(build_cache(path))
                tk = jieba.dt
                tk.FREQ, tk.total, tk.initialized = freq, freq.total, True
                _tokenizer = tk
    return _tokenizer


def org_words() -> frozenset[str]:
    """Words the dictionaries tag as organisation names (jieba's ``nt``)."""
    return tokenizer().FREQ.org_words


_CACHED_CHARS = 2000  # short texts (clauses, lines) are segmented once each; a long block every time


def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of ``text`` with their character offsets: (word, start, end)."""
    return _tokens(text) if len(text) <= _CACHED_CHARS else tuple(tokenizer().tokenize(text, HMM=True))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(tokenizer().tokenize(text, HMM=True))


def boundaries(text: str) -> frozenset[int]:
    """The offsets where a word of ``text`` starts or ends (0 and ``len(text)`` included)."""
    return _boundaries(text) if len(text) <= _CACHED_CHARS else _cuts(text)


@lru_cache(maxsize=4096)
def _boundaries(text: str) -> frozenset[int]:
    return _cuts(text)


def _cuts(text: str) -> frozenset[int]:
    out = {0, len(text)}
    for _, start, end in tokens(text):
        out.add(start)
        out.add(end)
    return frozenset(out)


def words(text: str) -> Iterator[str]:
    """The words of ``text`` alone."""
    return (w for w, _, _ in tokens(text))


if __name__ == "__main__":  # python -m docparse.nlp.segment: build the cache (at install time)
    print(build_cache())
