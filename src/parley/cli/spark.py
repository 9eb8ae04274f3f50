"""`parley spark`: code a large corpus with Spark, write Parquet; a thin wrapper on parley.spark."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.app import ACTORS_HELP, app


@app.command(name="spark")
def spark_cmd(
    input_path: str = typer.Argument(
        ..., metavar="INPUT", help="JSONL/WARC/HTML file, directory or glob (any Spark path)."
    ),
    output: str = typer.Argument(
        ..., metavar="OUTPUT", help="Output directory: events/, articles/, rejects/ (Parquet)."
    ),
    master: str | None = typer.Option(
        None, "--master", help="Spark master, e.g. local[2]; default: spark-submit's or local[*]."
    ),
    partitions: int | None = typer.Option(
        None, "--partitions", min=1, help="Coding partitions (one Coder each); default: cores."
    ),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per nlp.pipe batch."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD for inputs that state none."
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing OUTPUT."),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
) -> None:
    """Code articles at scale with Spark; write events, articles and rejects as Parquet.

    Examples:

      parley spark news.jsonl out/ --master local[2]

      spark-submit --master yarn parley/spark.py s3a://bucket/cc-news/ s3a://bucket/out/

    Load the result into a store with `parley ingest out/`.
    """
    from parley.errors import InputError
    from parley.spark import JobOptions, run_job, session

    for path in actors:
        if not path.is_file():
            raise InputError(str(path), "actor dictionary not found")
    options = JobOptions(
        partitions=partitions, batch_size=batch_size, published=published, overwrite=overwrite,
        actor_files=tuple(str(p.resolve()) for p in actors),
    )
    spark = session(master)
    try:
        summary = run_job(spark, input_path, output, options)
    finally:
        spark.stop()
    typer.echo(f"parley spark: {summary.line()}")
