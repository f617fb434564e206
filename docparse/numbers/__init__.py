"""Numbers in Chinese report text: a pure normaliser, a scanner for written figures, and the
state machine that applies units declared once (单位：万元) to the bare numbers they govern."""

from docparse.numbers.found import Found
from docparse.numbers.govern import BlockView, govern
from docparse.numbers.normalise import normalise_chars, parse_arabic, parse_number, parse_numeral, parse_yuan
from docparse.numbers.scanner import scan

__all__ = [
    "BlockView", "Found", "govern", "normalise_chars", "parse_arabic", "parse_number", "parse_numeral",
    "parse_yuan", "scan",
]
