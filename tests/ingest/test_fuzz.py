"""Fuzzing every reader: mutated and random inputs end as articles or recorded skips.

Each reader (JSONL, HTML, RSS/Atom, plain text, WARC, and gzip around them) gets random
bytes and byte-level mutations of a valid sample: deleted, inserted and flipped bytes, cut
files, duplicated spans. Whatever comes in, `read_inputs` must yield only `Article` and
`Skip` items and raise nothing but Parley's own errors. The budget is small and the seed
fixed in the suite; `make fuzz` runs the same tests with PARLEY_FUZZ_EXAMPLES (10,000 by
default there) and prints how many inputs each reader took.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.errors import ParleyError
from parley.ingest import read_inputs
from parley.records import Article, Skip

from .conftest import ENGLISH, ENGLISH_2

EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", "40"))
SEEN: Counter[str] = Counter()

_RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>One</title><link>https://example.org/1</link><description>{ENGLISH}"
        "</description><pubDate>Tue, 02 May 2024 10:00:00 GMT</pubDate></item>"
        f"<item><title>Two</title><description>&lt;p&gt;{ENGLISH_2}&lt;/p&gt;</description>"
        "</item></channel></rss>")
_HTML = ("<!doctype html><html><head><title>News</title><meta charset='utf-8'></head><body>"
         f"<article><h1>Talks</h1><p>{ENGLISH}</p><p>{ENGLISH_2}</p></article></body></html>")
_JSONL = "".join(json.dumps({"id": f"r{i}", "text": t, "published": "2024-05-02"}) + "\n"
                 for i, t in enumerate((ENGLISH, ENGLISH_2)))


def _warc() -> bytes:
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + _HTML)
    record = writer.create_warc_record("https://example.org/a", "response",
                                       payload=io.BytesIO(payload.encode("utf-8")))
    writer.write_record(record)
    return out.getvalue()


SAMPLES = {
    ".jsonl": _JSONL.encode(),
    ".html": _HTML.encode(),
    ".xml": _RSS.encode(),
    ".txt": f"{ENGLISH}\n\n{ENGLISH_2}\n".encode(),
    ".warc": _warc(),
}


@st.composite
def mutated(draw: st.DrawFn, sample: bytes) -> bytes:
    """A sample with a few random edits, or random bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2000))
    data = bytearray(sample)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        edit = draw(st.sampled_from(("delete", "insert", "flip", "cut", "repeat")))
        if edit == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif edit == "flip":
            data[at] = draw(st.integers(0, 255))
        elif edit == "cut":
            del data[at:]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 200))]
    return bytes(data)


def _read(data: bytes, suffix: str) -> list[Article | Skip]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            items = list(read_inputs([path]))
        except ParleyError:
            return []  # Parley's own error is a one-line message, not a crash
    assert all(isinstance(i, Article | Skip) for i in items)
    return items


def _fuzz(kind: str, suffix: str, data: bytes, *, gz: bool = False) -> None:
    SEEN[kind] += 1
    _read(gzip.compress(data) if gz else data, suffix + (".gz" if gz else ""))


_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
def test_readers_survive_mutated_input(suffix: str) -> None:
    @_SETTINGS
    @given(data=mutated(SAMPLES[suffix]))
    def run(data: bytes) -> None:
        _fuzz(suffix, suffix, data)

    run()


@pytest.mark.parametrize("suffix", [".jsonl", ".xml"])
def test_readers_survive_mutated_gzip_input(suffix: str) -> None:
    @_SETTINGS
    @given(data=mutated(SAMPLES[suffix]), cut=st.integers(0, 64))
    def run(data: bytes, cut: int) -> None:
        SEEN[suffix + ".gz"] += 1
        packed = gzip.compress(data)
        _read(packed[:len(packed) - cut] if cut else packed, suffix + ".gz")

    run()


def test_an_unmutated_sample_reads_as_articles() -> None:
    # The samples themselves are good input: the fuzz starts from something real.
    for suffix, data in SAMPLES.items():
        assert any(isinstance(i, Article) for i in _read(data, suffix)), suffix


def teardown_module() -> None:
    if os.environ.get("PARLEY_FUZZ_EXAMPLES"):
        counts = ", ".join(f"{kind} {n:,}" for kind, n in sorted(SEEN.items()))
        print(f"\nfuzz inputs per reader: {counts}")
