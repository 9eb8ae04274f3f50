"""Fuzzing the API's own parsers: a request body and a pagination cursor, whatever they hold,
give articles or a 4xx ApiError / QueryError, never another exception."""

from __future__ import annotations

import base64
import json
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.api.articles import parse_articles_body
from parley.api.errors import ApiError
from parley.errors import QueryError
from parley.store.filters import decode_cursor, encode_cursor

EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", "200"))
_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None)

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=12,
)


@_SETTINGS
@given(body=st.binary(max_size=600) | _JSON.map(lambda v: json.dumps(v).encode()))
def test_any_body_is_articles_or_a_4xx(body: bytes) -> None:
    try:
        posted = parse_articles_body(body)
    except ApiError as exc:
        assert 400 <= exc.status < 500
    else:
        assert all(a.text for a in posted.articles)


@_SETTINGS
@given(value=_JSON)
def test_any_cursor_is_decoded_or_refused(value: object) -> None:
    forged = base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
    for cursor in (forged, forged[:-1], "!" + forged):
        try:
            sort_date, seq = decode_cursor(cursor)
        except QueryError as exc:
            assert exc.parameter == "cursor"
        else:
            assert decode_cursor(encode_cursor(sort_date, seq)) == (sort_date, seq)
