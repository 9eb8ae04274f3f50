"""Event coding: CAMEO events with who, whom, when, where from parsed news text."""

from parley.events.codebook import CameoCode, Codebook
from parley.events.coding import code_article, code_articles, code_doc
from parley.events.lexicon import EventLexicon

__all__ = ["CameoCode", "Codebook", "EventLexicon", "code_article", "code_articles", "code_doc"]
