"""The browser tests' store: the seed article (read by ingest) and a few made-up articles,
coded by the real coder and stored through `Store.add_article`."""

from __future__ import annotations

from pathlib import Path

from parley.records import Article

SEED_PATH = Path(__file__).resolve().parents[3] / "shared" / "seed" / (
    "kazinform-kazakhstan-belgium.txt"
)

# Written for these tests; not taken from any corpus.
MADE_UP = [
    Article(
        id="web-lahbib-visit",
        title="Belgian minister in Astana",
        outlet="Test Wire",
        published="2023-03-14",
        text=(
            "Belgian minister in Astana\n\n"
            "Belgian Foreign Minister Hadja Lahbib visited Astana on Monday and met Kazakh "
            "Foreign Minister Murat Nurtleu. The two ministers signed an agreement on energy "
            "cooperation."
        ),
    ),
    Article(
        id="web-brussels-consultations",
        title="Consultations in Brussels",
        outlet="Test Wire",
        published="2024-06-02",
        text=(
            "Consultations in Brussels\n\n"
            "Kazakhstan and Belgium held political consultations in Brussels on Thursday, "
            "discussing transport and trade."
        ),
    ),
    Article(
        # Hostile metadata: the dashboard must show it as text and never link a script URL.
        id="web-hostile-metadata",
        title='<img src=x onerror="document.body.dataset.pwned=1"> Talks',
        url="javascript:document.body.dataset.pwned=1",
        outlet="<b>Wire</b>",
        published="2019-09-10",
        text=(
            "Hostile talks\n\n"
            "The Belgian Foreign Minister met the Kazakh Foreign Minister in Astana on Monday."
        ),
    ),
    Article(
        id="web-kremlin-nato",
        title="Kremlin and NATO",
        outlet="Other Wire",
        published="2022-05-20",
        text=(
            "Kremlin and NATO\n\n"
            "Russia criticized NATO on Friday over military exercises near its border, the "
            "Kremlin said."
        ),
    ),
]


def build_store(path: Path) -> dict[str, int]:
    """Code the seed and the made-up articles into a new store at `path`; events per article."""
    from parley.coder import Coder
    from parley.events import code_article
    from parley.ingest import read_path
    from parley.store import Store

    coder = Coder.load()
    seed = [item for item in read_path(SEED_PATH) if isinstance(item, Article)]
    assert len(seed) == 1, "the seed file should read as one article"
    counts: dict[str, int] = {}
    with Store.open(str(path)) as store:
        for article in [*seed, *MADE_UP]:
            events = code_article(article, coder)
            store.add_article(article, events, coder.version)
            counts[article.id] = len(events)
    return counts
