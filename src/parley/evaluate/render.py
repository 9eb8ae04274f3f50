"""Reports as rich tables, JSON, Markdown and mismatch JSON Lines."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.table import Table

from parley.evaluate.runner import FileReport
from parley.evaluate.scoring import PENTA_NAMES, PRF, Accuracy


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _acc(acc: Accuracy) -> str:
    return "—" if not acc.total else f"{acc.value:.3f} ({acc.correct}/{acc.total})"


def _prf_row(name: str, prf: PRF) -> list[str]:
    return [
        name,
        str(prf.tp),
        str(prf.fp),
        str(prf.fn),
        _pct(prf.precision),
        _pct(prf.recall),
        _pct(prf.f1),
    ]


def combined_triples(reports: Sequence[FileReport]) -> tuple[PRF, PRF]:
    """Triple and with-roles counts summed over the event reports (micro-averaged)."""

    def total(attr: str) -> PRF:
        scores = [getattr(r.events, attr) for r in reports if r.events is not None]
        return PRF(
            tp=sum(s.tp for s in scores), fp=sum(s.fp for s in scores), fn=sum(s.fn for s in scores)
        )

    return total("triples"), total("with_roles")


def report_json(reports: Sequence[FileReport], baseline: Sequence[FileReport] = ()) -> str:
    """The whole evaluation as one JSON document."""
    triples, roles = combined_triples(reports)
    out: dict = {
        "files": [r.to_dict() for r in reports],
        "combined": {"triples": triples.to_dict(), "with_roles": roles.to_dict()},
    }
    if baseline:
        b_triples, b_roles = combined_triples(baseline)
        out["baseline"] = {
            "files": [r.to_dict() for r in baseline],
            "combined": {"triples": b_triples.to_dict(), "with_roles": b_roles.to_dict()},
        }
    return json.dumps(out, indent=2, ensure_ascii=False)


def write_mismatches(reports: Sequence[FileReport], handle: IO[str]) -> int:
    """Write every per-record mismatch as JSON Lines; return how many."""
    n = 0
    for report in reports:
        for miss in report.mismatches:
            handle.write(json.dumps({"coder": report.coder, **miss}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _base(baseline: Sequence[FileReport], report: FileReport) -> FileReport | None:
    return next((b for b in baseline if b.path == report.path), None)


def error_kinds(reports: Sequence[FileReport]) -> Counter:
    """Error kinds counted over every mismatch, across scorers."""
    counts: Counter = Counter()
    for report in reports:
        for miss in report.mismatches:
            for error in miss.get("errors", []):
                counts[(miss["scorer"], error["kind"])] += 1
    return counts


def render_report(
    reports: Sequence[FileReport], console: Console, baseline: Sequence[FileReport] = ()
) -> None:
    """Print the evaluation as rich tables (baseline figures beside, when given)."""
    for report in reports:
        base = _base(baseline, report)
        skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
        console.rule(
            f"{Path(report.path).name} — {report.kind}, {report.records} records{skipped}, "
            f"{report.seconds:.1f}s"
        )
        if report.events is not None:
            _render_events(report, base, console)
        if report.penta is not None:
            _render_penta(report, base, console)
        if report.directions is not None:
            _render_directions(report, base, console)
        if report.actors is not None:
            _render_actors(report, base, console)
    event_reports = [r for r in reports if r.events is not None]
    if len(event_reports) > 1:
        triples, roles = combined_triples(event_reports)
        table = Table(title="All event gold combined (micro)")
        for col in ("", "TP", "FP", "FN", "P", "R", "F1"):
            table.add_column(col, justify="right" if col else "left")
        table.add_row(*_prf_row("triples", triples))
        table.add_row(*_prf_row("with roles", roles))
        if baseline:
            b_triples, _ = combined_triples(baseline)
            table.add_row(*_prf_row("baseline triples", b_triples))
        console.print(table)


def _render_events(report: FileReport, base: FileReport | None, console: Console) -> None:
    ev = report.events
    table = Table(
        title=f"Events: {ev.gold_events} gold events in {ev.documents} documents, "
        f"{ev.events_found} found"
    )
    for col in ("", "TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(col, justify="right" if col else "left")
    table.add_row(*_prf_row("triples", ev.triples))
    table.add_row(*_prf_row("with roles", ev.with_roles))
    if base is not None and base.events is not None:
        table.add_row(*_prf_row("baseline triples", base.events.triples), style="dim")
    console.print(table)
    acc = Table(title="On matched events")
    for col in ("date", "place", "historical"):
        acc.add_column(col, justify="right")
    acc.add_row(_acc(ev.date), _acc(ev.place), _acc(ev.historical))
    console.print(acc)
    roots = Table(title="Per CAMEO root (false positives by predicted root)")
    for col in ("root", "TP", "FP", "FN", "P", "R", "F1"):
        roots.add_column(col, justify="right" if col != "root" else "left")
    for key, prf in sorted(ev.per_root.items()):
        roots.add_row(*_prf_row(key, prf))
    console.print(roots)
    if ev.per_plover:
        found = ", ".join(f"{k} {_acc(v)}" for k, v in sorted(ev.per_plover.items()))
        console.print(f"[bold]Recall of PLOVER-only gold:[/bold] {found}")
    if ev.error_kinds:
        kinds = ", ".join(
            f"{k} {n}" for k, n in sorted(ev.error_kinds.items(), key=lambda kv: -kv[1])
        )
        console.print(f"[bold]Errors:[/bold] {kinds}")


def _render_penta(report: FileReport, base: FileReport | None, console: Console) -> None:
    pe = report.penta
    line = (
        f"[bold]Penta[/bold]: accuracy {pe.accuracy:.3f}, macro-F1 {pe.macro_f1:.3f} over "
        f"{pe.sentences} sentences ({pe.fallback} with no event → class {pe.fallback_class})"
    )
    if base is not None and base.penta is not None:
        line += f"; baseline accuracy {base.penta.accuracy:.3f}, macro-F1 {base.penta.macro_f1:.3f}"
    console.print(line)
    table = Table(title="Penta confusion (rows gold, columns predicted)")
    table.add_column("gold \\ predicted")
    for c in range(5):
        table.add_column(str(c), justify="right")
    table.add_column("F1", justify="right")
    for c, row in enumerate(pe.confusion):
        table.add_row(f"{c} {PENTA_NAMES[c]}", *map(str, row), _pct(pe.per_class[c].f1))
    console.print(table)


def _render_directions(report: FileReport, base: FileReport | None, console: Console) -> None:
    d = report.directions
    table = Table(title="Direction on span gold")
    for col in ("", "value"):
        table.add_column(col, justify="right" if col else "left")
    rows = [
        ("gold events with both spans", str(d.gold_events)),
        ("covered (an event with both actors)", f"{d.covered} ({d.coverage:.3f})"),
        ("direction accuracy (of covered)", f"{d.accuracy:.3f}"),
        ("correct / flipped / other", f"{d.correct} / {d.flipped} / {d.other}"),
        ("orientation accuracy (correct of correct+flipped)", f"{d.orientation:.3f}"),
        ("gold sources overlapped", _acc(d.source_hits)),
        ("gold targets overlapped", _acc(d.target_hits)),
    ]
    if base is not None and base.directions is not None:
        rows.append(
            (
                "baseline direction accuracy / coverage",
                f"{base.directions.accuracy:.3f} / {base.directions.coverage:.3f}",
            )
        )
    for row in rows:
        table.add_row(*row)
    console.print(table)


def _render_actors(report: FileReport, base: FileReport | None, console: Console) -> None:
    a = report.actors
    table = Table(title=f"Actors: {a.mentions} mentions")
    table.add_column("")
    table.add_column("country", justify="right")
    table.add_column("role", justify="right")
    table.add_row("accuracy", _acc(a.country), _acc(a.role))
    if base is not None and base.actors is not None:
        table.add_row("baseline", _acc(base.actors.country), _acc(base.actors.role), style="dim")
    console.print(table)
