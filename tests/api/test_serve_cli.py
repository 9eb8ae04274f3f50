"""`parley serve` as a user runs it: a real process on a free loopback port."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

PARLEY = [sys.executable, "-c", "from parley.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, **kwargs: object) -> tuple[int, dict]:
    request = Request(url, **kwargs)  # type: ignore[arg-type]
    try:
        with urlopen(request) as response:
            return response.status, json.load(response)
    except HTTPError as exc:
        return exc.code, json.load(exc)


@pytest.fixture
def served(hand_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    port = _free_port()
    token_file = tmp_path / "token"
    token_file.write_text("file-token\n")
    env = {k: v for k, v in os.environ.items() if k != "PARLEY_API_TOKEN"}
    process = subprocess.Popen(
        [*PARLEY, "serve", "--db", str(hand_db), "--port", str(port),
         "--token-file", str(token_file), "--max-body-mb", "0.01"],
        stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        # uvicorn logs "Uvicorn running on ..." once its socket listens; read until then.
        assert process.stderr is not None
        for line in process.stderr:
            if "uvicorn running on" in line.lower():
                break
        else:
            pytest.fail(f"parley serve exited with {process.wait()}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait()


def test_serve_answers_api_and_dashboard(served: str) -> None:
    status, page = _get(f"{served}/api/events?limit=2")
    assert status == 200
    assert len(page["items"]) == 2 and page["next_cursor"]
    with urlopen(f"{served}/") as response:
        assert b"/static/app.js" in response.read()
    # The token comes from --token-file: no header is 401, not 403 (writes are on).
    status, body = _get(f"{served}/api/articles", data=b'{"text": "x"}', method="POST")
    assert "bearer" in body["error"]["message"]
    assert status == 401
    # --max-body-mb 0.01 is about 10 kB. Only the headers are sent: the server answers from
    # the declared length, so no unread body makes the connection close with a reset.
    host, port = served.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port))
    connection.putrequest("POST", "/api/articles")
    connection.putheader("Authorization", "Bearer file-token")
    connection.putheader("Content-Length", "20000")
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    assert json.load(response)["error"]["code"] == "payload_too_large"
    connection.close()


def test_serve_on_a_bad_store_is_a_one_line_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all " * 200)
    result = subprocess.run(
        [*PARLEY, "serve", "--db", str(junk), "--port", str(_free_port())],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("parley: error:")
    assert "Traceback" not in result.stderr


def test_serve_help_has_an_example() -> None:
    result = subprocess.run([*PARLEY, "serve", "--help"], capture_output=True, text=True,
                            check=True)
    assert "parley serve --db" in result.stdout


def test_serve_with_a_missing_token_file_is_a_one_line_error(hand_db: Path) -> None:
    result = subprocess.run(
        [*PARLEY, "serve", "--db", str(hand_db), "--token-file", "/nonexistent/token"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "/nonexistent/token" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_actor_dictionary_stops_serve_with_one_line(hand_db: Path,
                                                               tmp_path: Path) -> None:
    done = subprocess.run(
        [*PARLEY, "serve", "--db", str(hand_db), "--port", str(_free_port()),
         "--actors", str(tmp_path / "none.actors.txt")],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0
    assert "actor dictionary not found" in done.stderr
    assert "Traceback" not in done.stderr
