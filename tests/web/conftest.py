"""Browser fixtures: a store coded by the real coder, uvicorn on a free port, headless Chromium.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; nothing is downloaded.
Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from web_data import SEED_PATH, build_store

from parley.api import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the seed article and a few made-up ones, coded by the real coder."""
    if not SEED_PATH.exists():
        pytest.skip(f"seed article not found at {SEED_PATH}")
    path = tmp_path_factory.mktemp("web") / "seed.db"
    build_store(path)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_url(seed_db: Path) -> Iterator[str]:
    """The dashboard served by uvicorn in a thread on 127.0.0.1 and a free port."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(str(seed_db)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    # Wait on the server's own flag rather than a clock: started flips once it listens.
    while not server.started:
        if not thread.is_alive():
            pytest.fail("uvicorn did not start")
        threading.Event().wait(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium through Playwright."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server_url: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A fresh laptop-sized page; fails the test on any JavaScript error."""
    context = browser.new_context(viewport={"width": 1366, "height": 800}, base_url=server_url)
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield new_page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
