"""Is a text English? py3langid's bundled model (no download), on a prefix of the text."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Shorter texts (a headline, a caption) are too short to judge: they pass.
MIN_CHARS = 40
# The first paragraphs decide; classifying a whole long article costs time and adds nothing.
PREFIX_CHARS = 1000
# Below this probability the identifier is guessing (all-caps acronyms, lists of names): pass.
MIN_CONFIDENCE = 0.5
# Labels the model gives to English text it finds unusual. Nigerian Pidgin ("pcm") is English-
# lexified, and on the dev gold it takes ~0.5% of plain English news sentences about Africa.
_ENGLISH_LIKE = {"pcm": "en"}

# A shortcut that spares loading the model (half a second) for plain English prose: in English
# news these words are 20-35% of the running words (never under 20% in the Guardian corpus);
# in German, Dutch, Czech, Danish or Norwegian samples they stay under 7%.
_ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "the", "of", "and", "to", "that", "is", "was", "for", "with", "said", "by", "has",
        "have", "are", "were", "it", "from", "his", "their", "its", "will", "which", "be",
        "been", "this", "would", "who", "they",
    }
)  # fmt: skip
_ENGLISH_SHARE = 0.15
_MIN_WORDS_FOR_SHORTCUT = 20
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _identifier() -> LanguageIdentifier:
    """The model, loaded once per process on first use (about half a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The most likely ISO 639 language of `text`'s prefix, with its probability."""
    scores: dict[str, float] = {}
    for label, probability in _identifier().rank(text[:PREFIX_CHARS]):
        label = _ENGLISH_LIKE.get(label, label)
        scores[label] = scores.get(label, 0.0) + probability
    best = max(scores, key=scores.__getitem__)
    return best, scores[best]


def plainly_english(text: str) -> bool:
    """True when English function words are so frequent that the text is surely English."""
    words = _WORD.findall(text[:PREFIX_CHARS])
    if len(words) < _MIN_WORDS_FOR_SHORTCUT:
        return False
    common = sum(word.lower() in _ENGLISH_FUNCTION_WORDS for word in words)
    return common / len(words) >= _ENGLISH_SHARE


def foreign_language(text: str, accepted: Collection[str]) -> str | None:
    """The language code when `text` is confidently in none of `accepted`, else None."""
    if len(text.strip()) < MIN_CHARS:
        return None
    if "en" in accepted and plainly_english(text):
        return None
    language, probability = detect_language(text)
    if language in accepted or probability < MIN_CONFIDENCE:
        return None
    return language
