import time
from datetime import date, datetime

import pytest

from parley.ingest.dates import normalise_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-04-10", "2019-04-10"),
        ("  2019-04-10  ", "2019-04-10"),
        ("2019-04-10T23:30:00+05:00", "2019-04-10"),  # the source's local day, not UTC's
        ("2019-04-10 08:00", "2019-04-10"),
        ("2024-03-05T09:30:00Z", "2024-03-05"),
        ("Tue, 05 Mar 2024 09:30:00 GMT", "2024-03-05"),
        ("Tue, 05 Mar 2024 23:30:00 -0800", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("20240305", "2024-03-05"),
        (time.struct_time((2024, 3, 5, 9, 30, 0, 1, 65, 0)), "2024-03-05"),
        (date(2021, 12, 1), "2021-12-01"),
        (datetime(2021, 12, 1, 10, 0), "2021-12-01"),
    ],
)
def test_dates_normalise_to_iso_day(value: object, expected: str) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "yesterday",
        "2019-02-30",
        "2019-13-01",
        "2019",
        "2019-04",
        "0001-01-01",
        "10/04/2019",
        20190410,
        ["2019-04-10"],
        "2019-04-10abc",
    ],
)
def test_non_dates_give_none(value: object) -> None:
    assert normalise_date(value) is None
