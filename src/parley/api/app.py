"""The FastAPI application factory: JSON API under /api, the dashboard at /."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from parley.api.errors import install_error_handlers
from parley.api.limits import DEFAULT_MAX_BODY_BYTES, BodySizeLimit
from parley.api.state import AppState
from parley.web import STATIC_DIR

# Swagger UI 5 (Apache-2.0, npm swagger-ui-dist), vendored with its license in the package.
_SWAGGER = "/static/vendor/swagger-ui"


def create_app(
    store_url: str,
    *,
    api_token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    coder_options: dict[str, Any] | None = None,
) -> FastAPI:
    """Build the app over the store at `store_url`; POST /api/articles is on only with a token."""
    from parley import __version__
    from parley.api.routes import router
    from parley.store import Store

    store = Store.open(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()  # releases pooled connections; the engine reconnects if used again

    app = FastAPI(
        lifespan=lifespan,
        # /docs is served below from the package's copy of Swagger UI: no CDN at run time.
        docs_url=None,
        redoc_url=None,
        title="Parley",
        version=__version__,
        description=(
            "Source-grounded event data from diplomatic and political news: search events, "
            "read the evidence sentences, follow dyads over time."
        ),
    )
    app.state.parley = AppState(
        store=store,
        api_token=api_token or None,
        max_body_bytes=max_body_bytes,
        coder_options=dict(coder_options or {}),
    )
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Parley API",
            swagger_js_url=f"{_SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{_SWAGGER}/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
