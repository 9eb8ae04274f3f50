"""Parley: source-grounded event data from diplomatic and political news."""

from parley.errors import InputError, ParleyError
from parley.records import Actor, Article, Event, Mention, Place

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Event",
    "InputError",
    "Mention",
    "ParleyError",
    "Place",
    "__version__",
]
