"""`parley actors` (actors named in articles) and `parley resolve` (actor phrases -> Actor)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parley.cli.app import ACTORS_HELP, app, say

if TYPE_CHECKING:
    from rich.console import Console

    from parley.records import Article
from parley.errors import InputError


@app.command("resolve")
def resolve_cmd(
    path: Path = typer.Argument(..., help="JSON Lines of actor phrases: text, context, date."),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
) -> None:
    """Resolve actor phrases to Actor records, one JSON object per input line, in order.

    Each input line is `{"text": "Armenian Prime Minister Nikol Pashinyan", "context": "",
    "date": "2022-03-01"}` (context and date optional).

    Example: `parley resolve mentions.actors.jsonl --actors my_people.tsv`
    """
    from parley.actors import ActorResolver

    if not path.is_file():
        raise InputError(str(path), "no such file")
    resolver = ActorResolver.load(extra_files=tuple(actors))
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(str(path), f"not a JSON object with a text field ({exc})",
                                 record=n) from exc
            actor = resolver.resolve_text(str(text), context=str(record.get("context") or ""),
                                          date=record.get("date"))
            sys.stdout.write(json.dumps(actor.to_dict(), ensure_ascii=False) + "\n")


_FILTER_HELP = "Only events with this actor as source or target: KAZ, KAZGOV, EU or a name."


@app.command("actors")
def actors_cmd(
    inputs: list[str] = typer.Argument(
        None, help="Article files, folders or - (stdin); optional with --db."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD for inputs without one."),
    fmt: str = typer.Option(
        "table", "--format", help="table, jsonl or csv (csv only with --db)."),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
    db: str | None = typer.Option(
        None, "--db", help="List the actors stored in this database (SQLite path or "
        "postgresql://...) with their event counts, instead of reading articles."),
    actor: str | None = typer.Option(None, "--actor", help=_FILTER_HELP),
    since: str | None = typer.Option(None, "--since", help="With --db: from YYYY[-MM[-DD]]."),
    until: str | None = typer.Option(
        None, "--until", help="With --db: up to YYYY[-MM[-DD]], inclusive."),
    limit: int = typer.Option(
        50, "--limit", "-n", min=1, help="With --db or --unresolved: most actors to list."),
    unresolved: bool = typer.Option(
        False, "--unresolved", help="List the most frequent names the articles mention that "
        "resolve to no country or IGO, each with an example sentence: what to add with "
        "--actors."),
    processes: int = typer.Option(
        1, "--processes", "-p", min=1, help="With --unresolved: spaCy worker processes."),
) -> None:
    """List the actors named in articles, or the actors stored in a database (--db).

    Examples:

      parley actors article.txt --format jsonl

      parley actors --db parley.db --since 2024-01 --limit 20 --format csv

      parley actors --unresolved news/ -n 30 -p 2
    """
    if db is not None:
        if inputs:
            raise InputError(", ".join(inputs), "give either article files or --db, not both")
        _stored_actors(db, fmt, actor=actor, since=since, until=until, limit=limit)
        return
    if not inputs:
        raise InputError("parley actors", "give article files (or -) or --db DATABASE")
    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter("use table or jsonl", param_hint="--format")
    if unresolved:
        _unresolved(inputs, published, fmt, actors, limit=limit, processes=processes)
        return
    _article_actors(inputs, published, fmt, actors)


def _unresolved(inputs: list[str], published: str | None, fmt: str, actors: list[Path], *,
                limit: int, processes: int) -> None:
    """`parley actors --unresolved CORPUS`: the most frequent names Parley cannot code."""
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from parley.actors import ActorResolver
    from parley.actors.unresolved import collect_unresolved
    from parley.nlp import load_pipeline

    err = Console(stderr=True)
    resolver = ActorResolver.load(extra_files=tuple(actors))
    nlp = load_pipeline()
    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("reading articles", total=None)
        found = collect_unresolved(_articles(inputs, published, err), nlp, resolver,
                                   n_process=processes,
                                   progress=lambda n: bar.advance(task, n))
    rows = [u.to_dict() for u in found[:limit]]
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = Table("mentions", "articles", "name", "kind", "example",
                  title=f"{len(rows)} of {len(found)} unresolved names")
    for row in rows:
        table.add_row(str(row["mentions"]), str(row["articles"]), str(row["text"]),
                      str(row["kind"]), str(row["example"]))
    Console().print(table)


def _articles(inputs: list[str], published: str | None, err: Console) -> Iterator[Article]:
    """The articles of the inputs; skipped records reported on stderr, one line each."""
    from parley.ingest import read_inputs
    from parley.records import Article, Skip

    for item in read_inputs(inputs, published=published):
        if isinstance(item, Skip):
            where = item.source if item.record is None else f"{item.source}:{item.record}"
            say(err, f"skipped {where}: {item.reason}")
        elif isinstance(item, Article):
            yield item


def _stored_actors(db: str, fmt: str, *, actor: str | None, since: str | None,
                   until: str | None, limit: int) -> None:
    """`parley actors --db`: stored actors and their event counts, most active first."""
    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("use table, jsonl or csv", param_hint="--format")
    from parley.store import EventFilter, Store, queries

    with Store.open(db, create=False) as store:
        rows = [a.to_dict() for a in queries.actors(
            store, EventFilter(actor=actor, since=since, until=until), limit=limit)]
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(_ACTOR_FIELDS),
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: row.get(k) for k in _ACTOR_FIELDS} for row in rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*_ACTOR_FIELDS, title=f"{len(rows)} actors")
        for row in rows:
            table.add_row(*("-" if row.get(k) is None else str(row[k]) for k in _ACTOR_FIELDS))
        Console().print(table)


_ACTOR_FIELDS = ("code", "name", "country", "role", "events")


def _article_actors(inputs: list[str], published: str | None, fmt: str,
                    actors: list[Path]) -> None:
    """`parley actors ARTICLE...`: every actor mention of each article."""
    from rich.console import Console
    from rich.table import Table

    from parley.actors import ActorResolver
    from parley.nlp import load_pipeline

    err = Console(stderr=True)
    resolver = ActorResolver.load(extra_files=tuple(actors))
    nlp = load_pipeline()
    table = Table("article", "sent", "mention", "kind", "code", "name", "title")
    for item in _articles(inputs, published, err):
        doc = nlp(item.text)
        for m in resolver.find_mentions(doc, date=item.published):
            if fmt == "jsonl":
                row = {"article_id": item.id, "sentence_index": m.sentence_index,
                       "start_char": m.start_char, "end_char": m.end_char, "text": m.text,
                       "kind": m.kind, "actor": m.actor.to_dict()}
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                a = m.actor
                table.add_row(item.id[:12], str(m.sentence_index), m.text, m.kind,
                              a.code or "-", a.name or "-", a.title or "-")
    if fmt == "table":
        Console().print(table)
