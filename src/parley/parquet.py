"""Parquet I/O for events and articles: one Arrow schema shared by the CLI, the store and Spark.

The event columns are exactly the fields of `parley.records.Event` (the ../shared/SCHEMA.md
contract plus Parley's extras), actors and places as structs, topics and frameworks as lists of
strings. `extras` (free-form) is kept as a JSON string so every engine can read it. The store's
aggregates (`num_mentions`, `num_sources`, `num_articles`, `article_ids`) are optional columns.

A date-partitioned event dataset is a directory in Hive layout, `year=2019/month=3/...`, from
the event's own `date` (null partition values are `__HIVE_DEFAULT_PARTITION__`, as Spark writes
them), so the Spark job's output and `write_events(..., partition_by_date=True)` read the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from parley.errors import InputError
from parley.records import Actor, Article, Event, Place

ACTOR_TYPE = pa.struct(
    [
        ("text", pa.string()),
        ("name", pa.string()),
        ("title", pa.string()),
        ("country", pa.string()),
        ("igo", pa.string()),
        ("role", pa.string()),
        ("code", pa.string()),
        ("rule", pa.string()),
    ]
)

PLACE_TYPE = pa.struct(
    [
        ("name", pa.string()),
        ("country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
    ]
)

# Field order follows `Event`; the store's aggregates come last and are null for plain output.
EVENT_SCHEMA = pa.schema(
    [
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        ("sentence_index", pa.int64()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("text", pa.string()),
        ("source", ACTOR_TYPE),
        ("target", ACTOR_TYPE),
        ("cameo", pa.string()),
        ("cameo_root", pa.string()),
        ("plover", pa.string()),
        ("quad_class", pa.int64()),
        ("goldstein", pa.float64()),
        ("date", pa.string()),
        ("historical", pa.bool_()),
        ("place", PLACE_TYPE),
        ("quote", pa.string()),
        ("topics", pa.list_(pa.string())),
        ("frameworks", pa.list_(pa.string())),
        ("confidence", pa.float64()),
        ("rule", pa.string()),
        ("date_precision", pa.string()),
        ("planned", pa.bool_()),
        ("quote_speaker", pa.string()),
        ("trigger_start", pa.int64()),
        ("trigger_end", pa.int64()),
        ("source_span", pa.list_(pa.int64())),
        ("target_span", pa.list_(pa.int64())),
        ("coder_version", pa.string()),
        ("extras", pa.string()),  # JSON object
        ("num_mentions", pa.int64()),
        ("num_sources", pa.int64()),
        ("num_articles", pa.int64()),
        ("article_ids", pa.list_(pa.string())),
    ]
)

COUNT_COLUMNS = ("num_mentions", "num_sources", "num_articles", "article_ids")

# The Hive partition columns of a date-partitioned event dataset.
PARTITION_SCHEMA = pa.schema([("year", pa.int32()), ("month", pa.int32())])

ARTICLE_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        ("text", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.string()),
        ("source", pa.string()),
        # Written by the Spark job: which coder produced the article's events, and how many.
        ("coder_version", pa.string()),
        ("num_events", pa.int64()),
    ]
)

REJECT_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("record", pa.int64()),
        ("reason", pa.string()),
        ("error", pa.bool_()),
        ("doc_id", pa.string()),
    ]
)

_EVENT_FIELDS = tuple(f for f in Event.__dataclass_fields__)
_ARTICLE_FIELDS = tuple(f for f in Article.__dataclass_fields__)

# Rows per written batch: bounds memory when streaming millions of events.
_BATCH_ROWS = 10_000


def date_partition(date: str | None) -> tuple[int | None, int | None]:
    """The (year, month) partition of an event date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None, None
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None
    return year, month


def event_row(row: dict[str, Any]) -> dict[str, Any]:
    """An `Event.to_dict()` dict (extra keys allowed) as a row of EVENT_SCHEMA."""
    out = {name: row.get(name) for name in EVENT_SCHEMA.names}
    extras = row.get("extras")
    out["extras"] = json.dumps(extras, sort_keys=True, default=str) if extras else None
    for name in ("topics", "frameworks"):
        out[name] = list(out[name] or ())
    for name in ("source_span", "target_span"):
        out[name] = list(out[name]) if out[name] is not None else None
    return out


def article_row(
    article: Article, *, coder_version: str | None = None, num_events: int | None = None
) -> dict[str, Any]:
    """An Article as a row of ARTICLE_SCHEMA."""
    row = article.to_dict()
    row["coder_version"] = coder_version
    row["num_events"] = num_events
    return row


def _batches(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= _BATCH_ROWS:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)


def _write_file(batches: Iterable[pa.RecordBatch], path: Path, schema: pa.Schema) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in batches:
            writer.write_batch(batch)
            n += batch.num_rows
    return n  # an empty file still carries the schema


def write_events(
    rows: Iterable[dict[str, Any]], path: str | Path, *, partition_by_date: bool = False
) -> int:
    """Write event dicts to one Parquet file, or a year=/month= dataset directory; return rows."""
    path = Path(path)
    converted = (event_row(r) for r in rows)
    if not partition_by_date:
        return _write_file(_batches(converted, EVENT_SCHEMA), path, EVENT_SCHEMA)
    schema = EVENT_SCHEMA
    for field in PARTITION_SCHEMA:
        schema = schema.append(field)

    def with_partition() -> Iterator[dict[str, Any]]:
        for row in converted:
            row["year"], row["month"] = date_partition(row["date"])
            yield row

    count = 0

    def counted() -> Iterator[pa.RecordBatch]:
        nonlocal count
        for batch in _batches(with_partition(), schema):
            count += batch.num_rows
            yield batch

    path.mkdir(parents=True, exist_ok=True)
    ds.write_dataset(
        counted(),
        path,
        schema=schema,
        format="parquet",
        partitioning=ds.partitioning(PARTITION_SCHEMA, flavor="hive"),
        existing_data_behavior="overwrite_or_ignore",
        basename_template="part-{i}.parquet",
    )
    return count


def write_articles(articles: Iterable[Article | dict[str, Any]], path: str | Path) -> int:
    """Write Articles (or ARTICLE_SCHEMA dicts) to one Parquet file; return the row count."""
    rows = (a if isinstance(a, dict) else article_row(a) for a in articles)
    return _write_file(_batches(rows, ARTICLE_SCHEMA), Path(path), ARTICLE_SCHEMA)


def _dataset(path: str | Path) -> ds.Dataset:
    """A Parquet file or a (Hive-partitioned) directory of Parquet files."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such Parquet file or directory")
    try:
        if p.is_dir():
            return ds.dataset(
                p,
                format="parquet",
                partitioning=ds.partitioning(PARTITION_SCHEMA, flavor="hive"),
            )
        return ds.dataset(p, format="parquet")
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(str(path), f"not readable as Parquet: {exc}") from exc


def _rows(path: str | Path, columns: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    dataset = _dataset(path)
    wanted = None
    if columns is not None:
        wanted = [c for c in columns if c in dataset.schema.names]
    try:
        for batch in dataset.to_batches(columns=wanted):
            yield from batch.to_pylist()
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(str(path), f"not readable as Parquet: {exc}") from exc


def _actor(d: dict[str, Any] | None) -> Actor | None:
    return None if d is None else Actor(**{k: d.get(k) for k in Actor.__dataclass_fields__})


def event_from_row(row: dict[str, Any]) -> Event:
    """Rebuild an Event from a row of EVENT_SCHEMA (extra columns ignored)."""
    kw = {name: row[name] for name in _EVENT_FIELDS if name in row}
    kw["source"] = _actor(row.get("source"))
    kw["target"] = _actor(row.get("target"))
    place = row.get("place")
    kw["place"] = None if place is None else Place(**place)
    kw["topics"] = tuple(row.get("topics") or ())
    kw["frameworks"] = tuple(row.get("frameworks") or ())
    for name in ("source_span", "target_span"):
        span = row.get(name)
        kw[name] = tuple(span) if span is not None else None
    extras = row.get("extras")
    kw["extras"] = json.loads(extras) if extras else {}
    for name in ("historical", "planned"):
        kw[name] = bool(kw.get(name))
    if kw.get("rule") is None:
        kw["rule"] = ""
    if kw.get("coder_version") is None:
        kw["coder_version"] = ""
    return Event(**kw)


def read_event_rows(path: str | Path) -> Iterator[dict[str, Any]]:
    """Stream EVENT_SCHEMA rows (dicts, with count columns) from a file or dataset directory."""
    yield from _rows(path, EVENT_SCHEMA.names)


def read_events(path: str | Path) -> Iterator[Event]:
    """Stream Events from a Parquet file or a date-partitioned dataset directory."""
    for row in _rows(path, _EVENT_FIELDS):
        yield event_from_row(row)


def article_from_row(row: dict[str, Any]) -> Article:
    """Rebuild an Article from a row of ARTICLE_SCHEMA (extra columns ignored)."""
    return Article(**{name: row.get(name) for name in _ARTICLE_FIELDS})


def read_articles(path: str | Path) -> Iterator[Article]:
    """Stream Articles from a Parquet file or directory."""
    for row in _rows(path, _ARTICLE_FIELDS):
        yield article_from_row(row)


def read_coded(path: str | Path) -> Iterator[tuple[Article, list[Event]]]:
    """Stream (Article, events) pairs from a Spark job output directory (articles/, events/).

    Every article is yielded, with an empty list when it had no events, so a store can record
    that it was coded. Events are held as one Arrow table sorted by doc_id (columnar, far smaller
    than Python objects); articles stream.
    """
    root = Path(path)
    for sub in ("articles", "events"):
        if not (root / sub).is_dir():
            raise InputError(str(path), f"not a `parley spark` output: {sub}/ is missing")
    events = _dataset(root / "events").to_table(columns=list(EVENT_SCHEMA.names))
    events = events.sort_by([("doc_id", "ascending"), ("sentence_index", "ascending")])
    spans: dict[str, tuple[int, int]] = {}
    doc_ids = events.column("doc_id").to_pylist()
    start = 0
    for i in range(1, len(doc_ids) + 1):
        if i == len(doc_ids) or doc_ids[i] != doc_ids[start]:
            spans[doc_ids[start]] = (start, i)
            start = i
    del doc_ids
    for article in read_articles(root / "articles"):
        span = spans.get(article.id)
        if span is None:
            yield article, []
            continue
        rows = events.slice(span[0], span[1] - span[0]).to_pylist()
        yield article, [event_from_row(r) for r in rows]


def coded_version(path: str | Path) -> str | None:
    """The coder version recorded in a Spark job output's articles, or None."""
    for row in _rows(Path(path) / "articles", ["coder_version"]):
        if row.get("coder_version"):
            return row["coder_version"]
    return None


def read_rejects(path: str | Path) -> Iterator[dict[str, Any]]:
    """Stream the reject rows (source, record, reason, error, doc_id) of a Spark job output."""
    yield from _rows(Path(path) / "rejects", REJECT_SCHEMA.names)
