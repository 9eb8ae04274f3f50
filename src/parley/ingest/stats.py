"""A running count of what ingest read and passed over, for the CLI's summary line."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from parley.records import Article, Skip

# "duplicate of 3f2a...", "not English (de)", "bad JSON: Expecting value at column 1":
# the reason's kind is what comes before its particulars.
_PARTICULARS = re.compile(r"\s*(?::| \(| of ).*$", re.DOTALL)


def reason_kind(reason: str) -> str:
    """The kind of a skip reason without its particulars: "duplicate", "not English"."""
    return _PARTICULARS.sub("", reason) or reason


@dataclass(kw_only=True)
class IngestStats:
    """Articles read, and skips counted by reason kind and by error/policy."""

    articles: int = 0
    errors: int = 0
    policy_skips: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, item: Article | Skip) -> None:
        """Count one item from `read_inputs`."""
        if isinstance(item, Article):
            self.articles += 1
            return
        if item.error:
            self.errors += 1
        else:
            self.policy_skips += 1
        self.reasons[reason_kind(item.reason)] += 1

    def counted(self, items: Iterable[Article | Skip]) -> Iterator[Article | Skip]:
        """Pass `items` through unchanged, counting each."""
        for item in items:
            self.add(item)
            yield item

    @property
    def skipped(self) -> int:
        """All skips, errors and policy alike."""
        return self.errors + self.policy_skips

    def summary(self) -> str:
        """One line: "249 articles, 3 skipped (2 not English, 1 duplicate), 0 errors"."""
        line = f"{self.articles} articles, {self.skipped} skipped"
        if self.reasons:
            parts = ", ".join(f"{n} {kind}" for kind, n in self.reasons.most_common())
            line += f" ({parts})"
        return f"{line}, {self.errors} errors"

    def to_dict(self) -> dict[str, Any]:
        """The counts as plain JSON-ready data."""
        return {
            "articles": self.articles,
            "skipped": self.skipped,
            "errors": self.errors,
            "reasons": dict(self.reasons.most_common()),
        }
