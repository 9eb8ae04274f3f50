"""The Spark job: read articles (JSONL, WARC/WARC.gz, any input kind) at scale, code them with the
same `code_articles` as `parley code`, write Parquet.

Layout of OUTPUT:
  events/    EVENT_SCHEMA, Hive-partitioned by the event's date: year=2019/month=3/
  articles/  ARTICLE_SCHEMA, every article read, with its coder version and event count
  rejects/   REJECT_SCHEMA, every record that was skipped or failed, with the reason

Two stages. Reading: each input file (or slice of lines of a JSONL file) goes through
`parley.ingest.read_path` unchanged, so ids, skips and language policy match the CLI. Coding:
articles are spread over `partitions` partitions and each partition loads ONE Coder and runs
`parley.events.code_articles` over its articles. A record that breaks the reader or the coder
becomes a reject row; the job itself does not fail on bad content.

Run it with `parley spark INPUT OUTPUT`, or on a cluster with
`spark-submit .../parley/spark.py INPUT OUTPUT --master yarn`.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from parley.errors import ParleyError, SparkJobError
from parley.parquet import (
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    PARTITION_SCHEMA,
    REJECT_SCHEMA,
    article_row,
    date_partition,
    event_row,
)
from parley.records import Article, Skip

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

# Extensions read line by line (splittable across tasks); everything else is read whole.
_LINE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")

# Articles per `code_articles` call inside a partition: the nlp.pipe batch, and the unit that is
# retried one article at a time when something in it fails.
DEFAULT_BATCH = 32


@dataclass(frozen=True, kw_only=True, slots=True)
class JobOptions:
    """What the job needs besides its input and output paths."""

    partitions: int | None = None  # coding partitions; default: Spark's default parallelism
    batch_size: int = DEFAULT_BATCH
    model: str | None = None  # spaCy model package; default: the Coder's
    published: str | None = None  # default publication date for inputs that lack one
    overwrite: bool = False
    actor_files: tuple[str, ...] = ()  # the user's actor dictionaries (--actors)


@dataclass(frozen=True, kw_only=True, slots=True)
class JobSummary:
    """Counts the driver reports when the job is done."""

    articles: int
    events: int
    rejects: int
    output: str

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        return (
            f"{self.articles} articles, {self.events} events, {self.rejects} rejects "
            f"-> {self.output}"
        )


def spark_schema() -> Any:
    """The Spark schema of the coded rows: kind, one of event/article/reject, partition."""
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    def struct(schema: Any) -> Any:
        return from_arrow_schema(schema)

    return StructType(
        [
            StructField("kind", StringType(), False),
            StructField("event", struct(EVENT_SCHEMA), True),
            StructField("article", struct(ARTICLE_SCHEMA), True),
            StructField("reject", struct(REJECT_SCHEMA), True),
            *[StructField(f.name, IntegerType(), True) for f in PARTITION_SCHEMA],
        ]
    )


def check_java() -> None:
    """Raise SparkJobError when no Java runtime is on PATH (Spark's JVM needs one)."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and os.path.exists(os.path.join(java_home, "bin", "java")):
        return
    if shutil.which("java") is None:
        raise SparkJobError(
            "Java is not installed (Spark needs Java 17): run `make sysdeps` "
            "(apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
        )


def session(master: str | None = None, *, app_name: str = "parley") -> SparkSession:
    """A SparkSession; `master` None keeps spark-submit's choice (local[*] when there is none)."""
    check_java()
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkJobError("pyspark is not installed: pip install 'parley[spark]'") from exc
    builder = SparkSession.builder.appName(app_name)
    submitted = _submitted_conf().get("spark.master")
    effective = master or submitted or "local[*]"
    if effective != submitted:
        builder = builder.master(effective)
    if effective.startswith("local"):
        # Local workers must run this interpreter (the venv with Parley and the model).
        # PySpark reads the worker's interpreter from PYSPARK_PYTHON (default: `python3` on
        # PATH), not from spark.pyspark.python, once the driver is running.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.ui.enabled", "false")
        builder = builder.config("spark.sql.shuffle.partitions", "8")
    spark = builder.getOrCreate()
    if effective.startswith("local"):
        spark.sparkContext.setLogLevel("ERROR")  # a local run's console is the user's terminal
    return spark


def _submitted_conf() -> dict[str, str]:
    """The configuration spark-submit passed to this driver (empty when run directly)."""
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # set by spark-submit for Python drivers
        return {}
    from pyspark import SparkContext

    SparkContext._ensure_initialized()  # type: ignore[attr-defined]  # joins spark-submit's JVM
    from pyspark import SparkConf

    return dict(SparkConf().getAll())


# ---------------------------------------------------------------------------------------------
# Listing inputs through Hadoop's FileSystem, so s3a://, hdfs:// and globs work like local paths.


def list_inputs(spark: SparkSession, path: str) -> list[str]:
    """Every file under `path` (a file, a directory or a glob), as fully qualified URIs."""
    jvm = spark.sparkContext._jvm  # type: ignore[attr-defined]
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(conf)
    statuses = fs.globStatus(hpath)
    if not statuses:
        raise SparkJobError(f"{path}: no such file or directory")
    files: list[str] = []
    for status in statuses:
        if status.isDirectory():
            it = fs.listFiles(status.getPath(), True)
            while it.hasNext():
                files.append(it.next().getPath().toString())
        else:
            files.append(status.getPath().toString())
    hidden = ("_", ".")
    return sorted(f for f in files if not PurePosixPath(f).name.startswith(hidden))


def _exists(spark: SparkSession, path: str) -> bool:
    jvm = spark.sparkContext._jvm  # type: ignore[attr-defined]
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return bool(hpath.getFileSystem(conf).exists(hpath))


# ---------------------------------------------------------------------------------------------
# Stage 1: reading, through the same ingest reader as the CLI.


def _reject(
    source: str, record: int | None, reason: str, *, error: bool, doc_id: str | None = None
) -> dict[str, Any]:
    return {"source": source, "record": record, "reason": reason, "error": error, "doc_id": doc_id}


def _read_local(
    local: str, name: str, published: str | None, records: list[int] | None = None
) -> Iterator[Article | Skip]:
    """Read a worker-local copy with `read_path`, naming the original file (and line numbers)."""
    from parley.ingest import read_path

    def fix(item: Article | Skip) -> Article | Skip:
        if isinstance(item, Article):
            return dataclasses.replace(item, source=name) if item.source == local else item
        record = item.record
        if records is not None and record is not None and 0 < record <= len(records):
            record = records[record - 1]
        return dataclasses.replace(
            item, source=name, record=record, reason=item.reason.replace(local, name)
        )

    try:
        for item in read_path(local, published=published):
            yield fix(item)
    except (ParleyError, OSError, EOFError, ValueError) as exc:
        yield Skip(source=name, record=None, reason=str(exc).replace(local, name), error=True)


def _local_suffix(name: str) -> str:
    """The suffixes that tell `read_path` the kind: `.warc.gz`, `.jsonl`, `.html`..."""
    suffixes = PurePosixPath(name).suffixes[-2:]
    return "".join(s for s in suffixes if len(s) <= 8)


def read_whole_files(
    pairs: Iterable[tuple[str, bytes]], published: str | None
) -> Iterator[Article | Skip]:
    """Stage 1 for whole files (WARC, HTML, text, feeds): bytes -> temp file -> read_path."""
    with tempfile.TemporaryDirectory(prefix="parley-spark-") as tmp:
        for name, data in pairs:
            local = os.path.join(tmp, "input" + _local_suffix(name))
            with open(local, "wb") as handle:
                handle.write(data)
            del data
            yield from _read_local(local, name, published)
            os.unlink(local)


def read_line_slices(
    rows: Iterable[tuple[str, int, bytes]], published: str | None
) -> Iterator[Article | Skip]:
    """Stage 1 for JSONL: this partition's (file, line number, line) -> read_path per file."""
    by_file: dict[str, list[tuple[int, bytes]]] = {}
    for name, line_no, line in rows:
        by_file.setdefault(name, []).append((line_no, line))
    with tempfile.TemporaryDirectory(prefix="parley-spark-") as tmp:
        for name, lines in by_file.items():
            local = os.path.join(tmp, "lines.jsonl")
            with open(local, "wb") as handle:
                for _, line in lines:
                    handle.write(line.rstrip(b"\r\n") + b"\n")
            yield from _read_local(local, name, published, [n for n, _ in lines])
            os.unlink(local)


# ---------------------------------------------------------------------------------------------
# Stage 2: coding, one Coder per partition.


def _coded_rows(article: Article, events: list[Any], version: str) -> Iterator[tuple]:
    for event in events:
        row = event_row(event.to_dict())
        yield ("event", row, None, None, *date_partition(row["date"]))
    yield (
        "article",
        None,
        article_row(article, coder_version=version, num_events=len(events)),
        None,
        None,
        None,
    )


def code_partition(
    items: Iterable[Article | Skip], *, batch_size: int = DEFAULT_BATCH, model: str | None = None,
    actor_files: tuple[str, ...] = (),
) -> Iterator[tuple]:
    """Stage 2: load one Coder, code this partition's articles, yield event/article/reject rows."""
    coder: Any = None  # loaded on the first batch, so an all-rejects partition skips the load
    pending: list[Article] = []
    for item in items:
        if isinstance(item, Skip):
            reject = _reject(item.source, item.record, item.reason, error=item.error)
            yield ("reject", None, None, reject, None, None)
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            coder = coder or _load_coder(model, actor_files)
            yield from _code_batch(pending, coder)
            pending = []
    if pending:
        yield from _code_batch(pending, coder or _load_coder(model, actor_files))


def _load_coder(model: str | None, actor_files: tuple[str, ...] = ()) -> Any:
    from parley.coder import Coder

    files = tuple(Path(_shipped(f)) for f in actor_files)
    return Coder.load(model, actor_files=files) if model else Coder.load(actor_files=files)


def _shipped(path: str) -> str:
    """Where an executor finds a file the driver shipped with `addFile` (else the path)."""
    from pyspark import SparkFiles

    try:
        local = SparkFiles.get(Path(path).name)
    except AssertionError:  # no SparkContext here (code_partition called directly)
        return path
    return local if Path(local).is_file() else path


def _code_batch(batch: list[Article], coder: Any) -> Iterator[tuple]:
    """Code a batch with nlp.pipe; if anything in it fails, redo it one article at a time."""
    from parley.events import code_article, code_articles

    try:
        done = list(code_articles(batch, coder, batch_size=len(batch)))
    except Exception:  # a bad article must not fail the job: retried below
        done = None
    if done is not None:
        for article, events in done:
            yield from _coded_rows(article, events, coder.version)
        return
    for article in batch:
        try:
            events = code_article(article, coder)
        except Exception as exc:  # recorded as a reject with its reason
            reason = f"coding failed: {type(exc).__name__}: {exc}"
            yield (
                "reject",
                None,
                None,
                _reject(article.source or "", None, reason, error=True, doc_id=article.id),
                None,
                None,
            )
            continue
        yield from _coded_rows(article, events, coder.version)


# ---------------------------------------------------------------------------------------------
# The job.


def read_stage(spark: SparkSession, input_path: str, published: str | None) -> RDD:
    """An RDD of Article | Skip for every record under `input_path`."""
    sc = spark.sparkContext
    files = list_inputs(spark, input_path)
    line_files = [f for f in files if f.lower().endswith(_LINE_SUFFIXES)]
    whole_files = [f for f in files if f not in set(line_files)]
    parts: list[RDD] = []
    for name in line_files:
        lines = sc.textFile(name, use_unicode=False).zipWithIndex()
        rows = lines.map(lambda pair, name=name: (name, pair[1] + 1, pair[0]))
        parts.append(rows.mapPartitions(lambda it: read_line_slices(it, published)))
    if whole_files:
        data = sc.binaryFiles(",".join(whole_files), minPartitions=len(whole_files))
        parts.append(data.mapPartitions(lambda it: read_whole_files(it, published)))
    if not parts:
        raise SparkJobError(f"{input_path}: no input files")
    return parts[0] if len(parts) == 1 else sc.union(parts)


def code_stage(spark: SparkSession, items: RDD, options: JobOptions) -> DataFrame:
    """The coded rows (events, articles, rejects) as one DataFrame of `spark_schema()`."""
    n = options.partitions or spark.sparkContext.defaultParallelism
    batch, model, files = options.batch_size, options.model, options.actor_files
    for path in files:  # executors on other machines read their own copy
        spark.sparkContext.addFile(path)
    rows = items.repartition(n).mapPartitions(
        lambda it: code_partition(it, batch_size=batch, model=model, actor_files=files)
    )
    return spark.createDataFrame(rows, schema=spark_schema())


def _write(coded: DataFrame, output: str, mode: str) -> None:
    partitions = [f.name for f in PARTITION_SCHEMA]
    events = coded.where("kind = 'event'").select("event.*", *partitions)
    events.write.mode(mode).partitionBy(*partitions).parquet(f"{output}/events")
    articles = coded.where("kind = 'article'").select("article.*")
    articles.write.mode(mode).parquet(f"{output}/articles")
    rejects = coded.where("kind = 'reject'").select("reject.*")
    rejects.coalesce(1).write.mode(mode).parquet(f"{output}/rejects")


_EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception)): (.+)$")


def failure_reason(exc: BaseException) -> str:
    """The innermost `SomeError: message` line of a (Java-wrapped Python) failure."""
    found = None
    for line in str(exc).splitlines():
        m = _EXCEPTION_LINE.match(line.strip())
        if m and not m.group(1).startswith(("org.apache", "py4j", "java.")):
            found = f"{m.group(1).rsplit('.', 1)[-1]}: {m.group(2)}"
    if found:
        return found
    first = str(exc).strip().splitlines()
    return first[0][:300] if first else type(exc).__name__


def run_job(
    spark: SparkSession, input_path: str, output: str, options: JobOptions | None = None
) -> JobSummary:
    """Read, code and write: OUTPUT/events, OUTPUT/articles, OUTPUT/rejects. Returns counts."""
    from pyspark import StorageLevel

    from parley.ingest import normalise_date

    options = options or JobOptions()
    if options.published is not None and normalise_date(options.published) is None:
        raise SparkJobError(f"--published {options.published!r}: not a date (YYYY-MM-DD)")
    output = output.rstrip("/")
    if _exists(spark, output) and not options.overwrite:
        raise SparkJobError(f"{output}: already exists (use --overwrite to replace it)")
    coded = code_stage(spark, read_stage(spark, input_path, options.published), options)
    # Coding is the expensive part: it runs once, the three writes read the cached rows.
    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = {r["kind"]: r["count"] for r in coded.groupBy("kind").count().collect()}
        _write(coded, output, "overwrite" if options.overwrite else "errorifexists")
    except ParleyError:
        raise
    except Exception as exc:  # pyspark's Py4JJavaError / CapturedException: one line for users
        raise SparkJobError(f"the Spark job failed: {failure_reason(exc)}") from exc
    finally:
        coded.unpersist()
    return JobSummary(
        articles=counts.get("article", 0),
        events=counts.get("event", 0),
        rejects=counts.get("reject", 0),
        output=output,
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point for `spark-submit parley/spark.py INPUT OUTPUT [options]`."""
    from parley.cli import main as cli_main

    sys.argv = ["parley", "spark", *(sys.argv[1:] if argv is None else argv)]
    cli_main()


if __name__ == "__main__":
    main()
