"""The evaluation as a Markdown document (docs/accuracy.md)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from parley.evaluate.render import combined_triples, error_kinds
from parley.evaluate.runner import FileReport
from parley.evaluate.scoring import PENTA_NAMES, PRF, Accuracy

# What each error kind means, for the reader of docs/accuracy.md.
ERROR_KIND_NOTES = {
    "missed event": "a gold triple with no near prediction at all",
    "no event predicted": "the coder produced no event for the whole record",
    "wrong event type": "right actors, wrong CAMEO root / PLOVER type",
    "direction flipped": "right actors and type, source and target swapped",
    "wrong source country": "right type and target, wrong source",
    "wrong target country": "right type and source, wrong target",
    "no source actor": "right type and target, but no source found",
    "no target actor": "right type and source, but no target found",
    "spurious event": "a prediction with no gold counterpart (costs precision)",
    "wrong role": "events: triple matched but a gold role differs; actors: another role",
    "wrong date": "matched event, date does not agree with the gold",
    "wrong place": "matched event, place does not agree with the gold",
    "wrong historical flag": "matched event, historical flag differs",
    "wrong penta class": "most confident event in the wrong five-way class",
    "no event (fallback class)": "no event found; the fallback class was wrong",
    "no event with both actors": "span gold: no prediction has both a source and a target",
    "actors not the gold spans": "span gold: predicted actors overlap neither gold span pair",
    "wrong country": "actor resolved to another country",
    "no country": "actor resolved to no country",
    "no role": "actor resolved with no role",
}


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _acc(acc: Accuracy) -> str:
    return "—" if not acc.total else f"{acc.value:.3f} ({acc.correct}/{acc.total})"


def _prf(name: str, prf: PRF) -> str:
    return (
        f"| {name} | {prf.tp} | {prf.fp} | {prf.fn} | {_f(prf.precision)} | {_f(prf.recall)} "
        f"| {_f(prf.f1)} |"
    )


_PRF_HEAD = "| | TP | FP | FN | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|"


def _by_path(reports: Sequence[FileReport]) -> dict[str, FileReport]:
    return {r.path: r for r in reports}


def _measures(r: FileReport | None) -> dict[str, str]:
    """The headline measures of one report, formatted, by name."""
    if r is None:
        return {}
    out: dict[str, str] = {}
    if r.events:
        out["triple F1"] = _f(r.events.triples.f1)
        out["triple F1 with roles"] = _f(r.events.with_roles.f1)
        out["gold events found"] = f"{r.events.events_found}/{r.events.gold_events}"
    if r.penta:
        out["penta macro-F1"] = _f(r.penta.macro_f1)
        out["penta accuracy"] = _f(r.penta.accuracy)
    if r.directions:
        out["direction accuracy (covered)"] = _f(r.directions.accuracy)
        out["direction coverage"] = _f(r.directions.coverage)
    if r.actors:
        out["actor country accuracy"] = _f(r.actors.country.value)
        out["actor role accuracy"] = _f(r.actors.role.value)
    return out


def summary_rows(reports: Sequence[FileReport], baseline: Sequence[FileReport]) -> list[str]:
    """One headline line per measure: Parley beside the baseline."""
    base = _by_path(baseline)
    rows = ["| gold set | measure | Parley | baseline |", "|---|---|---:|---:|"]
    for r in reports:
        theirs = _measures(base.get(r.path))
        for measure, value in _measures(r).items():
            rows.append(
                f"| {Path(r.path).name} | {measure} | {value} | {theirs.get(measure, '—')} |"
            )
    return rows


def _base(path: str) -> tuple[str, str | None]:
    """("name.jsonl", "tune"|"held"|None) from a report path ("dir/name.jsonl#held")."""
    name, _, half = Path(path).name.partition("#")
    return name, half or None


def halves_rows(reports: Sequence[FileReport], baseline: Sequence[FileReport]) -> list[str]:
    """One line per measure and gold set: the tuned-on half, the held-back half and the
    baseline on the whole set side by side (a set scored whole shows in the first column)."""
    base = {_base(r.path)[0]: _measures(r) for r in baseline}
    halves: dict[str, dict[str, dict[str, str]]] = {}
    for r in reports:
        name, half = _base(r.path)
        halves.setdefault(name, {})[half or "whole"] = _measures(r)
    rows = ["| gold set | measure | tuned-on half | held-back half | baseline (whole) |",
            "|---|---|---:|---:|---:|"]
    for name, by_half in halves.items():
        first = by_half.get("tune") or by_half.get("whole") or {}
        held = by_half.get("held", {})
        for measure, value in first.items():
            shown = value if "tune" in by_half else f"{value} (whole)"
            rows.append(f"| {name} | {measure} | {shown} | {held.get(measure, '—')} "
                        f"| {base.get(name, {}).get(measure, '—')} |")
    return rows


def _file_section(r: FileReport) -> list[str]:
    skipped = "; ".join(f"line {n}: {why}" for n, why in r.skipped)
    out = [
        f"### {Path(r.path).name}",
        "",
        f"{r.kind} gold, {r.records} records scored"
        + (f" (skipped: {skipped})" if skipped else "")
        + f", {r.seconds:.1f} s.",
        "",
    ]
    if r.events:
        ev = r.events
        out += [
            f"{ev.gold_events} gold events in {ev.documents} records; {ev.events_found} found "
            "(every member triple matched).",
            "",
            _PRF_HEAD,
            _prf("triples", ev.triples),
            _prf("with roles", ev.with_roles),
            "",
            f"On matched events: date {_acc(ev.date)}, place {_acc(ev.place)}, "
            f"historical {_acc(ev.historical)}.",
            "",
            "Per CAMEO root (gold that has a CAMEO code, by its root; false positives by the "
            "predicted root):",
            "",
            _PRF_HEAD.replace("| |", "| root |", 1),
            *(_prf(k, v) for k, v in sorted(ev.per_root.items())),
            "",
        ]
        if ev.per_plover:
            out += [
                "Recall of gold that has only a PLOVER type: "
                + ", ".join(f"{k} {_acc(v)}" for k, v in sorted(ev.per_plover.items()))
                + ".",
                "",
            ]
    if r.penta:
        pe = r.penta
        out += [
            f"Penta: accuracy {pe.accuracy:.3f}, macro-F1 {pe.macro_f1:.3f} over {pe.sentences} "
            f"sentences; {pe.fallback} had no event (class {pe.fallback_class} assumed).",
            "",
            "| gold \\ predicted | 0 | 1 | 2 | 3 | 4 | F1 |",
            "|---|---:|---:|---:|---:|---:|---:|",
            *(
                f"| {c} {PENTA_NAMES[c]} | "
                + " | ".join(map(str, row))
                + f" | {_f(pe.per_class[c].f1)} |"
                for c, row in enumerate(pe.confusion)
            ),
            "",
        ]
    if r.directions:
        d = r.directions
        out += [
            "| direction | value |",
            "|---|---:|",
            f"| gold events with both spans | {d.gold_events} |",
            f"| covered (a prediction with both actors) | {d.covered} ({d.coverage:.3f}) |",
            f"| direction accuracy of covered | {d.accuracy:.3f} |",
            f"| correct / flipped / other | {d.correct} / {d.flipped} / {d.other} |",
            f"| orientation (correct of correct+flipped) | {d.orientation:.3f} |",
            f"| gold sources overlapped | {_acc(d.source_hits)} |",
            f"| gold targets overlapped | {_acc(d.target_hits)} |",
            "",
        ]
    if r.actors:
        a = r.actors
        out += [
            f"Actors: {a.mentions} mentions; country {_acc(a.country)}, role {_acc(a.role)} "
            "(role scored only where the gold gives one; a list means any of them).",
            "",
        ]
    return out


def report_markdown(
    reports: Sequence[FileReport],
    baseline: Sequence[FileReport],
    *,
    commit: str,
    date: str,
    method: str,
) -> str:
    """docs/accuracy.md: headline, per-file tables, costly error kinds, and the method."""
    triples, roles = combined_triples(reports)
    lines = [
        "# Accuracy",
        "",
        f"Measured {date} at commit `{commit}` by `scripts/accuracy_report.py` (regenerate with "
        "`.venv/bin/python scripts/accuracy_report.py`). Dev gold sets from `../shared/gold/`; "
        "the baseline is the naive keyword coder of `parley.evaluate.baseline`.",
        "",
        "## Summary",
        "",
        f"All event gold combined (micro): triple F1 **{triples.f1:.3f}** "
        f"(P {triples.precision:.3f}, R {triples.recall:.3f}); with roles {roles.f1:.3f}.",
        "",
        "Every dev set is split into two fixed halves by a hash of the record id "
        "(`parley.evaluate.split`): rules are tuned on the first and the second is only "
        "reported. The held-back half is the honest estimate for unseen text.",
        "",
        *halves_rows(reports, baseline),
        "",
        "## Error kinds that cost the most",
        "",
        "Counted over every mismatch of the real coder (`parley evaluate --errors FILE` lists "
        "them record by record).",
        "",
        "| scorer | error kind | count | what it means |",
        "|---|---|---:|---|",
    ]
    for (scorer, kind), n in error_kinds(reports).most_common(20):
        lines.append(f"| {scorer} | {kind} | {n} | {ERROR_KIND_NOTES.get(kind, '')} |")
    lines += ["", "## Per gold set and half", ""]
    for r in reports:
        lines += _file_section(r)
    lines += ["## How it is scored", "", method.strip(), ""]
    return "\n".join(lines)
