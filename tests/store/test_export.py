"""Exports: GDELT 2.0 layout, Parquet round-trip of every contract field, JSONL and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.csv as pacsv
import pytest
from store_helpers import BEL, FRA, KAZ, article, event

from parley.parquet import read_event_rows, read_events
from parley.records import Place
from parley.store import Store
from parley.store import queries as q
from parley.store.export import GDELT_COLUMNS, export


@pytest.fixture
def filled(store_url: str):
    with Store.open(store_url) as store:
        a = article("a", "Kazakhstan met Belgium in Astana.", outlet="One")
        b = article("b", "Belgium and Kazakhstan held talks.", outlet="Two", published="2024-03-06")
        c = article("c", "France condemned Kazakhstan.", published="2023-11")
        store.add_article(
            a,
            [
                event(
                    a,
                    source_span=(0, 10),
                    target_span=(15, 22),
                    trigger_start=11,
                    trigger_end=14,
                    quote="q",
                    quote_speaker="s",
                    frameworks=("OSCE",),
                    extras={"x": 1},
                    planned=True,
                )
            ],
            "v1",
        )
        store.add_article(b, [event(b, cameo="040")], "v1")
        store.add_article(
            c,
            [
                event(
                    c,
                    source=FRA,
                    target=KAZ,
                    cameo="122",
                    quad_class=3,
                    goldstein=-4.0,
                    date="2023-11",
                    date_precision="month",
                    place=Place(name="Kazakhstan", country="KAZ"),
                    historical=True,
                )
            ],
            "v1",
        )
        yield store


def test_gdelt_rows_have_61_columns(filled: Store) -> None:
    out = io.StringIO()
    assert export(filled, "gdelt", out=out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert all(len(r) == GDELT_COLUMNS for r in rows)
    # A loader that knows only the layout reads it: 61 columns, no header.
    table = pacsv.read_csv(
        io.BytesIO(out.getvalue().encode()),
        read_options=pacsv.ReadOptions(autogenerate_column_names=True),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
    )
    assert table.num_columns == GDELT_COLUMNS and table.num_rows == 2
    by_code = {r[26]: r for r in rows}
    meeting = by_code["043"]
    assert meeting[1:4] == ["20240305", "202403", "2024"]
    assert (meeting[5], meeting[7], meeting[12]) == ("KAZGOV", "KAZ", "GOV")
    assert (meeting[15], meeting[17]) == ("BELGOV", "BEL")
    assert meeting[27:34] == ["043", "04", "1", "2.8", "2", "2", "2"]
    assert meeting[52] == "Astana" and meeting[51] == "4"
    assert meeting[60] == "https://example.org/a"
    assert len(meeting[59]) == 14
    condemn = by_code["122"]
    assert condemn[1] == "20231101" and condemn[51] == "1"


def test_parquet_round_trips_every_contract_field(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export(filled, "parquet", path=path) == 2
    stored = {i.event.event_id: i for i in q.iter_events(filled)}
    back = {e.event_id: e for e in read_events(path)}
    assert back == {k: v.event for k, v in stored.items()}
    counts = {
        r["event_id"]: (r["num_mentions"], r["num_sources"], r["article_ids"])
        for r in read_event_rows(path)
    }
    assert counts["a-e0"] == (2, 2, ["a", "b"])


def test_jsonl_and_csv(filled: Store) -> None:
    out = io.StringIO()
    export(filled, "jsonl", out=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["event_id"] for r in rows} == {"a-e0", "c-e0"}
    assert rows[0].keys() >= {
        "num_mentions",
        "num_sources",
        "num_articles",
        "article_ids",
        "source",
        "cameo",
        "rule",
        "topics",
    }
    out = io.StringIO()
    export(filled, "csv", out=out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["source_code"] for r in table} == {KAZ.code, FRA.code}
    assert BEL.code in {r["target_code"] for r in table}
