"""docparse's own corpus: generated reports with exact gold (see ``corpus/README.md``)."""
