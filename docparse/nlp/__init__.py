"""The NLP pipeline: spaCy ``zh`` with the jieba segmenter and docparse's own components."""

from docparse.nlp.pipeline import annotate, get_nlp

__all__ = ["annotate", "get_nlp"]
