"""Root fixtures: a real PostgreSQL server for the session, and store URLs for both backends."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# ../shared beside the repository: the gold sets, the seed article and the corpora.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop at once, with one clear line, when ../shared is not beside the repository."""
    if not (SHARED / "gold").is_dir():
        pytest.exit(f"the shared data folder is missing: expected {SHARED} (with gold/, "
                    "seed/, corpora/) beside the repository", returncode=4)


def _pg_bindir() -> Path:
    """The PostgreSQL server programs' folder; fails the test run when they are missing."""
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        pytest.fail(
            "PostgreSQL is not installed (no pg_config): run `bash scripts/sysdeps.sh` "
            "(make test does) to install it",
            pytrace=False,
        )
    bindir = Path(
        subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    for program in ("initdb", "postgres", "pg_isready"):
        if not (bindir / program).exists():
            pytest.fail(
                f"PostgreSQL server program {program} missing in {bindir}: run "
                "`bash scripts/sysdeps.sh` (make test does) to install the server",
                pytrace=False,
            )
    return bindir


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    """Run as the postgres user when we are root: initdb and postgres refuse root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server on 127.0.0.1; yields its base URL (no database name)."""
    bindir = _pg_bindir()
    tmp = Path(tempfile.mkdtemp(prefix="parley-pg-"))
    if os.geteuid() == 0:
        shutil.chown(tmp, user="postgres", group="postgres")
    data, log, port = tmp / "data", tmp / "server.log", _free_port()
    initdb = [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
    initdb += ["--no-sync", "-E", "UTF8", "--locale", "C"]
    server_cmd = [str(bindir / "postgres"), "-D", str(data), "-h", "127.0.0.1"]
    server_cmd += ["-p", str(port), "-k", str(tmp), "-c", "fsync=off"]
    server = None
    try:
        made = subprocess.run(_as_postgres(initdb), capture_output=True, text=True, check=False)
        if made.returncode != 0:
            pytest.fail(f"initdb failed: {made.stderr.strip()[-500:]}", pytrace=False)
        with log.open("wb") as log_file:
            server = subprocess.Popen(
                _as_postgres(server_cmd), stdout=subprocess.DEVNULL, stderr=log_file
            )
        ready_cmd = [str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-q"]
        for _ in range(600):  # a bound on waiting, not a timing assertion
            if subprocess.run(ready_cmd, check=False).returncode == 0:
                break
            if server.poll() is not None:
                pytest.fail(f"PostgreSQL exited at start: {log.read_text()[-500:]}", pytrace=False)
            time.sleep(0.1)
        else:
            pytest.fail("PostgreSQL did not become ready", pytrace=False)
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def new_postgres_database(base_url: str) -> str:
    """Create a fresh, empty database on the test server; return its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base_url + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base_url}/{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store location: an SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "parley.db")
    base = request.getfixturevalue("postgres_server")
    return new_postgres_database(base)
