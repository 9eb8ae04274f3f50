"""Loading gold files: kinds, normalisation, and one-line errors for malformed lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evaluate_helpers import gold_actor, gold_event, write_gold

from parley.errors import GoldError
from parley.evaluate import load_gold

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # ../shared of the repo
GOLD = str(SHARED / "gold")


def test_kinds_of_the_dev_sets():
    assert load_gold(f"{GOLD}/plover-gsr.dev.jsonl").kind == "events"
    assert load_gold(f"{GOLD}/conflibert-spans.dev.jsonl", limit=20).kind == "spans"
    assert load_gold(f"{GOLD}/conflibert-penta.dev.jsonl", limit=20).kind == "labels"
    actors = load_gold(f"{GOLD}/ngec.actors.jsonl")
    assert actors.kind == "actors" and actors.size == 121
    hez = next(a for a in actors.actors if a.text == "Hezbollah")
    assert hez.roles == frozenset({"PTY", "REB"})


def test_empty_text_is_a_recorded_skip_not_an_error():
    petr2 = load_gold(f"{GOLD}/petr2-gsr.dev.jsonl")
    assert petr2.skipped == ((16, "empty text"),)
    assert petr2.size == 49


def test_limit_keeps_the_first_records():
    assert load_gold(f"{GOLD}/conflibert-penta.dev.jsonl", limit=7).size == 7


def test_igo_without_country_and_roles_are_normalised(tmp_path):
    ev = gold_event(
        [{"igo": "EU", "role": "GOV", "text": "the EU"}],
        [gold_actor("ISR", ["PTY", "***"])],
        "030",
        plover="agree",
    )
    gold = write_gold(tmp_path, [{"id": 7, "text": "t", "events": [ev]}])
    record = gold.records[0]
    assert record.id == "7"
    source, target = record.events[0].source[0], record.events[0].target[0]
    assert (source.country, source.igo, source.roles) == ("IGO", "EU", frozenset({"GOV"}))
    assert target.roles == frozenset({"PTY"})
    assert record.events[0].plover == "AGREE"
    assert record.events[0].cameo_root == "03"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ("[1, 2]", "line 2: each line must be a JSON object"),
        ('{"id": "x"}', "line 2: missing or empty 'text'"),
        ('{"text": "t", "events": {}}', "line 2: 'events' must be a list"),
        (
            '{"text": "t", "events": [{"source": "USA", "target": []}]}',
            "event source must be a list",
        ),
        (
            '{"text": "t", "events": [{"source": [{"country": "usa"}], "target": []}]}',
            "country must be ISO 3166-1 alpha-3",
        ),
        (
            '{"text": "t", "events": [{"source": [], "target": [], "cameo": 190}]}',
            "cameo must be a 2-4 digit string",
        ),
        ('{"text": "t", "labels": {"penta": 7}}', "labels.penta must be 0-4"),
        (
            '{"text": "t", "events": [{"source": [{"country": "USA", "role": 3}]}]}',
            "role must be a string, a list of strings or null",
        ),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "ok", "text": "fine", "events": []})
    path.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(path)
    text = str(info.value)
    assert text.startswith(str(path))
    assert message in text
    assert "\n" not in text


def test_malformed_actor_gold(tmp_path):
    path = tmp_path / "x.actors.jsonl"
    path.write_text('{"text": "Macron", "country": "FRA"}\n{"text": "", "country": "FRA"}\n')
    with pytest.raises(GoldError, match=r"x\.actors\.jsonl, line 2: missing or empty actor 'text'"):
        load_gold(path)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(GoldError, match="no such gold file"):
        load_gold(tmp_path / "absent.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    with pytest.raises(GoldError, match="no gold records"):
        load_gold(tmp_path / "empty.jsonl")
    (tmp_path / "bin.jsonl").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(GoldError, match="not UTF-8"):
        load_gold(tmp_path / "bin.jsonl")
