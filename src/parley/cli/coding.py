"""`parley code`: code articles into CAMEO events (JSON Lines or a table)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parley.cli.app import ACTORS_HELP, app, say

if TYPE_CHECKING:
    from parley.parallel import CodingFailure
    from parley.records import Article, Event


def _table_rows(article: Article, events: list[Event]) -> list[tuple[str, ...]]:
    rows = []
    for e in events:
        rows.append((
            article.id[:16], str(e.sentence_index),
            (e.source.code or e.source.text) if e.source else "-",
            e.cameo, (e.target.code or e.target.text) if e.target else "-",
            e.date or "-", "yes" if e.historical else "", e.place.name if e.place else "-",
            e.rule,
        ))
    return rows


@app.command("code")
def code_cmd(
    inputs: list[str] = typer.Argument(..., help="Files, folders or - (stdin) to read."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD for inputs without one."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one event per line) or table."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
    processes: int = typer.Option(1, "--processes", "-p", min=1, help="spaCy worker processes."),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
    no_prefilter: bool = typer.Option(
        False, "--no-prefilter", help="Parse every sentence, not only candidate ones."),
) -> None:
    """Code news articles into CAMEO events.

    Example: `parley code news.jsonl --published 2024-05-02 --format table`
    """
    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("use jsonl or table", param_hint="--format")
    from rich.console import Console
    from rich.progress import Progress

    from parley.coder import Coder
    from parley.ingest import read_inputs
    from parley.parallel import code_articles_parallel
    from parley.records import Article, Skip

    err = Console(stderr=True)
    # Loaded once here; with --processes N the forked workers share it.
    coder_options = {"actor_files": tuple(actors), "prefilter": not no_prefilter}
    coder = Coder.load(**coder_options)

    def failed(failure: CodingFailure) -> None:
        say(err, f"failed {failure.article.id}: {failure.error}")

    def articles() -> object:
        for item in read_inputs(inputs, published=published):
            if isinstance(item, Skip):
                where = item.source if item.record is None else f"{item.source}:{item.record}"
                say(err, f"skipped {where}: {item.reason}")
                continue
            if isinstance(item, Article):
                yield item

    out = output.open("w", encoding="utf-8") if output else sys.stdout
    rows: list[tuple[str, ...]] = []
    n_events = 0
    try:
        run = code_articles_parallel(
            articles(), processes=processes, coder=coder, coder_options=coder_options,
            on_failure=failed,
        )
        progress = Progress(console=err, transient=True, disable=not err.is_terminal)
        with progress, run as pairs:
            task = progress.add_task("coding", total=None)
            for article, events in pairs:
                progress.advance(task)
                n_events += len(events)
                if fmt == "jsonl":
                    for e in events:
                        out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
                else:
                    rows.extend(_table_rows(article, events))
        if fmt == "table":
            from rich.table import Table

            table = Table("doc", "sent", "source", "cameo", "target", "date", "hist", "place",
                          "rule")
            for r in rows:
                table.add_row(*r)
            Console(file=out, width=160).print(table)
    finally:
        if output:
            out.close()
    if output:
        err.print(f"{n_events} events written to {output}", highlight=False)
