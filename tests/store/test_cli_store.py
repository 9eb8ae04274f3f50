"""The store's CLI commands on a small hand-built store (no coder needed)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from store_helpers import BEL, KAZ, article, event
from typer.testing import CliRunner

from parley.cli import _register
from parley.cli.app import app
from parley.store import Store

runner = CliRunner()
_register()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with Store.open(path) as store:
        a = article("a", "Kazakhstan met Belgium in Astana.", outlet="One")
        b = article("b", "Belgium and Kazakhstan held talks.", outlet="Two")
        c = article("c", "Belgium accused Kazakhstan.", published="2024-06-01")
        store.add_article(
            a,
            [event(a, source_span=(0, 10), target_span=(15, 22), trigger_start=11, trigger_end=14)],
            "v1",
        )
        store.add_article(b, [event(b, cameo="040")], "v1")
        store.add_article(
            c,
            [
                event(
                    c, source=BEL, target=KAZ, cameo="112", quad_class=3, goldstein=-2.0, place=None
                )
            ],
            "v1",
        )
    return path


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


def test_events_formats(db: str) -> None:
    result = run("events", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["event_id"] for r in rows] == ["c-e0", "a-e0"]
    assert rows[1]["num_sources"] == 2
    result = run("events", "--db", db, "--format", "csv", "--source", "BEL")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["cameo"] for r in table] == ["112"]
    result = run("events", "--db", db, "--actor", "KAZ")
    assert result.exit_code == 0 and "a-e0" in result.stdout


def test_show_highlights_evidence(db: str) -> None:
    result = run("show", "a-e0", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Kazakhstan met Belgium in Astana." in result.stdout
    assert "Belgium and Kazakhstan held talks." in result.stdout
    detail = json.loads(run("show", "b-e0", "--db", db, "--format", "jsonl").stdout)
    assert detail["event_id"] == "a-e0"  # a mention id finds its merged event
    kinds = {h["kind"] for h in detail["evidence"][0]["highlights"]}
    assert kinds == {"source", "target", "trigger", "place"}


def test_dyad_series_and_top_pairs(db: str) -> None:
    series = json.loads(run("dyad", "KAZ", "BEL", "--db", db, "--format", "jsonl").stdout)
    assert [p["period"] for p in series["periods"]] == ["2024-03", "2024-04", "2024-05", "2024-06"]
    assert series["periods"][-1]["b_to_a"]["q3"] == 1
    table = run("dyad", "KAZ", "BEL", "--db", db, "--by", "year")
    assert table.exit_code == 0 and "2024" in table.stdout
    top = [json.loads(x) for x in run("dyad", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert (top[0]["a"], top[0]["b"], top[0]["events"]) == ("BEL", "KAZ", 2)


def test_export_gdelt_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = run("export", "--format", "gdelt", "--db", db, "--output", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and all(len(line.split("\t")) == 61 for line in lines)


def test_every_command_has_an_example_in_help() -> None:
    for command in ("ingest", "events", "show", "dyad", "export"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout, command


def test_ingest_loads_a_spark_output_directory(tmp_path: Path) -> None:
    from parley.parquet import write_articles, write_events

    out = tmp_path / "spark-out"
    a = article("s1", "Kazakhstan met Belgium in Astana.", outlet="One")
    b = article("s2", "Belgium and Kazakhstan held talks.", outlet="Two")
    write_articles(
        [{**x.to_dict(), "coder_version": "spark-1", "num_events": 1} for x in (a, b)],
        out / "articles" / "part-0.parquet",
    )
    write_events(
        [event(a).to_dict(), event(b, cameo="040").to_dict()], out / "events" / "part-0.parquet"
    )
    db = str(tmp_path / "spark.db")
    result = run("ingest", str(out), "--db", db, "-q")
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.stdout
    again = run("ingest", str(out), "--db", db, "-q")
    assert "0 stored" in again.stdout and "2 unchanged" in again.stdout
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2
        assert store.counts()["events"] == 1  # the two reports merged


@pytest.mark.parametrize("command", [["events"], ["show", "x"], ["dyad", "KAZ", "BEL"],
                                     ["export", "--format", "jsonl"]])
def test_query_commands_refuse_a_missing_database(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(typo)])
    assert result.exit_code != 0
    assert "no such database" in str(result.exception)
    assert not typo.exists()  # nothing created


def test_tables_name_the_cameo_code(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db])
    assert result.exit_code == 0, result.output
    # The store holds 043 and 112 events: each code is shown with its codebook name.
    assert "043 Host a visit" in result.stdout and "112 Accuse" in result.stdout


def test_show_takes_the_gdelt_globaleventid(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "-o", str(out)]
                         ).exit_code == 0
    global_ids = [line.split("\t")[0] for line in out.read_text("utf-8").splitlines()]
    shown = set()
    for global_id in global_ids:
        result = runner.invoke(app, ["show", global_id, "--db", db, "-f", "jsonl"])
        assert result.exit_code == 0, result.output
        shown.add(json.loads(result.stdout)["event_id"])
    # Every GDELT row leads to its own stored event.
    assert len(shown) == len(global_ids) > 1


def test_ingest_summary_says_where_records_were_skipped() -> None:
    from rich.console import Console

    from parley.store.ingest import FileSummary
    from parley.store.render import summary_table

    fs = FileSummary(path="news.jsonl")
    for line in (2, 5, 9, 11, 12, 20):
        fs.skip("bad JSON: Expecting value (column 1)", line)
    fs.skip("empty text", 3)
    row = fs.to_dict()
    assert row["skip_records"] == {"bad JSON": [2, 5, 9, 11, 12], "empty text": [3]}
    out = io.StringIO()
    Console(file=out, width=200).print(summary_table([row]))
    assert "bad JSON ×6 (records 2, 5, 9, 11, 12, …)" in out.getvalue()
    assert "empty text ×1 (record 3)" in out.getvalue()
