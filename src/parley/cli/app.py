"""The Typer application object that every command module registers on."""

from __future__ import annotations

from typing import Any

import typer

app = typer.Typer(
    name="parley",
    help=(
        "Parley turns diplomatic and political news into source-grounded event data.\n\n"
        "Examples:\n\n"
        "  parley actors article.txt\n\n"
        "  parley code news.jsonl --format table\n\n"
        "  parley ingest news.jsonl --db parley.db"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    add_completion=False,
)

# The --actors option of every command that resolves actors.
ACTORS_HELP = (
    "Extra actor dictionary, repeatable: a TSV (name, country, role, igo, start, end, title, "
    "aliases; one row per role period) or a PETRARCH/TABARI .actors.txt file. Its entries "
    "win over the packaged ones."
)


def say(console: Any, line: str) -> None:
    """One report line (a skip, a failure) printed as is: no markup, never wrapped, so a log
    file gets one line per record whatever the terminal width."""
    console.print(line, markup=False, highlight=False, soft_wrap=True)
