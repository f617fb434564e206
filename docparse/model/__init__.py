"""Document model (what readers produce) and report model (what docparse outputs)."""

from docparse.model.document import Block, Cell, Document, Provenance, Table, table_text
from docparse.model.report import (
    FACT_NAMES,
    SCHEMA_VERSION,
    CheckResult,
    Comparison,
    Fact,
    FundItem,
    FundListing,
    Indicator,
    Mention,
    MoneyRow,
    Report,
    ReportMeta,
    Section,
    SourceInfo,
    money_str,
    number_str,
)

__all__ = [
    "FACT_NAMES", "SCHEMA_VERSION", "Block", "Cell", "CheckResult", "Comparison", "Document", "Fact",
    "FundItem", "FundListing", "Indicator", "Mention", "MoneyRow", "Provenance", "Report", "ReportMeta",
    "Section", "SourceInfo", "Table",
    "money_str", "number_str", "table_text",
]
