"""Take the README's dashboard screenshots: code some articles, serve them, drive Chromium.

    .venv/bin/python scripts/screenshots.py news.jsonl --query Belgium --dyad KAZ BEL

Codes the input files (any kind `parley ingest` reads) with the real coder into a temporary
store, serves it with uvicorn on a free loopback port, and saves search.png, event.png,
dyad.png, network.png and map.png into docs/img/ using Debian's Chromium (/usr/bin/chromium)
through Playwright.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def build(db: Path, inputs: list[str]) -> int:
    """Code every article in `inputs` into the store at `db`; the number of events stored."""
    from parley.coder import Coder
    from parley.events import code_article
    from parley.ingest import read_inputs
    from parley.records import Article
    from parley.store import Store

    coder = Coder.load()
    total = 0
    with Store.open(str(db)) as store:
        for item in read_inputs(inputs):
            if isinstance(item, Article):
                events = code_article(item, coder)
                store.add_article(item, events, coder.version)
                total += len(events)
    return total


def serve(db: Path) -> tuple[str, object]:
    """Start uvicorn over `db` in a thread; its URL and the server (to stop it)."""
    import uvicorn

    from parley.api import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit("uvicorn did not start")
        threading.Event().wait(0.05)
    return f"http://127.0.0.1:{port}", server


def shoot(url: str, out: Path, query: str, event_text: str | None, dyad: list[str]) -> None:
    """Save the search, event, dyad, network and map views of the dashboard at `url` as PNGs."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800}, base_url=url)
        page.goto("/")
        page.wait_for_selector("main[data-ready='search']")
        box = page.get_by_role("searchbox", name="Search text")
        box.fill(query)
        box.press("Enter")
        page.wait_for_url(f"**/#/search?text={query}")
        page.wait_for_selector("main[data-ready='search']")
        page.screenshot(path=str(out / "search.png"))

        results = page.locator("ol.results a.result")
        if event_text:
            results = results.filter(has_text=event_text)
            more = page.get_by_role("button", name="Load more")
            for _ in range(20):  # page on until the wanted event is listed
                if results.count() or not more.count():
                    break
                shown = page.locator("ol.results a.result").count()
                more.click()
                page.wait_for_function(
                    f"document.querySelectorAll('ol.results a.result').length > {shown}"
                )
        results.first.click()
        page.wait_for_selector("main[data-ready='event']")
        page.screenshot(path=str(out / "event.png"))

        page.goto(f"/#/dyad/{dyad[0]}/{dyad[1]}?by=year")
        page.wait_for_selector("main[data-ready='dyad']")
        page.screenshot(path=str(out / "dyad.png"))

        for view in ("network", "map"):
            page.goto(f"/#/{view}")
            page.wait_for_selector(f"main[data-ready='{view}']")
            page.screenshot(path=str(out / f"{view}.png"))
        browser.close()


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build the store, take the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="article files or folders to code")
    parser.add_argument("--query", default="Belgium", help="text to search for")
    parser.add_argument("--event-text", default=None, help="open the first result with this")
    parser.add_argument("--dyad", nargs=2, default=["KAZ", "BEL"], metavar=("A", "B"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screens.db"
        events = build(db, args.inputs)
        print(f"coded {events} events", file=sys.stderr)
        url, server = serve(db)
        try:
            shoot(url, args.out, args.query, args.event_text, args.dyad)
        finally:
            server.should_exit = True  # type: ignore[attr-defined]
    print(f"screenshots in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
