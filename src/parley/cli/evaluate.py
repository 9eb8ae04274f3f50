"""`parley evaluate`: score the coder against gold files; a thin wrapper on parley.evaluate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from parley.cli.app import app


@app.command(name="evaluate")
def evaluate_cmd(
    gold: list[Path] = typer.Argument(
        ...,
        metavar="GOLD.jsonl...",
        help="Gold files (FORMAT.md): event, label, span or actor gold.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the report as JSON instead of tables."
    ),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="Score only the first N records of each file."
    ),
    processes: int = typer.Option(
        1, "--processes", min=1, help="spaCy worker processes (nlp.pipe n_process)."
    ),
    errors: Path | None = typer.Option(
        None, "--errors", help="Write per-record mismatches (gold vs predicted) to this JSONL file."
    ),
    baseline: bool = typer.Option(
        False, "--baseline", help="Also score the naive keyword baseline and print it alongside."
    ),
    coder_name: str = typer.Option(
        "parley", "--coder", help="Which coder to score: parley (the real one) or baseline."
    ),
    half: str | None = typer.Option(
        None, "--half", metavar="tune|held",
        help="Score only one fixed half of each file (by a hash of the record id): tune on "
        "'tune', report 'held'.",
    ),
) -> None:
    """Score Parley's events (or actor resolution) against gold: P/R/F1, penta, direction, actors.

    Examples:

      parley evaluate ../shared/gold/plover-gsr.dev.jsonl ../shared/gold/petr2-gsr.dev.jsonl

      parley evaluate gold.jsonl --json --errors mismatches.jsonl --baseline
    """
    from rich.console import Console

    from parley.errors import InputError
    from parley.evaluate.baseline import BaselineCoder
    from parley.evaluate.render import render_report, report_json, write_mismatches
    from parley.evaluate.runner import ParleyCoder

    if coder_name not in ("parley", "baseline"):
        raise typer.BadParameter("must be parley or baseline", param_hint="--coder")
    files = _load_files(gold, limit, half)  # validate everything before coding
    err = Console(stderr=True)
    main = ParleyCoder.load(n_process=processes) if coder_name == "parley" else BaselineCoder.load()
    coders = [main]
    if baseline and coder_name != "baseline":
        coders.append(BaselineCoder.load())
    results = _run(coders, files, err)
    reports = results[main.name]
    base = results.get("baseline", []) if main.name != "baseline" else []
    if errors is not None:
        try:
            with errors.open("w", encoding="utf-8") as handle:
                n = write_mismatches([*reports, *base], handle)
        except OSError as exc:
            raise InputError(str(errors), f"cannot write: {exc.strerror or exc}") from None
        err.print(f"parley evaluate: {n} mismatching records written to {errors}")
    if as_json:
        typer.echo(report_json(reports, base))
    else:
        render_report(reports, Console(), base)


def _load_files(gold: list[Path], limit: int | None, half: str | None) -> list:
    """Every gold file loaded and validated (one half of it with --half)."""
    from parley.evaluate import load_gold
    from parley.evaluate.split import HALVES, select_half

    if half is not None and half not in HALVES:
        raise typer.BadParameter("must be tune or held", param_hint="--half")
    return [select_half(load_gold(path, limit=limit), half) for path in gold]


def _run(coders: list, files: list, err: Any) -> dict[str, list]:
    """Every coder over every file, with a progress bar on stderr: reports by coder name."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from parley.evaluate import evaluate_file

    results: dict[str, list] = {c.name: [] for c in coders}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        for coder in coders:
            for gold_file in files:
                task = progress.add_task(
                    f"{coder.name}: {Path(gold_file.path).name}", total=gold_file.size
                )
                report = evaluate_file(
                    gold_file, coder, progress=lambda n, task=task: progress.advance(task, n)
                )
                results[coder.name].append(report)
                progress.remove_task(task)
    return results
