"""Per-app state: the open store, the API token and the lazily loaded Coder."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request


@dataclass(kw_only=True)
class AppState:
    """What a running app holds: one Store, the optional write token, one Coder once needed."""

    store: Any  # parley.store.Store
    api_token: str | None
    max_body_bytes: int
    coder_options: dict[str, Any] = field(default_factory=dict)
    _coder: Any = None
    _codebook: Any = None
    _coder_lock: threading.Lock = field(default_factory=threading.Lock)
    # One article coded at a time: the spaCy pipeline is shared, and coding is CPU-bound.
    coding_lock: threading.Lock = field(default_factory=threading.Lock)

    def codebook(self) -> Any:
        """The CAMEO codebook (names of codes), read once on first use."""
        if self._codebook is None:
            from parley.events.codebook import Codebook

            self._codebook = Codebook.load()
        return self._codebook

    def coder(self) -> Any:
        """The Coder, loaded on first use and kept for the app's life (spaCy loads once)."""
        if self._coder is None:
            with self._coder_lock:
                if self._coder is None:
                    from parley.coder import Coder

                    self._coder = Coder.load(**self.coder_options)
        return self._coder


def app_state(request: Request) -> AppState:
    """FastAPI dependency: the AppState of the app serving this request."""
    return request.app.state.parley
