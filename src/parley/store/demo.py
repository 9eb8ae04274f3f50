"""The bundled demo corpus: short diplomatic news items written for Parley (see data/README.md)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def corpus_path() -> Path:
    """The path of the demo corpus, a JSONL file of articles shipped inside the package."""
    return Path(str(files("parley.store") / "data" / "demo.jsonl"))
