"""`parley actors` (actors named in articles) and `parley resolve` (actor phrases -> Actor)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from parley.cli.app import app
from parley.errors import InputError

_ACTORS_HELP = (
    "Extra actor dictionary (TSV with columns name, country, role, igo, start, end, title, "
    "aliases; one row per role period). Repeatable."
)


@app.command("resolve")
def resolve_cmd(
    path: Path = typer.Argument(..., help="JSON Lines of actor phrases: text, context, date."),
    actors: list[Path] = typer.Option([], "--actors", help=_ACTORS_HELP),
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


@app.command("actors")
def actors_cmd(
    inputs: list[str] = typer.Argument(..., help="Article files, folders or - (stdin)."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD for inputs without one."),
    fmt: str = typer.Option("table", "--format", help="table or jsonl (one mention per line)."),
    actors: list[Path] = typer.Option([], "--actors", help=_ACTORS_HELP),
) -> None:
    """List the actors named in articles: people, organisations, countries, IGOs.

    Example: `parley actors article.txt --format jsonl`
    """
    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter("use table or jsonl", param_hint="--format")
    from rich.console import Console
    from rich.table import Table

    from parley.actors import ActorResolver
    from parley.ingest import read_inputs
    from parley.nlp import load_pipeline
    from parley.records import Article, Skip

    err = Console(stderr=True)
    resolver = ActorResolver.load(extra_files=tuple(actors))
    nlp = load_pipeline()
    table = Table("article", "sent", "mention", "kind", "code", "name", "title")
    for item in read_inputs(inputs, published=published):
        if isinstance(item, Skip):
            where = item.source if item.record is None else f"{item.source}:{item.record}"
            err.print(f"skipped {where}: {item.reason}", markup=False, highlight=False)
            continue
        if not isinstance(item, Article):
            continue
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
