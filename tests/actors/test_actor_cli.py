"""`parley resolve` and `parley actors` through the real Typer app."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from parley.cli import _register, app
from parley.errors import InputError, StoreError
from parley.records import Actor, Article, Event
from parley.store import Store

_register()
runner = CliRunner()


def test_resolve_prints_one_actor_per_line_in_order(tmp_path: Path) -> None:
    path = tmp_path / "in.actors.jsonl"
    lines = [{"text": "Armenian Prime Minister Nikol Pashinyan"},
             {"text": "Defense Minister", "context": "German"},
             {"text": "Nursultan Nazarbayev", "date": "2010-01-01"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = runner.invoke(app, ["resolve", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["code"] for o in out] == ["ARMGOV", "DEUGOV", "KAZGOV"]
    assert set(out[0]) == {"text", "name", "title", "country", "igo", "role", "code", "rule"}


def test_resolve_with_user_dictionary(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text("name\tcountry\trole\nBorka Vidic\tMNE\tJUD\n", encoding="utf-8")
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "Borka Vidic"}\n', encoding="utf-8")
    result = runner.invoke(app, ["resolve", str(path), "--actors", str(people)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["code"] == "MNEJUD"


def test_actors_lists_mentions_as_jsonl(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks in Rome\n\nThe Italian Foreign Ministry welcomed Greece's offer.\n",
                       encoding="utf-8")
    result = runner.invoke(app, ["actors", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["actor"]["code"] for r in rows] == ["ITAGOV", "GRC"]


def test_actors_table_and_help() -> None:
    result = runner.invoke(app, ["actors", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    result = runner.invoke(app, ["resolve", "--help"])
    assert "Example" in result.stdout


def _event(article: Article, n: int, source: Actor, target: Actor) -> Event:
    sentence = article.text.split(". ")[n]
    start = article.text.index(sentence)
    return Event(event_id=f"{article.id}-{n}", doc_id=article.id, sentence_index=n,
                 char_start=start, char_end=start + len(sentence), text=sentence,
                 source=source, target=target, cameo="042", cameo_root="04", plover="CONSULT",
                 quad_class=1, goldstein=1.9, date=article.published)


def _store(tmp_path: Path) -> Path:
    """A real SQLite store with three events: KAZGOV twice, BELGOV and EU once each."""
    kaz = Actor(text="Kazakhstan", name="Kazakhstan", country="KAZ", role="GOV", code="KAZGOV")
    bel = Actor(text="Belgium", name="Belgium", country="BEL", role="GOV", code="BELGOV")
    eu = Actor(text="the EU", name="European Union", igo="EU", code="IGOEUREEU")
    db = tmp_path / "events.db"
    with Store.open(str(db)) as store:
        a = Article(id="a1", text="Kazakhstan visited Belgium. Kazakhstan met the EU.",
                    published="2024-03-02")
        store.add_article(a, [_event(a, 0, kaz, bel), _event(a, 1, kaz, eu)], "test")
        b = Article(id="b1", text="Belgium hosted Kazakh envoys. Nothing else happened.",
                    published="2021-01-05")
        store.add_article(b, [_event(b, 0, bel, kaz)], "test")
    return db


def test_actors_from_database_as_jsonl_csv_and_table(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = runner.invoke(app, ["actors", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert (rows[0]["code"], rows[0]["events"]) == ("KAZGOV", 3)
    assert {r["code"]: r["events"] for r in rows} == {"KAZGOV": 3, "BELGOV": 2,
                                                       "IGOEUREEU": 1}
    assert set(rows[0]) == {"code", "name", "country", "role", "events"}

    result = runner.invoke(app, ["actors", "--db", str(db), "--format", "csv", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["code,name,country,role,events",
                                          "KAZGOV,Kazakhstan,KAZ,GOV,3"]

    result = runner.invoke(app, ["actors", "--db", str(db), "--since", "2024"])
    assert result.exit_code == 0, result.output
    assert "3 actors" in result.stdout  # the 2021 article drops no actor, only counts
    kaz = next(line for line in result.stdout.splitlines() if "KAZGOV" in line)
    assert [c.strip() for c in kaz.split("│")][1:-1] == ["KAZGOV", "Kazakhstan", "KAZ", "GOV",
                                                         "2"]


def test_actors_from_database_filters_by_actor(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = runner.invoke(app, ["actors", "--db", str(db), "--actor", "EU", "--format",
                                 "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["code"]: r["events"] for r in rows} == {"KAZGOV": 1, "IGOEUREEU": 1}


def test_actors_needs_articles_or_a_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["actors"])
    assert isinstance(result.exception, InputError)
    assert "--db" in str(result.exception)
    result = runner.invoke(app, ["actors", "--db", str(tmp_path / "missing.db")])
    assert isinstance(result.exception, StoreError)
    assert "no such database" in str(result.exception)
    assert not (tmp_path / "missing.db").exists()
    result = runner.invoke(app, ["actors", "--db", str(_store(tmp_path)), "--format", "xml"])
    assert result.exit_code != 0 and "csv" in result.output


def test_actors_unresolved_lists_names_to_add(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"id": "n1", "published": "2024-05-02", "text":
                                "Zarvan Oddleby met the French foreign minister. "
                                "Oddleby said Zarvan Oddleby would return."}) + "\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["actors", "--unresolved", str(news), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["text"] == "Zarvan Oddleby" and rows[0]["mentions"] == 2
    assert {"mentions", "articles", "example", "kind", "article_id"} <= set(rows[0])
