"""docparse's spaCy components, each registered with ``@Language.factory`` in its own module."""
