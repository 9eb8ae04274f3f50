"""Ingest: every input kind (text, HTML, JSONL, RSS/Atom, WARC) as a stream of Articles.

`read_inputs(["news/", "feed.rss"])` yields an `Article` for each article read and a `Skip`
(`source`, `record`, `reason`, `error`) for each one passed over; `IngestStats` counts them.
"""

from parley.ingest.dates import normalise_date
from parley.ingest.language import detect_language
from parley.ingest.reader import MAX_CHARS, IngestOptions, expand_path, read_inputs, read_path
from parley.ingest.stats import IngestStats, reason_kind
from parley.ingest.streams import Kind, kind_from_name, sniff_kind
from parley.ingest.textfile import split_title

__all__ = [
    "MAX_CHARS",
    "IngestOptions",
    "IngestStats",
    "Kind",
    "detect_language",
    "expand_path",
    "kind_from_name",
    "normalise_date",
    "read_inputs",
    "read_path",
    "reason_kind",
    "sniff_kind",
    "split_title",
]
