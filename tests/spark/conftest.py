"""One local SparkSession for the whole test run, and one Coder for the reference output."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from parley.errors import SparkJobError


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A local[2] SparkSession, small and quiet; fails clearly when Java is missing."""
    from parley.spark import check_java, session

    try:
        check_java()
    except SparkJobError as exc:
        pytest.fail(f"{exc} (the Spark tests need Java 17)", pytrace=False)
    spark = session("local[2]", app_name="parley-tests")
    spark.conf.set("spark.sql.shuffle.partitions", "2")
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


@pytest.fixture(scope="session")
def coder() -> Any:
    """The Coder `parley code` uses, loaded once."""
    from parley.coder import Coder

    return Coder.load()
