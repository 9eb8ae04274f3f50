"""Property-based run of schemathesis against /openapi.json: no request makes a server error.

Bounded (20 examples per operation) so the suite stays quick on a 2-core machine. The write
endpoint runs with a token configured but not sent, so generated bodies exercise parsing and
auth, not the coder. (schemathesis' own pytest plugin does not load under pytest 9, so each
operation's hypothesis strategy is driven directly.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from parley.api import create_app

OPERATIONS = [
    "GET /api/events",
    "GET /api/events/{event_id}",
    "GET /api/actors",
    "GET /api/dyads",
    "GET /api/dyads/{a}/{b}",
    "GET /api/network",
    "GET /api/places",
    "GET /api/codes",
    "POST /api/articles",
]


@pytest.fixture(scope="module")
def operations(hand_db: Path) -> dict[str, schemathesis.APIOperation]:
    app = create_app(str(hand_db), api_token="schemathesis-token-never-sent")
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return {op.label: op for op in (result.ok() for result in schema.get_all_operations())}


def test_every_endpoint_is_in_the_schema(operations: dict[str, schemathesis.APIOperation]) -> None:
    assert sorted(operations) == sorted(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_errors(
    operations: dict[str, schemathesis.APIOperation], label: str, mode: GenerationMode
) -> None:
    """Valid input is answered per the schema; invalid input gets a 4xx, never a 5xx."""
    operation = operations[label]
    checks = [not_a_server_error]
    if mode is GenerationMode.POSITIVE:
        checks += [status_code_conformance, content_type_conformance, response_schema_conformance]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=20,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def check(case: schemathesis.Case) -> None:
        response = case.call()
        case.validate_response(response, checks=checks)

    check()
