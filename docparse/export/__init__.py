"""Exporters: JSON (validated against the schema), JSONL, with atomic writes."""
