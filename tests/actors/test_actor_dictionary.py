"""User dictionary files (--actors FILE) and the packaged data files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from parley.actors import ActorResolver
from parley.actors.lexicon import ROLES
from parley.errors import LexiconError

DATA = Path(__file__).resolve().parents[2] / "src" / "parley" / "actors" / "data"

USER_TSV = (
    "# my people\n"
    "name\tcountry\trole\tigo\tstart\tend\ttitle\taliases\n"
    "Zarina Qodirova\tTJK\tLEG\t\t2020-01-01\t2023-12-31\tDeputy Speaker\t"
    "Zarina Qodirova|Qodirova\n"
    "Zarina Qodirova\tTJK\tGOV\t\t2024-01-01\t\tMinister of Culture\t\n"
    "Northbridge Institute\tNOR\tEDU\t\t\t\tthink tank\tNorthbridge Institute|NBI\n"
    "Sergei Lavrov\tRUS\tELI\t\t\t\tretired diplomat\tSergei Lavrov\n"
)


@pytest.fixture(scope="module")
def user_resolver(tmp_path_factory) -> ActorResolver:
    path = tmp_path_factory.mktemp("dict") / "people.tsv"
    path.write_text(USER_TSV, encoding="utf-8")
    return ActorResolver.load(extra_files=[path])


def test_user_people_with_dated_roles(user_resolver: ActorResolver) -> None:
    assert user_resolver.resolve_text("Zarina Qodirova", date="2021-05-01").code == "TJKLEG"
    assert user_resolver.resolve_text("Zarina Qodirova", date="2024-05-01").code == "TJKGOV"
    assert user_resolver.resolve_text("Zarina Qodirova").code == "TJKGOV"  # latest role
    assert user_resolver.resolve_text("the NBI").code == "NOREDU"


def test_user_entries_override_packaged_ones(user_resolver: ActorResolver,
                                             resolver: ActorResolver) -> None:
    assert resolver.resolve_text("Sergei Lavrov").code == "RUSGOV"
    assert user_resolver.resolve_text("Sergei Lavrov").code == "RUSELI"


def test_user_entries_found_in_articles(user_resolver: ActorResolver, nlp) -> None:
    doc = nlp("Zarina Qodirova met students. Later Qodirova visited Oslo.")
    found = user_resolver.find_mentions(doc, date="2021-05-01")
    named = [m for m in found if m.actor.name]
    assert [m.actor.code for m in named] == ["TJKLEG", "TJKLEG"]
    assert named[1].actor is named[0].actor


def test_without_the_file_the_name_is_unknown(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("Zarina Qodirova").country is None


def test_bad_user_files_raise_lexicon_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.tsv"
    with pytest.raises(LexiconError, match="not found"):
        ActorResolver.load(extra_files=[missing])
    bad_role = tmp_path / "bad.tsv"
    bad_role.write_text("name\tcountry\trole\nSomeone\tFRA\tBOSS\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown role"):
        ActorResolver.load(extra_files=[bad_role])
    no_columns = tmp_path / "cols.tsv"
    no_columns.write_text("who\twhere\nSomeone\tFRA\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="columns"):
        ActorResolver.load(extra_files=[no_columns])


def test_packaged_people_rows_are_well_formed() -> None:
    for name in ("people.tsv", "phoenix_actors.tsv.gz"):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(DATA / name, "rt", encoding="utf-8") as fh:
            rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
        header, body = rows[0], rows[1:]
        assert header == ["name", "country", "role", "igo", "start", "end", "title", "aliases"]
        for row in body:
            assert len(row) == 8, row
            for date in row[4:6]:
                assert date == "" or (len(date) == 10 and date[4] == "-"), row


def test_phoenix_license_kept_beside_its_data() -> None:
    text = (DATA / "LICENSE-phoenix.txt").read_text(encoding="utf-8")
    assert "MIT" in text or "Permission is hereby granted" in text


def test_roles_are_cameo_codes() -> None:
    assert {"GOV", "LEG", "MIL", "JUD", "COP", "OPP", "REB", "MED", "BUS", "NGO", "CVL"} <= ROLES


USER_TABARI = """# my PETRARCH dictionary
ZARINA_QODIROVA_  [TJKLEG 200101-231231]
+QODIROVA_
    [TJKGOV >240101]
SERGEI_LAVROV_ [RUSELI]
NORTHBRIDGE_FRONT_ [NORREB] # a made-up armed group
ORPHAN_NAME_WITHOUT_CODES_
"""


def test_petrarch_actor_files_are_user_dictionaries(tmp_path: Path,
                                                     resolver: ActorResolver) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_text(USER_TABARI, encoding="utf-8")
    user = ActorResolver.load(extra_files=[path])
    assert user.resolve_text("Zarina Qodirova", date="2021-05-01").code == "TJKLEG"
    assert user.resolve_text("Qodirova", date="2024-05-01").code == "TJKGOV"
    assert user.resolve_text("the Northbridge Front").code == "NORREB"
    # The user's entry wins over the packaged one.
    assert resolver.resolve_text("Sergei Lavrov").code == "RUSGOV"
    assert user.resolve_text("Sergei Lavrov").code == "RUSELI"


def test_a_petrarch_file_without_entries_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.actors.txt"
    path.write_text("# nothing here\nJUST_A_NAME_\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no actor entries"):
        ActorResolver.load(extra_files=[path])
