"""The spaCy English pipeline, loaded once and run in batches."""

from parley.nlp.pipeline import DEFAULT_MODEL, load_pipeline, parse_texts

__all__ = ["DEFAULT_MODEL", "load_pipeline", "parse_texts"]
