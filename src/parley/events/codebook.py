"""The CAMEO codebook: name, Goldstein value, PLOVER type and QuadClass of every code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from parley.errors import LexiconError


@dataclass(frozen=True, kw_only=True, slots=True)
class CameoCode:
    """One CAMEO event code and what it means."""

    code: str
    name: str
    goldstein: float
    root: str
    plover: str | None
    quad_class: int


def quad_class(root: str) -> int:
    """QuadClass of a CAMEO root: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material."""
    r = int(root)
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


class Codebook:
    """Maps a CAMEO code ("043", "0311", "19") to its CameoCode."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def load(cls) -> Codebook:
        """Read the packaged cameo.tsv."""
        text = resources.files("parley.events").joinpath("data/cameo.tsv").read_text("utf-8")
        codes: dict[str, CameoCode] = {}
        for i, row in enumerate(csv.DictReader(text.splitlines(), delimiter="\t"), 2):
            try:
                code = row["code"]
                codes[code] = CameoCode(
                    code=code,
                    name=row["name"],
                    goldstein=float(row["goldstein"]),
                    root=code[:2],
                    plover=row["plover"] or None,
                    quad_class=quad_class(code[:2]),
                )
            except (KeyError, ValueError) as exc:
                raise LexiconError(f"cameo.tsv line {i}: {exc}") from exc
        return cls(codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> CameoCode:
        """The entry for a code; an unknown sub-code falls back to its parent code."""
        c = code
        while c and c not in self._codes:
            c = c[:-1]
        if len(c) < 2:
            raise LexiconError(f"unknown CAMEO code {code!r}")
        entry = self._codes[c]
        if c != code:
            return CameoCode(
                code=code, name=entry.name, goldstein=entry.goldstein, root=entry.root,
                plover=entry.plover, quad_class=entry.quad_class,
            )
        return entry
