"""A cheap pass before parsing: split sentences by punctuation and keep those that can carry
an event, so spaCy parses only candidate sentences.

Sentences that cannot carry an event are blanked out with spaces of the same length, so
every character offset in the parsed Doc is still an offset in the article text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parley.events.lexicon import EventLexicon

# A boundary: end punctuation (optionally closing quotes/brackets) then space and a capital,
# digit or opening quote; or a line break.
_BOUNDARY = re.compile(r"(?<=[.!?])[»”\"')\]]*\s+(?=[«“\"'(\[A-Z0-9])|\n+")
# Common abbreviations that end with a period but do not end a sentence.
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Rep|Sen|Gov|St|Jr|Sr|U\.S|U\.N|"
                     r"No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|Inc|Ltd|Co)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences found by punctuation and line breaks, stripped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0).strip() and _ABBREV.search(text[max(0, m.start() - 6):m.start()]):
            continue
        if m.group(0).strip() == "" and "\n" not in m.group(0) and _ABBREV.search(
                text[max(0, m.start() - 6):m.start()]):
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def sentence_starts(text: str) -> list[int]:
    """Start offsets of the cheap sentences: the numbering behind Event.sentence_index."""
    return [s for s, _ in split_sentences(text)]


def candidate_text(text: str, lex: EventLexicon) -> str:
    """The text with every sentence that has no trigger word blanked to spaces."""
    parts: list[str] = []
    pos = 0
    for s, e in split_sentences(text):
        parts.append(text[pos:s])
        seg = text[s:e]
        # Short fragments (datelines such as "ASTANA.") cost nothing to parse, and blanking
        # them would change how the next sentence is split and parsed.
        if len(seg) < 25 or lex.has_trigger(seg):
            parts.append(seg)
        else:
            parts.append(re.sub(r"[^\n]", " ", seg))
        pos = e
    parts.append(text[pos:])
    out = "".join(parts)
    assert len(out) == len(text)
    return out
