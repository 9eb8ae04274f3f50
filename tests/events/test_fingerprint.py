"""Coder.version = package version + a fingerprint of the lexicon data files."""

from __future__ import annotations

import shutil
from pathlib import Path

from parley import __version__
from parley.coder import coder_version, data_dirs, data_fingerprint


def _copy(tmp_path: Path) -> tuple[Path, ...]:
    out = []
    for d in data_dirs():
        dst = tmp_path / d.parent.name / "data"
        shutil.copytree(d, dst, ignore=shutil.ignore_patterns("__pycache__"))
        out.append(dst)
    return tuple(out)


def test_fingerprint_stable_and_sensitive_to_one_byte(tmp_path: Path) -> None:
    dirs = _copy(tmp_path)
    first = data_fingerprint(dirs)
    assert data_fingerprint(dirs) == first
    assert data_fingerprint(data_dirs()) == first  # same bytes, same fingerprint
    patterns = dirs[0] / "patterns.yaml"
    raw = bytearray(patterns.read_bytes())
    raw[-1:] = b"\n\n" if raw[-1:] == b"\n" else b"\n"
    patterns.write_bytes(bytes(raw))
    assert data_fingerprint(dirs) != first


def test_fingerprint_covers_actor_data(tmp_path: Path) -> None:
    dirs = _copy(tmp_path)
    first = data_fingerprint(dirs)
    (dirs[1] / "people.tsv").write_bytes((dirs[1] / "people.tsv").read_bytes() + b"#\n")
    assert data_fingerprint(dirs) != first


def test_coder_version_carries_package_version_and_fingerprint(coder) -> None:
    assert coder.version == coder_version()
    assert coder.version.startswith(__version__ + "+")
    assert coder.version == f"{__version__}+{data_fingerprint(data_dirs())}"
