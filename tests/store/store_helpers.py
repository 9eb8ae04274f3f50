"""Hand-built articles and events for store tests (no coder needed)."""

from __future__ import annotations

from typing import Any

from parley.records import Actor, Article, Event, Place

KAZ = Actor(text="Kazakhstan", name=None, country="KAZ", role="GOV", code="KAZGOV")
BEL = Actor(text="Belgium", name=None, country="BEL", role="GOV", code="BELGOV")
FRA = Actor(text="France", country="FRA", role="GOV", code="FRAGOV")


def article(
    aid: str,
    text: str,
    *,
    outlet: str = "Daily One",
    published: str = "2024-03-05",
    title: str | None = None,
) -> Article:
    """An article with sensible defaults."""
    return Article(
        id=aid,
        text=text,
        title=title or f"Title {aid}",
        outlet=outlet,
        published=published,
        url=f"https://example.org/{aid}",
    )


def event(art: Article, n: int = 0, **kw: Any) -> Event:
    """An event of `art`: by default Kazakhstan consults (043) Belgium on the publication day."""
    text = art.text
    fields: dict[str, Any] = {
        "event_id": f"{art.id}-e{n}",
        "doc_id": art.id,
        "sentence_index": 0,
        "char_start": 0,
        "char_end": len(text),
        "text": text,
        "source": KAZ,
        "target": BEL,
        "cameo": "043",
        "cameo_root": "04",
        "plover": "CONSULT",
        "quad_class": 1,
        "goldstein": 2.8,
        "date": art.published,
        "date_precision": "day",
        "place": Place(name="Astana", country="KAZ", lat=51.18, lon=71.45),
        "topics": ("trade",),
        "rule": "test",
        "coder_version": "test-1",
    }
    fields.update(kw)
    if "cameo" in kw and "cameo_root" not in kw:
        fields["cameo_root"] = kw["cameo"][:2]
    return Event(**fields)
