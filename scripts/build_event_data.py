"""Convert the shared CAMEO resources into parley.events package data.

Run once by a maintainer (the product never reads ../shared at run time):

    .venv/bin/python scripts/build_event_data.py ../shared/data

Writes into src/parley/events/data/:
- cameo.tsv: code, name, goldstein, root, plover (from cameo-codes.tsv, MIT, and
  cameo-to-plover.txt, CC BY-SA 4.0), with both notices kept beside it;
- petrarch_verbs.tsv: verbs and their phrase patterns mined from PETRARCH's
  CAMEO.verbs.txt (MIT), as plain lexical facts: verb lemma, object/preposition keywords,
  CAMEO code. PETRARCH's matching engine is not used.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "parley" / "events" / "data"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")


def _plover_name(code: str, event: str, mode: str) -> str:
    """PLOVER's released event names for the Draft 0.8 table's types and modes: REQUEST is
    DEMAND, ACCUSE splits into INVESTIGATE (mode investigate) and DISAPPROVE, and
    conventional military force (CAMEO 19x) is FIGHT rather than ASSAULT."""
    if event == "REQUEST":
        return "DEMAND"
    if event == "ACCUSE":
        return "INVESTIGATE" if mode == "investigate" or code.startswith("09") else "DISAPPROVE"
    if event == "ASSAULT" and code.startswith("19"):
        return "FIGHT"
    return event


def build_codebook(shared: Path) -> None:
    """Write cameo.tsv with names, Goldstein values and PLOVER types."""
    plover: dict[str, str] = {}
    for line in (shared / "cameo-to-plover.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)\s*,?\s*([a-z-]*)", line)
        if m:
            plover.setdefault(m.group(1), _plover_name(m.group(1), m.group(2), m.group(3)))
    rows = []
    with (shared / "cameo-codes.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            code = row["code"].strip()
            p = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2]) or ""
            rows.append((code, row["name"].strip(), row["goldstein"].strip(), row["root_code"], p))
    with (OUT / "cameo.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(("code", "name", "goldstein", "root", "plover"))
        w.writerows(rows)
    shutil.copyfile(shared / "cameo-codes.LICENSE.md", OUT / "cameo-codes.LICENSE.md")
    (OUT / "cameo-to-plover.NOTICE.md").write_text(
        "The `plover` column of cameo.tsv comes from the CAMEO to PLOVER conversion table\n"
        "(PLOVER manual Draft 0.8, edited by Philip Schrodt), openeventdata/PLOVER,\n"
        "licensed under Creative Commons Attribution-ShareAlike 4.0 International\n"
        "(https://creativecommons.org/licenses/by-sa/4.0/). Derived column shared alike.\n"
        "Changes: types renamed to PLOVER's released names (REQUEST -> DEMAND; ACCUSE ->\n"
        "INVESTIGATE for mode investigate, else DISAPPROVE; ASSAULT -> FIGHT for CAMEO 19x).\n",
        encoding="utf-8",
    )


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            current = line.split()[0]
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(line[1:].split()[0].strip("_").lower().replace("_", " "))
        elif not line.strip():
            current = None
    return sets


def _code(text: str) -> str | None:
    """First part of a PETRARCH code '[042:043]'; None for '---' or passive-only codes."""
    m = _CODE.search(text)
    if not m:
        return None
    first = m.group(1).split(":")[0].strip()
    return first if first and first != "---" and first.isdigit() else None


def _keywords(after: str, sets: dict[str, list[str]]) -> tuple[str, str] | None:
    """Object and preposition keywords of a pattern's text after the verb ('&SET' kept)."""
    preps: list[str] = []
    words: list[str] = []
    for group in re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", after):
        inner = group.strip("(){}").split()
        if not inner:
            continue
        if group.startswith("("):
            preps.append(inner[0].lower().split("/")[0])
            inner = inner[1:]
        for word in inner:
            if word.startswith("&"):
                if word not in sets:
                    return None
                words.append(word)
            elif re.fullmatch(r"[A-Z][A-Z'-]*_?", word):
                words.append(word.strip("_").lower())
    if not words and not preps:
        return None
    return ";".join(words), ";".join(preps)


def build_verbs(shared: Path) -> None:
    """Mine CAMEO.verbs.txt into petrarch_verbs.tsv (lemma, code, keywords, preps, line)."""
    src = shared / "petrarch" / "CAMEO.verbs.txt"
    lines = src.read_text(encoding="utf-8", errors="replace").splitlines()
    sets = _synsets(lines)
    rows: list[tuple[str, str, str, str, str, str]] = []
    block_code: str | None = None
    block_verbs: list[tuple[str, str]] = []  # (lemma, particle)
    in_patterns = False
    for no, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if not in_patterns or not line.strip():
            continue
        m = _BLOCK.match(line)
        if m:
            block_code = _code(f"[{m.group(2)}]")
            block_verbs = []
            continue
        if line.startswith("- "):
            body = line[2:]
            if "*" not in body:
                continue
            before, after = body.split("*", 1)
            if before.strip():  # constraints on the subject side are not mined
                continue
            code = _code(after)
            kw = _keywords(_CODE.sub("", after), sets)
            if code is None or kw is None:
                continue
            for lemma, particle in block_verbs:
                preps = ";".join(p for p in (particle, kw[1]) if p)
                rows.append((lemma, code, kw[0], preps, "pattern", str(no)))
            continue
        word = line.split()[0]
        phrasal = word.startswith("+")
        parts = word.lstrip("+").strip("_").lower().split("_")
        if not parts[0].isalpha():
            continue
        lemma = parts[0]
        particle = parts[1] if phrasal and len(parts) == 2 and parts[1].isalpha() else ""
        if phrasal and particle == "" and len(parts) > 1:
            continue
        block_verbs.append((lemma, particle))
        code = _code(line) or block_code
        if code:
            rows.append((lemma, code, "", particle, "verb", str(no)))
    seen: set[tuple[str, ...]] = set()
    with (OUT / "petrarch_verbs.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        fh.write(
            "# Mined from PETRARCH's CAMEO.verbs.txt (openeventdata/petrarch2), MIT License,\n"
            "# Copyright (c) 2015 Open Event Data Alliance; see petrarch.LICENSE.txt.\n"
        )
        w.writerow(("lemma", "code", "objects", "preps", "kind", "line"))
        for row in rows:
            if row[:5] not in seen:
                seen.add(row[:5])
                w.writerow(row)
    with (OUT / "petrarch_sets.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Synonym sets mined from PETRARCH's CAMEO.verbs.txt, MIT; "
                 "see petrarch.LICENSE.txt.\n")
        for name, words in sorted(sets.items()):
            fh.write(f"{name}\t{'|'.join(sorted(set(words)))}\n")
    shutil.copyfile(shared / "petrarch" / "LICENSE", OUT / "petrarch.LICENSE.txt")


def build_forms() -> None:
    """Irregular verb and noun forms (form -> lemma) from spaCy's English lemmatizer
    exception tables (MIT), so the prefilter finds "met" for "meet", "fought" for "fight"."""
    import spacy

    from parley.nlp import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    exc = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    rows = set()
    for pos in ("verb", "noun"):
        for form, lemmas in exc[pos].items():
            for lemma in lemmas:
                stem = lemma[:-1] if len(lemma) > 4 else lemma
                if form.isalpha() and not form.startswith(stem):
                    rows.add((form, lemma))
    with (OUT / "irregular_forms.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Irregular forms from spaCy's English lemmatizer exceptions "
                 "(MIT, Explosion AI).\n")
        for form, lemma in sorted(rows):
            fh.write(f"{form}\t{lemma}\n")


def main(argv: list[str]) -> int:
    """Build the events package data from a ../shared/data folder."""
    shared = Path(argv[1] if len(argv) > 1 else "../shared/data")
    OUT.mkdir(parents=True, exist_ok=True)
    build_codebook(shared)
    build_verbs(shared)
    build_forms()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
