"""Document model (what readers produce) and report model (what docparse outputs)."""

from docparse.model.document import Block, Cell, Document, Provenance, Table, table_text
from docparse.model.report import (
    FACT_NAMES,
    SCHEMA_VERSION,
    CheckResult,
    Fact,
    FundItem,
    Indicator,
    Mention,
    Report,
    ReportMeta,
    Section,
    SourceInfo,
    money_str,
    number_str,
)

__all__ = [
    "FACT_NAMES", "SCHEMA_VERSION", "Block", "Cell", "CheckResult", "Document", "Fact", "FundItem",
    "Indicator", "Mention", "Provenance", "Report", "ReportMeta", "Section", "SourceInfo", "Table",
    "money_str", "number_str", "table_text",
]
