"""JSON error responses: every failure leaves the API as `{"error": {...}}`, never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.errors import InputError, ParleyError, QueryError, StoreError

log = logging.getLogger("parley.api")


class ErrorBody(BaseModel):
    """The body of an error: an HTTP status, a short code, a message and the parameter at fault."""

    status: int
    code: str
    message: str
    parameter: str | None = None


class ErrorResponse(BaseModel):
    """What every non-2xx response carries."""

    error: ErrorBody


# Documented on every route so OpenAPI clients (and schemathesis) know the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A bad parameter or body; names the parameter"},
    404: {"model": ErrorResponse, "description": "No such resource"},
    413: {"model": ErrorResponse, "description": "Request body too large"},
    500: {"model": ErrorResponse, "description": "An internal error, without a traceback"},
}

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    500: "internal_error",
    503: "unavailable",
}


def error_response(
    status: int,
    message: str,
    *,
    parameter: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Build the JSON error response used by every handler."""
    body = ErrorBody(
        status=status, code=_CODES.get(status, "error"), message=message, parameter=parameter
    )
    return JSONResponse({"error": body.model_dump()}, status_code=status, headers=headers)


class ApiError(Exception):
    """Raised by route code for an HTTP error with a JSON body."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        parameter: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter
        self.headers = headers


def _validation_parameter(exc: RequestValidationError) -> tuple[str | None, str]:
    """The first failing parameter's name and a one-line reason, from FastAPI's error list."""
    errors = exc.errors()
    if not errors:
        return None, "invalid request"
    first = errors[0]
    loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
    parameter = ".".join(loc) or None
    reason = str(first.get("msg", "invalid value"))
    return parameter, reason


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into JSON errors."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(
            exc.status, exc.message, parameter=exc.parameter, headers=exc.headers
        )

    @app.exception_handler(QueryError)
    async def _query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, str(exc), parameter=exc.parameter)

    @app.exception_handler(InputError)
    async def _input_error(_request: Request, exc: InputError) -> JSONResponse:
        return error_response(400, str(exc), parameter="body")

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parameter, reason = _validation_parameter(exc)
        message = f"{parameter}: {reason}" if parameter else reason
        return error_response(400, message, parameter=parameter)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return error_response(503, f"the event store is unavailable: {exc}")

    @app.exception_handler(ParleyError)
    async def _parley_error(_request: Request, exc: ParleyError) -> JSONResponse:
        log.error("parley error: %s", exc)
        return error_response(500, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Logged with its traceback on the server; the client sees one line.
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal error; see the server log")
