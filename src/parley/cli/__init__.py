"""Parley's command line: a thin layer over the library.

Each command module registers its commands on `parley.cli.app.app`; `main` turns Parley's
named exceptions into one-line messages and exit codes.
"""

from __future__ import annotations

import importlib
import sys

from parley.cli.app import app
from parley.errors import ParleyError

# Command modules, imported for their registrations. A module that is not written yet is
# simply absent from the command list.
_COMMAND_MODULES = ("actors", "coding", "evaluate", "store", "serve", "spark")


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(f"parley.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"parley.cli.{name}":
                raise


def main() -> None:
    """Entry point of the `parley` command."""
    _register()
    try:
        app()
    except ParleyError as exc:
        print(f"parley: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("parley: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


__all__ = ["app", "main"]
