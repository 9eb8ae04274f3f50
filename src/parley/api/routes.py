"""The /api routes: each one parses parameters, calls one parley.store query, returns its dict."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from parley.api import models
from parley.api.articles import parse_articles_body
from parley.api.errors import ERROR_RESPONSES, ApiError
from parley.api.state import AppState, app_state
from parley.errors import QueryError
from parley.records import Article
from parley.store import EventFilter, queries

# The largest page a client may ask for: keeps one response (and one query) bounded.
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50
# Lists (actors, places, network nodes) are capped too; a dashboard cannot show more.
MAX_LIST_SIZE = 1000

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

State = Annotated[AppState, Depends(app_state)]
_CODE = r"^[A-Za-z0-9_-]{1,32}$"


@dataclass(frozen=True, kw_only=True)
class FilterParams:
    """The event filters shared by every read route (the same as `parley events`)."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    root: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    topic: str | None = None
    text: str | None = None
    historical: bool | None = None

    def to_filter(self, **paging: Any) -> EventFilter:
        """The store's EventFilter for these parameters (plus limit/cursor when paging)."""
        given = {k: v for k, v in self.__dict__.items() if v is not None}
        given.update({k: v for k, v in paging.items() if v is not None})
        return EventFilter(**given)


def filter_params(
    actor: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Source or target: country KAZ, actor code KAZGOV, IGO EU, or a name",
        ),
    ] = None,
    source: Annotated[
        str | None, Query(max_length=100, description="Source actor code or country")
    ] = None,
    target: Annotated[
        str | None, Query(max_length=100, description="Target actor code or country")
    ] = None,
    code: Annotated[
        str | None, Query(max_length=4, description="CAMEO code, exact: 043")
    ] = None,
    root: Annotated[str | None, Query(max_length=2, description="CAMEO root code: 04")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4")] = None,
    since: Annotated[
        str | None, Query(max_length=10, description="Earliest date, YYYY[-MM[-DD]]")
    ] = None,
    until: Annotated[
        str | None, Query(max_length=10, description="Latest date, YYYY[-MM[-DD]]")
    ] = None,
    place: Annotated[
        str | None, Query(max_length=200, description="Place name (part) or country code")
    ] = None,
    topic: Annotated[str | None, Query(max_length=100, description="Topic: trade, energy")] = None,
    text: Annotated[
        str | None, Query(max_length=500, description="Full-text search: evidence, article")
    ] = None,
    historical: Annotated[
        bool | None, Query(description="true: only recalled events; false: only new ones")
    ] = None,
) -> FilterParams:
    """FastAPI dependency collecting the event filters."""
    return FilterParams(
        actor=actor, source=source, target=target, code=code, root=root, quad=quad,
        since=since, until=until, place=place, topic=topic, text=text, historical=historical,
    )


Filters = Annotated[FilterParams, Depends(filter_params)]


def _json(result: Any) -> JSONResponse:
    if isinstance(result, list):
        return JSONResponse([item.to_dict() for item in result])
    return JSONResponse(result.to_dict())


@router.get("/events", response_model=models.EventsPage, summary="Search events")
def list_events(
    state: State,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    cursor: Annotated[
        str | None, Query(max_length=200, description="next_cursor of the previous page")
    ] = None,
) -> JSONResponse:
    """Events matching the filters, newest first, one page at a time."""
    return _json(queries.events_page(state.store, filters.to_filter(limit=limit, cursor=cursor)))


@router.get(
    "/events/{event_id}", response_model=models.EventDetail, summary="One event with evidence"
)
def get_event(
    state: State, event_id: Annotated[str, Path(min_length=1, max_length=200)]
) -> JSONResponse:
    """An event with every sentence that reports it and the spans to highlight."""
    try:
        detail = queries.event_detail(state.store, event_id)
    except QueryError as exc:
        # The store signals an unknown id as a QueryError on the `event_id` parameter.
        if exc.parameter == "event_id":
            raise ApiError(404, f"no event with id {event_id!r}", parameter="event_id") from None
        raise
    return _json(detail)


@router.get("/actors", response_model=list[models.ActorCount], summary="Actors by event count")
def list_actors(
    state: State,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST_SIZE)] = 200,
) -> JSONResponse:
    """Actors in the matching events, most active first."""
    return _json(queries.actor_counts(state.store, filters.to_filter(), limit=limit))


@router.get("/dyads", response_model=list[models.DyadCount], summary="Most active pairs")
def list_dyads(
    state: State,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST_SIZE)] = 20,
) -> JSONResponse:
    """The pairs of actors with the most events between them, either direction."""
    return _json(queries.top_dyads(state.store, filters.to_filter(), limit=limit))


@router.get(
    "/dyads/{a}/{b}", response_model=models.DyadSeries, summary="Relation between two actors"
)
def dyad(
    state: State,
    filters: Filters,
    a: Annotated[str, Path(pattern=_CODE, description="Actor code or country: KAZ")],
    b: Annotated[str, Path(pattern=_CODE, description="Actor code or country: BEL")],
    by: Literal["month", "quarter", "year"] = "month",
) -> JSONResponse:
    """Event counts per QuadClass and mean Goldstein per period, both directions."""
    return _json(queries.dyad(state.store, a, b, by=by, f=filters.to_filter()))


@router.get("/network", response_model=models.Network, summary="Actor network")
def network(
    state: State,
    filters: Filters,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIST_SIZE, description="Keep the most active actors")
    ] = 100,
    min_events: Annotated[
        int, Query(ge=1, le=1_000_000, description="Drop edges with fewer events")
    ] = 1,
) -> JSONResponse:
    """Actors as nodes and directed event counts per QuadClass as edges."""
    graph = queries.network(state.store, filters.to_filter(), min_events=min_events).to_dict()
    # The store ranks nodes by activity; a drawing needs only the top ones and their edges.
    nodes = graph["nodes"][:limit]
    kept = {node["id"] for node in nodes}
    edges = [e for e in graph["edges"] if e["source"] in kept and e["target"] in kept]
    return JSONResponse({"nodes": nodes, "edges": edges})


@router.get("/places", response_model=list[models.PlaceCount], summary="Event places")
def places(
    state: State,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST_SIZE)] = 500,
) -> JSONResponse:
    """Places of the matching events with their coordinates and event counts, most first."""
    found = queries.places(state.store, filters.to_filter())
    return _json(found[:limit])


@router.get("/codes", response_model=dict[str, models.CodeOut], summary="CAMEO code names")
def code_names(
    state: State,
    codes: Annotated[
        str,
        Query(
            max_length=1000,
            pattern=r"^\d{2,4}(,\d{2,4})*$",
            description="Comma-separated CAMEO codes: 042,043,111",
        ),
    ],
) -> JSONResponse:
    """Name, Goldstein value, PLOVER type and QuadClass of each CAMEO code asked for."""
    from parley.errors import LexiconError

    book = state.codebook()
    found: dict[str, Any] = {}
    for code in dict.fromkeys(codes.split(",")):
        try:
            entry = book.get(code)
        except LexiconError:
            continue  # unknown codes are left out rather than failing the whole list
        found[code] = {
            "code": entry.code, "name": entry.name, "goldstein": entry.goldstein,
            "plover": entry.plover, "quad_class": entry.quad_class,
        }
    return JSONResponse(found)


# Declares the scheme in OpenAPI (the Authorize button of /docs); the check itself is below.
_bearer = HTTPBearer(auto_error=False, description="The server's PARLEY_API_TOKEN")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _check_token(state: AppState, credentials: HTTPAuthorizationCredentials | None) -> None:
    if state.api_token is None:
        raise ApiError(
            403,
            "the write endpoint is off: start the server with PARLEY_API_TOKEN set to enable it",
        )
    challenge = {"WWW-Authenticate": 'Bearer realm="parley"'}
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "missing bearer token: send 'Authorization: Bearer <token>'",
                       headers=challenge)
    # Constant-time comparison: the token must not leak through response timing.
    if not hmac.compare_digest(credentials.credentials.encode(), state.api_token.encode()):
        raise ApiError(401, "invalid bearer token", headers=challenge)


@router.post(
    "/articles",
    response_model=models.ArticlesResult,
    summary="Code and store articles",
    responses={
        401: {"model": ERROR_RESPONSES[400]["model"], "description": "Missing or wrong token"},
        403: {"model": ERROR_RESPONSES[400]["model"], "description": "Write endpoint is off"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": (
                "One article JSON object, a JSON list of them, or JSON Lines: "
                '{"id", "text", "title", "url", "outlet", "published"}; only text is required.'
            ),
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["text"],
                        "properties": {
                            "id": {"type": "string"},
                            "text": {"type": "string"},
                            "title": {"type": "string"},
                            "url": {"type": "string"},
                            "outlet": {"type": "string"},
                            "published": {"type": "string", "format": "date"},
                        },
                    }
                },
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    },
)
async def post_articles(state: State, request: Request, credentials: Credentials) -> JSONResponse:
    """Code each posted article with the Coder and store its events (needs the bearer token)."""
    _check_token(state, credentials)
    posted = parse_articles_body(await request.body())
    results = await run_in_threadpool(_code_and_store, state, posted.articles)
    results["skipped"] = [
        {"record": skip.record, "reason": skip.reason} for skip in posted.skipped
    ]
    return JSONResponse(results)


def _code_and_store(state: AppState, articles: list[Article]) -> dict[str, Any]:
    """Code each article and store it with its events; the Coder loads on first use."""
    if not articles:
        return {"results": [], "coder_version": None}
    from parley.events import code_article

    coder = state.coder()
    results = []
    with state.coding_lock:
        for article in articles:
            events = code_article(article, coder)
            status = state.store.add_article(article, events, coder.version)
            results.append({"id": article.id, "status": status, "events": len(events)})
    return {"results": results, "coder_version": coder.version}
