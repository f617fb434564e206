"""One-for-one character folding shared by every stage: full width to half width, traditional to simplified.

Both keep the text length, so character offsets found on folded text stand in the original.
Traditional → simplified uses OpenCC's table one character at a time (``opencc-purepy``), learnt
lazily for the characters a process actually meets.
"""

from __future__ import annotations

from functools import cache

_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20,
               0xFE59: 0x28, 0xFE5A: 0x29, 0xFE5D: 0x28, 0xFE5E: 0x29})

_T2S: dict[int, int] = {}  # traditional → simplified, one character for one, filled as characters are met
_SEEN: set[str] = set()


@cache
def _opencc():  # type: ignore[no-untyped-def]
    try:
        from opencc_purepy import OpenCC
    except ImportError:  # pragma: no cover - optional at run time
        return None
    return OpenCC("t2s")


def _learn(chars: set[str]) -> None:
    cc = _opencc()
    for ch in chars:
        _SEEN.add(ch)
        if cc is not None and "\u3400" <= ch <= "\u9fff":
            out = cc.convert(ch)
            if len(out) == 1 and out != ch:
                _T2S[ord(ch)] = ord(out)


def fold_width(text: str) -> str:
    """Full-width ASCII and ideographic space to half width (one character for one)."""
    return text.translate(_WIDTH)


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ones, one character for one (same length)."""
    if text.isascii():
        return text
    new = set(text) - _SEEN
    if new:
        _learn(new)
    return text.translate(_T2S)
