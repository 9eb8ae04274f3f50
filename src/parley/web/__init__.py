"""The dashboard: static HTML, CSS and JS served at / by the API process (parley.api)."""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"

__all__ = ["STATIC_DIR"]
