"""Parley's HTTP API: a thin FastAPI layer over parley.store, serving the dashboard too."""

from __future__ import annotations

from parley.api.app import create_app

__all__ = ["create_app"]
