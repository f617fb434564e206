"""Extractors: mentions, facts, fund items, indicators and the evaluation, from an analysed document."""
