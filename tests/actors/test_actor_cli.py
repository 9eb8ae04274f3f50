"""`parley resolve` and `parley actors` through the real Typer app."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from parley.cli import _register, app

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
