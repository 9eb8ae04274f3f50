"""`parley ingest|events|show|dyad|export`: thin commands over parley.store."""

from __future__ import annotations

import csv
import json
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from parley.cli.app import ACTORS_HELP, app

DB_HELP = "Store: an SQLite file path or a postgresql:// URL."
DB_OPTION = typer.Option("parley.db", "--db", envvar="PARLEY_DB", help=DB_HELP)


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


class Period(StrEnum):
    month = "month"
    quarter = "quarter"
    year = "year"


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr)


class _StopRequest:
    """SIGINT/SIGTERM handler: the first signal asks the ingest to stop after the article in
    hand (checked between articles, in ordinary code); a second one stops at once.

    Raising straight from the handler could land inside a finalizer (`__del__`), where Python
    ignores the exception and the ingest carries on: seen with SIGTERM in the tests.
    """

    def __init__(self) -> None:
        self.requested = False

    def __call__(self, signum: int, _frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def check(self) -> None:
        """Raise KeyboardInterrupt if a stop was requested."""
        if self.requested:
            raise KeyboardInterrupt


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Files, directories, '-' or `parley spark` output dirs."
    ),
    db: str = DB_OPTION,
    processes: int = typer.Option(1, "--processes", "-p", min=1, help="spaCy worker processes."),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per nlp.pipe batch."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD for inputs that state none."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Read, code and store articles, each exactly once; print a per-file summary.

    An article already stored with the same text and coder version is left unchanged; a new
    text or coder version replaces its events. Stopping an ingest keeps what it finished: run
    it again to complete it.

    Examples:

      parley ingest news.jsonl --db parley.db

      parley ingest feeds/ archive.warc.gz --db postgresql://user@localhost/parley -p 2
    """
    from parley.ingest import read_inputs
    from parley.store import Store
    from parley.store.ingest import IngestSummary, is_coded_output

    coded = [p for p in inputs if is_coded_output(p)]
    raw = [p for p in inputs if p not in coded]
    # Paths are checked here, before the store or the coder is opened.
    items = read_inputs(raw, published=published) if raw else None
    summary = IngestSummary()
    console = _console()
    stop = _StopRequest()
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    progress = _progress_bar(quiet)
    store = Store.open(db)
    try:
        with progress:
            task = progress.add_task("ingest", total=None, rate="")

            def tick(item: Any, status: str) -> None:
                progress.advance(task)
                elapsed = progress.tasks[0].elapsed or 0.0
                done = progress.tasks[0].completed
                if elapsed > 0:
                    progress.update(task, rate=f"{done / elapsed:.1f} articles/s")
                stop.check()

            _store_all(store, coded, items, summary, tick, actors=actors,
                       batch_size=batch_size, processes=processes)
    except KeyboardInterrupt:
        _print_summary(console, summary, None)
        raise typer.Exit(130) from None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for fs in summary.files.values():
            store.log_ingest(fs.path, fs.to_dict())
        store.close()
    _print_summary(console, summary, db)


def _store_all(store: Any, coded: list[str], items: Any, summary: Any, tick: Any, *,
               actors: list[Path], batch_size: int, processes: int) -> None:
    """Store `parley spark` outputs as they are, then code and store the raw inputs."""
    from parley.store.ingest import ingest, ingest_coded

    for path in coded:
        from parley.parquet import coded_version, read_coded

        version = coded_version(path) or "spark"
        ingest_coded(store, read_coded(path), version, progress=tick, summary=summary)
    if items is not None:
        from parley.coder import Coder

        # Loaded once here; with -p N the forked workers share it.
        options = {"actor_files": tuple(actors)}
        ingest(store, items, Coder.load(**options), batch_size=batch_size,
               n_process=processes, coder_options=options, progress=tick, summary=summary)


def _progress_bar(quiet: bool) -> Any:
    """The ingest's progress bar on stderr: articles done, rate, time."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=_console(stderr=True),
        disable=quiet,
        transient=False,
    )


def _print_summary(console: Any, summary: Any, db: str | None) -> None:
    """The per-file table, then the totals line (or, without `db`, the interrupted line)."""
    from parley.store.render import summary_table

    console.print(summary_table(f.to_dict() for f in summary.files.values()))
    if db is None:
        console.print("[yellow]interrupted[/]: finished articles are stored; "
                      "run the same command again to complete the ingest")
        return
    console.print(
        f"{summary.total('stored')} stored, {summary.total('replaced')} replaced, "
        f"{summary.total('unchanged')} unchanged, {summary.total('skipped')} skipped; "
        f"{summary.total('events')} events written to {db}"
    )


def _write_rows(rows: list[dict[str, Any]], fmt: Format) -> None:
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if rows:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@app.command()
def events(
    db: str = DB_OPTION,
    actor: str | None = typer.Option(None, "--actor", help="Source or target: KAZ, KAZGOV, name."),
    source: str | None = typer.Option(None, "--source", help="Source actor (as --actor)."),
    target: str | None = typer.Option(None, "--target", help="Target actor (as --actor)."),
    code: str | None = typer.Option(None, "--code", help="CAMEO code, e.g. 043."),
    root: str | None = typer.Option(None, "--root", help="CAMEO root, e.g. 04."),
    quad: int | None = typer.Option(None, "--quad", help="QuadClass 1-4."),
    since: str | None = typer.Option(None, "--since", help="From YYYY[-MM[-DD]]."),
    until: str | None = typer.Option(None, "--until", help="Up to YYYY[-MM[-DD]], inclusive."),
    place: str | None = typer.Option(None, "--place", help="Place name or country code."),
    topic: str | None = typer.Option(None, "--topic", help="Topic, e.g. trade."),
    text: str | None = typer.Option(None, "--text", help="Full-text search of the evidence."),
    historical: bool | None = typer.Option(
        None, "--historical/--no-historical", help="Only recalled / only new events."
    ),
    limit: int = typer.Option(50, "--limit", "-n", help="Most events to list."),
    cursor: str | None = typer.Option(None, "--cursor", help="Continue after a previous page."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
) -> None:
    """List stored events, newest first, with filters.

    Examples:

      parley events --actor KAZ --root 04 --since 2024-01

      parley events --text "grain corridor" --format jsonl
    """
    from parley.store import EventFilter, Store
    from parley.store import queries as q
    from parley.store.export import flat_row
    from parley.store.render import events_table

    f = EventFilter(
        actor=actor,
        source=source,
        target=target,
        code=code,
        root=root,
        quad=quad,
        since=since,
        until=until,
        place=place,
        topic=topic,
        text=text,
        historical=historical,
        limit=limit,
        cursor=cursor,
    ).validated()  # a bad filter is reported before the database is looked at
    with Store.open(db, create=False) as store:
        page = q.events_page(store, f)
    if fmt is Format.table:
        console = _console()
        console.print(events_table(page.items, title=f"{len(page.items)} events"))
        if page.next_cursor:
            console.print(f"more: --cursor {page.next_cursor}")
        return
    rows = [i.to_dict() for i in page.items]
    _write_rows(rows if fmt is Format.jsonl else [flat_row(r) for r in rows], fmt)


@app.command()
def show(
    event_id: str = typer.Argument(..., help="An event id from `parley events`."),
    db: str = DB_OPTION,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or jsonl."),
) -> None:
    """Show one event: every field, and each evidence sentence with its spans highlighted.

    Example:

      parley show 3f2a9c0d1e-0 --db parley.db
    """
    from parley.store import Store
    from parley.store import queries as q
    from parley.store.render import event_panel

    with Store.open(db, create=False) as store:
        detail = q.event_detail(store, event_id)
    if fmt is Format.table:
        _console().print(event_panel(detail))
    else:
        sys.stdout.write(json.dumps(detail.to_dict(), ensure_ascii=False) + "\n")


@app.command()
def dyad(
    a: str | None = typer.Argument(None, help="One side: country (KAZ), actor code or name."),
    b: str | None = typer.Argument(None, help="The other side."),
    by: Period = typer.Option(Period.month, "--by", help="Period length."),
    db: str = DB_OPTION,
    limit: int = typer.Option(10, "--limit", "-n", help="Pairs to list when no A B given."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
) -> None:
    """How A and B treated each other over time; without A B, the busiest pairs.

    Examples:

      parley dyad KAZ BEL --by quarter

      parley dyad --limit 5
    """
    from parley.errors import QueryError
    from parley.store import Store
    from parley.store import queries as q
    from parley.store.render import dyad_chart, dyads_table

    if (a is None) != (b is None):
        raise QueryError("b", "give both A and B, or neither for the top pairs")
    with Store.open(db, create=False) as store:
        if a is None or b is None:
            pairs = q.top_dyads(store, limit=limit)
            if fmt is Format.table:
                _console().print(dyads_table(pairs))
            else:
                _write_rows([p.to_dict() for p in pairs], fmt)
            return
        series = q.dyad(store, a, b, by=by.value)
    if fmt is Format.table:
        _console().print(dyad_chart(series))
    elif fmt is Format.jsonl:
        sys.stdout.write(json.dumps(series.to_dict()) + "\n")
    else:
        rows = []
        for p in series.periods:
            row: dict[str, Any] = {"period": p.period}
            for side in ("a_to_b", "b_to_a"):
                for key, value in getattr(p, side).to_dict().items():
                    row[f"{side}_{key}"] = value
            rows.append(row)
        _write_rows(rows, fmt)


@app.command()
def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl, csv, parquet or gdelt."),
    db: str = DB_OPTION,
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Output file (default: standard output; Parquet needs one)."
    ),
    since: str | None = typer.Option(None, "--since", help="From YYYY[-MM[-DD]]."),
    until: str | None = typer.Option(None, "--until", help="Up to YYYY[-MM[-DD]], inclusive."),
) -> None:
    """Export every stored event (with counts) as JSON Lines, CSV, Parquet or GDELT 2.0 TSV.

    Examples:

      parley export --format gdelt --output events.tsv

      parley export --format parquet --db postgresql://localhost/parley -o events.parquet
    """
    from parley.store import EventFilter, Store
    from parley.store.export import export as run_export

    f = EventFilter(since=since, until=until)
    with Store.open(db, create=False) as store:
        if fmt is ExportFormat.parquet:
            if output is None:
                raise typer.BadParameter("a Parquet export needs --output FILE")
            n = run_export(store, fmt.value, path=output, f=f)
        elif output is None:
            n = run_export(store, fmt.value, out=sys.stdout, f=f)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                n = run_export(store, fmt.value, out=out, f=f)
    if output is not None:
        _console(stderr=True).print(f"{n} events written to {output}")
