"""Read actor dictionaries in the TABARI/PETRARCH `.actors.txt` format.

    BARACK_OBAMA_  [USAELI 610804-041102] [USALEG 050103-081116]
    +BARACK_HUSSEIN_OBAMA
    +OBAMA_
        [USAGOV 090120-170120]

A line starts an entry (its first name), `+` lines add aliases, and `[CODE range]` codes on
the entry's lines or on indented lines give its roles: `YYMMDD-YYMMDD`, `>YYMMDD` (from),
`<YYMMDD` (until), or no range. `#` starts a comment. Each entry becomes rows of the
packaged people table (name, country, role, igo, start, end, title, aliases), one per code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

Code = tuple[str, str | None, str | None]

# A role code that upgrades the plain GOV before it: "USAGOVLEG" is the legislature.
_ROLE_UPGRADE = frozenset({"LEG", "JUD"})
_RELIGIONS = frozenset({"MUS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN"})
# Non-state prefixes and the role they stand for (the prefix stays as the actor's sector).
_NON_COUNTRY = {"MNC": "BUS", "NGO": "NGO", "NGM": "NGO", "IMG": "REB", "UIS": "REB"}
# CAMEO country codes that are not ISO 3166-1 alpha-3.
_CAMEO_LEGACY = {"KSV": "XKX", "ANG": "AGO"}
_CODE = re.compile(r"\[([^\]]*)\]")


def phoenix_name(raw: str) -> str:
    """'NURSULTAN_NAZARBAYEV_' -> 'NURSULTAN NAZARBAYEV' (case kept; the loader normalises)."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def display_name(raw: str) -> str:
    """Title-case an upper-case dictionary name for display, without a leading 'The'."""
    words = [w.capitalize() if w.isupper() else w for w in phoenix_name(raw).split()]
    if len(words) > 1 and words[0] == "The":
        words = words[1:]
    return " ".join(words)


def parse_date(text: str) -> str | None:
    """YYMMDD (or YYYYMMDD) -> YYYY-MM-DD; None when malformed."""
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return f"{year}-{text[2:4]}-{text[4:6]}"
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    return None


def parse_code(code_text: str) -> Code | None:
    """'KAZGOV 991001-020128' -> ('KAZGOV', start, end); '>080508' is open-ended."""
    parts = code_text.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    start = end = None
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            start = parse_date(rng[1:])
        elif rng.startswith("<"):
            end = parse_date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = parse_date(a), parse_date(b)
        if start is None and end is None:
            return None  # a malformed date would otherwise become an unbounded role
    return parts[0], start, end


def read_blocks(path: Path) -> list[tuple[list[str], list[Code]]]:
    """The entries of an `.actors.txt` file as (names, codes), in file order."""
    blocks: list[tuple[list[str], list[Code]]] = []
    names: list[str] = []
    codes: list[Code] = []

    def flush() -> None:
        if names:
            blocks.append((list(names), list(codes)))
        names.clear()
        codes.clear()

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = [c for c in (parse_code(f) for f in _CODE.findall(line)) if c]
        head = _CODE.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not head:
            codes.extend(found)  # an indented line of codes for the entry above
            continue
        if head.startswith("+"):
            names.append(head[1:].strip())
        else:
            flush()
            if head:
                names.append(head)
        codes.extend(found)
    flush()
    return blocks


def split_code(code: str, is_country: Callable[[str], bool]) -> tuple[str, str, str]:
    """CAMEO actor code -> (country or sector, role, igo): 'USAGOVLEG' -> ('USA', 'LEG', '')."""
    if code.startswith("IGO"):
        return "", "", code
    head = _CAMEO_LEGACY.get(code[:3], code[:3])
    rest = code[3:]
    chunks = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    chunks[:1] = [_CAMEO_LEGACY.get(c, c) for c in chunks[:1]]
    if not is_country(head):
        if head in _NON_COUNTRY:
            # After IMG/NGO the next code may be a religion (MUS = Muslim, not Mauritius).
            country = chunks[0] if chunks and is_country(chunks[0]) and (
                chunks[0] not in _RELIGIONS) else ""
            return country or head, _NON_COUNTRY[head], ""
        return "", head if not rest else chunks[0], ""  # a bare role ([ELI]) or a region
    role = chunks[0] if chunks else ""
    if role == "GOV" and len(chunks) > 1 and chunks[1] in _ROLE_UPGRADE:
        role = chunks[1]
    return head, role, ""


def people_rows(path: Path, is_country: Callable[[str], bool]) -> Iterator[dict[str, str]]:
    """The file's entries with codes as people-table rows (one per code); the first row of
    an entry carries its aliases. A bare role code ([ELI]) takes the entry's country."""
    for names, codes in read_blocks(path):
        if not codes:
            continue
        rows = []
        for code, start, end in codes:
            country, role, igo = split_code(code, is_country)
            rows.append({"name": display_name(names[0]), "country": country, "role": role,
                         "igo": igo, "start": start or "", "end": end or "", "title": "",
                         "aliases": ""})
        rows[0]["aliases"] = "|".join(phoenix_name(n) for n in names)
        last = next((r["country"] for r in reversed(rows) if r["country"]), "")
        for r in rows:
            if not r["country"] and not r["igo"]:
                r["country"] = last
        yield from rows
