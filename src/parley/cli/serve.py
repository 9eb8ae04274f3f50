"""`parley serve`: the HTTP API and the dashboard over a store, in one process."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from parley.cli.app import ACTORS_HELP, app

TOKEN_ENV = "PARLEY_API_TOKEN"


@app.command()
def serve(
    db: str = typer.Option(
        "parley.db", "--db", envvar="PARLEY_DB", help="Store: an SQLite path or postgresql:// URL."
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token_file: str | None = typer.Option(
        None,
        "--token-file",
        help=f"File holding the bearer token for POST /api/articles (else ${TOKEN_ENV}).",
    ),
    max_body_mb: float = typer.Option(
        8.0, "--max-body-mb", min=0.001, help="Largest request body accepted, in MiB."
    ),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the dashboard (/) over a store.

    Writing (POST /api/articles) is on only when a token is configured.

    Example:

      PARLEY_API_TOKEN=s3cret parley serve --db parley.db --port 8000
    """
    import uvicorn

    from parley.api import create_app
    from parley.errors import InputError

    token = os.environ.get(TOKEN_ENV) or None
    if token_file is not None:
        try:
            with open(token_file, encoding="utf-8") as handle:
                token = handle.read().strip() or None
        except OSError as exc:
            raise InputError(token_file, exc.strerror or "cannot read") from None
    for path in actors:  # fail now, not on the first POST that loads the coder
        if not path.is_file():
            raise InputError(str(path), "actor dictionary not found")
    application = create_app(db, api_token=token, max_body_bytes=int(max_body_mb * 1024 * 1024),
                             coder_options={"actor_files": tuple(actors)})
    write = "on" if token else f"off (set {TOKEN_ENV} to enable POST /api/articles)"
    typer.echo(f"Parley on http://{host}:{port}/  (API docs /docs; writes {write})", err=True)
    uvicorn.run(application, host=host, port=port, log_level="info")
