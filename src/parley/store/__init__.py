"""The knowledge base: coded articles and deduplicated events in SQLite or PostgreSQL.

`Store.open(url)` opens a store; `Store.add_article` writes one article with its events;
`parley.store.queries` reads events, dyads, networks, places and actors back.
"""

from parley.errors import QueryError, StoreError
from parley.store.queries import EventFilter
from parley.store.store import Store

__all__ = ["EventFilter", "QueryError", "Store", "StoreError"]
